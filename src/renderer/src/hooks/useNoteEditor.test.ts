import { describe, expect, it } from 'vitest';
import type { BookmarkView } from '../../../shared/bookmarks';
import { marginNotes } from '../components/MarginNotes';
import { noteLabel, notesByRow, showsNote } from './useNoteEditor';
import { bookmarkView } from '../testing/bookmark-view';

const bookmark = (id: string, over: Partial<BookmarkView> = {}): BookmarkView => bookmarkView(id, { targetId: 'p1', ...over });

const highlight = (id: string, over: Partial<BookmarkView> = {}): BookmarkView =>
  bookmark(id, { target: 'text', endId: 'p2', position: { start: 0, end: 5 }, color: 'yellow', ...over });

describe('notesByRow', () => {
  it('puts a passage’s own bookmark before its highlights, whatever the order of the list', () => {
    const rows = notesByRow([highlight('h1', { resolvedId: 'p1' }), bookmark('b1', { resolvedId: 'p1' }), highlight('h2', { resolvedId: 'p1' })], 'sleep');
    expect(rows.get('p1')?.map((n) => [n.id, n.kind])).toEqual([
      ['b1', 'passage'],
      ['h1', 'highlight'],
      ['h2', 'highlight'],
    ]);
  });

  it('files each under the row it resolves to now, leaving out orphans and other articles', () => {
    const rows = notesByRow(
      [bookmark('moved', { targetId: 'old', resolvedId: 'p3' }), bookmark('lost', { status: 'orphaned' }), bookmark('other', { articleId: 'dose' })],
      'sleep',
    );
    expect([...rows.keys()]).toEqual(['p3']);
  });
});

describe('noteLabel', () => {
  it('names a highlight by its words, cut short, and a passage or section by what it is', () => {
    expect(noteLabel({ kind: 'highlight', quote: 'dizziness and drowsiness' })).toBe('Note on highlight: “dizziness and drowsiness”');
    expect(noteLabel({ kind: 'highlight', quote: 'word '.repeat(40) }).length).toBeLessThan(90);
    expect(noteLabel({ kind: 'section', quote: 'x' })).toBe('Note on section');
  });
});

describe('showsNote', () => {
  it('shows a note with words or tags, not one of spaces only', () => {
    expect(showsNote({ note: '  ', tags: [] })).toBe(false);
    expect(showsNote({ note: '', tags: ['ask'] })).toBe(true);
    expect(showsNote({ note: 'ask', tags: [] })).toBe(true);
  });
});

describe('marginNotes', () => {
  const order = [
    { id: 'p1', sectionId: 's1' },
    { id: 'p2', sectionId: 's1' },
    { id: 'p3', sectionId: 's2' },
  ];

  it('lists the notes in reading order, a section before its passages, and only those with something to show', () => {
    const rows = notesByRow(
      [
        bookmark('late', { targetId: 'p3', note: 'c' }),
        bookmark('bare', { targetId: 'p2' }),
        bookmark('first', { targetId: 'p1', note: 'a' }),
        bookmark('section', { target: 'section', targetId: 's2', tags: ['t'] }),
      ],
      'sleep',
    );
    expect(marginNotes(rows, order).map((n) => [n.row, n.item.id])).toEqual([
      ['p1', 'first'],
      ['s2', 'section'],
      ['p3', 'late'],
    ]);
  });
});
