/**
 * The reader's bookmarks, kept by the host: listed once, then kept in step with every change made
 * here (add, edit, delete, undo, import, and an article of the reader's removed or put back, which
 * orphans its bookmarks or anchors them again).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { Bookmark, BookmarkView } from '../../../shared/bookmarks';
import type { ArticleSummary } from '../../../shared/model';
import type { RemovedArticle } from '../../../shared/user-library';
import { getApi, toApiError } from '../api';
import type { BookmarkChange, ChangeOutcome } from '../bookmark-changes';

/** What {@link useBookmarks} gives. */
export interface BookmarksState {
  /** Every bookmark, as the host last listed it (empty until loaded). */
  readonly bookmarks: readonly BookmarkView[];
  /** Why the list could not be read, if it could not. */
  readonly error: ApiError | undefined;
  /** Read the list again from the host. */
  readonly refresh: () => Promise<void>;
  /**
   * Send one change; resolves with the host's answer or why it failed (it never rejects), once
   * the list has been read again. A failed change is the caller's to keep and offer again.
   */
  readonly send: <C extends BookmarkChange>(change: C) => Promise<ChangeOutcome<ChangeValue<C>>>;
}

/** What the host answers to a change: the bookmark as it is now, or (removed) as it was; the article removed or put back. */
export type ChangeValue<C extends BookmarkChange> = C extends { kind: 'remove' }
  ? Bookmark
  : C extends { kind: 'restore' }
    ? void
    : C extends { kind: 'remove-article' }
      ? RemovedArticle
      : C extends { kind: 'restore-article' }
        ? ArticleSummary
        : BookmarkView;

/** Send a change to the host. */
function sendToHost(change: BookmarkChange): Promise<unknown> {
  const api = getApi();
  switch (change.kind) {
    case 'add':
      return api.addBookmark(change.input);
    case 'update':
      return api.updateBookmark(change.id, change.patch);
    case 'remove':
      return api.removeBookmark(change.id);
    case 'restore':
      return api.restoreBookmark(change.bookmark);
    case 'remove-article':
      return api.removeArticle(change.id);
    case 'restore-article':
      return api.restoreArticle(change.id);
  }
}

/**
 * Bookmarks, with a call that changes them and refreshes the list.
 *
 * @example const { bookmarks, send } = useBookmarks(); const outcome = await send({ kind: 'add', input });
 */
export function useBookmarks(): BookmarksState {
  const [bookmarks, setBookmarks] = useState<readonly BookmarkView[]>([]);
  const [error, setError] = useState<ApiError>();

  const refresh = useCallback(
    () =>
      getApi()
        .listBookmarks()
        .then(
          (list) => {
            setBookmarks(list);
            setError(undefined);
          },
          (e: unknown) => setError(toApiError(e)),
        ),
    [],
  );
  useEffect(() => void refresh(), [refresh]);

  const send = useCallback(
    async <C extends BookmarkChange>(change: C): Promise<ChangeOutcome<ChangeValue<C>>> => {
      let outcome: ChangeOutcome<ChangeValue<C>>;
      try {
        outcome = { ok: true, value: (await sendToHost(change)) as ChangeValue<C> };
      } catch (e) {
        outcome = { ok: false, error: toApiError(e) };
      }
      // Failed or not, the list is read again: the host's file is the truth.
      await refresh();
      return outcome;
    },
    [refresh],
  );

  return useMemo(() => ({ bookmarks, error, refresh, send }), [bookmarks, error, refresh, send]);
}

/**
 * The passage and section bookmarks of one article by the id they point at now. Highlights are
 * not among them: a passage with highlighted words in it is not bookmarked (its ribbon, which
 * removes the bookmark, must never remove a highlight).
 *
 * @example bookmarksByTarget(bookmarks, 'sleep').get('sleep-3')
 */
export function bookmarksByTarget(bookmarks: readonly BookmarkView[], articleId: string | undefined): ReadonlyMap<string, BookmarkView> {
  const map = new Map<string, BookmarkView>();
  for (const b of bookmarks) {
    if (b.articleId === articleId && b.status !== 'orphaned' && b.target !== 'text') map.set(b.resolvedId ?? b.targetId, b);
  }
  return map;
}
