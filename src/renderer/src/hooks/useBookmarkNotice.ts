/**
 * The one notice every bookmark change reports to, wherever it was made (the ribbon beside a
 * passage, Ctrl/Cmd+D, the bookmarks panel): "Bookmark removed" with Undo, "not saved" with
 * Retry, a refusal, a confirmation. The removal of an article the reader added reports here too
 * ("Removed “Title” from your library", with Undo).
 *
 * Focus: the notice never takes focus from where the reader is, except when the control they
 * used has gone with the bookmark (the panel's Delete) or the article (its Remove from library),
 * when it moves to Undo. After Undo, Retry
 * or Dismiss from the notice, focus goes back to where the reader was when the change was made.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { BookmarkView, NewBookmark } from '../../../shared/bookmarks';
import { noticeAfter, type BookmarkChange, type MessageNotice, type Notice } from '../bookmark-changes';
import type { BookmarksState } from './useBookmarks';

/** How long a confirmation (no Undo, no Retry) stays on screen. */
export const CONFIRMATION_MS = 4000;

/** A notice as shown: a new `seq` for every notice, so that the same words are announced again. */
export interface ShownNotice {
  readonly seq: number;
  readonly notice: Notice;
  /** Move focus to its button as it appears (the control the reader used is gone). */
  readonly takeFocus: boolean;
}

/** Options of a removal. */
export interface RemoveOptions {
  /** The control that asked for it goes away with the bookmark: focus Undo. */
  readonly focusUndo?: boolean;
}

/** What {@link useBookmarkNotice} gives. */
export interface BookmarkNoticeState {
  /** The notice showing, if any. */
  readonly shown: ShownNotice | undefined;
  /** Where the notice is drawn (for focus). */
  readonly ref: RefObject<HTMLDivElement | null>;
  /**
   * Bookmark a passage or section, or highlight words, and say so (or that it failed, with
   * Retry); resolves with the new bookmark (undefined if it failed), for a caller that goes on
   * with it (a highlight's note).
   */
  readonly add: (input: NewBookmark) => Promise<BookmarkView | undefined>;
  /** Remove a bookmark, offering Undo (or, when it failed, Retry). */
  readonly remove: (id: string, options?: RemoveOptions) => void;
  /**
   * Remove an article the reader added, offering Undo (or, when it failed, Retry); focus moves to
   * Undo, since the control used goes with the article. Resolves whether it was removed.
   */
  readonly removeArticle: (id: string) => Promise<boolean>;
  /** Show a message: a confirmation ("Link copied") or a refusal. */
  readonly inform: (notice: MessageNotice) => void;
  /** Put back the bookmark or article the notice says was removed. */
  readonly undo: () => void;
  /** Send the change that failed again, as it was. */
  readonly retry: () => void;
  /** Hide the notice. */
  readonly dismiss: () => void;
}

/** Inputs that take no typing. */
const NOT_TEXT_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'range', 'color', 'image']);

/** Whether an element takes typing (where Ctrl/Cmd+Z is the field's own undo). */
function isEditable(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLInputElement) return !NOT_TEXT_INPUTS.has(element.type);
  return element.isContentEditable || element instanceof HTMLTextAreaElement;
}

/**
 * The bookmark notice over {@link useBookmarks}' `send`.
 *
 * @param fallbackFocus where focus goes after an action in the notice when the place the reader
 *   was at is gone and nothing else took it
 * @example const notice = useBookmarkNotice(bookmarks.send, () => main.current?.focus());
 */
export function useBookmarkNotice(send: BookmarksState['send'], fallbackFocus: () => void): BookmarkNoticeState {
  const [shown, setShown] = useState<ShownNotice>();
  const ref = useRef<HTMLDivElement>(null);
  const seq = useRef(0);
  // Where the reader was when they made the change the notice is about.
  const returnTo = useRef<Element | null>(null);
  // An action was taken from inside the notice: put focus back once the next notice is drawn.
  const focusBack = useRef(false);
  const current = useRef<ShownNotice | undefined>(undefined);
  useEffect(() => {
    current.current = shown;
  }, [shown]);

  const show = useCallback((notice: Notice | undefined, takeFocus = false) => {
    setShown(notice && { seq: ++seq.current, notice, takeFocus });
  }, []);

  /** Note where the reader is (for a change they make now), or that they acted from the notice. */
  const begin = useCallback((): void => {
    const active = document.activeElement;
    if (ref.current?.contains(active)) focusBack.current = true;
    else returnTo.current = active;
  }, []);

  /** Send a change and show how it went; resolves with the host's answer (undefined if it failed). */
  const run = useCallback(
    async (change: BookmarkChange, again: boolean, takeFocus = false): Promise<unknown> => {
      const outcome = await send(change);
      const next = noticeAfter(change, outcome, again);
      show(next, takeFocus && next.kind === 'removed');
      return outcome.ok ? outcome.value : undefined;
    },
    [send, show],
  );

  const add = useCallback(
    (input: NewBookmark) => {
      begin();
      return run({ kind: 'add', input }, false) as Promise<BookmarkView | undefined>;
    },
    [begin, run],
  );
  const remove = useCallback(
    (id: string, options?: RemoveOptions) => {
      begin();
      void run({ kind: 'remove', id }, false, options?.focusUndo);
    },
    [begin, run],
  );
  const removeArticle = useCallback(
    async (id: string) => {
      begin();
      return (await run({ kind: 'remove-article', id }, false, true)) !== undefined;
    },
    [begin, run],
  );
  const inform = useCallback(
    (notice: MessageNotice) => {
      begin();
      show(notice);
    },
    [begin, show],
  );
  const undo = useCallback(() => {
    const notice = current.current?.notice;
    if (notice?.kind !== 'removed') return;
    if (ref.current?.contains(document.activeElement)) focusBack.current = true;
    void run(notice.undo, false);
  }, [run]);
  const retry = useCallback(() => {
    const notice = current.current?.notice;
    if (notice?.kind !== 'failed' || !notice.retry) return;
    if (ref.current?.contains(document.activeElement)) focusBack.current = true;
    void run(notice.retry, true);
  }, [run]);
  const dismiss = useCallback(() => {
    if (ref.current?.contains(document.activeElement)) focusBack.current = true;
    show(undefined);
  }, [show]);

  // Focus, once the notice is drawn. To its Undo when asked. After an action in the notice: to
  // the new notice's Undo or Retry when it has one (the reader is working there), else back to
  // where the reader was, unless something else took focus meanwhile (a bookmark put back in the
  // panel takes it).
  useEffect(() => {
    const root = ref.current;
    const action = root?.querySelector<HTMLElement>('[data-notice-action]');
    if (shown?.takeFocus) {
      action?.focus();
      return;
    }
    if (!focusBack.current) return;
    focusBack.current = false;
    if (action) {
      action.focus();
      return;
    }
    const active = document.activeElement;
    if (root?.contains(active) || (active && active !== document.body)) return;
    const back = returnTo.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    else fallbackFocus();
  }, [shown, fallbackFocus]);

  // A confirmation goes after a moment, unless the reader is on it; Undo and Retry stay.
  useEffect(() => {
    if (shown?.notice.kind !== 'info') return;
    const timer = setTimeout(() => {
      if (!ref.current?.contains(document.activeElement)) setShown((s) => (s === shown ? undefined : s));
    }, CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  // Ctrl/Cmd+Z undoes the removal the notice offers, except in a text field (its own undo).
  useEffect(() => {
    if (shown?.notice.kind !== 'removed') return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z') return;
      if (isEditable(document.activeElement)) return;
      event.preventDefault();
      undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shown, undo]);

  return useMemo(
    () => ({ shown, ref, add, remove, removeArticle, inform, undo, retry, dismiss }),
    [shown, add, remove, removeArticle, inform, undo, retry, dismiss],
  );
}
