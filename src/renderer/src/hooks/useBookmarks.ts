/**
 * The reader's bookmarks, kept by the host: listed once, then kept in step with every change made
 * here (add, edit, delete, undo, import).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { Bookmark, BookmarkPatch, BookmarkView, NewBookmark } from '../../../shared/bookmarks';
import { getApi, toApiError } from '../api';

/** What {@link useBookmarks} gives. */
export interface BookmarksState {
  /** Every bookmark, as the host last listed it (empty until loaded). */
  readonly bookmarks: readonly BookmarkView[];
  /** Why the last call failed, if it did. */
  readonly error: ApiError | undefined;
  /** Read the list again from the host. */
  readonly refresh: () => void;
  /** Bookmark a passage or section. */
  readonly add: (input: NewBookmark) => Promise<void>;
  /** Change a bookmark's note or tags; resolves with whether it worked. */
  readonly update: (id: string, patch: BookmarkPatch) => Promise<boolean>;
  /** Delete a bookmark; resolves with it, for undo. */
  readonly remove: (id: string) => Promise<Bookmark | undefined>;
  /** Put back a deleted bookmark. */
  readonly restore: (bookmark: Bookmark) => Promise<void>;
}

/**
 * Bookmarks, with calls that change them and refresh the list.
 *
 * @example const { bookmarks, add } = useBookmarks(); await add({ articleId, target: 'passage', targetId });
 */
export function useBookmarks(): BookmarksState {
  const [bookmarks, setBookmarks] = useState<readonly BookmarkView[]>([]);
  const [error, setError] = useState<ApiError>();

  const refresh = useCallback(() => {
    getApi()
      .listBookmarks()
      .then(
        (list) => {
          setBookmarks(list);
          setError(undefined);
        },
        (e: unknown) => setError(toApiError(e)),
      );
  }, []);
  useEffect(refresh, [refresh]);

  const run = useCallback(
    async <T>(call: () => Promise<T>): Promise<T | undefined> => {
      try {
        const value = await call();
        setError(undefined);
        return value;
      } catch (e) {
        setError(toApiError(e));
        return undefined;
      } finally {
        refresh();
      }
    },
    [refresh],
  );

  return useMemo(
    () => ({
      bookmarks,
      error,
      refresh,
      add: async (input) => void (await run(() => getApi().addBookmark(input))),
      update: async (id, patch) => (await run(() => getApi().updateBookmark(id, patch))) !== undefined,
      remove: (id) => run(() => getApi().removeBookmark(id)),
      restore: async (bookmark) => void (await run(() => getApi().restoreBookmark(bookmark))),
    }),
    [bookmarks, error, refresh, run],
  );
}

/**
 * The bookmarks of one article by the passage or section id they point at now.
 *
 * @example bookmarksByTarget(bookmarks, 'sleep').get('sleep-3')
 */
export function bookmarksByTarget(bookmarks: readonly BookmarkView[], articleId: string | undefined): ReadonlyMap<string, BookmarkView> {
  const map = new Map<string, BookmarkView>();
  for (const b of bookmarks) {
    if (b.articleId === articleId && b.status !== 'orphaned') map.set(b.resolvedId ?? b.targetId, b);
  }
  return map;
}
