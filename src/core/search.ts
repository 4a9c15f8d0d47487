/**
 * Full-text search over every passage of the library, with MiniSearch.
 *
 * A query is parsed (see query.ts), expanded with synonyms, and run as one MiniSearch query tree:
 * each clause ORed (every word counts, none is required), typo tolerance growing with word
 * length, prefix matching on the word being typed. The best candidates are then re-ranked with
 * what MiniSearch cannot see: exact phrases and proximity, and editorial text before comments.
 *
 * One options constant, {@link INDEX_OPTIONS}, is used to build the index and to load it:
 * MiniSearch.loadJSON must be given the same tokenizer and term processing the index was built
 * with, or loaded indexes silently stop matching.
 */
import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import type { SearchFacet, SearchHit, SearchOptions, SearchResponse } from '../shared/api';
import { LEAD_SECTION_ID, PASSAGE_KINDS, type PassageKind } from '../shared/model';
import { DEFAULT_SEARCH_LIMIT, MAX_QUERY_LENGTH } from '../shared/schemas';
import type { Library, PassageRef } from './library';
import type { LoadedLibrary } from './load';
import { parseQuery, queryWords, type Alternative, type ParsedQuery, type Scope } from './query';
import { termsOf } from './synonyms';
import { foldWord, termOf, tokenize, tokenizeWithOffsets } from './text';
export { maxTypos } from './vocabulary';

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

/** Shortest typed word that is matched as a prefix (shorter prefixes match too much). */
const MIN_PREFIX_LENGTH = 3;
/** Weight of a synonym's match relative to the word searched. */
export const SYNONYM_WEIGHT = 0.5;
/** Score factor of a reader comment, so editorial text wins an equal match. */
export const COMMENT_WEIGHT = 0.85;
/** Score factor for each pair of query words found side by side, in order. */
const ADJACENT_BONUS = 0.3;
/**
 * A term is common when it occurs, on average, in at least one passage in four. Common terms
 * rank nothing (their inverse document frequency is near zero) yet cost the most to score, so a
 * query that has rarer words leaves them out, as it does stop words.
 */
const COMMON_TERM_RATIO = 0.25;
/** Candidates re-ranked for phrases and proximity (the rest keep MiniSearch's order). */
const RERANK_DEPTH = 100;

/** The options the index is built and loaded with. */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['title', 'heading', 'text'],
  storeFields: [],
  tokenize,
  processTerm: termOf,
  // Typos and completions are matched against the vocabulary (see vocabulary.ts), not here.
  searchOptions: { boost: FIELD_BOOST, combineWith: 'OR', prefix: false, fuzzy: false },
};

/** Query terms handed to MiniSearch are index terms already: process them no further. */
const asIndexTerm = (term: string): string => term;

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

/** Which passage kinds each `in:` scope covers. */
const SCOPE_KINDS: Record<Scope, readonly PassageKind[]> = {
  comments: ['comment'],
  body: PASSAGE_KINDS.filter((k) => k !== 'comment'),
  faq: ['question', 'answer'],
  table: ['table'],
};

/** Folded words of a text, for phrase and proximity checks. */
function foldedWords(text: string): string[] {
  return tokenize(text).map(foldWord);
}

/** Whether `words` (folded) stand together, in order, in `hay`. */
function containsSequence(hay: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return true;
  outer: for (let i = 0; i + words.length <= hay.length; i++) {
    for (let k = 0; k < words.length; k++) if (hay[i + k] !== words[k]) continue outer;
    return true;
  }
  return false;
}

/** A sub-query for index terms with weights, ORed. */
function weightedQuery(terms: ReadonlyMap<string, number>): Query {
  return {
    combineWith: 'OR',
    queries: [...terms].map(([term, weight]) => ({ queries: [term], processTerm: asIndexTerm, boostTerm: () => weight })),
  };
}

/** Rankings of common-word queries kept per library (oldest dropped first). */
const COMMON_CACHE_SIZE = 64;
const commonCaches = new WeakMap<LoadedLibrary, Map<string, Ranked[]>>();

/** The common-query ranking cache of a library (a library never changes once loaded). */
function commonQueryCache(loaded: LoadedLibrary): Map<string, Ranked[]> {
  let cache = commonCaches.get(loaded);
  if (!cache) commonCaches.set(loaded, (cache = new Map()));
  return cache;
}

/** Whether a term is common enough to leave out when rarer words are searched. */
function commonTest(loaded: LoadedLibrary): (stem: string) => boolean {
  const threshold = loaded.library.allDocs().length * COMMON_TERM_RATIO;
  return (stem) => loaded.library.vocabulary.stemCount(stem) >= threshold;
}

/** The index terms of one alternative's single word, with weights. */
function expandWord(loaded: LoadedLibrary, word: string, prefix: boolean): Map<string, number> {
  return loaded.library.vocabulary.expand(word, prefix && foldWord(word).length >= MIN_PREFIX_LENGTH, commonTest(loaded));
}

/** A MiniSearch sub-query for one alternative: a word, or all words of a phrase. */
function alternativeQuery(loaded: LoadedLibrary, alt: Alternative, prefixLast: boolean): Query | undefined {
  const words = alt.words.filter((w) => termOf(w) !== null);
  if (words.length === 0) return undefined;
  const vocabulary = loaded.library.vocabulary;
  if (words.length === 1) {
    const terms = expandWord(loaded, words[0]!, prefixLast);
    return terms.size > 0 ? weightedQuery(terms) : undefined;
  }
  // Every word of a phrase must be there (quoted phrases are then checked for word order).
  return {
    combineWith: 'AND',
    queries: words.map((w) => (alt.quoted ? weightedQuery(new Map([[termOf(w)!, 1]])) : weightedQuery(vocabulary.expand(w, false)))),
  };
}

/** The query's terms as a flat sequence (stop words left out), for synonym lookups. */
function clauseTerms(parsed: ParsedQuery): string[] {
  return parsed.clauses.flatMap((c) => (c.alternatives.length === 1 ? c.alternatives[0]!.words : []).map(termOf)).filter((t): t is string => t !== null);
}

/** Synonym sub-queries for every run of the query's words that has synonyms. */
function synonymQueries(loaded: LoadedLibrary, parsed: ParsedQuery): Query[] {
  const table = loaded.library.synonyms;
  const terms = clauseTerms(parsed);
  const queries: Query[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < terms.length; i++) {
    for (let n = Math.min(table.longest, terms.length - i); n >= 1; n--) {
      for (const synonym of table.lookup(terms.slice(i, i + n))) {
        const key = synonym.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        // Terms are already processed; MiniSearch reprocesses them, and a stem's stem is itself.
        // MiniSearch multiplies a score by the number of query terms matched; a synonym phrase
        // of n words would count n times, so each of its words weighs 1/n² of a synonym.
        const weight = SYNONYM_WEIGHT / synonym.length ** 2;
        queries.push({ combineWith: 'AND', queries: [key], processTerm: asIndexTerm, boostTerm: () => weight });
      }
    }
  }
  return queries;
}

/** Article ids an `article:` value names: the id itself, or titles containing its words. */
function resolveArticles(library: Library, values: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const value of values) {
    const v = value.toLowerCase();
    if (library.article(v)) {
      ids.add(v);
      continue;
    }
    const words = queryWords(value.replace(/[-_]/g, ' ')).map(foldWord);
    for (const a of library.articles) {
      const title = new Set(foldedWords(a.title));
      const idWords = new Set(a.id.split('-'));
      if (words.length > 0 && words.every((w) => title.has(w) || idWords.has(w) || [...title].some((t) => t.startsWith(w) && w.length >= 3))) ids.add(a.id);
    }
  }
  return ids;
}

/** The engine's answer before it is cut to a page of hits. */
interface Ranked {
  readonly ref: PassageRef;
  readonly result: SearchResult;
  score: number;
}

/**
 * Search the library.
 *
 * @example search(loaded, 'dry mouth -botox in:faq', { limit: 5 }).results[0]?.passageId
 */
export function search(loaded: LoadedLibrary, query: string, options: SearchOptions = {}): SearchResponse {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const ranked = rank(loaded, parseQuery(q));
  const empty: SearchResponse = { query, total: 0, results: [], articles: [], kinds: [] };
  if (ranked === undefined) return empty;

  // Facets as search interfaces count them: each facet's counts apply every filter but its own,
  // so a chip shows how many hits choosing it would give.
  const articleFilter = options.articleIds?.length ? new Set(options.articleIds) : undefined;
  const kindFilter = options.kinds?.length ? new Set(options.kinds) : undefined;
  const articleCounts = new Map<string, number>();
  const kindCounts = new Map<PassageKind, number>();
  const kept: Ranked[] = [];
  for (const r of ranked) {
    const inArticle = !articleFilter || articleFilter.has(r.ref.article.id);
    const inKind = !kindFilter || kindFilter.has(r.ref.passage.kind);
    if (inKind) articleCounts.set(r.ref.article.id, (articleCounts.get(r.ref.article.id) ?? 0) + 1);
    if (inArticle) kindCounts.set(r.ref.passage.kind, (kindCounts.get(r.ref.passage.kind) ?? 0) + 1);
    if (inArticle && inKind) kept.push(r);
  }
  const articles: SearchFacet[] = [...articleCounts]
    .map(([key, count]) => ({ key, label: loaded.library.article(key)?.title ?? key, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const kinds: SearchFacet<PassageKind>[] = PASSAGE_KINDS.filter((k) => kindCounts.has(k)).map((k) => ({ key: k, label: k, count: kindCounts.get(k)! }));
  const response: SearchResponse = {
    query,
    total: kept.length,
    results: kept.slice(0, limit).map((r) => toHit(r)),
    articles,
    kinds,
  };
  if (ranked.length === 0) {
    const didYouMean = correct(loaded, q);
    if (didYouMean) return { ...response, didYouMean };
  }
  return response;
}

/** Run a parsed query: every passage it matches, best first; undefined when it asks nothing. */
function rank(loaded: LoadedLibrary, parsed: ParsedQuery): Ranked[] | undefined {
  const { library, index } = loaded;
  const hasScope = parsed.scopes.length > 0 || parsed.articles.length > 0;
  if (parsed.clauses.length === 0 && !hasScope) return undefined;

  const kinds = parsed.scopes.length > 0 ? new Set(parsed.scopes.flatMap((s) => SCOPE_KINDS[s])) : undefined;
  const articleIds = parsed.articles.length > 0 ? resolveArticles(library, parsed.articles) : undefined;
  const excluded = excludedDocs(loaded, parsed);
  const required = parsed.clauses.flatMap((c) => (c.alternatives.every((a) => a.quoted) ? [c.alternatives.map((a) => a.words.map(foldWord))] : []));

  const allowed = (id: number): boolean => {
    const ref = library.doc(id);
    if (!ref || excluded.has(id)) return false;
    if (kinds && !kinds.has(ref.passage.kind)) return false;
    if (articleIds && !articleIds.has(ref.article.id)) return false;
    if (required.length > 0) {
      const words = foldedWords(ref.passage.text);
      if (!required.every((alts) => alts.some((phrase) => containsSequence(words, phrase)))) return false;
    }
    return true;
  };

  const lastClause = parsed.clauses.length - 1;
  // Clauses of common words only are left out when another clause has a rarer word.
  const isCommon = commonTest(loaded);
  const common = parsed.clauses.map(
    (clause, ci) =>
      clause.alternatives.every((a) => !a.quoted && a.words.length === 1) &&
      clause.alternatives.every((a) => [...expandWord(loaded, a.words[0]!, parsed.typing && ci === lastClause).keys()].every(isCommon)),
  );
  const skip = common.some((c) => !c) ? common : common.map(() => false);
  const clauseQueries: Query[] = parsed.clauses.flatMap((clause, ci) => {
    if (skip[ci]) return [];
    const alts = clause.alternatives
      .map((alt, ai) => alternativeQuery(loaded, alt, parsed.typing && ci === lastClause && ai === clause.alternatives.length - 1))
      .filter((x): x is Query => x !== undefined);
    return alts.length === 0 ? [] : [{ combineWith: 'OR', queries: alts }];
  });
  const queries = [...clauseQueries, ...synonymQueries(loaded, parsed)];
  const needsFilter = kinds !== undefined || articleIds !== undefined || excluded.size > 0 || required.length > 0;
  // Queries of common words only score nearly every passage: remember their ranking.
  const cacheKey = !needsFilter && common.length > 0 && common.every(Boolean) ? JSON.stringify([parsed.clauses, parsed.typing]) : undefined;
  const cache = cacheKey === undefined ? undefined : commonQueryCache(loaded);
  const cached = cacheKey === undefined ? undefined : cache?.get(cacheKey);
  if (cached) return cached;
  const filter = needsFilter ? (r: SearchResult) => allowed(r.id as number) : undefined;
  const results =
    queries.length > 0
      ? index.search({ combineWith: 'OR', queries }, { filter })
      : parsed.clauses.length === 0
        ? index.search(MiniSearch.wildcard, { filter })
        : [];

  const ranked: Ranked[] = results.map((result) => ({ ref: library.doc(result.id as number)!, result, score: result.score }));
  rerank(ranked, parsed);
  if (cache && cacheKey !== undefined) {
    if (cache.size >= COMMON_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, ranked);
  }
  return ranked;
}

/** Documents an exclusion names: containing the word, or the phrase in order. */
function excludedDocs(loaded: LoadedLibrary, parsed: ParsedQuery): Set<number> {
  const out = new Set<number>();
  for (const words of parsed.excludes) {
    const terms = words.filter((w) => termOf(w) !== null);
    if (terms.length === 0) continue;
    const folded = words.map(foldWord);
    // Only the passage's own text: a word of the article title must not exclude every passage.
    for (const r of loaded.index.search(terms.join(' '), { combineWith: 'AND', fields: ['text'] })) {
      const id = r.id as number;
      if (words.length === 1 || containsSequence(foldedWords(loaded.library.doc(id)?.passage.text ?? ''), folded)) out.add(id);
    }
  }
  return out;
}

/** Re-rank the best candidates: query words side by side, and editorial text before comments. */
function rerank(ranked: Ranked[], parsed: ParsedQuery): void {
  const queryTerms = parsed.clauses.flatMap((c) => c.alternatives.flatMap((a) => a.words.map(termOf))).filter((t): t is string => t !== null);
  const depth = Math.min(ranked.length, RERANK_DEPTH);
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i]!;
    if (r.ref.passage.kind === 'comment') r.score *= COMMENT_WEIGHT;
    if (i >= depth || queryTerms.length < 2) continue;
    const terms = tokenize(r.ref.passage.text).map(termOf);
    let adjacent = 0;
    for (let k = 0; k + 1 < queryTerms.length; k++) {
      // Stop words between query words do not break adjacency: compare the sequence without them.
      const seq = terms.filter((t) => t !== null);
      if (containsSequence(seq, [queryTerms[k]!, queryTerms[k + 1]!])) adjacent++;
    }
    r.score *= 1 + ADJACENT_BONUS * adjacent;
  }
  // Only the re-ranked head moves; sort is stable, so equal scores keep MiniSearch's order.
  const head = ranked.slice(0, depth).sort((a, b) => b.score - a.score);
  ranked.splice(0, depth, ...head);
}

/** A query whose words are corrected to words of the library, if that finds anything. */
function correct(loaded: LoadedLibrary, query: string): string | undefined {
  const parsed = parseQuery(query);
  const words = parsed.clauses.flatMap((c) => c.alternatives.flatMap((a) => a.words));
  if (words.length === 0) return undefined;
  let changed = false;
  const fixed = words.map((word) => {
    const folded = foldWord(word);
    if (termOf(word) === null || folded.length < 4 || loaded.library.vocabulary.entry(folded)) return word;
    // More typo room than a search allows: a third of the word, at most three edits.
    const closest = loaded.library.vocabulary.closest(folded, Math.min(3, Math.max(1, Math.round(folded.length / 3))));
    if (!closest) return word;
    changed = true;
    return closest;
  });
  if (!changed) return undefined;
  const corrected = fixed.join(' ');
  return rank(loaded, parseQuery(corrected))?.length ? corrected : undefined;
}

/**
 * Complete the word being typed with words of the library (most frequent first), keeping the
 * rest of the query as typed.
 *
 * @example suggest(loaded, 'dry mo') // ['dry mouth', ...]
 */
export function suggest(loaded: LoadedLibrary, query: string, limit = 5): string[] {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  if (!parseQuery(q).typing) return [];
  const last = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*$/u.exec(q);
  const folded = last ? foldWord(last[0]) : '';
  // Completing costs a vocabulary walk only, so it starts a letter earlier than prefix search.
  if (!last || folded.length < MIN_PREFIX_LENGTH - 1) return [];
  const before = q.slice(0, last.index);
  return loaded.library.vocabulary.complete(folded, limit).map((word) => `${before}${word}`);
}

function toHit({ ref, result, score }: Ranked): SearchHit {
  const { article, section, passage } = ref;
  const matched = new Set(result.terms);
  const { snippet, highlights } = makeSnippet(passage.text, matched);
  const matches = [...new Set(tokenize(passage.text).filter((w) => matched.has(termOf(w) ?? '')))];
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
    matches,
    score: Math.round(score * 1000) / 1000,
  };
}

/** Longest snippet, in characters, before it is cut around the best match. */
export const SNIPPET_LENGTH = 220;
/** Characters of context kept before the first highlighted word of a cut snippet. */
const SNIPPET_LEAD = 60;

/**
 * Cut a window of text around the densest run of matched words and mark them.
 *
 * @param terms index terms that matched (MiniSearch's `result.terms`)
 * @example makeSnippet('Dry mouth is common', new Set(['mouth'])) // { snippet: 'Dry mouth is common', highlights: [[4, 9]] }
 */
export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
): { snippet: string; highlights: [number, number][] } {
  const marks = tokenizeWithOffsets(text).filter((t) => terms.has(termOf(t.word) ?? ''));
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

/** Terms of free text as the index sees them (exported for tests and the CLI). */
export { termsOf };
