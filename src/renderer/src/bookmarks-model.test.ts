import { describe, expect, it } from 'vitest';
import type { BookmarkView } from '../../shared/bookmarks';
import { allTags, filterBookmarks, groupBookmarks, parseTags, truncate, bookmarkRoute, importSummary } from './bookmarks-model';
import { bookmarkView } from './testing/bookmark-view';

const bookmark = bookmarkView;

describe('truncate', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('the  quick brown fox', 12)).toBe('the quick…');
  });
});

describe('parseTags', () => {
  it('trims, drops blanks and repeats', () => {
    expect(parseTags(' sleep, dose ,,sleep')).toEqual(['sleep', 'dose']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('filterBookmarks', () => {
  const list = [bookmark('a', { note: 'Ask the doctor', tags: ['dose'] }), bookmark('b', { tags: ['dose', 'later'] })];

  it('matches every word in the quote or the note, ignoring case', () => {
    expect(filterBookmarks(list, 'DOCTOR ask', new Set()).map((b) => b.id)).toEqual(['a']);
    expect(filterBookmarks(list, 'quote of b', new Set()).map((b) => b.id)).toEqual(['b']);
  });

  const found = (bookmarks: readonly BookmarkView[], query: string): string[] => filterBookmarks(bookmarks, query, new Set()).map((b) => b.id);
  const dizzy = bookmark('dizzy', {
    quote: { exact: 'Dizziness and drowsiness are the side effects reported most often.', prefix: '', suffix: '' },
    note: 'Ask about the dizziness at night',
  });
  const sjogren = bookmark('sjogren', { quote: { exact: 'Sjögren’s syndrome dries the mouth and eyes.', prefix: '', suffix: '' } });
  const tablets = bookmark('tablets', { quote: { exact: 'Take the tablets with water.', prefix: '', suffix: '' } });
  const real = [dizzy, sjogren, tablets];

  it('finds a word by its stem, as the main search does: dizzy finds dizziness, tablet finds tablets', () => {
    expect(found(real, 'dizzy')).toEqual(['dizzy']);
    expect(found(real, 'tablet')).toEqual(['tablets']);
    expect(found([bookmark('one', { note: 'one tablet a day' })], 'tablets')).toEqual(['one']);
    expect(found(real, 'dried')).toEqual(['sjogren']);
  });

  it('folds accents, case and apostrophes: Sjogren finds Sjögren’s', () => {
    expect(found(real, 'Sjogren')).toEqual(['sjogren']);
    expect(found(real, 'SJOGRENS')).toEqual(['sjogren']);
    expect(found([bookmark('plain', { note: 'sjogren and dry eyes' })], 'Sjögren’s')).toEqual(['plain']);
  });

  it('finds the words a word being typed begins, but not words it is inside', () => {
    expect(found(real, 'dizz')).toEqual(['dizzy']);
    expect(found(real, 'drow dizz')).toEqual(['dizzy']);
    // Typed past its stem (swallow): found by the word as written.
    expect(found([bookmark('swallowing', { note: 'Swallowing is hard' }), tablets], 'swallowi')).toEqual(['swallowing']);
    expect(found(real, 'ness')).toEqual([]);
    expect(found(real, 'izzy')).toEqual([]);
  });

  it('needs every word, drops stop words, and shows all for an empty query', () => {
    expect(found(real, 'dizzy water')).toEqual([]);
    expect(found(real, 'tablets of')).toEqual(['tablets']);
    expect(found(real, '  ')).toEqual(['dizzy', 'sjogren', 'tablets']);
  });

  it('searches the tags, the article and section titles and a section’s opening lines', () => {
    const section = bookmark('section', {
      target: 'section',
      quote: { exact: 'What About Side Effects?', prefix: '', suffix: '' },
      tags: ['nighttime'],
      articleTitle: 'Baclofen and Sjögren’s Syndrome',
      sectionTitle: 'What About Side Effects?',
      excerpt: 'Most people tolerate baclofen well, but drowsiness is common…',
    });
    const list = [section, tablets];
    expect(found(list, 'nighttime')).toEqual(['section']);
    expect(found(list, 'syndrome')).toEqual(['section']);
    expect(found(list, 'effect')).toEqual(['section']);
    expect(found(list, 'tolerated')).toEqual(['section']);
  });

  it('keeps only bookmarks with every chosen tag', () => {
    expect(filterBookmarks(list, '', new Set(['dose'])).map((b) => b.id)).toEqual(['a', 'b']);
    expect(filterBookmarks(list, '', new Set(['dose', 'later'])).map((b) => b.id)).toEqual(['b']);
  });

  it('lists the tags in use, sorted', () => {
    expect(allTags(list)).toEqual(['dose', 'later']);
  });
});

describe('filterBookmarks, highlights', () => {
  const highlight = bookmark('h', {
    target: 'text',
    targetId: 'p1',
    endId: 'p2',
    position: { start: 4, end: 30 },
    color: 'green',
    quote: { exact: 'of the dizziness\nthat follows a dose', prefix: '', suffix: '' },
    note: 'Ask about timing',
    tags: ['side-effects'],
  });
  const list = [highlight, bookmark('b', { quote: { exact: 'a passage about sleep', prefix: '', suffix: '' } })];
  const ids = (query: string): string[] => filterBookmarks(list, query, new Set()).map((b) => b.id);

  it("finds a highlight by its words (across its passages), its note, its tags and its colour's name", () => {
    expect(ids('dizzy follows')).toEqual(['h']);
    expect(ids('timing')).toEqual(['h']);
    expect(ids('side effects')).toEqual(['h']);
    expect(ids('green')).toEqual(['h']);
    expect(ids('yellow')).toEqual([]);
    expect(filterBookmarks(list, '', new Set(['side-effects'])).map((b) => b.id)).toEqual(['h']);
  });
});

describe('groupBookmarks', () => {
  const list = [
    bookmark('a', { articleId: 'z', articleTitle: 'Zebra', createdAt: '2026-11-19T10:00:00Z' }),
    bookmark('b', { articleTitle: 'Apple', createdAt: '2026-11-20T09:00:00Z' }),
    bookmark('c', { articleTitle: 'Apple', createdAt: '2026-11-20T11:00:00Z' }),
  ];

  it('groups by article title, newest bookmark first within', () => {
    const groups = groupBookmarks(list, 'article', (d) => d);
    expect(groups.map((g) => [g.label, g.bookmarks.map((b) => b.id)])).toEqual([
      ['Apple', ['c', 'b']],
      ['Zebra', ['a']],
    ]);
  });

  it('groups by day, newest first', () => {
    const groups = groupBookmarks(list, 'date', (d) => d.slice(0, 10));
    expect(groups.map((g) => [g.label, g.bookmarks.map((b) => b.id)])).toEqual([
      ['2026-11-20', ['c', 'b']],
      ['2026-11-19', ['a']],
    ]);
  });
});

describe('bookmarkRoute', () => {
  it('goes to the passage or section as found now, or to the top when orphaned', () => {
    expect(bookmarkRoute({ articleId: 'a', target: 'passage', resolvedId: 'p-2' })).toEqual({ name: 'article', articleId: 'a', passageId: 'p-2' });
    expect(bookmarkRoute({ articleId: 'a', target: 'section', resolvedId: 'dosage' })).toEqual({ name: 'article', articleId: 'a', sectionId: 'dosage' });
    expect(bookmarkRoute({ articleId: 'a', target: 'section', resolvedId: undefined })).toEqual({ name: 'article', articleId: 'a' });
  });
});

describe('bookmarkRoute, highlights', () => {
  it('goes to the first passage of its words as found now, or to the top when orphaned', () => {
    expect(bookmarkRoute({ articleId: 'sleep', target: 'text', resolvedId: 'p7' })).toEqual({ name: 'article', articleId: 'sleep', passageId: 'p7' });
    expect(bookmarkRoute({ articleId: 'sleep', target: 'text', resolvedId: undefined })).toEqual({ name: 'article', articleId: 'sleep' });
  });
});

describe('importSummary', () => {
  it('says when every bookmark in the file was already here, rather than counting zeros', () => {
    expect(importSummary({ added: 0, updated: 0, unchanged: 12, orphaned: 0 })).toBe('All 12 bookmarks in the file were already here: nothing changed.');
    expect(importSummary({ added: 0, updated: 0, unchanged: 1, orphaned: 0 })).toBe('The bookmark in the file was already here: nothing changed.');
    expect(importSummary({ added: 0, updated: 0, unchanged: 0, orphaned: 0 })).toBe('The file holds no bookmarks: nothing changed.');
  });

  it('counts what was added and updated, and what was already here', () => {
    expect(importSummary({ added: 1, updated: 0, unchanged: 0, orphaned: 0 })).toBe('Added 1 bookmark.');
    expect(importSummary({ added: 3, updated: 1, unchanged: 2, orphaned: 0 })).toBe('Added 3 bookmarks and updated 1; 2 were already here.');
    expect(importSummary({ added: 0, updated: 2, unchanged: 1, orphaned: 0 })).toBe('Updated 2 bookmarks; 1 was already here.');
  });

  it('says how many point at nothing in the articles as they are, kept as orphans', () => {
    expect(importSummary({ added: 2, updated: 0, unchanged: 0, orphaned: 1 })).toBe('Added 2 bookmarks. 1 is not in the articles as they are now: it is kept, marked orphaned.');
    expect(importSummary({ added: 0, updated: 0, unchanged: 3, orphaned: 3 })).toBe('All 3 bookmarks in the file were already here: nothing changed. 3 are not in the articles as they are now: they are kept, marked orphaned.');
  });
});
