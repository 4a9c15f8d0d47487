/**
 * Preparing one file for the reader's library: converted (content/import) and parsed into an
 * article, with the hash of its bytes; or why it cannot be. Pure work on bytes: the hosts run it
 * in a worker thread (import-worker.ts), the command line in its own.
 */
import { convertFile } from '../content/import/convert';
import { ImportFileError, importedArticle } from '../content/import/imported';
import { bytesHash } from '../user/user-library';
import type { PrepareResult } from './imports';

/** The id an article is parsed with until the library gives it its own. */
const PROVISIONAL_ID = 'provisional';

/**
 * Prepare one file: never throws; a file that cannot be read is a reason in words for people.
 *
 * @example prepareFile('notes.md', bytes) // { ok: true, article: { sourceFile: 'notes.md', … } }
 */
export function prepareFile(name: string, bytes: Uint8Array): PrepareResult {
  try {
    const imported = convertFile(name, bytes);
    const { article } = importedArticle(imported, PROVISIONAL_ID, name);
    return { ok: true, article: { sourceFile: name, sourceHash: bytesHash(bytes), imported, article } };
  } catch (e) {
    if (e instanceof ImportFileError) return { ok: false, reason: e.reason };
    // A converter's own failure on a file nobody foresaw: the file is refused, the import goes on.
    return { ok: false, reason: `it could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}
