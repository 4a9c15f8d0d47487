/**
 * The live library: the bundled articles and the reader's own, searched as one, following the
 * reader's library on disk as it changes, and saved for the next start.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResponse } from '../../shared/api';
import { buildLibrary } from '../content/build';
import { search, suggest } from '../search/search';
import { tempDir, type TempDir } from '../testing/temp-dir';
import { paragraphsAbout, prepared } from '../testing/user-articles';
import { UserLibrary } from '../user/user-library';
import { LiveLibrary, SEGMENT_FILE } from './live';
import { loadLibrary, type LoadedLibrary } from './load';
import { BUNDLED_CONTENT, BUNDLED_LIBRARY } from './paths';
import { writeLibrary } from '../content/build';

let data: TempDir;
let bundledDir: string;
beforeEach(async () => {
  data = await tempDir();
  bundledDir = join(data.path, 'bundled');
  await writeLibrary(bundledDir, await buildLibrary(BUNDLED_CONTENT));
});
afterEach(() => data.remove());

const none = (): boolean => false;
const QUERIES = ['baclofen sleep', 'sleep', 'dry mouth', 'muscle relaxant', 'swallowing', 'night', 'paragraph minutes', '"muscles rest"', 'in:comments baclofen', 'sleep -baclofen'];

/** The reader's library of a data folder, with some articles added. */
async function userLibrary(dir: string, articles: Parameters<typeof prepared>[] = []): Promise<UserLibrary> {
  const { library } = await UserLibrary.open(dir);
  if (articles.length > 0) await library.commit(articles.map((a) => prepared(...a)), none);
  return library;
}

/** An answer as compared here: totals and facets, and each result's place and score, ties in id order. */
function answerOf(r: SearchResponse): unknown {
  const results = [...r.results].sort((a, b) => b.score - a.score || `${a.articleId}/${a.passageId}`.localeCompare(`${b.articleId}/${b.passageId}`));
  return {
    total: r.total,
    results: results.map((h) => `${h.articleId}/${h.passageId} ${h.score} ${h.snippet}`),
    titles: r.titles.map((t) => `${t.articleId} ${t.score}`),
    articles: [...r.articles].sort((a, b) => a.key.localeCompare(b.key)),
    kinds: r.kinds,
  };
}

/** The same articles, built as one library from Markdown (as if they had been bundled). */
async function builtTogether(library: UserLibrary): Promise<LoadedLibrary> {
  const content = join(data.path, 'together');
  await mkdir(content, { recursive: true });
  for (const name of await readdir(BUNDLED_CONTENT)) await copyFile(join(BUNDLED_CONTENT, name), join(content, name));
  for (const entry of await library.entries()) await writeFile(join(content, `${entry.id}.md`), (await library.read(entry)).markdown);
  return buildLibrary(content);
}

const ARTICLES: Parameters<typeof prepared>[] = [
  ['sleep.md', 'Sleep diary', paragraphsAbout('sleep', 12)],
  ['mouth.md', 'Dry mouth at night', ['Saliva dries at night; a muscle relaxant like baclofen made swallowing harder.', ...paragraphsAbout('dry mouth', 5)]],
  ['plain.txt', 'Unrelated notes', ['Gardening in spring: tomatoes and beans.']],
];

describe('LiveLibrary', () => {
  it('searches the reader’s articles as if they had been built with the bundled ones', async () => {
    const library = await userLibrary(data.path, ARTICLES);
    const live = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    const together = await builtTogether(library);
    for (const q of QUERIES) expect(answerOf(search(live, q, { limit: 200 })), q).toEqual(answerOf(search(together, q, { limit: 200 })));
    expect(live.summaries().map((a) => `${a.id} ${a.origin}`)).toEqual(together.library.summaries().map((a) => `${a.id} ${a.id.startsWith('baclofen') ? 'bundled' : 'user'}`));
    expect(live.summaries().find((a) => a.id === 'sleep-diary')?.added).toMatchObject({ sourceFile: 'sleep.md', format: 'markdown' });
    expect(suggest(live, 'gardeni')).toEqual(['gardening']);
  });

  it('follows additions, updates and removals made on disk, and searches nothing of a removed article', async () => {
    const library = await userLibrary(data.path);
    const bundled = await loadLibrary(bundledDir);
    const wordsOf = (l: { vocabulary: { toJSON(): object } }): string => JSON.stringify(Object.entries(l.vocabulary.toJSON()).sort(([a], [b]) => (a < b ? -1 : 1)));
    const vocabularyBefore = wordsOf(bundled.library);
    const live = await LiveLibrary.open(bundled, library);
    expect(search(live, 'tomatoes').total).toBe(0);
    await library.commit([prepared('plain.txt', 'Unrelated notes', ['Gardening in spring: tomatoes and beans.'])], none);
    await live.sync();
    expect(search(live, 'tomatoes').results.map((h) => h.articleId)).toEqual(['unrelated-notes']);
    await library.commit([prepared('plain.txt', 'Unrelated notes', ['Gardening in autumn: pumpkins.'])], none);
    await live.sync();
    expect(search(live, 'tomatoes').total).toBe(0);
    expect(search(live, 'pumpkins').total).toBe(1);
    await library.remove('unrelated-notes');
    await live.sync();
    expect(search(live, 'pumpkins').total).toBe(0);
    expect(suggest(live, 'pumpki')).toEqual([]);
    expect(live.article('unrelated-notes')).toBeUndefined();
    expect(search(live, 'baclofen').articles.map((a) => a.key).sort()).toEqual(['baclofen-sjogrens-syndrome', 'baclofen-sleep-aid']);
    // Every word the reader's articles brought has left the vocabulary with them.
    expect(wordsOf(live)).toBe(vocabularyBefore);
  });

  it('notices a change another process made on the next call', async () => {
    const library = await userLibrary(data.path);
    const live = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    const other = await userLibrary(data.path, [['a.md', 'From the other process', ['Written by the command line.']]]);
    expect((await other.entries()).length).toBe(1);
    live.noticeChanges();
    await live.sync();
    expect(search(live, 'command line').results[0]?.articleId).toBe('from-the-other-process');
  });

  it('answers searches while a large import is indexed, each article searchable whole or not at all', async () => {
    const library = await userLibrary(data.path);
    const live = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    const many = Array.from({ length: 40 }, (_, i): Parameters<typeof prepared> => [`f${i}.md`, `Imported article ${i}`, paragraphsAbout(`topic${i}`, 5 + (i % 7))]);
    await library.commit(many.map((a) => prepared(...a)), none);
    const syncing = live.sync();
    let done = false;
    void syncing.then(() => (done = true));
    const seen: number[] = [];
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      // Every passage of these articles has the words: an article's count is all its passages.
      const imported = search(live, 'minutes sooner').articles.filter((a) => a.key.startsWith('imported-article'));
      for (const { key, count } of imported) expect(count, key).toBe(live.article(key)!.passages.length);
      seen.push(imported.length);
    }
    // Searches were answered between articles, as the import went on.
    expect(seen.filter((n) => n > 0 && n < 40).length).toBeGreaterThan(5);
    expect(search(live, 'minutes sooner', { limit: 200 }).articles.filter((a) => a.key.startsWith('imported-article'))).toHaveLength(40);
  });

  it('saves its segment, and the next start loads it instead of reading the articles again', async () => {
    const library = await userLibrary(data.path, ARTICLES);
    const first = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    await first.save();
    const answers = QUERIES.map((q) => answerOf(search(first, q)));
    const read = vi.spyOn(library, 'read');
    const second = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    expect(read).not.toHaveBeenCalled();
    expect(QUERIES.map((q) => answerOf(search(second, q)))).toEqual(answers);
    // An article added since the save is the only one read.
    await library.commit([prepared('new.md', 'Added since', ['Fresh words: kiwifruit.'])], none);
    const third = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    expect(read.mock.calls.map(([e]) => e.file)).toEqual([(await library.entries()).find((e) => e.id === 'added-since')!.file]);
    expect(search(third, 'kiwifruit').total).toBe(1);
  });

  it('indexes the articles again from their files when the saved segment is damaged', async () => {
    const library = await userLibrary(data.path, ARTICLES);
    const first = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    await first.save();
    const answers = QUERIES.map((q) => answerOf(search(first, q)));
    const segment = join(library.dir, SEGMENT_FILE);
    const text = await import('node:fs/promises').then((fs) => fs.readFile(segment, 'utf8'));
    // Valid JSON, but an index that lacks a passage the articles have.
    await writeFile(segment, text.replace('"docCount":', '"docCount":1000,"was":'));
    const second = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    expect(QUERIES.map((q) => answerOf(search(second, q)))).toEqual(answers);
    await writeFile(segment, '{"format":1,');
    const third = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    expect(QUERIES.map((q) => answerOf(search(third, q)))).toEqual(answers);
  });

  it('keeps out only the article whose file is damaged, sets the file aside unchanged, and takes the article back when its file is added again', async () => {
    const library = await userLibrary(data.path, ARTICLES);
    const damaged = (await library.entries()).find((e) => e.id === 'sleep-diary')!;
    const path = join(library.dir, 'articles', damaged.file);
    const whole = await readFile(path, 'utf8');
    await writeFile(path, whole.slice(0, 100));
    const live = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    expect(search(live, 'gardening').total).toBe(1);
    expect(live.article('sleep-diary')).toBeUndefined();
    // Set aside: out of the list, kept byte for byte under another name, and said why.
    expect((await library.entries()).map((e) => e.id)).not.toContain('sleep-diary');
    const [aside] = await library.damagedEntries();
    expect(aside).toMatchObject({ id: 'sleep-diary', sourceFile: 'sleep.md', why: 'the file is not the JSON Quire wrote (it was cut short or changed)' });
    expect(await readFile(join(library.dir, 'articles', aside!.setAsideFile), 'utf8')).toBe(whole.slice(0, 100));
    // Added again from its file: back under its id, a new article file, read whole; the damaged file stays.
    const [outcome] = await library.commit([prepared('sleep.md', 'Sleep diary', paragraphsAbout('sleep', 13))], none);
    expect(outcome).toMatchObject({ status: 'added', entry: { id: 'sleep-diary' } });
    await live.sync();
    expect(live.article('sleep-diary')?.passages).toHaveLength(13);
    expect(await library.damagedEntries()).toEqual([]);
    expect(await readFile(join(library.dir, 'articles', aside!.setAsideFile), 'utf8')).toBe(whole.slice(0, 100));
  });

  it('keeps out an article whose damaged file cannot be set aside, and reads it again once its file is replaced', async () => {
    const library = await userLibrary(data.path, ARTICLES);
    // A reader's library that can only be read (as another tool's would be).
    const readOnly = { dir: library.dir, entries: () => library.entries(), read: (e: { file: string }) => library.read(e), stamp: () => library.stamp() };
    const damaged = (await library.entries()).find((e) => e.id === 'sleep-diary')!;
    await writeFile(join(library.dir, 'articles', damaged.file), '');
    const live = await LiveLibrary.open(await loadLibrary(bundledDir), readOnly);
    expect(live.unreadableIds()).toEqual(['sleep-diary']);
    expect(search(live, 'gardening').total).toBe(1);
    await library.commit([prepared('sleep.md', 'Sleep diary', paragraphsAbout('sleep', 13))], none);
    await live.sync();
    expect(live.unreadableIds()).toEqual([]);
    expect(live.article('sleep-diary')?.passages).toHaveLength(13);
  });

  it('serves the bundled article when the reader has one of the same id, and says so', async () => {
    const library = await userLibrary(data.path, [['sleep.md', 'Baclofen Sleep Aid', ['The reader’s own page, about a xylophone.']]]);
    // The reader's article took the id the bundled library did not have then.
    const [entry] = await library.entries();
    expect(entry!.id).toBe('baclofen-sleep-aid');
    const live = await LiveLibrary.open(await loadLibrary(bundledDir), library);
    expect(live.shadowed()).toEqual(['baclofen-sleep-aid']);
    expect(live.article('baclofen-sleep-aid')?.origin).toBeUndefined();
    expect(search(live, 'xylophone').total).toBe(0);
  });
});

it('LiveLibrary without a reader’s library is the bundled library', async () => {
  const bundled = await loadLibrary(BUNDLED_LIBRARY).catch(() => loadLibrary(bundledDir));
  const live = await LiveLibrary.open(bundled);
  const plain = await loadLibrary(bundledDir);
  for (const q of QUERIES) expect(answerOf(search(live, q))).toEqual(answerOf(search(plain, q)));
});
