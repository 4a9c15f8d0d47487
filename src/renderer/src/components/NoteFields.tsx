/**
 * The note and tags fields of a bookmark, with why its last save failed (and Retry) under them:
 * the same fields in the bookmarks panel's form and in the note popover.
 */
import { useEffect, useId, useRef, type Ref } from 'react';
import type { NoteForm } from '../hooks/useNoteForm';
import './NoteFields.css';

interface Props {
  /** The form's state (see useNoteForm). */
  readonly form: NoteForm;
  /** Send again after a failure. */
  readonly onRetry: () => void;
  /** Where the note's textarea is given, to focus it. */
  readonly noteRef?: Ref<HTMLTextAreaElement>;
  /** Focus the note as the fields appear. */
  readonly autoFocus?: boolean;
  /** Rows of the note's textarea. */
  readonly rows?: number;
}

/** The fields. */
export function NoteFields({ form, onRetry, noteRef, autoFocus = false, rows = 3 }: Readonly<Props>) {
  const id = useId();
  const { failure } = form;
  // A failure pushes what follows down: keep it in view of a scrolled panel.
  const failureBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureBox.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  return (
    <div className="note-fields">
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea ref={noteRef} id={`${id}-note`} value={form.note} rows={rows} autoFocus={autoFocus} onChange={(e) => form.setNote(e.target.value)} />
      <label htmlFor={`${id}-tags`}>Tags (separated by commas)</label>
      <input id={`${id}-tags`} type="text" value={form.tags} onChange={(e) => form.setTags(e.target.value)} />
      <div ref={failureBox} className={failure ? 'note-fields__failure' : 'note-fields__failure note-fields__failure--none'}>
        <p role="alert" className="note-fields__failure-text">
          {failure && <span key={failure.seq}>{failure.text}</span>}
        </p>
        {failure?.retryable && (
          <button type="button" className="button button--small" onClick={onRetry}>
            Retry<span className="visually-hidden"> saving the note and tags</span>
          </button>
        )}
      </div>
    </div>
  );
}
