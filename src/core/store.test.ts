import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_SEARCHES } from '../shared/schemas';
import { DEFAULT_SETTINGS, type Bookmark } from '../shared/bookmarks';
import { ROOT } from './paths';
import { openStore, STORE_NAME, STORE_VERSION, UnknownBookmarkError } from './store';
import { tempDir, type TempDir } from './testing';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

describe('UserStore recent searches', () => {
  it('keeps searches newest first, once each, and survives reopening', () => {
    const { store } = openStore(dir.path);
    store.addRecentSearch('dry mouth');
    store.addRecentSearch('  taper ');
    store.addRecentSearch('dry mouth');
    store.addRecentSearch('   ');
    expect(store.recentSearches()).toEqual(['dry mouth', 'taper']);
    expect(openStore(dir.path).store.recentSearches()).toEqual(['dry mouth', 'taper']);
    expect(JSON.parse(readFileSync(join(dir.path, `${STORE_NAME}.json`), 'utf8'))).toMatchObject({ version: 1, recentSearches: ['dry mouth', 'taper'], bookmarks: [] });
  });

  it('keeps only the newest searches and clears them', () => {
    const { store } = openStore(dir.path);
    for (let i = 0; i < MAX_RECENT_SEARCHES + 5; i++) store.addRecentSearch(`q${i}`);
    expect(store.recentSearches()).toHaveLength(MAX_RECENT_SEARCHES);
    expect(store.recentSearches()[0]).toBe(`q${MAX_RECENT_SEARCHES + 4}`);
    store.clearRecentSearches();
    expect(openStore(dir.path).store.recentSearches()).toEqual([]);
  });
});

describe('openStore with a bad file', () => {
  it.each([
    ['bad JSON', '{"recentSearches": ["a",'],
    ['a schema violation', '{"recentSearches": "not a list"}'],
  ])('sets aside %s under a timestamped name and starts empty', (_what, content) => {
    const file = join(dir.path, `${STORE_NAME}.json`);
    writeFileSync(file, content);
    const { store, setAside } = openStore(dir.path, undefined, new Date('2026-11-22T06:30:00.000Z'));
    expect(setAside).toBe(join(dir.path, `${STORE_NAME}.corrupt-2026-11-22T06-30-00-000Z.json`));
    expect(readFileSync(setAside!, 'utf8')).toBe(content);
    expect(store.recentSearches()).toEqual([]);
    store.addRecentSearch('after');
    expect(readdirSync(dir.path).sort()).toEqual([`${STORE_NAME}.corrupt-2026-11-22T06-30-00-000Z.json`, `${STORE_NAME}.json`]);
  });
});

const bookmark = (id: string, extra: Partial<Bookmark> = {}): Bookmark => ({
  id,
  articleId: 'baclofen-sleep-aid',
  target: 'passage',
  targetId: 'p-1',
  quote: { exact: 'Start low, go slow.', prefix: '', suffix: '' },
  note: '',
  tags: [],
  createdAt: '2026-11-22T07:00:00.000Z',
  updatedAt: '2026-11-22T07:00:00.000Z',
  ...extra,
});

describe('UserStore bookmarks', () => {
  it('creates, reads, updates and deletes, surviving a reopen', () => {
    const { store } = openStore(dir.path);
    store.addBookmark(bookmark('bookmark-1'));
    store.addBookmark(bookmark('bookmark-2'));
    const updated = store.updateBookmark('bookmark-1', { note: 'try at night', tags: ['dose'] }, new Date('2026-11-23T00:00:00.000Z'));
    expect(updated).toMatchObject({ note: 'try at night', tags: ['dose'], updatedAt: '2026-11-23T00:00:00.000Z' });
    expect(store.removeBookmark('bookmark-2').id).toBe('bookmark-2');
    const reopened = openStore(dir.path).store;
    expect(reopened.bookmarks().map((b) => [b.id, b.note])).toEqual([['bookmark-1', 'try at night']]);
    expect(() => reopened.removeBookmark('nope')).toThrow(UnknownBookmarkError);
    expect(() => reopened.addBookmark(bookmark('bookmark-1'))).toThrow(/already exists/);
  });

  it('refuses a bookmark that breaks the schema and keeps what was saved', () => {
    const { store } = openStore(dir.path);
    store.addBookmark(bookmark('bookmark-1'));
    expect(() => store.addBookmark(bookmark('bookmark-2', { targetId: '' }))).toThrow();
    expect(openStore(dir.path).store.bookmarks().map((b) => b.id)).toEqual(['bookmark-1']);
  });

  it('keeps both writers’ bookmarks when two stores share the file', () => {
    const a = openStore(dir.path).store;
    const b = openStore(dir.path).store;
    a.addBookmark(bookmark('writer-a-1'));
    b.addBookmark(bookmark('writer-b-1'));
    a.addBookmark(bookmark('writer-a-2'));
    expect(openStore(dir.path).store.bookmarks().map((x) => x.id)).toEqual(['writer-a-1', 'writer-b-1', 'writer-a-2']);
  });

  it('merges imports by id: new ones added, newer ones updated, duplicates ignored', () => {
    const { store } = openStore(dir.path);
    store.addBookmark(bookmark('bookmark-1'));
    const outcome = store.importBookmarks([
      bookmark('bookmark-1'),
      bookmark('bookmark-1', { note: 'newer', updatedAt: '2026-12-01T00:00:00.000Z' }),
      bookmark('bookmark-9'),
    ]);
    expect(outcome).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(store.bookmarks().map((b) => [b.id, b.note])).toEqual([['bookmark-1', 'newer'], ['bookmark-9', '']]);
  });
});

describe('store migration', () => {
  it('brings a version-0 file up to date and keeps the original beside it', () => {
    const fixture = readFileSync(join(ROOT, 'src/core/fixtures/store-v0.json'), 'utf8');
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), fixture);
    const { store, setAside } = openStore(dir.path);
    expect(setAside).toBeUndefined();
    expect(store.recentSearches()).toEqual(['dry mouth']);
    expect(store.bookmarks()).toEqual([
      {
        id: 'bm-v0-0001',
        articleId: 'baclofen-sleep-aid',
        target: 'passage',
        targetId: 'what-the-numbers-say-digging-into-sleep-latency-quality-and-duration-5',
        quote: { exact: 'Measure | Baclofen Group (avg.) | Placebo Group (avg.)', prefix: '', suffix: '' },
        note: 'the results table',
        tags: [],
        createdAt: '2026-01-02T03:04:05.000Z',
        updatedAt: '2026-01-02T03:04:05.000Z',
      },
    ]);
    expect(readFileSync(join(dir.path, `${STORE_NAME}.v0.json`), 'utf8')).toBe(fixture);
    expect((JSON.parse(readFileSync(join(dir.path, `${STORE_NAME}.json`), 'utf8')) as { version: number }).version).toBe(STORE_VERSION);
  });
});

describe('UserStore settings', () => {
  it('loads a file written before the print settings, filling their defaults, with nothing set aside', () => {
    const old = {
      version: STORE_VERSION,
      recentSearches: ['taper'],
      bookmarks: [],
      settings: { theme: 'dark', fontSize: 120, lineWidth: 'wide' },
      reading: { articleId: 'baclofen-sleep-aid' },
    };
    const file = join(dir.path, `${STORE_NAME}.json`);
    writeFileSync(file, JSON.stringify(old, null, '\t'));
    const { store, setAside } = openStore(dir.path);
    expect(setAside).toBeUndefined();
    expect(readdirSync(dir.path)).toEqual([`${STORE_NAME}.json`]);
    expect(store.settings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 120, lineWidth: 'wide' });
    expect(store.settings()).toMatchObject({ printComments: false, paper: 'A4', margins: 'normal' });
    expect(store.recentSearches()).toEqual(['taper']);
    // Reading changes nothing on disk; the first change writes the whole settings.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(old);
    store.updateSettings({ paper: 'Letter' });
    expect(JSON.parse(readFileSync(file, 'utf8')).settings).toEqual({ theme: 'dark', fontSize: 120, lineWidth: 'wide', printComments: false, paper: 'Letter', margins: 'normal' });
  });

  it('remembers the print choices across a reopen', () => {
    openStore(dir.path).store.updateSettings({ printComments: true, paper: 'Letter', margins: 'narrow' });
    expect(openStore(dir.path).store.settings()).toEqual({ ...DEFAULT_SETTINGS, printComments: true, paper: 'Letter', margins: 'narrow' });
  });

  it('sets aside a file whose print settings are invalid, as any schema violation', () => {
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), JSON.stringify({ version: STORE_VERSION, bookmarks: [], settings: { theme: 'light', fontSize: 100, lineWidth: 'medium', paper: 'A3' } }));
    const { store, setAside } = openStore(dir.path);
    expect(setAside).toMatch(/quire\.corrupt-.*\.json$/);
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
  });
});
