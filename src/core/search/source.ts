/**
 * What a search runs over: a library's passages by document number, its vocabulary and synonyms,
 * and what is derived from them for scoring.
 *
 * A built library loaded as it is (library/load.ts) is one, and so is the library the app serves
 * with the reader's own articles beside the bundled ones (library/live.ts), whose passages sit in
 * a second index that grows and shrinks. Search reads either through this interface alone.
 */
import type { Article } from '../../shared/model';
import type { PassageRef } from '../library/library';
import type { DocTable } from './doc-table';
import type { Scorer } from './scorer';
import type { SearchIndex } from './search-index';
import type { SynonymTable } from './synonyms';
import type { Vocabulary } from './vocabulary';
import type { WordsMemo } from './words';

/** A library's articles and passages as search reads them. */
export interface LibraryView {
  /** Every article, in library order (newest first, undated last). */
  readonly articles: readonly Article[];
  /** The article with this id, if any. */
  article(id: string): Article | undefined;
  /** The passage with this document number (undefined for a number no passage has, or no longer has). */
  doc(n: number): PassageRef | undefined;
  /** One past the highest document number. */
  readonly docCount: number;
  readonly vocabulary: Vocabulary;
  readonly synonyms: SynonymTable;
}

/** A library ready to search. */
export interface SearchSource {
  readonly library: LibraryView;
  /** BM25F over every index of the library, read as one. */
  readonly scorer: Scorer;
  /** Each passage's article slot and kind, as small integers. */
  readonly table: DocTable;
  /** The words of passages and titles as searching sees them, remembered. */
  readonly words: WordsMemo;
  /** Document numbers of the passages whose own text has every one of these words (see rank.ts's exclusions). */
  textMatches(words: readonly string[]): Iterable<number>;
}

/** One index of a library and where its documents sit in the library's numbering. */
export interface NumberedIndex {
  readonly index: SearchIndex;
  readonly docBase: number;
}

/**
 * Document numbers of passages whose text field has every word, over several indexes: MiniSearch's
 * own AND search, in the text field only (a word of the article title must not count).
 */
export function textMatchesIn(indexes: readonly NumberedIndex[], words: readonly string[]): number[] {
  const out: number[] = [];
  for (const { index, docBase } of indexes) {
    for (const r of index.search(words.join(' '), { combineWith: 'AND', fields: ['text'] })) out.push(docBase + (r.id as number));
  }
  return out;
}
