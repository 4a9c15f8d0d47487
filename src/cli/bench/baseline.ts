/**
 * The peer baseline the search engine is held against: MiniSearch as a user would use it out of
 * the box, searching as they type.
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { SearchDoc } from '../../core/search/search';

/**
 * The fields indexed: the same as Quire's index (see `searchDocs`), with MiniSearch's default
 * tokenizer and term processing (no stemming, no stop words, no field boosts).
 */
export const MINISEARCH_FIELDS = ['title', 'heading', 'text'] as const;

/**
 * The search options MiniSearch's documentation gives for search as you type: prefix search and
 * fuzzy matching within a fifth of each word's length; terms combined with OR, the default.
 */
export const MINISEARCH_SEARCH: SearchOptions = { prefix: true, fuzzy: 0.2 };

/**
 * A plain MiniSearch index over the passages, searched with {@link MINISEARCH_SEARCH}.
 *
 * @example new MiniSearchBaseline(searchDocs(library)).search('swalow') // passages with 'swallowing'
 */
export class MiniSearchBaseline {
  private readonly index: MiniSearch<SearchDoc>;

  constructor(docs: readonly SearchDoc[]) {
    this.index = new MiniSearch<SearchDoc>({ fields: [...MINISEARCH_FIELDS] });
    this.index.addAll(docs);
  }

  /** MiniSearch's results for `typed`, best first (all of them: MiniSearch has no limit). */
  search(typed: string): SearchResult[] {
    return this.index.search(typed, MINISEARCH_SEARCH);
  }
}
