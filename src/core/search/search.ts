/**
 * Full-text search over every passage of the library: the entry point, `search` and `suggest`.
 *
 * This folder is the search engine. A query is parsed (query.ts) and planned (plan.ts): each
 * word read through the library's vocabulary (vocabulary.ts: typos, completions) and synonyms
 * (synonyms.ts), all through one text pipeline (src/shared/text.ts, which the renderer shares,
 * and words.ts). The plan is scored with BM25F straight over MiniSearch's inverted index (scorer.ts, reading it through the one class
 * that knows MiniSearch's internals, search-index.ts, with postings packed on disk by
 * postings.ts), with the parameters in ranking.ts, and filtered by scopes, articles and
 * exclusions (rank.ts). Facets are counted over every match (facets.ts, on the per-passage table
 * of doc-table.ts), the best few picked (top-k.ts) and re-ranked by proximity (proximity.ts),
 * then made into hits with snippets (hits.ts, snippet.ts); a query that finds nothing is offered
 * a correction (corrections.ts). What is derived once per library (the scorer, the passage
 * table, remembered words) hangs on the loaded library (library/load.ts), so no module here
 * holds state of its own (the text pipeline's memo of stems lives in src/shared/text.ts).
 */
import type { SearchOptions, SearchResponse } from '../../shared/api';
import { DEFAULT_SEARCH_LIMIT, MAX_QUERY_LENGTH } from '../../shared/schemas';
import type { SearchSource } from './source';
import { correct, readingOf } from './corrections';
import { countFacets } from './facets';
import { titleHits, toHit } from './hits';
import { rerank } from './proximity';
import { parseQuery } from './query';
import { rank } from './rank';
import { RANKING } from './ranking';
import { topK } from './top-k';

export { buildIndex, INDEX_OPTIONS, loadIndex, searchDocs, type SearchDoc } from './search-index';
export { makeSnippet, SNIPPET_LENGTH } from './snippet';
export { MAX_ARTICLE_FACETS } from './facets';
export { RANKING } from './ranking';
export { suggest } from './suggest';
export { maxTypos } from './vocabulary';
/** Terms of free text as the index sees them (exported for tests and the CLI). */
export { termsOf } from './synonyms';

/**
 * Search the library.
 *
 * @example search(loaded, 'dry mouth -botox in:faq', { limit: 5 }).results[0]?.passageId
 */
export function search(loaded: SearchSource, query: string, options: SearchOptions = {}): SearchResponse {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const offset = options.offset ?? 0;
  const parsed = parseQuery(q);
  const found = rank(loaded, parsed);
  if (found === undefined) return { query, total: 0, results: [], titles: [], articles: [], articleTotal: 0, kinds: [] };
  const { kept, titleScores, kindChosen, articles, articleTotal, kinds } = countFacets(loaded, found, options);

  // Only the best few become hits: pick them without sorting every match.
  const head = topK(kept, found.scores, Math.max(offset + limit, RANKING.rerankDepth)).map((i) => ({
    ref: loaded.library.doc(found.docs[i]!)!,
    doc: found.docs[i]!,
    score: found.scores[i]!,
  }));
  rerank(loaded, head, parsed);
  const { scorer } = loaded;
  const matchedTerms = new Set(found.terms);
  const response: SearchResponse = {
    query,
    total: kept.length,
    results: head.slice(offset, offset + limit).map((r) => toHit(loaded, r, new Set(found.terms.filter((t) => scorer.has(r.doc, t))))),
    // Titles are articles, not passages: a kind filter (passages of a kind) leaves them out.
    titles: kindChosen || offset > 0 ? [] : titleHits(loaded, titleScores, matchedTerms, limit),
    articles,
    articleTotal,
    kinds,
    ...readingOf(q, found.reading),
  };
  if (kept.length === 0 && response.titles.length === 0) {
    const didYouMean = correct(loaded, q);
    if (didYouMean) return { ...response, didYouMean };
  }
  return response;
}
