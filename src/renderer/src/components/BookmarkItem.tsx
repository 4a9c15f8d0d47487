/**
 * One bookmark in the panel: its quote (a link to the passage), note, tags and where it points
 * now, with an inline form to edit the note and tags.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BookmarkPatch, BookmarkView } from '../../../shared/bookmarks';
import { parseTags, QUOTE_PREVIEW_LENGTH, truncate } from '../bookmarks-model';
import { bookmarkRoute } from '../bookmarks-model';
import { formatRoute } from '../route';
import './BookmarkItem.css';

interface Props {
  /** The bookmark. */
  readonly bookmark: BookmarkView;
  /** Go to its passage. */
  readonly onOpen: (bookmark: BookmarkView) => void;
  /** Save a new note or tags; resolves with whether it worked. */
  readonly onUpdate: (id: string, patch: BookmarkPatch) => Promise<boolean>;
  /** Delete it. */
  readonly onDelete: (bookmark: BookmarkView) => void;
}

/** A bookmark, as a list item. */
export function BookmarkItem({ bookmark, onOpen, onUpdate, onDelete }: Readonly<Props>) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(bookmark.note);
  const [tags, setTags] = useState(bookmark.tags.join(', '));
  const id = useId();
  const quote = truncate(bookmark.quote.exact, QUOTE_PREVIEW_LENGTH);
  const orphaned = bookmark.status === 'orphaned';

  // Closing the form puts focus back on its Edit button, which it replaced.
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const stopEditing = (): void => {
    returnFocus.current = true;
    setEditing(false);
  };

  const startEditing = (): void => {
    setNote(bookmark.note);
    setTags(bookmark.tags.join(', '));
    setEditing(true);
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    void onUpdate(bookmark.id, { note, tags: parseTags(tags) }).then((saved) => {
      if (saved) stopEditing();
    });
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
          {quote}
        </a>
      )}
      {bookmark.status === 'reanchored' && <p className="bookmark-item__status">moved: found again by its quote</p>}
      {bookmark.sectionTitle && <p className="bookmark-item__section">{bookmark.sectionTitle}</p>}
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
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea id={`${id}-note`} value={note} rows={3} onChange={(e) => setNote(e.target.value)} autoFocus />
          <label htmlFor={`${id}-tags`}>Tags (separated by commas)</label>
          <input id={`${id}-tags`} type="text" value={tags} onChange={(e) => setTags(e.target.value)} />
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
