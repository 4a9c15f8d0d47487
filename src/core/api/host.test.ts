/**
 * The host's API over the reader's library: bookmarks of an article the reader added follow it
 * as it is added again with changes, removed and put back; removal and undo through the API.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuireApi } from '../../shared/api';
import { buildLibrary, writeLibrary } from '../content/build';
import { SEGMENT_FILE } from '../library/live';
import { loadLibrary } from '../library/load';
import { BUNDLED_CONTENT } from '../library/paths';
import { tempDir, type TempDir } from '../testing/temp-dir';
import { readTestFile, testFile } from '../testing/user-articles';
import { damagedArticlesNotice, inProcessEngine, openHost, type Host } from './host';

let data: TempDir;
let host: Host;
let api: Omit<QuireApi, 'printPage' | 'savePdf'>;
beforeEach(async () => {
  data = await tempDir();
  const bundledDir = join(data.path, 'bundled');
  await writeLibrary(bundledDir, await buildLibrary(BUNDLED_CONTENT));
  host = await openHost({ dataDir: join(data.path, 'data'), engine: inProcessEngine(await loadLibrary(bundledDir)), prepare: readTestFile });
  api = host.api;
});
afterEach(async () => {
  await host.close();
  await data.remove();
});

/** Add files through the API and wait until the import is over. */
async function add(...files: ReturnType<typeof testFile>[]): Promise<void> {
  const { id } = await api.startImport(files.length);
  await api.addImportFiles(id, files);
  while ((await api.importProgress(id)).state === 'running') await new Promise((resolve) => setTimeout(resolve, 5));
}

const NOTES = ['Baclofen at bedtime helped the spasms settle.', 'Dry mouth came with it, worse at dawn.', 'Sips of water helped.'];

describe('the host over the reader’s library', () => {
  it('keeps bookmarks with an article added again with changes, removed, and put back', async () => {
    await add(testFile('notes.md', 'Night notes', NOTES));
    const [second] = (await api.getArticle('night-notes')).passages.slice(1);
    const bookmark = await api.addBookmark({ articleId: 'night-notes', target: 'passage', targetId: second!.id, note: 'ask the doctor' });
    expect((await api.listBookmarks()).map((b) => b.status)).toEqual(['anchored']);
    // Added again with a paragraph before it: the passage moved, and is found by its words.
    await add(testFile('notes.md', 'Night notes', ['A new first line.', ...NOTES]));
    const [moved] = await api.listBookmarks();
    expect(moved).toMatchObject({ id: bookmark.id, status: 'reanchored', note: 'ask the doctor' });
    expect((await api.getArticle('night-notes')).passages.find((p) => p.id === moved!.resolvedId)?.text).toBe(NOTES[1]);
    expect(await api.removeArticle('night-notes')).toEqual({ id: 'night-notes', title: 'Night notes' });
    expect((await api.listBookmarks()).map((b) => `${b.status} ${b.note}`)).toEqual(['orphaned ask the doctor']);
    await expect(api.getArticle('night-notes')).rejects.toMatchObject({ code: 'not-found' });
    expect(await api.restoreArticle('night-notes')).toMatchObject({ id: 'night-notes', origin: 'user', added: { sourceFile: 'notes.md' } });
    expect((await api.listBookmarks()).map((b) => b.status)).toEqual(['reanchored']);
    expect((await api.search('spasms settle')).results[0]?.articleId).toBe('night-notes');
  });

  it('refuses to remove a bundled article, or one it does not have, by name', async () => {
    await expect(api.removeArticle('baclofen-sleep-aid')).rejects.toMatchObject({
      code: 'invalid-argument',
      message: "removeArticle: argument 0: 'baclofen-sleep-aid' is an article of the bundled library, which cannot be removed; only articles you added can",
    });
    await expect(api.removeArticle('no-such')).rejects.toMatchObject({ code: 'not-found', message: "removeArticle: no article of yours with id 'no-such'" });
    await expect(api.restoreArticle('no-such')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('tells the reader at start of an article whose file was damaged, and has it back, bookmarks and all, when its file is added again', async () => {
    await add(testFile('notes.md', 'Night notes', NOTES));
    const [first] = (await api.getArticle('night-notes')).passages;
    await api.addBookmark({ articleId: 'night-notes', target: 'passage', targetId: first!.id, note: 'ask' });
    await host.close();
    const [entry] = await host.user.entries();
    const articles = join(host.user.dir, 'articles');
    // The article file cut short, and no saved index to serve it from.
    writeFileSync(join(articles, entry!.file), readFileSync(join(articles, entry!.file), 'utf8').slice(0, 50));
    rmSync(join(host.user.dir, SEGMENT_FILE));
    host = await openHost({ dataDir: join(data.path, 'data'), engine: inProcessEngine(await loadLibrary(join(data.path, 'bundled'))), prepare: readTestFile });
    api = host.api;
    expect(await api.storeNotice()).toBe(
      `An article you added could not be read, so it is left out of your library: “Night notes” (from notes.md). Add its file again to put it back, with its bookmarks. The damaged file was kept, unchanged, in ${articles}.`,
    );
    expect((await api.listArticles()).some((a) => a.id === 'night-notes')).toBe(false);
    expect((await api.listBookmarks()).map((b) => b.status)).toEqual(['orphaned']);
    // The same file again makes an article file of the same name: read, not passed over as the damaged one.
    await add(testFile('notes.md', 'Night notes', NOTES));
    expect((await host.user.entries()).map((e) => e.file)).toEqual([entry!.file]);
    expect((await api.listBookmarks()).map((b) => `${b.status} ${b.articleId}`)).toEqual(['anchored night-notes']);
  });

  it('names three damaged articles in a notice and counts the rest', () => {
    const entries = ['A', 'B', 'C', 'D', 'E'].map((title) => ({ title, sourceFile: `${title.toLowerCase()}.md` }));
    expect(damagedArticlesNotice(entries.slice(0, 2), '/d')).toBe(
      '2 articles you added could not be read, so they are left out of your library: “A” (from a.md) and “B” (from b.md). Add their files again to put them back, with their bookmarks. The damaged files were kept, unchanged, in /d.',
    );
    expect(damagedArticlesNotice(entries, '/d')).toContain('“A” (from a.md), “B” (from b.md), “C” (from c.md) and 2 more.');
    expect(damagedArticlesNotice([], '/d')).toBeNull();
  });

  it('lists the reader’s articles with where they came from, beside the bundled ones', async () => {
    await add(testFile('notes.md', 'Night notes', NOTES));
    const listed = await api.listArticles();
    expect(listed.filter((a) => a.origin === 'user').map((a) => [a.id, a.added?.sourceFile])).toEqual([['night-notes', 'notes.md']]);
    expect(listed.filter((a) => a.origin === 'bundled').map((a) => a.id).sort()).toEqual(['baclofen-sjogrens-syndrome', 'baclofen-sleep-aid']);
  });
});
