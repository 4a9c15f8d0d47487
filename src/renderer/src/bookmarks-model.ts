/**
 * What the bookmarks panel shows: filtering by text and tag, grouping by article or by day.
 */
import type { BookmarkView, ImportResult } from '../../shared/bookmarks';
import { plural } from './format';
import type { Route } from './route';

/** How the panel groups bookmarks. */
export type BookmarkGrouping = 'article' | 'date';

/** One group of bookmarks under a heading. */
export interface BookmarkGroup {
  readonly key: string;
  readonly label: string;
  readonly bookmarks: readonly BookmarkView[];
}

/** Longest quote shown in the list, in characters. */
export const QUOTE_PREVIEW_LENGTH = 160;

/**
 * Cut a text to `max` characters at a word boundary where there is one, with `…` where cut.
 *
 * @example truncate('a long sentence', 8) // 'a long…'
 */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Tags from what the reader typed: comma-separated, trimmed, blanks and repeats dropped.
 *
 * @example parseTags(' sleep, dose ,,sleep') // ['sleep', 'dose']
 */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** Every tag in use, sorted. */
export function allTags(bookmarks: readonly BookmarkView[]): string[] {
  return [...new Set(bookmarks.flatMap((b) => b.tags))].sort((a, b) => a.localeCompare(b));
}

/**
 * The bookmarks whose quote or note holds every word of `query` (case-insensitive) and that carry
 * every tag in `tags`.
 */
export function filterBookmarks(bookmarks: readonly BookmarkView[], query: string, tags: ReadonlySet<string>): BookmarkView[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return bookmarks.filter((b) => {
    if ([...tags].some((t) => !b.tags.includes(t))) return false;
    const text = `${b.quote.exact}\n${b.note}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Newest first. */
function byNewest(a: BookmarkView, b: BookmarkView): number {
  return b.createdAt.localeCompare(a.createdAt);
}

/**
 * Group bookmarks by article (titles in order, newest bookmark first within) or by the day they
 * were made (newest day first).
 */
export function groupBookmarks(bookmarks: readonly BookmarkView[], grouping: BookmarkGrouping, formatDay: (iso: string) => string): BookmarkGroup[] {
  const groups = new Map<string, { label: string; bookmarks: BookmarkView[] }>();
  for (const b of [...bookmarks].sort(byNewest)) {
    const key = grouping === 'article' ? b.articleId : b.createdAt.slice(0, 10);
    const label = grouping === 'article' ? (b.articleTitle ?? b.articleId) : formatDay(b.createdAt);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label, bookmarks: [] }));
    group.bookmarks.push(b);
  }
  const list = [...groups].map(([key, g]) => ({ key, ...g }));
  return grouping === 'article' ? list.sort((a, b) => a.label.localeCompare(b.label)) : list;
}

/**
 * Where a bookmark takes the reader: its passage or section as found now (the article's top when
 * it is orphaned).
 *
 * @example bookmarkRoute(bookmark) // { name: 'article', articleId: 'sleep', sectionId: 'dosage' }
 */
export function bookmarkRoute(bookmark: Pick<BookmarkView, 'articleId' | 'target' | 'resolvedId'>): Route {
  const { articleId, target, resolvedId } = bookmark;
  if (resolvedId === undefined) return { name: 'article', articleId };
  return target === 'section' ? { name: 'article', articleId, sectionId: resolvedId } : { name: 'article', articleId, passageId: resolvedId };
}

/**
 * What an import did, said to the person who imported: a file whose bookmarks were all here
 * already says so, rather than "Added 0, updated 0".
 *
 * @example importSummary({ added: 0, updated: 0, unchanged: 12 }) // 'All 12 bookmarks in the file were already here: nothing changed.'
 * @example importSummary({ added: 3, updated: 1, unchanged: 2 }) // 'Added 3 bookmarks and updated 1; 2 were already here.'
 */
export function importSummary({ added, updated, unchanged }: ImportResult): string {
  const total = added + updated + unchanged;
  if (total === 0) return 'The file holds no bookmarks: nothing changed.';
  if (unchanged === total) {
    return total === 1 ? 'The bookmark in the file was already here: nothing changed.' : `All ${plural(total, 'bookmark')} in the file were already here: nothing changed.`;
  }
  const done = [added > 0 ? `added ${plural(added, 'bookmark')}` : '', updated > 0 ? `updated ${added > 0 ? updated : plural(updated, 'bookmark')}` : '']
    .filter(Boolean)
    .join(' and ');
  const rest = unchanged > 0 ? `; ${unchanged} ${unchanged === 1 ? 'was' : 'were'} already here` : '';
  return `${done.charAt(0).toUpperCase()}${done.slice(1)}${rest}.`;
}
