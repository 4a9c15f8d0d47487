/**
 * Loading a built library: what the app does at start. No Markdown is parsed here, and this
 * module does not import the parser.
 *
 * A built library is two files written by one build (content/build.ts): the library (articles,
 * synonyms, vocabulary) and its search index. Each records the library's fingerprint and its
 * number of search documents, and the loader refuses a pair that does not belong together: an
 * index of other content would answer with the wrong passages.
 */
import { createHash } from 'node:crypto';
import type { ArticleSummary } from '../../shared/model';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Library, LIBRARY_FORMAT, type LibraryData } from './library';
import { DocTable } from '../search/doc-table';
import { RANKING, TITLE_FIELD } from '../search/ranking';
import { Scorer } from '../search/scorer';
import { loadIndex, type SearchIndex } from '../search/search-index';
import { textMatchesIn, type SearchSource } from '../search/source';
import { WordsMemo } from '../search/words';

/** File names inside a built library folder. */
export const LIBRARY_FILE = 'library.json';
export const INDEX_FILE = 'index.json';

/**
 * A library ready to serve: articles, their search index, and what search derives from them
 * once (a library never changes once loaded).
 *
 * @example search(new LoadedLibrary(library, buildIndex(library)), 'dry mouth')
 */
export class LoadedLibrary implements SearchSource {
  readonly library: Library;
  readonly index: SearchIndex;
  /** The index's BM25F scorer, with the ranking's parameters. */
  readonly scorer: Scorer;
  /** Each passage's article and kind, and each article's title order, as small integers. */
  readonly table: DocTable;
  /** The words of passages and titles as searching sees them, remembered. */
  readonly words: WordsMemo;

  constructor(library: Library, index: SearchIndex) {
    this.library = library;
    this.index = index;
    this.scorer = new Scorer(index, RANKING, TITLE_FIELD);
    this.table = new DocTable(library.placed());
    this.words = new WordsMemo();
  }

  textMatches(words: readonly string[]): number[] {
    return textMatchesIn([{ index: this.index, docBase: 0 }], words);
  }

  /** Every article's metadata, in library order. */
  summaries(): ArticleSummary[] {
    return this.library.summaries();
  }
}

/** What a loader can require of a library folder: that it was built from these content files. */
export interface LibraryExpectation {
  /** The fingerprint of the content files (see `fingerprint` in build.ts). */
  readonly fingerprint: string;
}

/**
 * Load a built library folder (what the app does at start: no Markdown is parsed).
 *
 * The index must have been written with the library (same fingerprint, same number of
 * documents). Given an expectation (as a cache is loaded), the library must also have been built
 * from those content files and the index must be the very file written with it, or nothing is
 * loaded.
 *
 * @throws Error naming the folder and file when it is missing, not a library of this format, not
 *   what was expected, or when library and index do not belong together
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
  const library = new Library(data);
  if (data.documents !== library.allDocs().length) {
    throw new Error(`library: ${join(dir, LIBRARY_FILE)} records ${String(data.documents)} documents but its articles have ${library.allDocs().length}; rebuild it`);
  }
  const index = loadIndex(indexText);
  checkBelongTogether(library, index, join(dir, LIBRARY_FILE), join(dir, INDEX_FILE));
  return new LoadedLibrary(library, index);
}

/**
 * Check that an index was written with a library: the same number of documents (counted, not
 * taken on trust) and the fingerprint the build stamped into both.
 *
 * @throws Error naming both files
 */
export function checkBelongTogether(library: Library, index: SearchIndex, libraryFile: string, indexFile: string): void {
  const rebuild = "rebuild with 'npm run build:content'";
  const documents = library.allDocs().length;
  if (index.documentCount !== documents) {
    throw new Error(`library: ${indexFile} has ${index.documentCount} documents but ${libraryFile} has ${documents}: ${rebuild}`);
  }
  const stamp = index.writtenWith;
  if (stamp === undefined) throw new Error(`library: ${indexFile} does not say which library it was written with (an older build?): ${rebuild}`);
  if (stamp.fingerprint !== library.fingerprint || stamp.documents !== documents) {
    throw new Error(`library: ${indexFile} was built from other content than ${libraryFile} (fingerprint ${stamp.fingerprint.slice(0, 12)}…, not ${library.fingerprint.slice(0, 12)}…): ${rebuild}`);
  }
}

/** The hash a library records of its index file's text. */
export function indexHash(indexText: string): string {
  return createHash('sha256').update(indexText).digest('hex');
}
