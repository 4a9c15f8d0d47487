import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_SEARCHES } from '../../shared/schemas';
import { DEFAULT_SETTINGS, type Bookmark } from '../../shared/bookmarks';
import { MAX_POSITIONS, type ArticlePosition } from '../../shared/positions';
import { ROOT } from '../library/paths';
import { JOURNAL_FILE, openStore, STORE_NAME, STORE_OPTIONS, STORE_VERSION, UnknownBookmarkError } from './store';
import { tempDir, type TempDir } from '../testing/temp-dir';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

describe('UserStore recent searches', () => {
  it('keeps searches newest first, once each, and survives reopening', async () => {
    const { store } = await openStore(dir.path);
    await store.addRecentSearch('dry mouth');
    await store.addRecentSearch('  taper ');
    await store.addRecentSearch('dry mouth');
    await store.addRecentSearch('   ');
    expect(store.recentSearches()).toEqual(['dry mouth', 'taper']);
    expect((await openStore(dir.path)).store.recentSearches()).toEqual(['dry mouth', 'taper']);
    expect(JSON.parse(readFileSync(join(dir.path, `${STORE_NAME}.json`), 'utf8'))).toMatchObject({ version: 1, recentSearches: ['dry mouth', 'taper'], bookmarks: [] });
  });

  it('keeps only the newest searches and clears them', async () => {
    const { store } = await openStore(dir.path);
    for (let i = 0; i < MAX_RECENT_SEARCHES + 5; i++) await store.addRecentSearch(`q${i}`);
    expect(store.recentSearches()).toHaveLength(MAX_RECENT_SEARCHES);
    expect(store.recentSearches()[0]).toBe(`q${MAX_RECENT_SEARCHES + 4}`);
    await store.clearRecentSearches();
    expect((await openStore(dir.path)).store.recentSearches()).toEqual([]);
  });
});

describe('openStore with a bad file', () => {
  it.each([
    ['bad JSON', '{"recentSearches": ["a",'],
    ['a schema violation', '{"recentSearches": "not a list"}'],
  ])('sets aside %s under a timestamped name and starts empty', async (_what, content) => {
    const file = join(dir.path, `${STORE_NAME}.json`);
    writeFileSync(file, content);
    const { store, setAside } = await openStore(dir.path, { now: new Date('2026-11-22T06:30:00.000Z') });
    expect(setAside).toBe(join(dir.path, `${STORE_NAME}.corrupt-2026-11-22T06-30-00-000Z.json`));
    expect(readFileSync(setAside!, 'utf8')).toBe(content);
    expect(store.recentSearches()).toEqual([]);
    await store.addRecentSearch('after');
    expect(readdirSync(dir.path).sort()).toEqual([`${STORE_NAME}.corrupt-2026-11-22T06-30-00-000Z.json`, JOURNAL_FILE, `${STORE_NAME}.json`]);
  });
});

describe('openStore with recent searches over the limit', () => {
  const tooMany = Array.from({ length: MAX_RECENT_SEARCHES + 1 }, (_, i) => `q${i}`);
  it.each([
    // Checked by conf / electron-store, against the JSON Schema.
    ['every field', { ...STORE_OPTIONS.defaults, recentSearches: tooMany }],
    // Checked before the missing field is filled in, against the same schema.
    ['a field missing', { version: STORE_VERSION, bookmarks: [], recentSearches: tooMany }],
  ])('sets the file aside, with %s', async (_what, data) => {
    const content = JSON.stringify(data);
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), content);
    const { store, setAside } = await openStore(dir.path);
    expect(setAside).toMatch(/quire\.corrupt-.*\.json$/);
    expect(readFileSync(setAside!, 'utf8')).toBe(content);
    expect(store.recentSearches()).toEqual([]);
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
  it('creates, reads, updates and deletes, surviving a reopen', async () => {
    const { store } = await openStore(dir.path);
    await store.addBookmark(bookmark('bookmark-1'));
    await store.addBookmark(bookmark('bookmark-2'));
    const updated = await store.updateBookmark('bookmark-1', { note: 'try at night', tags: ['dose'] }, new Date('2026-11-23T00:00:00.000Z'));
    expect(updated).toMatchObject({ note: 'try at night', tags: ['dose'], updatedAt: '2026-11-23T00:00:00.000Z' });
    expect((await store.removeBookmark('bookmark-2')).id).toBe('bookmark-2');
    const reopened = (await openStore(dir.path)).store;
    expect(reopened.bookmarks().map((b) => [b.id, b.note])).toEqual([['bookmark-1', 'try at night']]);
    await expect(reopened.removeBookmark('nope')).rejects.toThrow(UnknownBookmarkError);
    await expect(reopened.addBookmark(bookmark('bookmark-1'))).rejects.toThrow(/already exists/);
  });

  it('refuses a bookmark that breaks the schema and keeps what was saved', async () => {
    const { store } = await openStore(dir.path);
    await store.addBookmark(bookmark('bookmark-1'));
    await expect(store.addBookmark(bookmark('bookmark-2', { targetId: '' }))).rejects.toThrow();
    expect((await openStore(dir.path)).store.bookmarks().map((b) => b.id)).toEqual(['bookmark-1']);
  });

  it('keeps both writers’ bookmarks when two stores share the file', async () => {
    const a = (await openStore(dir.path)).store;
    const b = (await openStore(dir.path)).store;
    await a.addBookmark(bookmark('writer-a-1'));
    await b.addBookmark(bookmark('writer-b-1'));
    await a.addBookmark(bookmark('writer-a-2'));
    expect((await openStore(dir.path)).store.bookmarks().map((x) => x.id)).toEqual(['writer-a-1', 'writer-b-1', 'writer-a-2']);
  });

  it('merges imports by id: new ones added, newer ones updated, duplicates ignored', async () => {
    const { store } = await openStore(dir.path);
    await store.addBookmark(bookmark('bookmark-1'));
    const outcome = await store.importBookmarks([
      bookmark('bookmark-1'),
      bookmark('bookmark-1', { note: 'newer', updatedAt: '2026-12-01T00:00:00.000Z' }),
      bookmark('bookmark-9'),
    ]);
    expect(outcome).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(store.bookmarks().map((b) => [b.id, b.note])).toEqual([['bookmark-1', 'newer'], ['bookmark-9', '']]);
  });
});

describe('UserStore journal', () => {
  it('folds an import as big as the journal may grow into the snapshot at once, and small changes later', async () => {
    const { store } = await openStore(dir.path, { compactBytes: 2000 });
    const file = join(dir.path, `${STORE_NAME}.json`);
    const journal = join(dir.path, JOURNAL_FILE);
    await store.importBookmarks(Array.from({ length: 10 }, (_, i) => bookmark(`imported-${i}`, { note: 'n'.repeat(300) })));
    expect(readFileSync(journal, 'utf8')).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).bookmarks).toHaveLength(10);
    // Small changes stay in the journal until a quiet moment, or until it is four times too long.
    await store.updateBookmark('imported-0', { note: 'small' });
    expect(readFileSync(journal, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    for (let i = 1; i < 10; i++) await store.updateBookmark(`imported-${i}`, { note: 'n'.repeat(900) });
    expect(readFileSync(journal, 'utf8').length).toBeLessThan(8000);
    expect((await openStore(dir.path)).store.bookmarks().map((b) => b.note.length)).toEqual([5, ...Array(9).fill(900)]);
  });
});

describe('UserStore import times', () => {
  it('compares edit times as instants, whatever their offsets', async () => {
    const { store } = await openStore(dir.path);
    await store.addBookmark(bookmark('bookmark-1', { note: 'newer, in UTC', updatedAt: '2026-12-01T10:00:00.000Z' }));
    // 12:00 at +06:00 is 06:00 UTC: older, though its text sorts after the stored one.
    const older = await store.importBookmarks([bookmark('bookmark-1', { note: 'older, east', updatedAt: '2026-12-01T12:00:00+06:00' })]);
    expect(older).toEqual({ added: 0, updated: 0, unchanged: 1 });
    // 05:00 at -06:00 is 11:00 UTC: newer, though its text sorts first.
    const newer = await store.importBookmarks([bookmark('bookmark-1', { note: 'newer, west', updatedAt: '2026-12-01T05:00:00-06:00' })]);
    expect(newer).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect((await openStore(dir.path)).store.bookmarks().map((b) => b.note)).toEqual(['newer, west']);
  });
});

describe('store migration', () => {
  it('brings a version-0 file up to date and keeps the original beside it', async () => {
    const fixture = readFileSync(join(ROOT, 'src/core/testing/fixtures/store-v0.json'), 'utf8');
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), fixture);
    const { store, setAside } = await openStore(dir.path);
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

  it('sets aside a version-0 file that would not be a store even migrated, byte for byte, and writes no backup', async () => {
    // A bookmark without its creation time cannot become a current bookmark.
    const v0 = JSON.parse(readFileSync(join(ROOT, 'src/core/testing/fixtures/store-v0.json'), 'utf8')) as { bookmarks: Record<string, unknown>[] };
    delete v0.bookmarks[0]!.created;
    const content = JSON.stringify(v0);
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), content);
    const { store, setAside } = await openStore(dir.path, { now: new Date('2026-11-22T06:30:00.000Z') });
    expect(setAside).toBe(join(dir.path, `${STORE_NAME}.corrupt-2026-11-22T06-30-00-000Z.json`));
    expect(readFileSync(setAside!, 'utf8')).toBe(content);
    expect(readdirSync(dir.path).sort()).toEqual([`${STORE_NAME}.corrupt-2026-11-22T06-30-00-000Z.json`, `${STORE_NAME}.json`]);
    expect(store.bookmarks()).toEqual([]);
  });

  it('loads a current file that lacks a field and has one this version does not know, keeping both as they were', async () => {
    const file = join(dir.path, `${STORE_NAME}.json`);
    const { positions: _, ...rest } = { ...STORE_OPTIONS.defaults, recentSearches: ['taper'] };
    writeFileSync(file, JSON.stringify({ ...rest, fromNewerQuire: { kept: true } }));
    const { store, setAside } = await openStore(dir.path);
    expect(setAside).toBeUndefined();
    expect(store.recentSearches()).toEqual(['taper']);
    expect(store.positions()).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...STORE_OPTIONS.defaults, recentSearches: ['taper'], fromNewerQuire: { kept: true } });
  });
});

describe('store migration of a file with every key', () => {
  it('writes the migrated layout even when no key is missing', async () => {
    const v0 = JSON.parse(readFileSync(join(ROOT, 'src/core/testing/fixtures/store-v0.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), JSON.stringify({ ...v0, settings: DEFAULT_SETTINGS, reading: null, version: 0 }));
    const { store } = await openStore(dir.path);
    expect(store.bookmarks().map((b) => b.targetId)).toEqual(['what-the-numbers-say-digging-into-sleep-latency-quality-and-duration-5']);
    const onDisk = JSON.parse(readFileSync(join(dir.path, `${STORE_NAME}.json`), 'utf8')) as { version: number; bookmarks: { quote?: unknown }[] };
    expect(onDisk.version).toBe(STORE_VERSION);
    expect(onDisk.bookmarks[0]!.quote).toBeDefined();
  });
});

describe('UserStore settings', () => {
  it('loads a file written before the print settings, filling their defaults, with nothing set aside', async () => {
    const old = {
      version: STORE_VERSION,
      recentSearches: ['taper'],
      bookmarks: [],
      settings: { theme: 'dark', fontSize: 120, lineWidth: 'wide' },
      reading: { articleId: 'baclofen-sleep-aid' },
      positions: [],
    };
    const file = join(dir.path, `${STORE_NAME}.json`);
    writeFileSync(file, JSON.stringify(old, null, '\t'));
    const { store, setAside } = await openStore(dir.path);
    expect(setAside).toBeUndefined();
    expect(readdirSync(dir.path)).toEqual([`${STORE_NAME}.json`]);
    expect(store.settings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 120, lineWidth: 'wide' });
    expect(store.settings()).toMatchObject({ printComments: false, paper: 'A4', margins: 'normal' });
    expect(store.recentSearches()).toEqual(['taper']);
    // Reading changes nothing on disk; the first change writes the whole settings.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(old);
    await store.updateSettings({ paper: 'Letter' });
    // The change is in the journal; the next start folds it into the file.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(old);
    await openStore(dir.path);
    expect(JSON.parse(readFileSync(file, 'utf8')).settings).toEqual({ theme: 'dark', fontSize: 120, lineWidth: 'wide', fontFamily: 'serif', lineSpacing: 'normal', printComments: false, paper: 'Letter', margins: 'normal', citationStyle: 'plain', copyWithCitation: false });
  });

  it('loads a file written before the font, line spacing and sepia settings, with their defaults, and keeps the rest', async () => {
    // The settings as the release before the reading typography wrote them.
    const old = { version: STORE_VERSION, bookmarks: [], settings: { theme: 'light', fontSize: 90, lineWidth: 'narrow', printComments: true, paper: 'Letter', margins: 'wide' } };
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), JSON.stringify(old, null, '\t'));
    const { store, setAside } = await openStore(dir.path);
    expect(setAside).toBeUndefined();
    // Nor had it the citation settings: they come from the defaults too.
    expect(store.settings()).toEqual({ ...old.settings, fontFamily: 'serif', lineSpacing: 'normal', citationStyle: 'plain', copyWithCitation: false });
    expect(DEFAULT_SETTINGS).toMatchObject({ fontFamily: 'serif', lineSpacing: 'normal', citationStyle: 'plain', copyWithCitation: false });
  });

  it('remembers the font, line spacing and sepia theme across a reopen', async () => {
    await (await openStore(dir.path)).store.updateSettings({ theme: 'sepia', fontFamily: 'system', lineSpacing: 'compact' });
    expect((await openStore(dir.path)).store.settings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', fontFamily: 'system', lineSpacing: 'compact' });
  });

  it.each([
    ['fontFamily', 'comic-sans'],
    ['lineSpacing', 2],
    ['theme', 'solarized'],
  ])('sets aside a file whose %s is %j, as any schema violation', async (field, value) => {
    const settings = { theme: 'light', fontSize: 100, lineWidth: 'medium', [field]: value };
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), JSON.stringify({ version: STORE_VERSION, bookmarks: [], settings }));
    const { store, setAside } = await openStore(dir.path);
    expect(setAside).toMatch(/quire\.corrupt-.*\.json$/);
    expect(JSON.parse(readFileSync(setAside!, 'utf8')).settings).toEqual(settings);
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
  });

  it('remembers the print choices across a reopen', async () => {
    await (await openStore(dir.path)).store.updateSettings({ printComments: true, paper: 'Letter', margins: 'narrow' });
    expect((await openStore(dir.path)).store.settings()).toEqual({ ...DEFAULT_SETTINGS, printComments: true, paper: 'Letter', margins: 'narrow' });
  });

  it('sets aside a file whose print settings are invalid, as any schema violation', async () => {
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), JSON.stringify({ version: STORE_VERSION, bookmarks: [], settings: { theme: 'light', fontSize: 100, lineWidth: 'medium', paper: 'A3' } }));
    const { store, setAside } = await openStore(dir.path);
    expect(setAside).toMatch(/quire\.corrupt-.*\.json$/);
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
  });
});

const STORE_FILE_DEFAULTS = STORE_OPTIONS.defaults;

const position = (articleId: string, fraction: number, readAt: string, passageId?: string): ArticlePosition => ({
  articleId,
  ...(passageId ? { passageId } : {}),
  fraction,
  readAt,
});

describe('UserStore positions', () => {
  it('keeps one position per article, most recently read first, across a reopen', async () => {
    const { store } = await openStore(dir.path);
    await store.savePosition(position('baclofen-sleep-aid', 0.2, '2026-12-01T10:00:00.000Z', 'p-3'));
    await store.savePosition(position('baclofen-sjogrens-syndrome', 0.5, '2026-12-01T10:05:00.000Z', 'p-9'));
    await store.savePosition(position('baclofen-sleep-aid', 0.6, '2026-12-01T10:10:00.000Z', 'p-12'));
    const expected = [position('baclofen-sleep-aid', 0.6, '2026-12-01T10:10:00.000Z', 'p-12'), position('baclofen-sjogrens-syndrome', 0.5, '2026-12-01T10:05:00.000Z', 'p-9')];
    expect(store.positions()).toEqual(expected);
    // The article read last is the one reopened at launch.
    expect(store.readingState()).toEqual({ articleId: 'baclofen-sleep-aid', passageId: 'p-12' });
    // Durable through the journal alone (before any fold), and after the fold at the next start.
    const journalLines = readFileSync(join(dir.path, JOURNAL_FILE), 'utf8').split('\n').filter(Boolean);
    expect(journalLines.map((l) => (JSON.parse(l) as { op: string }).op)).toEqual(['position', 'position', 'position']);
    expect((await openStore(dir.path)).store.positions()).toEqual(expected);
    expect(JSON.parse(readFileSync(join(dir.path, `${STORE_NAME}.json`), 'utf8')).positions).toEqual(expected);
  });

  it(`keeps only the ${MAX_POSITIONS} most recently read articles`, async () => {
    const { store } = await openStore(dir.path, { compactBytes: 16 * 1024 });
    const at = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    for (let i = 0; i < MAX_POSITIONS + 3; i++) await store.savePosition(position(`article-${i}`, 0.5, at(i)));
    const kept = store.positions();
    expect(kept).toHaveLength(MAX_POSITIONS);
    expect(kept[0]!.articleId).toBe(`article-${MAX_POSITIONS + 2}`);
    expect(kept.at(-1)!.articleId).toBe('article-3');
    expect(kept.some((p) => p.articleId === 'article-0')).toBe(false);
    const reopened = (await openStore(dir.path)).store.positions();
    expect(reopened).toEqual(kept);
  }, 60_000);

  it('loads a file written before positions, with an empty list and nothing set aside', async () => {
    const old = { version: STORE_VERSION, recentSearches: [], bookmarks: [], settings: DEFAULT_SETTINGS, reading: { articleId: 'baclofen-sleep-aid', passageId: 'p-2' } };
    writeFileSync(join(dir.path, `${STORE_NAME}.json`), JSON.stringify(old));
    const { store, setAside } = await openStore(dir.path);
    expect(setAside).toBeUndefined();
    expect(store.positions()).toEqual([]);
    expect(store.readingState()).toEqual(old.reading);
    expect(JSON.parse(readFileSync(join(dir.path, `${STORE_NAME}.json`), 'utf8'))).toEqual({ ...old, positions: [] });
  });

  it.each([
    ['a fraction above 1', { articleId: 'baclofen-sleep-aid', fraction: 1.5, readAt: '2026-12-01T10:00:00.000Z' }, 'fraction'],
    ['a read time that is not an instant', { articleId: 'baclofen-sleep-aid', fraction: 0.5, readAt: 'yesterday' }, 'readAt'],
    ['an article id that is not a slug', { articleId: 'Not A Slug', fraction: 0.5, readAt: '2026-12-01T10:00:00.000Z' }, 'articleId'],
  ])('refuses to save %s, naming the field, and keeps what was saved', async (_what, bad, field) => {
    const { store } = await openStore(dir.path);
    await store.savePosition(position('baclofen-sleep-aid', 0.25, '2026-12-01T09:00:00.000Z'));
    const refused = await store.savePosition(bad as ArticlePosition).then(
      () => undefined,
      (e: unknown) => e as { issues: { path: (string | number)[] }[] },
    );
    expect(refused?.issues.map((i) => i.path.join('.'))).toEqual([`value.${field}`]);
    expect((await openStore(dir.path)).store.positions()).toEqual([position('baclofen-sleep-aid', 0.25, '2026-12-01T09:00:00.000Z')]);
  });

  it('sets aside a file whose positions are invalid, as any schema violation', async () => {
    const file = join(dir.path, `${STORE_NAME}.json`);
    const content = JSON.stringify({ ...STORE_FILE_DEFAULTS, positions: [{ articleId: 'baclofen-sleep-aid', fraction: -0.1, readAt: '2026-12-01T10:00:00.000Z' }] });
    writeFileSync(file, content);
    const { store, setAside } = await openStore(dir.path);
    expect(setAside).toMatch(/quire\.corrupt-.*\.json$/);
    expect(readFileSync(setAside!, 'utf8')).toBe(content);
    expect(store.positions()).toEqual([]);
  });
});
