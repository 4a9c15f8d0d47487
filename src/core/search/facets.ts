/**
 * Facets, as search interfaces count them: each facet's counts apply every filter but its own,
 * so a chip shows how many hits choosing it would give. Counted over flat arrays (see
 * doc-table.ts): a query can match every passage of the library.
 */
import type { SearchFacet, SearchOptions } from '../../shared/api';
import { PASSAGE_KINDS, type PassageKind } from '../../shared/model';
import type { SearchSource } from './source';
import type { Candidates } from './rank';
import { topK } from './top-k';

/** Most article facets an answer lists (besides the chosen ones): the articles with most hits. */
export const MAX_ARTICLE_FACETS = 50;

/** What the facet count leaves of a query's candidates, and the facets themselves. */
export interface Faceted {
  /** Positions (into the candidates) of the passages both chosen facets keep, in order. */
  readonly kept: Uint32Array;
  /** Each article's best title score (by its slot in the table), within the chosen articles. */
  readonly titleScores: Float64Array;
  /** Whether passage kinds were chosen. */
  readonly kindChosen: boolean;
  readonly articles: SearchFacet[];
  readonly articleTotal: number;
  readonly kinds: SearchFacet<PassageKind>[];
}

/**
 * Count the facets of a query's candidates, under the facets chosen in `options`.
 *
 * A passage found only by its article's title is no passage result: the article is, once (its
 * title score is kept instead). `kept` is a view of a buffer the next search reuses.
 */
export function countFacets(loaded: SearchSource, found: Candidates, options: Pick<SearchOptions, 'articleIds' | 'kinds'>): Faceted {
  const { table } = loaded;
  const articleMask = options.articleIds?.length ? table.articleMask(options.articleIds) : undefined;
  const kindMask = options.kinds?.length ? table.kindMask(options.kinds) : undefined;
  const articleCounts = new Int32Array(table.slotCount);
  const kindCounts = new Int32Array(PASSAGE_KINDS.length);
  const titleScores = new Float64Array(table.slotCount);
  const keptAll = table.keptBuffer;
  let keptCount = 0;
  const { docs: foundDocs, titleOnly, titleScores: foundTitles } = found;
  const articleOf = table.article;
  const kindOf = table.kind;
  for (let i = 0; i < found.count; i++) {
    const doc = foundDocs[i]!;
    const article = articleOf[doc]!;
    const inArticle = articleMask === undefined || articleMask[article] === 1;
    const titleScore = foundTitles[i]!;
    if (titleScore > 0 && inArticle && titleScore > titleScores[article]!) titleScores[article] = titleScore;
    if (titleOnly[i] === 1) continue;
    const kind = kindOf[doc]!;
    const inKind = kindMask === undefined || kindMask[kind] === 1;
    if (inKind) articleCounts[article]!++;
    if (inArticle) kindCounts[kind]!++;
    if (inArticle && inKind) keptAll[keptCount++] = i;
  }
  const kept = keptAll.subarray(0, keptCount);
  const facetArticles: number[] = [];
  for (let i = 0; i < articleCounts.length; i++) if (articleCounts[i]! > 0) facetArticles.push(i);
  // A chip per article is useful for a few dozen: beyond that, the articles with most hits, and
  // the chosen ones so that they can be turned off. Thousands would only weigh down the answer.
  // Picked, not sorted: a common word can match thousands of articles on every keystroke.
  const listed = topArticles(facetArticles, articleCounts, table.titleOrder, articleMask);
  return {
    kept,
    titleScores,
    kindChosen: kindMask !== undefined,
    articles: listed.map((i) => {
      const article = table.articleAt(i)!;
      return { key: article.id, label: article.title, count: articleCounts[i]! };
    }),
    articleTotal: facetArticles.length,
    kinds: PASSAGE_KINDS.flatMap((k, i) => (kindCounts[i]! > 0 ? [{ key: k, label: k, count: kindCounts[i]! }] : [])),
  };
}

/**
 * The articles to list as facets, most hits first (ties in title order): the `MAX_ARTICLE_FACETS`
 * with most hits, then any chosen ones beyond them.
 */
function topArticles(articles: readonly number[], counts: Int32Array, titleOrder: Uint32Array, chosen: Uint8Array | undefined): number[] {
  // One number orders by hits, then by title: counts times the article count, plus the reverse title place.
  const n = titleOrder.length;
  const key = new Float64Array(n);
  for (const i of articles) key[i] = counts[i]! * n + (n - 1 - titleOrder[i]!);
  const top = topK(articles, key, MAX_ARTICLE_FACETS);
  if (!chosen || articles.length <= MAX_ARTICLE_FACETS) return top;
  const listed = new Set(top);
  const more = articles.filter((i) => chosen[i] === 1 && !listed.has(i)).sort((a, b) => key[b]! - key[a]!);
  return [...top, ...more];
}
