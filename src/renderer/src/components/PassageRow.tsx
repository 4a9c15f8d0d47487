/**
 * A passage (or section heading) with its actions in the margin: the bookmark toggle, "copy
 * link" and, for a passage, "copy with citation". Marked in the margin when bookmarked.
 */
import type { ReactNode } from 'react';
import { useRovingFocus } from '../hooks/useRovingFocus';
import { BookmarkButton } from './BookmarkButton';
import { usePrintMode } from './print-mode';
import './PassageRow.css';

/** Toggle the bookmark of a passage or a section. */
export type ToggleBookmark = (target: 'passage' | 'section', id: string) => void;

/** What the rows of an article need to draw and act on bookmarks and links. */
export interface PassageActions {
  /** Ids of the bookmarked passages and sections. */
  readonly bookmarked: ReadonlySet<string>;
  /** Toggle a bookmark. */
  readonly onToggleBookmark: ToggleBookmark;
  /** Copy a link to a passage or section. */
  readonly onCopyLink: (target: 'passage' | 'section', id: string) => void;
  /** Copy a passage's words with their citation. */
  readonly onCopyWithCitation: (passageId: string) => void;
}

interface Props {
  /** The passage or section id. */
  readonly id: string;
  /** What the actions are about. */
  readonly target: 'passage' | 'section';
  /** The bookmark state and the actions. */
  readonly actions: PassageActions;
  /** Extra class names. */
  readonly className?: string;
  /** The passage or heading itself. */
  readonly children: ReactNode;
}

/**
 * The row. Its actions show on hover and when focus is within it; the bookmark toggle shows
 * always when on.
 */
export function PassageRow({ id, target, actions, className, children }: Readonly<Props>) {
  const on = actions.bookmarked.has(id);
  // One Tab stop per row; the arrow keys move between its actions.
  const roving = useRovingFocus();
  // A print has no actions and no marks: the passage alone.
  if (usePrintMode()) return <div className={`print-row${className ? ` ${className}` : ''}`}>{children}</div>;
  return (
    <div
      className={`bookmark-row${className ? ` ${className}` : ''}`}
      data-bookmarked={on || undefined}
      data-bookmark-target={target}
      data-bookmark-id={id}
    >
      {children}
      <div
        className="bookmark-row__toggle"
        role="toolbar"
        aria-label={`Actions for this ${target}`}
        aria-orientation="vertical"
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
      >
        <BookmarkButton pressed={on} target={target} tabIndex={roving.tabIndexOf(0)} onToggle={() => actions.onToggleBookmark(target, id)} />
        <button
          type="button"
          className="row-action link-button"
          aria-label={`Copy link to this ${target}`}
          title={`Copy link to this ${target}`}
          tabIndex={roving.tabIndexOf(1)}
          onClick={() => actions.onCopyLink(target, id)}
        >
          <svg className="line-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M6.75 9.25a3 3 0 0 0 4.24 0l2.5-2.5a3 3 0 0 0-4.24-4.24l-1 1" />
            <path d="M9.25 6.75a3 3 0 0 0-4.24 0l-2.5 2.5a3 3 0 0 0 4.24 4.24l1-1" />
          </svg>
        </button>
        {target === 'passage' && (
          <button
            type="button"
            className="row-action link-button"
            aria-label="Copy this passage with citation"
            title="Copy this passage with citation"
            tabIndex={roving.tabIndexOf(2)}
            onClick={() => actions.onCopyWithCitation(id)}
          >
            {/* A quotation mark: the words, quoted. */}
            <svg className="line-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M3 9.5h3.5v4H3zM3 9.5c0-3 1-5 3.5-6" />
              <path d="M9.5 9.5H13v4H9.5zM9.5 9.5c0-3 1-5 3.5-6" />
            </svg>
          </button>
        )}
      </div>
    </div>
  );
}
