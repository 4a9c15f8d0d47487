/**
 * The note popover: a bookmark's or highlight's note and tags, edited in place beside its passage.
 * A non-modal dialog: focus goes into its note as it opens; Save (or Ctrl/Cmd+Enter) saves, Cancel
 * (or Escape) closes without saving. A click elsewhere closes it only when nothing typed would be
 * lost: with changes it stays open, as typed, and says so (saving on a stray click would keep
 * words the reader may not have meant to keep; staying loses nothing and leaves the choice to them).
 * A save that fails keeps the text and says why, as the panel's form does.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { BookmarkView } from '../../../shared/bookmarks';
import { useNoteForm, type UpdateBookmark } from '../hooks/useNoteForm';
import type { PopoverPlace } from '../note-layout';
import { NoteFields } from './NoteFields';
import './NotePopover.css';

interface Props {
  /** The bookmark or highlight whose note it edits. */
  readonly bookmark: BookmarkView;
  /** What it is about, its accessible name ("Note on passage"). */
  readonly label: string;
  /** Where it goes, in the coordinates of the element that holds it. */
  readonly place: PopoverPlace;
  /** Save the note and tags; resolves with how it went. */
  readonly onUpdate: UpdateBookmark;
  /** Told once it was saved. */
  readonly onSaved: () => void;
  /** Close it; `returnFocus` false when a click elsewhere took focus. */
  readonly onClose: (returnFocus: boolean) => void;
}

/** The popover. */
export function NotePopover({ bookmark, label, place, onUpdate, onSaved, onClose }: Readonly<Props>) {
  const form = useNoteForm(bookmark, onUpdate);
  const dialog = useRef<HTMLDivElement>(null);
  const note = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  // Told after a click elsewhere that kept it open; counts, so that the words are said again.
  const [kept, setKept] = useState(0);

  useEffect(() => {
    const field = note.current;
    if (!field) return;
    field.focus({ preventScroll: true });
    field.setSelectionRange(field.value.length, field.value.length);
    dialog.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  // The latest state for the document's listener, which is added once.
  const latest = useRef({ changed: form.changed, onClose });
  useEffect(() => {
    latest.current = { changed: form.changed, onClose };
  });
  useEffect(() => {
    const onPointerDown = (event: PointerEvent): void => {
      if (dialog.current?.contains(event.target as Node)) return;
      if (latest.current.changed) setKept((n) => n + 1);
      else latest.current.onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const cancel = (): void => {
    form.discard();
    onClose(true);
  };
  const send = (): void => {
    void form.send().then((saved) => {
      if (!saved) return;
      onSaved();
      onClose(true);
    });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-labelledby={titleId}
      className={`note-popover note-popover--${place.side}`}
      style={{ left: place.left, top: place.top, inlineSize: place.width }}
      onKeyDown={onKeyDown}
    >
      <form onSubmit={submit}>
        <h2 id={titleId} className="note-popover__title">
          {label}
        </h2>
        <NoteFields form={form} onRetry={send} noteRef={note} rows={4} />
        <p className="note-popover__kept" aria-live="polite">
          {kept > 0 && form.changed && <span key={kept}>Not saved yet: Save keeps your changes, Cancel drops them.</span>}
        </p>
        <div className="note-popover__actions">
          <button type="submit" className="button" aria-keyshortcuts="Control+Enter Meta+Enter">
            Save
          </button>
          <button type="button" className="button" onClick={cancel} aria-keyshortcuts="Escape">
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
