/**
 * What the reader has typed into a bookmark's note and tags and not yet saved, kept until it is
 * saved or cancelled: closing the bookmarks panel, or the window reloading after a crash, must
 * not throw it away. Kept in the window's session storage (this window only, never on disk).
 */

/** An unsaved edit: the form's fields as typed. */
export interface NoteDraft {
  readonly note: string;
  readonly tags: string;
}

const KEY = 'quire.noteDrafts';

function readAll(): Record<string, NoteDraft> {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, NoteDraft>) : {};
  } catch {
    return {};
  }
}

function writeAll(drafts: Record<string, NoteDraft>): void {
  try {
    if (Object.keys(drafts).length === 0) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(drafts));
  } catch {
    // Storage refused (full, or turned off): the draft lives only as long as the form.
  }
}

/** The unsaved edit of a bookmark, if there is one. */
export function getDraft(id: string): NoteDraft | undefined {
  const draft = readAll()[id];
  return draft && typeof draft.note === 'string' && typeof draft.tags === 'string' ? draft : undefined;
}

/** Remember what is typed in a bookmark's form. */
export function putDraft(id: string, draft: NoteDraft): void {
  writeAll({ ...readAll(), [id]: draft });
}

/** Forget a bookmark's unsaved edit (it was saved, or cancelled). */
export function dropDraft(id: string): void {
  const drafts = readAll();
  if (!(id in drafts)) return;
  delete drafts[id];
  writeAll(drafts);
}
