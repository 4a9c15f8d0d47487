/**
 * Full-text search over every passage of the library, with MiniSearch.
 *
 * One options constant, {@link INDEX_OPTIONS}, is used to build the index and to load it:
 * MiniSearch.loadJSON must be given the same tokenizer and term processing the index was built
 * with, or loaded indexes silently stop matching.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { SearchHit, SearchOptions, SearchResponse } from '../shared/api';
import { LEAD_SECTION_ID } from '../shared/model';
import { DEFAULT_SEARCH_LIMIT, MAX_QUERY_LENGTH } from '../shared/schemas';
import type { Library, PassageRef } from './library';
import { normalizeTerm, tokenize, tokenizeWithOffsets } from './text';

/** A search document: one passage, with the titles it sits under. */
export interface SearchDoc {
  /** Document number (see {@link Library.doc}). */
  readonly id: number;
  readonly title: string;
  readonly heading: string;
  readonly text: string;
}

/** Field weights: a word in the article title counts most, then headings, then body text. */
export const FIELD_BOOST = { title: 3, heading: 2, text: 1 } as const;

/** Shortest word that gets prefix matching (shorter prefixes match too much). */
const MIN_PREFIX_LENGTH = 3;
/** Shortest word that gets typo tolerance. */
const MIN_FUZZY_LENGTH = 5;
/** Allowed edits as a fraction of the word's length (MiniSearch rounds it). */
const FUZZY_FRACTION = 0.2;

/** The options the index is built and loaded with. */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['title', 'heading', 'text'],
  storeFields: [],
  tokenize,
  processTerm: (term) => normalizeTerm(term) || null,
  searchOptions: {
    boost: FIELD_BOOST,
    combineWith: 'OR',
    prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
    fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? FUZZY_FRACTION : false),
  },
};

/** The search documents of a library, in document-number order. */
export function searchDocs(library: Library): SearchDoc[] {
  return library.allDocs().map((ref, id) => ({
    id,
    title: ref.article.title,
    heading: ref.section && ref.section.id !== LEAD_SECTION_ID ? ref.section.path.join(' ') : '',
    text: ref.passage.text,
  }));
}

/** Build a fresh index of a library. */
export function buildIndex(library: Library): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  index.addAll(searchDocs(library));
  return index;
}

/** Load an index serialized by `JSON.stringify(index)`, with the options it was built with. */
export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, INDEX_OPTIONS);
}

/**
 * Search the library.
 *
 * @example search(index, library, 'dry mouth', { limit: 5 }).results[0]?.passageId
 */
export function search(
  index: MiniSearch<SearchDoc>,
  library: Library,
  query: string,
  options: SearchOptions = {},
): SearchResponse {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const found: SearchResult[] = q.trim() ? index.search(q) : [];
  const results: SearchHit[] = [];
  for (const r of found) {
    if (results.length >= limit) break;
    const ref = library.doc(r.id as number);
    if (ref) results.push(toHit(ref, r));
  }
  return { query, total: found.length, results };
}

function toHit(ref: PassageRef, r: SearchResult): SearchHit {
  const { article, section, passage } = ref;
  const { snippet, highlights } = makeSnippet(passage.text, new Set(r.terms));
  return {
    articleId: article.id,
    articleTitle: article.title,
    sectionId: passage.sectionId,
    sectionTitle: section?.title ?? 'Reader comments',
    sectionPath: section?.path ?? ['Reader comments'],
    passageId: passage.id,
    kind: passage.kind,
    text: passage.text,
    snippet,
    highlights,
    score: Math.round(r.score * 1000) / 1000,
  };
}

/** Longest snippet, in characters, before it is cut around the best match. */
export const SNIPPET_LENGTH = 220;
/** Characters of context kept before the first highlighted word of a cut snippet. */
const SNIPPET_LEAD = 60;

/**
 * Cut a window of text around the densest run of matched words and mark them.
 *
 * @param terms normalized terms that matched (MiniSearch's `result.terms`)
 * @example makeSnippet('Dry mouth is common', new Set(['mouth'])) // { snippet: 'Dry mouth is common', highlights: [[4, 9]] }
 */
export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
): { snippet: string; highlights: [number, number][] } {
  const marks = tokenizeWithOffsets(text).filter((t) => terms.has(normalizeTerm(t.word)));
  if (text.length <= SNIPPET_LENGTH) {
    return { snippet: text, highlights: marks.map((m) => [m.start, m.end]) };
  }
  // The window start that covers the most matched words.
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < marks.length; i++) {
    while (j < marks.length && marks[j]!.end - marks[i]!.start <= SNIPPET_LENGTH - SNIPPET_LEAD) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = i;
    }
  }
  let start = marks.length > 0 ? Math.max(0, marks[best]!.start - SNIPPET_LEAD) : 0;
  start = Math.min(start, text.length - SNIPPET_LENGTH);
  // Snap to word boundaries so no word is cut in half.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < start + 20 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start + SNIPPET_LENGTH / 2 ? space : end;
  }
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const shift = prefix.length - start;
  return {
    snippet: prefix + text.slice(start, end) + suffix,
    highlights: marks
      .filter((m) => m.start >= start && m.end <= end)
      .map((m) => [m.start + shift, m.end + shift]),
  };
}
