/**
 * Changes to the reader's bookmarks, and the removal of articles they added, as data, and what
 * the notice says after each: removed (with Undo), refused (a key press never removes a bookmark
 * that has a note or tags), or not saved (with Retry, which sends the very same change again).
 */
import { errorLines, type ApiError } from '../../shared/api';
import { HIGHLIGHT_COLOR_NAMES, type Bookmark, type BookmarkPatch, type BookmarkView, type NewBookmark } from '../../shared/bookmarks';

/**
 * One change to the bookmarks, or to the articles the reader added, kept as it was asked for so
 * that a failed one can be sent again. An article's removal keeps its bookmarks (they show as
 * orphaned while it is gone, and come back with it).
 */
export type BookmarkChange =
  | { readonly kind: 'add'; readonly input: NewBookmark }
  | { readonly kind: 'update'; readonly id: string; readonly patch: BookmarkPatch }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'restore'; readonly bookmark: Bookmark }
  | { readonly kind: 'remove-article'; readonly id: string }
  | { readonly kind: 'restore-article'; readonly id: string; readonly title: string };

/** Whether a change is to the reader's articles (the library is listed again after it). */
export function isArticleChange(change: BookmarkChange): change is Extract<BookmarkChange, { kind: 'remove-article' | 'restore-article' }> {
  return change.kind === 'remove-article' || change.kind === 'restore-article';
}

/** How a change went: the host's answer, or why it failed. */
export type ChangeOutcome<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/**
 * What the notice at the foot of the window shows.
 *
 * - `info`: a confirmation, gone after a moment (it has no button to reach).
 * - `refused`: what a key press did not do, and why. Stays until dismissed or replaced.
 * - `removed`: a bookmark, or an article the reader added, was removed; Undo sends `undo`, which
 *   puts it back (a bookmark with its note and tags). Stays until dismissed or replaced.
 * - `failed`: a change was not saved; Retry (when it can help) sends the same change again.
 *   Stays until dismissed, retried or replaced.
 */
export type Notice =
  | { readonly kind: 'info'; readonly text: string }
  | { readonly kind: 'refused'; readonly text: string }
  | { readonly kind: 'removed'; readonly text: string; readonly undo: BookmarkChange }
  | { readonly kind: 'failed'; readonly text: string; readonly retry: BookmarkChange | undefined };

/** Whether a bookmark carries something the reader wrote: a note (not only spaces) or tags. */
export function hasReaderContent(bookmark: Pick<Bookmark, 'note' | 'tags'>): boolean {
  return bookmark.note.trim() !== '' || bookmark.tags.length > 0;
}

/** What the bookmark holds, in words: "a note", "tags", "a note and tags". */
function contentWords(bookmark: Pick<Bookmark, 'note' | 'tags'>): string {
  const note = bookmark.note.trim() !== '';
  const tags = bookmark.tags.length > 0;
  return note && tags ? 'a note and tags' : note ? 'a note' : 'tags';
}

/**
 * Why a key press (Ctrl/Cmd+D) does not remove this bookmark, or undefined when it may.
 *
 * A shortcut acts on whatever holds focus, which the reader may not be looking at (after the find
 * bar closes, focus sits on the passage of the last match): so it never deletes what the reader
 * wrote. The ribbon and the panel, which name the bookmark they remove, still can, with Undo.
 *
 * @example keyRemovalRefusal({ note: 'ask', tags: [] }) // 'This bookmark has a note. Remove it from its ribbon or the Bookmarks panel.'
 */
export function keyRemovalRefusal(bookmark: Pick<Bookmark, 'note' | 'tags'>): string | undefined {
  if (!hasReaderContent(bookmark)) return undefined;
  return `This bookmark has ${contentWords(bookmark)}. Remove it from its ribbon or the Bookmarks panel.`;
}

/** A notice the article asks for itself: a confirmation, or a refusal. */
export type MessageNotice = Extract<Notice, { kind: 'info' | 'refused' }>;

/** What the notice says once a bookmark is removed. */
export function removedText(bookmark: Pick<Bookmark, 'note' | 'tags'> & { readonly target?: Bookmark['target'] }): string {
  const what = bookmark.target === 'text' ? 'Highlight' : 'Bookmark';
  return hasReaderContent(bookmark) ? `${what} removed, with its ${contentWords(bookmark).replace(/^a /, '')}.` : `${what} removed.`;
}

/** Whether sending the same change again may work: not when the change itself was refused. */
export function isRetryable(error: Pick<ApiError, 'code'>): boolean {
  return error.code === 'not-saved' || error.code === 'internal';
}

/** What was not done, for a failure the host did not word for a person. */
const NOT_DONE: Record<BookmarkChange['kind'], string> = {
  add: 'The bookmark was not added',
  update: 'Your note and tags were not saved',
  remove: 'The bookmark was not removed',
  restore: 'The bookmark was not put back',
  'remove-article': 'The article was not removed',
  'restore-article': 'The article was not put back',
};

/**
 * The message for a failed change. A `not-saved` failure is the store's own sentence ("Quire could
 * not save your note: the disk is full. …", without the technical line under it); any other says what was not done, then the host's
 * message. `again` marks a retry that failed too, so that the notice changes and is announced.
 *
 * @example failureText({ kind: 'remove', id }, new ApiError('internal', 'removeBookmark: internal error'))
 *   // 'The bookmark was not removed (removeBookmark: internal error).'
 */
export function failureText(change: BookmarkChange, error: Pick<ApiError, 'code' | 'message'>, again = false): string {
  // A not-saved failure's first line is the sentence for the reader; the technical line stays out.
  const text = error.code === 'not-saved' ? errorLines(error.message).text : `${NOT_DONE[change.kind]} (${error.message.replace(/\.$/, '')}).`;
  return again ? `Still not saved. ${text}` : text;
}

/**
 * The notice after a change was sent: removed (with Undo), added or put back, or failed (with
 * Retry when it may help).
 *
 * @param again whether this was a Retry of a change that had failed
 */
export function noticeAfter(change: BookmarkChange, outcome: ChangeOutcome, again = false): Notice {
  if (!outcome.ok) {
    return { kind: 'failed', text: failureText(change, outcome.error, again), retry: isRetryable(outcome.error) ? change : undefined };
  }
  switch (change.kind) {
    case 'remove': {
      const bookmark = outcome.value as Bookmark;
      return { kind: 'removed', text: removedText(bookmark), undo: { kind: 'restore', bookmark } };
    }
    case 'restore':
      return { kind: 'info', text: 'Bookmark put back.' };
    case 'remove-article': {
      const { id, title } = outcome.value as { id: string; title: string };
      return { kind: 'removed', text: `Removed “${title}” from your library.`, undo: { kind: 'restore-article', id, title } };
    }
    case 'restore-article':
      return { kind: 'info', text: `“${change.title}” is back in your library.` };
    case 'add':
      return { kind: 'info', text: change.input.target === 'text' ? 'Highlight added.' : `Bookmark added to this ${change.input.target}.` };
    case 'update':
      // A colour alone changed from the selection toolbar: no note or tags were touched.
      if (change.patch.note === undefined && change.patch.tags === undefined && change.patch.color !== undefined) {
        return { kind: 'info', text: `Highlight colour changed to ${HIGHLIGHT_COLOR_NAMES[change.patch.color].toLowerCase()}.` };
      }
      return { kind: 'info', text: 'Note and tags saved.' };
  }
}

/**
 * What Ctrl/Cmd+D does on a passage or section: bookmark it when it has no bookmark, remove a bare
 * bookmark (with Undo), and refuse one with a note or tags.
 */
export type KeyToggle = { readonly do: 'add' } | { readonly do: 'remove'; readonly id: string } | { readonly do: 'refuse'; readonly text: string };

/**
 * Decide what Ctrl/Cmd+D does with the bookmark a passage has now (if any).
 *
 * @example keyToggle(undefined) // { do: 'add' }
 */
export function keyToggle(existing: BookmarkView | undefined): KeyToggle {
  if (!existing) return { do: 'add' };
  const refusal = keyRemovalRefusal(existing);
  return refusal ? { do: 'refuse', text: refusal } : { do: 'remove', id: existing.id };
}
