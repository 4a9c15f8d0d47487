/**
 * A passage (or section heading) with its actions in the margin: the bookmark toggle, "add note"
 * or "edit note" when it has a bookmark or highlight, "copy link" and, for a passage, "copy with
 * citation". Marked in the margin when bookmarked; its notes under it on narrow windows.
 */
import type { ReactNode } from 'react';
import type { NoteItem } from '../hooks/useNoteEditor';
import { useRovingFocus } from '../hooks/useRovingFocus';
import { BookmarkButton } from './BookmarkButton';
import { PassageNotes } from './MarginNotes';
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
  /**
   * The bookmarks and highlights that can carry a note, by the row they start at (its own bookmark
   * first); none where notes cannot be edited (a print).
   */
  readonly notes?: ReadonlyMap<string, readonly NoteItem[]>;
  /** Open the note popover for a bookmark or highlight, beside its row. */
  readonly onOpenNote?: (bookmarkId: string, anchor: Element) => void;
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
  const notes = actions.notes?.get(id) ?? [];
  // The control opens the row's first note: its own bookmark's, else its first highlight's.
  const { onOpenNote } = actions;
  const first = onOpenNote ? notes[0] : undefined;
  const noteAbout = first?.kind === 'highlight' ? 'highlight' : target;
  const noteAction = first?.note.trim() ? `Edit note on this ${noteAbout}` : `Add note to this ${noteAbout}`;
  // Shown, as Copy link is, with the row's hover or focus: at rest the margin keeps only the
  // ribbon, so that short passages' actions do not reach further down. The actions after it
  // shift down one place when it is there.
  const after = first ? 1 : 0;
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
        {first && (
          <button
            type="button"
            className="row-action link-button note-button"
            aria-label={noteAction}
            title={noteAction}
            data-has-note={first.note.trim() ? true : undefined}
            tabIndex={roving.tabIndexOf(1)}
            onClick={(event) => {
              const row = event.currentTarget.closest('.bookmark-row');
              onOpenNote?.(first.id, row ?? event.currentTarget);
            }}
          >
            {/* A page with lines: a note; filled lines when it has one. */}
            <svg className="line-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M3.5 2.5h9v11h-9z" />
              <path d="M5.5 5.5h5M5.5 8h5M5.5 10.5h3" />
            </svg>
          </button>
        )}
        <button
          type="button"
          className="row-action link-button"
          aria-label={`Copy link to this ${target}`}
          title={`Copy link to this ${target}`}
          tabIndex={roving.tabIndexOf(1 + after)}
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
            tabIndex={roving.tabIndexOf(2 + after)}
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
      {notes.length > 0 && <PassageNotes items={notes} />}
    </div>
  );
}
