/**
 * Loading a built library: what the app does at start. No Markdown is parsed here, and this
 * module does not import the parser.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import { Library, LIBRARY_FORMAT, type LibraryData } from './library';
import { loadIndex, type SearchDoc } from '../search/search';

/** File names inside a built library folder. */
export const LIBRARY_FILE = 'library.json';
export const INDEX_FILE = 'index.json';

/** A library ready to serve: articles and their search index. */
export interface LoadedLibrary {
  readonly library: Library;
  readonly index: MiniSearch<SearchDoc>;
}

/** What a loader can require of a library folder: that it was built from these content files. */
export interface LibraryExpectation {
  /** The fingerprint of the content files (see `fingerprint` in build.ts). */
  readonly fingerprint: string;
}

/**
 * Load a built library folder (what the app does at start: no Markdown is parsed).
 *
 * Given an expectation (as a cache is loaded), the library must also have been built from those
 * content files and the index must be the one written with it, or nothing is loaded.
 *
 * @throws Error naming the folder and file when it is missing, not a library of this format, or
 *   not what was expected
 */
export async function loadLibrary(dir: string, expected?: LibraryExpectation): Promise<LoadedLibrary> {
  const read = async (name: string): Promise<string> => {
    try {
      return await readFile(join(dir, name), 'utf8');
    } catch (e) {
      throw new Error(`library: cannot read ${join(dir, name)}: ${(e as Error).message}; run 'npm run build:content'`, { cause: e });
    }
  };
  const [libraryText, indexText] = await Promise.all([read(LIBRARY_FILE), read(INDEX_FILE)]);
  const data = JSON.parse(libraryText) as LibraryData;
  if (data.format !== LIBRARY_FORMAT) {
    throw new Error(`library: ${join(dir, LIBRARY_FILE)} has format ${String(data.format)}, expected ${LIBRARY_FORMAT}; rebuild it`);
  }
  if (expected && data.fingerprint !== expected.fingerprint) {
    throw new Error(`library: ${join(dir, LIBRARY_FILE)} was built from other content files; rebuild it`);
  }
  if (expected && data.index !== indexHash(indexText)) {
    throw new Error(`library: ${join(dir, INDEX_FILE)} is not the index written with ${LIBRARY_FILE}; rebuild it`);
  }
  return { library: new Library(data), index: loadIndex(indexText) };
}

/** The hash a library records of its index file's text. */
export function indexHash(indexText: string): string {
  return createHash('sha256').update(indexText).digest('hex');
}
