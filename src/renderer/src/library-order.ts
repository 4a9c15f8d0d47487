/**
 * The home screen's library list: which articles it shows (a topic filter, and where they come
 * from) and in what order (title, date or recently read), and the article that comes after
 * another ("Next article").
 */
import type { ArticleSummary } from '../../shared/model';
import type { ArticlePosition } from '../../shared/positions';

/** The orders the library can be shown in. */
export const LIBRARY_SORTS = ['date', 'title', 'recent'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** How each order is named in its control. */
export const LIBRARY_SORT_LABELS: Readonly<Record<LibrarySort, string>> = {
  date: 'Newest first',
  title: 'Title (A–Z)',
  recent: 'Recently read',
};

const TITLES = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The articles in one order; the input is not changed.
 *
 * - `date`: newest first, undated last (the library's own order, kept for equal dates);
 * - `title`: alphabetical, ignoring case and accents;
 * - `recent`: the most recently read first, then those never read, newest first.
 *
 * @param articles the library, in its own order (newest first, as listArticles gives it)
 * @param positions reading positions, most recently read first
 */
export function sortArticles(articles: readonly ArticleSummary[], sort: LibrarySort, positions: readonly ArticlePosition[] = []): ArticleSummary[] {
  const list = [...articles];
  if (sort === 'title') return list.sort((a, b) => TITLES.compare(a.title, b.title));
  if (sort === 'recent') {
    const rank = new Map(positions.map((p, i) => [p.articleId, i]));
    // Array.prototype.sort is stable: unread articles keep the library's (date) order.
    return list.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  }
  return list;
}

/** The articles that have a topic (all of them when no topic is given). */
export function withTopic(articles: readonly ArticleSummary[], topic: string | undefined): readonly ArticleSummary[] {
  return topic === undefined ? articles : articles.filter((a) => a.topics.includes(topic));
}

/** Which articles the library shows by where they come from. */
export const ORIGIN_FILTERS = ['all', 'user', 'bundled'] as const;
export type OriginFilter = (typeof ORIGIN_FILTERS)[number];

/** How each choice is named in its control. */
export const ORIGIN_FILTER_LABELS: Readonly<Record<OriginFilter, string>> = {
  all: 'All articles',
  user: 'Added by you',
  bundled: 'Came with Quire',
};

/**
 * The articles from one origin (all of them for `all`). An article without an origin is taken to
 * be the bundled library's.
 */
export function withOrigin(articles: readonly ArticleSummary[], origin: OriginFilter): readonly ArticleSummary[] {
  if (origin === 'all') return articles;
  return articles.filter((a) => (a.origin ?? 'bundled') === origin);
}

/** Whether any article is the reader's own (the origin filter shows only then). */
export function hasOwnArticles(articles: readonly ArticleSummary[]): boolean {
  return articles.some((a) => a.origin === 'user');
}

/** Whether a value is one of the origin filters (for one read back from storage). */
export function isOriginFilter(value: unknown): value is OriginFilter {
  return typeof value === 'string' && (ORIGIN_FILTERS as readonly string[]).includes(value);
}

/**
 * The article after this one in the library's own order, or undefined after the last: the end of
 * the library is shown as such, not wrapped round to its newest article.
 */
export function nextArticle(articles: readonly ArticleSummary[], id: string): ArticleSummary | undefined {
  const at = articles.findIndex((a) => a.id === id);
  return at < 0 ? undefined : articles[at + 1];
}

/** Whether a value is one of the library's orders (for one read back from storage). */
export function isLibrarySort(value: unknown): value is LibrarySort {
  return typeof value === 'string' && (LIBRARY_SORTS as readonly string[]).includes(value);
}
