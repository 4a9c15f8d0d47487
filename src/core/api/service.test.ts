import { beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { QuireApi } from '../../shared/api';
import { BookmarkSchema, type Bookmark, type BookmarkView } from '../../shared/bookmarks';
import type { Article } from '../../shared/model';
import type { TextRange } from '../../shared/ranges';
import { buildLibrary, type LoadedLibrary } from '../content/build';
import { dispatch } from './dispatch';
import { BUNDLED_CONTENT } from '../library/paths';
import { createService, storeService } from './service';
import { openStore } from '../user/store';
import { tempDir, type TempDir } from '../testing/temp-dir';

let loaded: LoadedLibrary;
let dir: TempDir;
let api: QuireApi;
beforeAll(async () => {
  loaded = await buildLibrary(BUNDLED_CONTENT);
});
beforeEach(async () => {
  dir = await tempDir();
  api = createService(loaded, (await openStore(dir.path)).store);
});
afterEach(() => dir.remove());

const sleep = () => loaded.library.article('baclofen-sleep-aid')!;

describe('bookmarks through the API', () => {
  it('bookmarks a passage with its quote, once, and lists it anchored', async () => {
    const table = sleep().passages.find((p) => p.kind === 'table')!;
    const added = await api.addBookmark({ articleId: sleep().id, target: 'passage', targetId: table.id, note: 'numbers' });
    expect(added).toMatchObject({ status: 'anchored', resolvedId: table.id, articleTitle: sleep().title, note: 'numbers' });
    expect(added.quote.exact).toBe(table.text);
    const again = await api.addBookmark({ articleId: sleep().id, target: 'passage', targetId: table.id });
    expect(again.id).toBe(added.id);
    expect((await api.listBookmarks()).map((b) => b.id)).toEqual([added.id]);
  });

  it('names the text before the first heading "Beginning" in bookmarks and search results, never by the article title', async () => {
    const sjogren = loaded.library.article('baclofen-sjogrens-syndrome')!;
    const lead = sjogren.passages[0]!;
    expect(lead.sectionId).toBe('lead');
    const view = await api.addBookmark({ articleId: sjogren.id, target: 'passage', targetId: lead.id });
    expect(view.sectionTitle).toBe('Beginning');
    const hit = (await api.search('persistent feeling throat tightening')).results.find((r) => r.passageId === lead.id);
    expect(hit).toMatchObject({ sectionTitle: 'Beginning', sectionPath: ['Beginning'] });
  });

  it('shows a section bookmark with its section’s opening lines, taken from the article, never stored', async () => {
    const sjogren = loaded.library.article('baclofen-sjogrens-syndrome')!;
    const section = sjogren.sections.find((s) => s.title === 'What About Side Effects?')!;
    const opening = sjogren.passages.find((p) => p.sectionId === section.id)!;
    const added = await api.addBookmark({ articleId: sjogren.id, target: 'section', targetId: section.id });
    expect(added).toMatchObject({ quote: { exact: 'What About Side Effects?' }, sectionTitle: 'What About Side Effects?' });
    expect(added.excerpt).toMatch(/^Baclofen is generally well-tolerated, but it’s not harmless\. Common side effects include drowsiness, dizziness.*…$/);
    expect(opening.text.startsWith(added.excerpt!.slice(0, -1))).toBe(true);
    expect((await api.listBookmarks())[0]!.excerpt).toBe(added.excerpt);
    const passage = await api.addBookmark({ articleId: sjogren.id, target: 'passage', targetId: opening.id });
    expect(passage).not.toHaveProperty('excerpt');
    // The store keeps the bookmark as before: its title as quote, no excerpt.
    const { store } = await openStore(dir.path);
    const stored = store.bookmarks().find((b) => b.id === added.id)!;
    expect(stored.quote.exact).toBe('What About Side Effects?');
    expect(stored).not.toHaveProperty('excerpt');
    // Strict: a bookmark with any field the format does not have would be refused.
    expect(BookmarkSchema.safeParse(stored).success).toBe(true);
    await store.close();
  });

  it('edits, deletes and restores (undo)', async () => {
    const first = sleep().passages[0]!;
    const b = await api.addBookmark({ articleId: sleep().id, target: 'passage', targetId: first.id });
    expect(await api.updateBookmark(b.id, { note: 'read again', tags: ['later'] })).toMatchObject({ note: 'read again', tags: ['later'] });
    const removed = await api.removeBookmark(b.id);
    expect(await api.listBookmarks()).toEqual([]);
    await api.restoreBookmark(removed);
    expect((await api.listBookmarks()).map((x) => [x.id, x.note])).toEqual([[b.id, 'read again']]);
  });

  it('answers not-found and invalid-argument as typed errors', async () => {
    expect(await dispatch(api, 'addBookmark', [{ articleId: 'nope', target: 'passage', targetId: 'x' }], () => {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(api, 'removeBookmark', ['missing-id'], () => {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(api, 'addBookmark', [{ articleId: sleep().id, target: 'paragraph', targetId: 'x' }], () => {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const bad = await dispatch(api, 'importBookmarks', ['{"format": "quire-bookmarks", "version": 1, "exportedAt": "2026-01-01T00:00:00Z", "bookmarks": [{"id": "x"}]}'], () => {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^Bookmark 1 of 1 in this file is damaged.*\nimportBookmarks: argument 0: bookmarks\[0\]/) } });
  });

  it('round-trips an export through import into another store without duplicates', async () => {
    for (const p of sleep().passages.slice(0, 3)) await api.addBookmark({ articleId: sleep().id, target: 'passage', targetId: p.id });
    const file = await api.exportBookmarks('json');
    expect(file.fileName).toMatch(/^quire-bookmarks-\d{4}-\d{2}-\d{2}\.json$/);
    const other = await tempDir();
    const second = createService(loaded, (await openStore(other.path)).store);
    expect(await second.importBookmarks(file.content)).toEqual({ added: 3, updated: 0, unchanged: 0, orphaned: 0 });
    expect(await second.importBookmarks(file.content)).toEqual({ added: 0, updated: 0, unchanged: 3, orphaned: 0 });
    expect((await second.listBookmarks()).map((b) => b.id)).toEqual((await api.listBookmarks()).map((b) => b.id));
    expect((await api.exportBookmarks('markdown')).content).toContain('# Quire bookmarks');
    expect((await api.exportBookmarks('annotations')).mimeType).toBe('application/ld+json');
    await other.remove();
  });

  it('imports its own Web Annotation export, and places an annotation from another tool as a highlight of its quote', async () => {
    await api.addBookmark({ articleId: sleep().id, target: 'passage', targetId: sleep().passages[0]!.id, note: 'first', tags: ['a'] });
    await api.addBookmark({ articleId: sleep().id, target: 'section', targetId: sleep().sections[1]!.id });
    const file = await api.exportBookmarks('annotations');
    const other = await tempDir();
    const second = createService(loaded, (await openStore(other.path)).store);
    expect(await second.importBookmarks(file.content)).toEqual({ added: 2, updated: 0, unchanged: 0, orphaned: 0 });
    const strip = (list: readonly BookmarkView[]): Bookmark[] => list.map(({ status: _s, resolvedId: _r, articleTitle: _a, sectionTitle: _t, ...b }) => b);
    expect(strip(await second.listBookmarks())).toEqual(strip(await api.listBookmarks()));
    const passage = sleep().passages[4]!;
    const foreign = JSON.stringify([
      { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'https://hypothes.is/a/1', target: { source: `quire://article/${sleep().id}`, selector: { type: 'TextQuoteSelector', exact: passage.text.slice(0, 40) } } },
    ]);
    expect(await second.importBookmarks(foreign)).toEqual({ added: 1, updated: 0, unchanged: 0, orphaned: 0 });
    expect(await second.importBookmarks(foreign)).toEqual({ added: 0, updated: 0, unchanged: 1, orphaned: 0 });
    // Another tool's quote becomes a highlight of those words.
    expect((await second.listBookmarks()).find((b) => b.id.startsWith('annotation-'))).toMatchObject({
      status: 'anchored',
      resolvedId: passage.id,
      target: 'text',
      targetId: passage.id,
      resolvedRange: { start: { passageId: passage.id, offset: 0 }, end: { passageId: passage.id, offset: 40 } },
    });
    // Words in no passage: imported all the same, listed as orphaned with their quote.
    const lost = JSON.stringify([{ type: 'Annotation', id: 'https://hypothes.is/a/2', target: { source: `quire://article/${sleep().id}`, selector: { type: 'TextQuoteSelector', exact: 'zebra quantum xylophone' } } }]);
    expect(await second.importBookmarks(lost)).toEqual({ added: 1, updated: 0, unchanged: 0, orphaned: 1 });
    expect((await second.listBookmarks()).find((b) => b.quote.exact === 'zebra quantum xylophone')).toMatchObject({ status: 'orphaned', target: 'text' });
    await other.remove();
  });

  it('changes nothing when one annotation of a file cannot be placed, and says which', async () => {
    const good = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', target: { source: `quire://article/${sleep().id}`, selector: { type: 'TextQuoteSelector', exact: sleep().passages[0]!.text } } };
    const lost = { ...good, target: { ...good.target, source: 'https://example.com/elsewhere' } };
    const bad = await dispatch(api, 'importBookmarks', [JSON.stringify([good, lost])], () => {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^Annotation 2 of 2 in this file is about “https:\/\/example\.com\/elsewhere”, not an article in Quire.*\nimportBookmarks: argument 0: annotations\[1\]: field 'target\.source'/) } });
    expect(await api.listBookmarks()).toEqual([]);
  });
});

describe('bookmark views', () => {
  it('anchors a bookmark once, and again only when it changes, here or in another store on the same folder', async () => {
    let fetched = 0;
    const articles = async (id: string) => {
      fetched++;
      return loaded.library.article(id);
    };
    const here = storeService((await openStore(dir.path)).store, articles);
    const there = createService(loaded, (await openStore(dir.path)).store);
    for (const p of sleep().passages.slice(0, 4)) await there.addBookmark({ articleId: sleep().id, target: 'passage', targetId: p.id });
    expect((await here.listBookmarks()).map((b) => b.status)).toEqual(['anchored', 'anchored', 'anchored', 'anchored']);
    const once = fetched;
    expect(once).toBeGreaterThan(0);
    await here.listBookmarks();
    await here.listBookmarks();
    expect(fetched).toBe(once);
    // Changed by the other store: the new note shows, anchored again.
    const [first] = await there.listBookmarks();
    await there.updateBookmark(first!.id, { note: 'changed over there' });
    expect((await here.listBookmarks())[0]).toMatchObject({ id: first!.id, note: 'changed over there', status: 'anchored' });
    expect(fetched).toBe(once + 1);
  });
});

describe('settings and reading state through the API', () => {
  it('persist across a reopened store', async () => {
    expect(await api.getSettings()).toEqual({ theme: 'system', fontSize: 100, lineWidth: 'medium', fontFamily: 'serif', lineSpacing: 'normal', printComments: false, paper: 'A4', margins: 'normal', citationStyle: 'plain', copyWithCitation: false });
    await api.updateSettings({ theme: 'sepia', fontSize: 120, fontFamily: 'sans', lineSpacing: 'relaxed', printComments: true, margins: 'wide' });
    await api.saveReadingState({ articleId: sleep().id, passageId: sleep().passages[2]!.id });
    const reopened = createService(loaded, (await openStore(dir.path)).store);
    expect(await reopened.getSettings()).toEqual({ theme: 'sepia', fontSize: 120, lineWidth: 'medium', fontFamily: 'sans', lineSpacing: 'relaxed', printComments: true, paper: 'A4', margins: 'wide', citationStyle: 'plain', copyWithCitation: false });
    expect(await reopened.getReadingState()).toEqual({ articleId: sleep().id, passageId: sleep().passages[2]!.id });
    expect(await reopened.storeNotice()).toBeNull();
  });
});

describe('reading positions through the API', () => {
  it('keeps a position per article with when it was read, most recent first, across a reopen', async () => {
    const store = (await openStore(dir.path)).store;
    let clock = Date.parse('2026-12-01T10:00:00.000Z');
    const timed = storeService(store, async (id) => loaded.library.article(id), null, () => new Date((clock += 60_000)));
    const sjogren = loaded.library.article('baclofen-sjogrens-syndrome')!;
    const first = await timed.savePosition({ articleId: sleep().id, passageId: sleep().passages[4]!.id, fraction: 0.3 });
    expect(first).toEqual({ articleId: sleep().id, passageId: sleep().passages[4]!.id, fraction: 0.3, readAt: '2026-12-01T10:01:00.000Z' });
    await timed.savePosition({ articleId: sjogren.id, passageId: sjogren.passages[7]!.id, fraction: 0.55 });
    const reopened = createService(loaded, (await openStore(dir.path)).store);
    expect(await reopened.listPositions()).toEqual([
      { articleId: sjogren.id, passageId: sjogren.passages[7]!.id, fraction: 0.55, readAt: '2026-12-01T10:02:00.000Z' },
      first,
    ]);
    expect(await reopened.getReadingState()).toEqual({ articleId: sjogren.id, passageId: sjogren.passages[7]!.id });
  });

  it('refuses an unknown article and a fraction out of range, naming the field', async () => {
    await expect(api.savePosition({ articleId: 'no-such-article', fraction: 0.5 })).rejects.toMatchObject({ name: 'ApiError', code: 'not-found' });
    expect(await dispatch(api, 'savePosition', [{ articleId: sleep().id, fraction: 1.2 }], () => {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/^savePosition: argument 0\.fraction: /) },
    });
    expect(await api.listPositions()).toEqual([]);
  });
});

describe('printing through the Node-side API', () => {
  it('answers unsupported, pointing to the browser’s own print dialog', async () => {
    await expect(api.printPage()).rejects.toMatchObject({ name: 'ApiError', code: 'unsupported', message: expect.stringContaining('Save as PDF') });
    await expect(api.savePdf('baclofen.pdf')).rejects.toMatchObject({ name: 'ApiError', code: 'unsupported', message: expect.stringMatching(/^savePdf: .*print dialog/) });
  });
});

// Highlights: words of the bundled articles highlighted, changed, found again after the content
// changed, and refused when they are not words of the article.
const sjogren = (): Article => loaded.library.article('baclofen-sjogrens-syndrome')!;

/** The range of the first occurrence of `words` in a passage. */
function wordsIn(passage: { id: string; text: string }, words: string): TextRange {
  const at = passage.text.indexOf(words);
  if (at < 0) throw new Error(`highlights test: '${words}' is not in passage ${passage.id}`);
  return { start: { passageId: passage.id, offset: at }, end: { passageId: passage.id, offset: at + words.length } };
}

describe('highlights through the API', () => {
  it('highlights words of a passage with their selectors, in the colour chosen, listed where they are', async () => {
    const passage = sleep().passages.find((p) => p.kind === 'paragraph' && p.text.includes(' '))!;
    const words = passage.text.split(' ').slice(1, 4).join(' ');
    const range = wordsIn(passage, words);
    const added = await api.addBookmark({ articleId: sleep().id, target: 'text', range, color: 'blue', note: 'why' });
    expect(added).toMatchObject({
      target: 'text',
      targetId: passage.id,
      endId: passage.id,
      position: { start: range.start.offset, end: range.end.offset },
      color: 'blue',
      note: 'why',
      quote: { exact: words },
      status: 'anchored',
      resolvedId: passage.id,
      resolvedRange: range,
      articleTitle: sleep().title,
    });
    expect(added.sectionTitle).toBeTruthy();
    // What is stored is a valid highlight: the view's own fields taken off.
    const stored = Object.fromEntries(Object.keys(BookmarkSchema.shape).flatMap((k) => (k in added ? [[k, added[k as keyof Bookmark]]] : [])));
    expect(BookmarkSchema.safeParse(stored).success).toBe(true);
    expect((await api.listBookmarks()).map((b) => b.id)).toEqual([added.id]);
  });

  it('takes the default colour when none is chosen, and the same words again are the same highlight in the colour now chosen', async () => {
    const passage = sleep().passages[1]!;
    const range = wordsIn(passage, passage.text.slice(0, 12));
    const first = await api.addBookmark({ articleId: sleep().id, target: 'text', range });
    expect(first.color).toBe('yellow');
    expect((await api.addBookmark({ articleId: sleep().id, target: 'text', range })).id).toBe(first.id);
    const recoloured = await api.addBookmark({ articleId: sleep().id, target: 'text', range, color: 'pink' });
    expect(recoloured).toMatchObject({ id: first.id, color: 'pink' });
    expect(await api.listBookmarks()).toHaveLength(1);
    // Other words of the same passage are another highlight.
    const other = await api.addBookmark({ articleId: sleep().id, target: 'text', range: wordsIn(passage, passage.text.slice(2, 14)) });
    expect(other.id).not.toBe(first.id);
  });

  it('spans passages, table cells and reader comments', async () => {
    const [a, b] = sleep().passages.filter((p) => p.kind === 'paragraph');
    const across: TextRange = { start: { passageId: a!.id, offset: a!.text.length - 5 }, end: { passageId: b!.id, offset: 6 } };
    const spanning = await api.addBookmark({ articleId: sleep().id, target: 'text', range: across });
    expect(spanning).toMatchObject({ targetId: a!.id, endId: b!.id, status: 'anchored', resolvedRange: across });
    expect(spanning.quote.exact).toBe(`${a!.text.slice(-5)}\n${b!.text.slice(0, 6)}`);

    const table = sleep().passages.find((p) => p.kind === 'table')!;
    const cell = table.text.split(' | ')[1]!.trim();
    const inCell = await api.addBookmark({ articleId: sleep().id, target: 'text', range: wordsIn(table, cell) });
    expect(inCell).toMatchObject({ quote: { exact: cell }, status: 'anchored' });

    const comment = sjogren().comments[0]!;
    const inComment = await api.addBookmark({ articleId: sjogren().id, target: 'text', range: wordsIn(comment, comment.text.slice(0, 20)), color: 'green' });
    expect(inComment).toMatchObject({ targetId: comment.id, status: 'anchored', sectionTitle: 'Reader comments' });
  });

  it('changes a highlight’s colour, note and tags, and refuses a colour for a passage bookmark', async () => {
    const passage = sleep().passages[2]!;
    const highlight = await api.addBookmark({ articleId: sleep().id, target: 'text', range: wordsIn(passage, passage.text.slice(0, 10)) });
    expect(await api.updateBookmark(highlight.id, { color: 'green', note: 'later', tags: ['dose'] })).toMatchObject({ color: 'green', note: 'later', tags: ['dose'], status: 'anchored' });
    const bookmark = await api.addBookmark({ articleId: sleep().id, target: 'passage', targetId: passage.id });
    const refused = await dispatch(api, 'updateBookmark', [bookmark.id, { color: 'green' }], () => {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^updateBookmark: argument 1: field 'color': .*only a highlight has a colour/) } });
    expect((await api.listBookmarks()).find((b) => b.id === bookmark.id)).not.toHaveProperty('color');
  });

  it('refuses a range that is not words of the article, naming what is wrong, and stores nothing', async () => {
    const passage = sleep().passages[0]!;
    const call = (range: unknown) => dispatch(api, 'addBookmark', [{ articleId: sleep().id, target: 'text', range }], () => {});
    const cases: [unknown, RegExp][] = [
      [{ start: { passageId: 'nowhere', offset: 0 }, end: { passageId: passage.id, offset: 3 } }, /field 'range': the range's start is in passage 'nowhere', which 'baclofen-sleep-aid' does not have/],
      [{ start: { passageId: passage.id, offset: 0 }, end: { passageId: passage.id, offset: passage.text.length + 1 } }, /field 'range': the range's end \(offset \d+\) is outside passage/],
      [{ start: { passageId: passage.id, offset: 5 }, end: { passageId: passage.id, offset: 2 } }, /field 'range': the range ends before it starts/],
      [{ start: { passageId: passage.id, offset: 2 }, end: { passageId: passage.id, offset: 2 } }, /field 'range': the range marks no words/],
      [{ start: { passageId: passage.id, offset: -1 }, end: { passageId: passage.id, offset: 2 } }, /argument 0\.range\.start\.offset/],
    ];
    for (const [range, message] of cases) expect(await call(range)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(message) } });
    expect(await dispatch(api, 'addBookmark', [{ articleId: 'no-such-article', target: 'text', range: wordsIn(passage, passage.text.slice(0, 4)) }], () => {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.listBookmarks()).toEqual([]);
  });

  it('removes and restores a highlight (undo) exactly', async () => {
    const passage = sleep().passages[3]!;
    const highlight = await api.addBookmark({ articleId: sleep().id, target: 'text', range: wordsIn(passage, passage.text.slice(0, 8)), color: 'pink' });
    const removed = await api.removeBookmark(highlight.id);
    expect(await api.listBookmarks()).toEqual([]);
    expect(await api.restoreBookmark(removed)).toMatchObject({ id: highlight.id, color: 'pink', position: highlight.position, status: 'anchored' });
  });
});

describe('highlights after the content changed', () => {
  /** The article with one passage's text replaced. */
  const edited = (article: Article, passageId: string, text: (old: string) => string): Article => ({
    ...article,
    passages: article.passages.map((p) => (p.id === passageId ? { ...p, text: text(p.text) } : p)),
  });

  it('re-anchors words that moved, and keeps words that are gone as an orphan, never dropped', async () => {
    const passage = sleep().passages.find((p) => p.kind === 'paragraph' && p.text.length > 80)!;
    const words = passage.text.slice(30, 60);
    const { store } = await openStore(dir.path);
    const before = storeService(store, async (id) => loaded.library.article(id));
    const moved = await before.addBookmark({ articleId: sleep().id, target: 'text', range: wordsIn(passage, words) });
    const gone = await before.addBookmark({ articleId: sleep().id, target: 'text', range: wordsIn(passage, passage.text.slice(0, 20)) });

    // A sentence is added before the words, and the passage's opening is rewritten.
    const changed = edited(sleep(), passage.id, (old) => `An added opening sentence. ${'Zq'.repeat(10)}${old.slice(20)}`);
    const after = storeService(store, async (id) => (id === changed.id ? changed : loaded.library.article(id)));
    const views = new Map((await after.listBookmarks()).map((b) => [b.id, b]));
    const at = changed.passages.find((p) => p.id === passage.id)!.text.indexOf(words);
    expect(views.get(moved.id)).toMatchObject({ status: 'reanchored', resolvedRange: { start: { passageId: passage.id, offset: at }, end: { passageId: passage.id, offset: at + words.length } } });
    expect(views.get(gone.id)).toMatchObject({ status: 'orphaned', quote: gone.quote });
    expect(views.get(gone.id)).not.toHaveProperty('resolvedRange');
    expect(store.bookmarks()).toHaveLength(2);
  });
});

describe('the highlight fields', () => {
  const base: Bookmark = {
    id: 'highlight-1',
    articleId: 'baclofen-sleep-aid',
    target: 'text',
    targetId: 'p-1',
    endId: 'p-1',
    position: { start: 0, end: 5 },
    color: 'yellow',
    quote: { exact: 'Start', prefix: '', suffix: '' },
    note: '',
    tags: [],
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
  const problems = (b: unknown): string[] => {
    const parsed = BookmarkSchema.safeParse(b);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('are all present on a highlight, and on no other bookmark', () => {
    expect(problems(base)).toEqual([]);
    for (const field of ['endId', 'position', 'color'] as const) {
      const { [field]: _, ...without } = base;
      expect(problems(without)).toEqual([`${field}: a highlight (target 'text') needs its ${field}`]);
      const { endId: _e, position: _p, color: _c, ...passage } = base;
      expect(problems({ ...passage, target: 'passage', [field]: base[field] })).toEqual([`${field}: only a highlight (target 'text') has a ${field}, not a passage bookmark`]);
    }
    expect(problems({ ...base, position: { start: 5, end: 5 } })).toEqual(['position: start must come before end']);
    expect(problems({ ...base, color: 'red' })[0]).toMatch(/^color: /);
  });

  it('keep a passage bookmark without a colour in the store, whatever the patch says', async () => {
    const { store } = await openStore(dir.path);
    const { endId: _e, position: _p, color: _c, ...fields } = base;
    await store.addBookmark({ ...fields, target: 'passage' });
    expect(await store.updateBookmark('highlight-1', { color: 'pink', note: 'kept' })).not.toHaveProperty('color');
    expect((await openStore(dir.path)).store.bookmarks()[0]).toMatchObject({ note: 'kept' });
  });
});
