import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import type { BookmarkView } from '../../shared/bookmarks';
import {
  failureText,
  hasReaderContent,
  isRetryable,
  keyRemovalRefusal,
  keyToggle,
  noticeAfter,
  removedText,
  type BookmarkChange,
} from './bookmark-changes';

function bookmark(over: Partial<BookmarkView> = {}): BookmarkView {
  return {
    id: 'b1',
    articleId: 'sleep',
    target: 'passage',
    targetId: 'sleep-3',
    quote: { exact: 'a quote', prefix: '', suffix: '' },
    note: '',
    tags: [],
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    status: 'anchored',
    ...over,
  };
}

const DISK_FULL = new ApiError('not-saved', 'Quire could not save your note: the disk is full. Free some space, then try again.');
const INTERNAL = new ApiError('internal', 'updateBookmark: internal error');

describe('keyToggle', () => {
  it('adds a bookmark where there is none', () => {
    expect(keyToggle(undefined)).toEqual({ do: 'add' });
  });

  it('removes a bare bookmark', () => {
    expect(keyToggle(bookmark())).toEqual({ do: 'remove', id: 'b1' });
  });

  it('refuses to remove a bookmark with a note, with tags, or with both, and says which', () => {
    expect(keyToggle(bookmark({ note: 'ask the doctor' }))).toEqual({
      do: 'refuse',
      text: 'This bookmark has a note. Remove it from its ribbon or the Bookmarks panel.',
    });
    expect(keyToggle(bookmark({ tags: ['dose'] }))).toMatchObject({ do: 'refuse', text: expect.stringMatching(/^This bookmark has tags\./) });
    expect(keyToggle(bookmark({ note: 'n', tags: ['dose'] }))).toMatchObject({ do: 'refuse', text: expect.stringMatching(/has a note and tags\./) });
  });

  it('never removes a bookmark that holds anything the reader wrote', () => {
    const text = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(text, fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }), (note, tags) => {
        const decision = keyToggle(bookmark({ note, tags }));
        expect(decision.do === 'remove').toBe(note.trim() === '' && tags.length === 0);
      }),
    );
  });

  it('treats a note of spaces as no note', () => {
    expect(hasReaderContent({ note: '  \n ', tags: [] })).toBe(false);
    expect(keyRemovalRefusal({ note: '  ', tags: [] })).toBeUndefined();
  });
});

describe('removedText', () => {
  it('says what went with the bookmark', () => {
    expect(removedText({ note: '', tags: [] })).toBe('Bookmark removed.');
    expect(removedText({ note: 'n', tags: [] })).toBe('Bookmark removed, with its note.');
    expect(removedText({ note: '', tags: ['t'] })).toBe('Bookmark removed, with its tags.');
    expect(removedText({ note: 'n', tags: ['t'] })).toBe('Bookmark removed, with its note and tags.');
  });
});

describe('failureText', () => {
  const update: BookmarkChange = { kind: 'update', id: 'b1', patch: { note: 'typed' } };

  it("shows the store's own sentence for a change it could not save", () => {
    expect(failureText(update, DISK_FULL)).toBe(DISK_FULL.message);
  });

  it("says what was not done, then the host's message, for any other failure", () => {
    expect(failureText(update, INTERNAL)).toBe('Your note and tags were not saved (updateBookmark: internal error).');
    expect(failureText({ kind: 'remove', id: 'b1' }, new ApiError('internal', 'removeBookmark: internal error.'))).toBe(
      'The bookmark was not removed (removeBookmark: internal error).',
    );
  });

  it('reads differently when a retry failed too, so that it is announced again', () => {
    expect(failureText(update, DISK_FULL, true)).toBe(`Still not saved. ${DISK_FULL.message}`);
  });
});

describe('isRetryable', () => {
  it('offers Retry where sending the same change again may work', () => {
    expect(isRetryable(DISK_FULL)).toBe(true);
    expect(isRetryable(INTERNAL)).toBe(true);
    for (const code of ['not-found', 'invalid-argument', 'forbidden', 'unsupported'] as const) expect(isRetryable({ code })).toBe(false);
  });
});

describe('noticeAfter', () => {
  const removed = bookmark({ note: 'ask the doctor', tags: ['dose'] });

  it('offers Undo after a removal, holding the whole bookmark (note and tags) to put back', () => {
    const notice = noticeAfter({ kind: 'remove', id: removed.id }, { ok: true, value: removed });
    expect(notice).toEqual({ kind: 'removed', text: 'Bookmark removed, with its note and tags.', undo: { kind: 'restore', bookmark: removed } });
  });

  it('offers Undo after an article’s removal, which puts it back, and confirms that', () => {
    const notice = noticeAfter({ kind: 'remove-article', id: 'my-notes' }, { ok: true, value: { id: 'my-notes', title: 'My notes' } });
    expect(notice).toEqual({ kind: 'removed', text: 'Removed “My notes” from your library.', undo: { kind: 'restore-article', id: 'my-notes', title: 'My notes' } });
    expect(noticeAfter({ kind: 'restore-article', id: 'my-notes', title: 'My notes' }, { ok: true, value: undefined })).toEqual({
      kind: 'info',
      text: '“My notes” is back in your library.',
    });
  });

  it('says an article was not removed in the store’s words, without its technical line, with Retry', () => {
    const change: BookmarkChange = { kind: 'remove-article', id: 'my-notes' };
    const full = new ApiError('not-saved', 'Quire could not save the change: the disk is full.\nremoveArticle: not saved');
    expect(noticeAfter(change, { ok: false, error: full })).toEqual({ kind: 'failed', text: 'Quire could not save the change: the disk is full.', retry: change });
    expect(noticeAfter(change, { ok: false, error: new ApiError('invalid-argument', 'removeArticle: bundled') })).toEqual({
      kind: 'failed',
      text: 'The article was not removed (removeArticle: bundled).',
      retry: undefined,
    });
  });

  it('keeps the very change that failed, for Retry to send again', () => {
    const change: BookmarkChange = { kind: 'restore', bookmark: removed };
    const notice = noticeAfter(change, { ok: false, error: DISK_FULL });
    expect(notice).toEqual({ kind: 'failed', text: DISK_FULL.message, retry: change });
    if (notice.kind !== 'failed') throw new Error('not a failure');
    expect(notice.retry).toBe(change);
  });

  it('offers no Retry when the change itself was refused', () => {
    const notice = noticeAfter({ kind: 'remove', id: 'gone' }, { ok: false, error: new ApiError('not-found', "removeBookmark: no bookmark 'gone'") });
    expect(notice).toMatchObject({ kind: 'failed', retry: undefined });
  });

  it('confirms an add and a restore', () => {
    expect(noticeAfter({ kind: 'add', input: { articleId: 'sleep', target: 'section', targetId: 's1' } }, { ok: true, value: bookmark() })).toEqual({
      kind: 'info',
      text: 'Bookmark added to this section.',
    });
    expect(noticeAfter({ kind: 'restore', bookmark: removed }, { ok: true, value: undefined })).toEqual({ kind: 'info', text: 'Bookmark put back.' });
  });

  it('names a highlight as one, and a change of its colour alone as such', () => {
    const range = { start: { passageId: 'p1', offset: 0 }, end: { passageId: 'p1', offset: 4 } };
    expect(noticeAfter({ kind: 'add', input: { articleId: 'sleep', target: 'text', range } }, { ok: true, value: bookmark() })).toEqual({
      kind: 'info',
      text: 'Highlight added.',
    });
    expect(noticeAfter({ kind: 'update', id: 'b', patch: { color: 'green' } }, { ok: true, value: bookmark() })).toEqual({
      kind: 'info',
      text: 'Highlight colour changed to green.',
    });
    expect(noticeAfter({ kind: 'update', id: 'b', patch: { note: 'x', color: 'green' } }, { ok: true, value: bookmark() })).toMatchObject({ text: 'Note and tags saved.' });
    expect(removedText({ target: 'text', note: '', tags: [] })).toBe('Highlight removed.');
  });
});
