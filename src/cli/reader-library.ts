/**
 * The reader's own articles beside the library a command searches (`--data-dir DIR`), as the
 * app serves them. Loaded by main.ts only when asked for.
 */
import { LiveLibrary } from '../core/library/live';
import type { LoadedLibrary } from '../core/library/load';
import { UserLibrary } from '../core/user/user-library';

/**
 * The library with the reader's articles of a data folder beside it; their segment is saved
 * when it had to be brought up to date, so that the next command loads it as it is.
 */
export async function readerLibrary(loaded: LoadedLibrary, dataDir: string): Promise<LiveLibrary> {
  const { library } = await UserLibrary.open(dataDir);
  const live = await LiveLibrary.open(loaded, library);
  await live.save().catch(() => undefined);
  return live;
}
