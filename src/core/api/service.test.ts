import { beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { QuireApi } from '../../shared/api';
import { BookmarkSchema, type Bookmark, type BookmarkView } from '../../shared/bookmarks';
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
