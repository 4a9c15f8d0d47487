/**
 * What the bookmarks panel shows: filtering by text and tag, grouping by article or by day.
 *
 * The panel's search reads words as the main search does, through the one pipeline in
 * src/shared/text.ts (fold, stop words, Porter2 stem), so "dizzy" finds a note on dizziness.
 */
import { HIGHLIGHT_COLOR_NAMES, isHighlight, type BookmarkView, type ImportResult } from '../../shared/bookmarks';
import { foldWord, STOP_WORDS, stemWord, termOf, tokenize, truncate } from '../../shared/text';
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

export { truncate };

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

/** A bookmark's words as the panel's search compares them: folded, and as index terms. */
interface SearchWords {
  readonly folded: readonly string[];
  readonly terms: readonly string[];
}

// The list is filtered again on every keystroke; a bookmark's object is the same until it changes.
const SEARCH_WORDS = new WeakMap<BookmarkView, SearchWords>();

/**
 * The words a bookmark is found by: its quote (a highlight's words), note, tags, article and
 * section titles, and excerpt; a highlight's colour name too, as the panel shows it ("green").
 */
function searchWordsOf(bookmark: BookmarkView): SearchWords {
  const known = SEARCH_WORDS.get(bookmark);
  if (known) return known;
  const { quote, note, tags, articleTitle = '', sectionTitle = '', excerpt = '' } = bookmark;
  const color = isHighlight(bookmark) ? HIGHLIGHT_COLOR_NAMES[bookmark.color] : '';
  const words = tokenize([quote.exact, note, ...tags, articleTitle, sectionTitle, excerpt, color].join('\n'));
  const found: SearchWords = {
    folded: words.map(foldWord),
    terms: words.map(termOf).filter((t): t is string => t !== null),
  };
  SEARCH_WORDS.set(bookmark, found);
  return found;
}

/** A word of the panel's query, folded and stemmed; stop words are dropped, as the main search drops them. */
function queryWords(query: string): { folded: string; stem: string }[] {
  return tokenize(query)
    .map(foldWord)
    .filter((folded) => folded !== '' && !STOP_WORDS.has(folded))
    .map((folded) => ({ folded, stem: stemWord(folded) }));
}

/**
 * The bookmarks that carry every tag in `tags` and hold every word of `query`, each as the start
 * of one of their words.
 *
 * Words are compared folded (case, accents, apostrophes: "sjogren" finds "Sjögren’s") and as
 * index terms (Porter2 stems: "dizzy" finds "dizziness", "tablet" finds "tablets"); a word being
 * typed finds the words it begins ("dizz"). The quote, note, tags, article and section titles,
 * a section's opening lines and a highlight's colour name are searched.
 *
 * @example filterBookmarks(bookmarks, 'dizzy', new Set()) // those whose quote or note says "dizziness"
 */
export function filterBookmarks(bookmarks: readonly BookmarkView[], query: string, tags: ReadonlySet<string>): BookmarkView[] {
  const words = queryWords(query);
  return bookmarks.filter((b) => {
    if ([...tags].some((t) => !b.tags.includes(t))) return false;
    if (words.length === 0) return true;
    const { folded, terms } = searchWordsOf(b);
    return words.every((w) => folded.some((f) => f.startsWith(w.folded)) || terms.some((t) => t.startsWith(w.stem)));
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
 * @example importSummary({ added: 3, updated: 1, unchanged: 2, orphaned: 0 }) // 'Added 3 bookmarks and updated 1; 2 were already here.'
 * @example importSummary({ added: 2, updated: 0, unchanged: 0, orphaned: 1 }) // 'Added 2 bookmarks. 1 is not in the articles as they are now: it is kept, marked orphaned.'
 */
export function importSummary(result: ImportResult): string {
  const { orphaned } = result;
  const lost = orphaned === 0 ? '' : ` ${orphaned} ${orphaned === 1 ? 'is' : 'are'} not in the articles as they are now: ${orphaned === 1 ? 'it is' : 'they are'} kept, marked orphaned.`;
  return `${changesSummary(result)}${lost}`;
}

/** What an import added, updated and found already here. */
function changesSummary({ added, updated, unchanged }: ImportResult): string {
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
