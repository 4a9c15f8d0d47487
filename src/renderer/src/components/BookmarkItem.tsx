/**
 * One bookmark in the panel: its quote (a link to the passage) or, for a section, its heading (a
 * link to the section) over its opening lines; note, tags and where it points now, with an inline
 * form to edit the note and tags. A highlight shows its colour as a swatch beside the colour's
 * name (never the hue alone), its words as a link to its first passage, and a select to change
 * its colour. A save that fails keeps the form open with
 * what was typed, says why, and offers Retry; an edit neither saved nor cancelled is kept as a
 * draft, and the form opens with it again when the panel does.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { HIGHLIGHT_COLORS, HIGHLIGHT_COLOR_NAMES, isHighlight, type BookmarkView, type HighlightColor } from '../../../shared/bookmarks';
import { failureText } from '../bookmark-changes';
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
  /** Save a new note or tags, or a highlight's colour; resolves with how it went. */
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
  // Why the last change of a highlight's colour did not save, if it did not.
  const [colorFailure, setColorFailure] = useState<string>();
  const quote = truncate(bookmark.quote.exact, QUOTE_PREVIEW_LENGTH);
  const orphaned = bookmark.status === 'orphaned';
  // A section's quote is its title: it links as its heading, with what the section says below.
  const section = bookmark.target === 'section' && !orphaned;
  const highlight = isHighlight(bookmark) ? bookmark : undefined;
  const what = highlight ? 'highlight' : 'bookmark';
  const changeColor = (color: HighlightColor): void => {
    const patch = { color };
    setColorFailure(undefined);
    void onUpdate(bookmark.id, patch).then((outcome) => {
      if (!outcome.ok) setColorFailure(failureText({ kind: 'update', id: bookmark.id, patch }, outcome.error, false));
    });
  };

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
    <li className="bookmark-item" data-status={bookmark.status} data-target={bookmark.target}>
      {highlight && (
        <p className="bookmark-item__color">
          <span className="bookmark-item__swatch" data-color={highlight.color} aria-hidden="true" />
          {HIGHLIGHT_COLOR_NAMES[highlight.color]} highlight
        </p>
      )}
      {orphaned ? (
        <>
          <p className="bookmark-item__status bookmark-item__status--orphaned">
            {highlight ? 'orphaned: the words are no longer in the article' : 'orphaned: the passage is no longer in the article'}
          </p>
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
      {bookmark.status === 'reanchored' && <p className="bookmark-item__status">{highlight ? 'moved: its words were found again' : 'moved: found again by its quote'}</p>}
      {!section && bookmark.sectionTitle && <p className="bookmark-item__section">{bookmark.sectionTitle}</p>}
      {editing ? (
        <form
          className="bookmark-item__form"
          onSubmit={save}
          aria-label={`Edit ${what}`}
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
            {highlight && (
              <label className="bookmark-item__color-choice">
                Colour
                <select value={highlight.color} onChange={(e) => changeColor(e.target.value as HighlightColor)}>
                  {HIGHLIGHT_COLORS.map((c) => (
                    <option key={c} value={c}>
                      {HIGHLIGHT_COLOR_NAMES[c]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" className="button button--small" onClick={() => onDelete(bookmark)}>
              Delete<span className="visually-hidden"> {what}</span>
            </button>
          </div>
          {colorFailure && (
            <p role="alert" className="bookmark-item__failure-text">
              {colorFailure}
            </p>
          )}
        </>
      )}
    </li>
  );
}
