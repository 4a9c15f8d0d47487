/**
 * The fields of a note and tags edit, shared by the bookmarks panel's inline form and the note
 * popover in the article: what is typed (kept as a draft until saved or cancelled, see
 * note-drafts.ts), one save at a time, and why a save failed, with the text kept as typed.
 */
import { useCallback, useState } from 'react';
import type { BookmarkPatch, BookmarkView } from '../../../shared/bookmarks';
import { failureText, isRetryable, type ChangeOutcome } from '../bookmark-changes';
import { parseTags } from '../bookmarks-model';
import { dropDraft, getDraft, putDraft } from '../note-drafts';

/** Save a note and tags; resolves with how it went (never rejects). */
export type UpdateBookmark = (id: string, patch: BookmarkPatch) => Promise<ChangeOutcome<BookmarkView>>;

/** A save that failed: why, and whether Retry may help. */
export interface SaveFailure {
  readonly text: string;
  readonly retryable: boolean;
  /** Counts failures, so that the same words are announced again. */
  readonly seq: number;
}

/** What {@link useNoteForm} gives. */
export interface NoteForm {
  /** The note as typed. */
  readonly note: string;
  /** The tags as typed, separated by commas. */
  readonly tags: string;
  /** Type into the note (kept as a draft). */
  readonly setNote: (value: string) => void;
  /** Type into the tags (kept as a draft). */
  readonly setTags: (value: string) => void;
  /** Why the last save failed, until the next one or a fresh start. */
  readonly failure: SaveFailure | undefined;
  /** Whether what is typed differs from what the bookmark holds. */
  readonly changed: boolean;
  /**
   * Fill the fields again: from the bookmark's draft when `fromDraft` and it has one, else from
   * the bookmark as saved.
   */
  readonly start: (fromDraft: boolean) => void;
  /** Save what is typed; resolves true once saved (its draft dropped), false if it was not. */
  readonly send: () => Promise<boolean>;
  /** Forget what was typed and any failure (cancelled, or saved). */
  readonly discard: () => void;
}

/** The tags as the field shows them. */
export function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}

/**
 * The note and tags fields of one bookmark, starting from its draft if it has one.
 *
 * @example const form = useNoteForm(bookmark, onUpdate); await form.send();
 */
export function useNoteForm(bookmark: Pick<BookmarkView, 'id' | 'note' | 'tags'>, onUpdate: UpdateBookmark): NoteForm {
  const { id } = bookmark;
  const [fields, setFields] = useState(() => getDraft(id) ?? { note: bookmark.note, tags: tagsText(bookmark.tags) });
  const [failure, setFailure] = useState<SaveFailure>();
  const [saving, setSaving] = useState(false);
  const edit = (next: { note: string; tags: string }): void => {
    setFields(next);
    putDraft(id, next);
  };
  const start = useCallback(
    (fromDraft: boolean) => {
      setFields((fromDraft ? getDraft(id) : undefined) ?? { note: bookmark.note, tags: tagsText(bookmark.tags) });
      setFailure(undefined);
    },
    [id, bookmark.note, bookmark.tags],
  );
  const discard = useCallback(() => {
    dropDraft(id);
    setFailure(undefined);
  }, [id]);
  const send = async (): Promise<boolean> => {
    // One save at a time: a second press while the first is on its way would send it twice.
    if (saving) return false;
    const patch = { note: fields.note, tags: parseTags(fields.tags) };
    setSaving(true);
    const outcome = await onUpdate(id, patch);
    setSaving(false);
    if (outcome.ok) {
      discard();
      return true;
    }
    setFailure((f) => ({
      text: failureText({ kind: 'update', id, patch }, outcome.error, f !== undefined),
      retryable: isRetryable(outcome.error),
      seq: (f?.seq ?? 0) + 1,
    }));
    return false;
  };
  const changed = fields.note !== bookmark.note || tagsText(parseTags(fields.tags)) !== tagsText(bookmark.tags);
  return {
    note: fields.note,
    tags: fields.tags,
    setNote: (note) => edit({ ...fields, note }),
    setTags: (tags) => edit({ ...fields, tags }),
    failure,
    changed,
    start,
    send,
    discard,
  };
}
