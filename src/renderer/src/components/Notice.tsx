/**
 * The notice at the foot of the window for what a bookmark change did: "Bookmark removed" with
 * Undo, "not saved" with Retry, a refusal or a confirmation. Its words are spoken by screen
 * readers (a status, or an alert for a failure) without focus moving to it.
 */
import { useLayoutEffect, type KeyboardEvent, type RefObject } from 'react';
import type { ShownNotice } from '../hooks/useBookmarkNotice';
import './Notice.css';

interface Props {
  /** What to show; nothing when undefined (the live regions stay, empty, so later words are spoken). */
  readonly shown: ShownNotice | undefined;
  /** Where it is drawn (its owner moves focus in and out of it). */
  readonly noticeRef: RefObject<HTMLDivElement | null>;
  /** How the undo shortcut reads here ("Ctrl+Z", "⌘Z"). */
  readonly undoShortcutLabel: string;
  /** Put back the removed bookmark. */
  readonly onUndo: () => void;
  /** Send the failed change again. */
  readonly onRetry: () => void;
  /** Hide the notice. */
  readonly onDismiss: () => void;
}

/** The custom property that says how much of the window's foot the notice takes (see Notice.css). */
const SPACE_PROPERTY = '--notice-space';
/** Room left between the notice and what it must not cover, in px. */
const SPACE_GAP = 8;

/**
 * Keep {@link SPACE_PROPERTY} on the root at the height the notice takes from the foot of the
 * window while it shows, so that the bookmarks panel ends above it, the article can scroll clear
 * of it, and focus never lands under it.
 */
function useNoticeSpace(noticeRef: RefObject<HTMLDivElement | null>, showing: boolean): void {
  useLayoutEffect(() => {
    const root = document.documentElement;
    const element = noticeRef.current;
    if (!showing || !element) return;
    const measure = (): void => {
      const space = Math.max(0, Math.ceil(window.innerHeight - element.getBoundingClientRect().top) + SPACE_GAP);
      root.style.setProperty(SPACE_PROPERTY, `${space}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      root.style.removeProperty(SPACE_PROPERTY);
    };
  }, [noticeRef, showing]);
}

/** The notice: its words in a live region, then Undo or Retry, and Dismiss. */
export function Notice({ shown, noticeRef, undoShortcutLabel, onUndo, onRetry, onDismiss }: Readonly<Props>) {
  const notice = shown?.notice;
  useNoticeSpace(noticeRef, notice !== undefined);
  const failed = notice?.kind === 'failed';
  // A new node for every notice: the same words said twice are announced twice. Screen readers
  // also hear how to undo without going to the button.
  const words = notice && (
    <span key={shown.seq}>
      {notice.text}
      {notice.kind === 'removed' && <span className="visually-hidden"> Press {undoShortcutLabel} to undo.</span>}
    </span>
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' && notice) {
      event.preventDefault();
      onDismiss();
    }
  };
  return (
    <>
      {/* Room at the end of the page to scroll the last lines clear of the notice. */}
      <div className="notice-spacer" aria-hidden="true" />
      <div
        ref={noticeRef}
        className={notice ? `notice notice--${failed ? 'error' : 'info'}` : 'notice notice--empty'}
        data-notice={notice?.kind}
        onKeyDown={onKeyDown}
      >
        <p role="status" className="notice__text">
          {!failed && words}
        </p>
        <p role="alert" className="notice__text">
          {failed && words}
        </p>
        {/* A confirmation goes by itself: it has nothing to reach. */}
        {notice && notice.kind !== 'info' && (
          <div className="notice__actions">
            {notice.kind === 'removed' && (
              <button
                key={`undo-${shown.seq}`}
                type="button"
                className="button notice__action"
                data-notice-action
                aria-keyshortcuts="Control+Z Meta+Z"
                title={`Undo (${undoShortcutLabel})`}
                onClick={onUndo}
              >
                Undo
                <kbd className="notice__key" aria-hidden="true">
                  {undoShortcutLabel}
                </kbd>
              </button>
            )}
            {notice.kind === 'failed' && notice.retry && (
              <button key={`retry-${shown.seq}`} type="button" className="button notice__action" data-notice-action onClick={onRetry}>
                Retry
              </button>
            )}
            <button type="button" className="button notice__dismiss" onClick={onDismiss}>
              Dismiss<span className="visually-hidden"> notice</span>
            </button>
          </div>
        )}
      </div>
    </>
  );
}
