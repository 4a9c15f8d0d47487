/**
 * One bookmark in the panel: its quote (a link to the passage) or, for a section, its heading (a
 * link to the section) over its opening lines; note, tags and where it points now, with an inline
 * form to edit the note and tags. A save that fails keeps the form open with
 * what was typed, says why, and offers Retry; an edit neither saved nor cancelled is kept as a
 * draft, and the form opens with it again when the panel does.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BookmarkView } from '../../../shared/bookmarks';
import { QUOTE_PREVIEW_LENGTH, truncate } from '../bookmarks-model';
import { bookmarkRoute } from '../bookmarks-model';
import { useNoteForm, type UpdateBookmark } from '../hooks/useNoteForm';
import { getDraft } from '../note-drafts';
import { formatRoute } from '../route';
import { NoteFields } from './NoteFields';
import './BookmarkItem.css';

interface Props {
  /** The bookmark. */
  readonly bookmark: BookmarkView;
  /** Go to its passage. */
  readonly onOpen: (bookmark: BookmarkView) => void;
  /** Save a new note or tags; resolves with how it went. */
  readonly onUpdate: UpdateBookmark;
  /** Delete it. */
  readonly onDelete: (bookmark: BookmarkView) => void;
  /**
   * Take focus (on its Edit button) as it appears, if focus is nowhere: it was deleted here and
   * Undo has put it back.
   */
  readonly focusWhenShown?: boolean;
}

/** A bookmark, as a list item. */
export function BookmarkItem({ bookmark, onOpen, onUpdate, onDelete, focusWhenShown = false }: Readonly<Props>) {
  // An edit left unsaved when the panel closed (or the window reloaded) opens again as typed.
  const [draft] = useState(() => getDraft(bookmark.id));
  const [editing, setEditing] = useState(draft !== undefined);
  const form = useNoteForm(bookmark, onUpdate);
  const quote = truncate(bookmark.quote.exact, QUOTE_PREVIEW_LENGTH);
  const orphaned = bookmark.status === 'orphaned';
  // A section's quote is its title: it links as its heading, with what the section says below.
  const section = bookmark.target === 'section' && !orphaned;

  // Closing the form puts focus back on its Edit button, which it replaced.
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const stopEditing = (): void => {
    form.discard();
    returnFocus.current = true;
    setEditing(false);
  };
  // Put back by Undo after a deletion here, with focus lost when its Delete button went.
  const takeFocus = useRef(focusWhenShown);
  useEffect(() => {
    if (!takeFocus.current) return;
    takeFocus.current = false;
    if (document.activeElement === null || document.activeElement === document.body) editButton.current?.focus();
  }, []);

  const startEditing = (): void => {
    form.start(false);
    setEditing(true);
  };
  /** Send the note and tags as they are in the form; on failure the form stays, as typed. */
  const send = (): void => {
    void form.send().then((saved) => {
      if (saved) stopEditing();
    });
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    send();
  };

  return (
    <li className="bookmark-item" data-status={bookmark.status}>
      {orphaned ? (
        <>
          <p className="bookmark-item__status bookmark-item__status--orphaned">orphaned: the passage is no longer in the article</p>
          <blockquote className="bookmark-item__quote">{quote}</blockquote>
        </>
      ) : (
        <a
          className="bookmark-item__quote bookmark-item__link"
          href={formatRoute(bookmarkRoute(bookmark))}
          onClick={(event) => {
            event.preventDefault();
            onOpen(bookmark);
          }}
        >
          {section ? (bookmark.sectionTitle ?? quote) : quote}
        </a>
      )}
      {section && bookmark.excerpt && <p className="bookmark-item__excerpt">{bookmark.excerpt}</p>}
      {bookmark.status === 'reanchored' && <p className="bookmark-item__status">moved: found again by its quote</p>}
      {!section && bookmark.sectionTitle && <p className="bookmark-item__section">{bookmark.sectionTitle}</p>}
      {editing ? (
        <form
          className="bookmark-item__form"
          onSubmit={save}
          aria-label="Edit bookmark"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              stopEditing();
            }
          }}
        >
          <NoteFields form={form} onRetry={send} autoFocus />
          <div className="bookmark-item__actions">
            <button type="submit" className="button">
              Save
            </button>
            <button type="button" className="button" onClick={stopEditing}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {bookmark.note && <p className="bookmark-item__note">{bookmark.note}</p>}
          {bookmark.tags.length > 0 && (
            <ul className="bookmark-item__tags" aria-label="Tags">
              {bookmark.tags.map((tag) => (
                <li key={tag} className="topic">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          <div className="bookmark-item__actions">
            <button ref={editButton} type="button" className="button button--small" onClick={startEditing}>
              Edit<span className="visually-hidden"> note and tags</span>
            </button>
            <button type="button" className="button button--small" onClick={() => onDelete(bookmark)}>
              Delete<span className="visually-hidden"> bookmark</span>
            </button>
          </div>
        </>
      )}
    </li>
  );
}
