/**
 * Highlights through the API: words of the bundled articles highlighted, changed, found again
 * after the content changed, and refused when they are not words of the article.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QuireApi } from '../../shared/api';
import { BookmarkSchema, type Bookmark } from '../../shared/bookmarks';
import type { Article } from '../../shared/model';
import type { TextRange } from '../../shared/ranges';
import { buildLibrary, type LoadedLibrary } from '../content/build';
import { BUNDLED_CONTENT } from '../library/paths';
import { tempDir, type TempDir } from '../testing/temp-dir';
import { openStore } from '../user/store';
import { dispatch } from './dispatch';
import { createService, storeService } from './service';

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

const sleep = (): Article => loaded.library.article('baclofen-sleep-aid')!;
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
