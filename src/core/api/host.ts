/**
 * A host's whole API but printing, composed once for every front end: the library (bundled and
 * the reader's own), the store, and imports. The web host and the command line run the engine
 * in their own thread ({@link inProcessEngine}); the desktop app runs it in a worker thread
 * (engine-client.ts) and adds printing.
 */
import { join } from 'node:path';
import type { QuireApi } from '../../shared/api';
import { LiveLibrary } from '../library/live';
import type { LoadedLibrary } from '../library/load';
import { openStore, storeSetAsideNotice, type StoreOptions, type UserStore } from '../user/store';
import { ARTICLES_FOLDER, UserLibrary, type DamagedEntry } from '../user/user-library';
import { articleLookup } from './engine-client';
import { ImportJobs, userLibraryService, type Engine, type Prepare } from './imports';
import { libraryService, storeService, type PrintApi } from './service';

/** An engine a host can stop. */
export interface HostEngine extends Engine {
  close(): Promise<void>;
}

/** How to open a host. */
export interface HostOptions {
  readonly dataDir: string;
  /** Start the engine over the reader's library of the data folder. */
  readonly engine: (user: UserLibrary) => Promise<HostEngine>;
  /** How files are converted for an import (a worker thread in the app and the web host). */
  readonly prepare: Prepare;
  readonly store?: StoreOptions;
}

/** A host's API, what it has to tell the reader at start, and how to stop it. */
export interface Host {
  readonly api: Omit<QuireApi, keyof PrintApi>;
  readonly store: UserStore;
  readonly user: UserLibrary;
  /** What the reader is told at start (a file set aside), if anything. */
  readonly notice: string | null;
  close(): Promise<void>;
}

/** What the reader is told when their library's list of articles was set aside. */
export function userLibrarySetAsideNotice(setAside: string): string {
  return `The list of the articles you added could not be read, so Quire made it again from the articles' own files. The old list was kept, unchanged, at ${setAside}.`;
}

/** Most damaged articles a notice names; the rest are counted. */
const DAMAGED_NAMED = 3;
/** "A, B and C", as the app's other messages write a list. */
const NAMES = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * What the reader is told of their articles left out because their files were damaged: which,
 * from what file, where the damaged files are kept, and how to have them back.
 */
export function damagedArticlesNotice(damaged: readonly Pick<DamagedEntry, 'title' | 'sourceFile'>[], articlesDir: string): string | null {
  if (damaged.length === 0) return null;
  const named = damaged.slice(0, DAMAGED_NAMED).map((e) => `“${e.title}” (from ${e.sourceFile})`);
  const more = damaged.length - named.length;
  const list = NAMES.format(more > 0 ? [...named, `${more} more`] : named);
  const one = damaged.length === 1;
  return (
    `${one ? 'An article you added' : `${damaged.length} articles you added`} could not be read, so ${one ? 'it is' : 'they are'} left out of your library: ${list}. ` +
    `Add ${one ? 'its file' : 'their files'} again to put ${one ? 'it' : 'them'} back, with ${one ? 'its' : 'their'} bookmarks. The damaged ${one ? 'file was' : 'files were'} kept, unchanged, in ${articlesDir}.`
  );
}

/**
 * Open the store and the reader's library of a data folder, start the engine over them, and
 * compose the API.
 *
 * @example const host = await openHost({ dataDir, engine: inProcessEngine(bundled), prepare })
 */
export async function openHost(options: HostOptions): Promise<Host> {
  const { store, setAside } = await openStore(options.dataDir, options.store);
  const { library: user, setAside: listSetAside } = await UserLibrary.open(options.dataDir);
  const engine = await options.engine(user);
  // The bundled library's ids: the reader's articles never take one, and none can be removed.
  const bundled = new Set((await engine.api.listArticles()).filter((a) => a.origin !== 'user').map((a) => a.id));
  const isBundled = (id: string): boolean => bundled.has(id);
  const jobs = new ImportJobs(user, options.prepare, engine, isBundled);
  // The reader's library's manifest is the library's edition; the engine is brought to it first.
  let served: string | undefined;
  const edition = async (): Promise<string> => {
    const stamp = user.stamp() ?? '';
    if (stamp !== served) {
      await engine.sync();
      served = stamp;
    }
    return stamp;
  };
  // The engine has read every article file by now, setting aside those it found damaged.
  const damaged = damagedArticlesNotice(await user.damagedEntries(), join(user.dir, ARTICLES_FOLDER));
  const notice = [setAside ? storeSetAsideNotice(setAside) : '', listSetAside ? userLibrarySetAsideNotice(listSetAside) : '', damaged ?? ''].filter(Boolean).join(' ') || null;
  return {
    api: { ...engine.api, ...storeService(store, articleLookup(engine.api), notice, undefined, edition), ...userLibraryService(user, jobs, engine, isBundled) },
    store,
    user,
    notice,
    close: async () => {
      // An import under way stops first, its group being added whole, so nothing writes after this.
      await jobs.close();
      await engine.close();
      await store.close();
    },
  };
}

/**
 * The engine in the host's own thread: the live library over the bundled one and the reader's.
 *
 * @example openHost({ dataDir, engine: inProcessEngine(await openContent()), prepare })
 */
export function inProcessEngine(bundled: LoadedLibrary): (user: UserLibrary) => Promise<HostEngine> {
  return async (user) => {
    const live = await LiveLibrary.open(bundled, user);
    return {
      api: libraryService(live),
      sync: () => live.sync(),
      close: async () => {
        await live.save().catch(() => undefined);
        await live.close();
      },
    };
  };
}
