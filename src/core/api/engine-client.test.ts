import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary, writeLibrary } from '../content/build';
import { ApiError } from '../../shared/api';
import { articleLookup, startEngineWorker, type EngineWorker } from './engine-client';
import { BUNDLED_CONTENT } from '../library/paths';
import { sourceWorker } from './worker-source';
import { loadLibrary } from '../library/load';
import { LIBRARY_METHODS, libraryService, type LibraryApi } from './service';
import { tempDir, type TempDir } from '../testing/temp-dir';
import { prepared } from '../testing/user-articles';
import { UserLibrary } from '../user/user-library';

let dir: TempDir;
let engine: EngineWorker;
// The built app runs the bundled worker; here the TypeScript source runs through tsx's loader.
const WORKER = sourceWorker('src/core/api/engine-worker.ts');

beforeAll(async () => {
  dir = await tempDir();
  await writeLibrary(dir.path, await buildLibrary(BUNDLED_CONTENT));
  engine = await startEngineWorker(WORKER, dir.path, { eval: true });
});
afterAll(async () => {
  await engine.close();
  await dir.remove();
});

describe('engine worker', () => {
  it('answers searches and articles from another thread', async () => {
    const response = await engine.api.search('pilocarpine', { limit: 2 });
    expect(response.results[0]?.text).toContain('ilocarpine');
    expect((await engine.api.listArticles()).map((a) => a.id)).toContain('baclofen-sleep-aid');
    expect(await engine.api.suggest('pilo')).toEqual(['pilocarpine']);
  });

  it('has every library method, each sending all its arguments and answering as the library does', async () => {
    expect(Object.keys(engine.api).sort()).toEqual([...LIBRARY_METHODS].sort());
    const direct = libraryService(await loadLibrary(dir.path));
    // Calls whose answers change when any argument is lost (a limit below the default, filters).
    const calls: { readonly [M in keyof LibraryApi]: Parameters<LibraryApi[M]> } = {
      listArticles: [],
      getArticle: ['baclofen-sleep-aid'],
      search: ['dry mouth', { limit: 3, offset: 1, kinds: ['paragraph'] }],
      suggest: ['sl', 2],
    };
    for (const method of LIBRARY_METHODS) {
      const call = (api: LibraryApi) => (api[method] as (...a: unknown[]) => Promise<unknown>)(...calls[method]);
      expect(await call(engine.api), method).toEqual(await call(direct));
    }
    expect(await engine.api.suggest('sl', 2)).toHaveLength(2);
    expect((await engine.api.search('dry mouth', { limit: 3, offset: 1, kinds: ['paragraph'] })).results.map((r) => r.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('carries not-found back as ApiError with its code', async () => {
    await expect(engine.api.getArticle('nope')).rejects.toBeInstanceOf(ApiError);
    await expect(engine.api.getArticle('nope')).rejects.toMatchObject({ code: 'not-found', message: "getArticle: no article with id 'nope'" });
  });

  it('reports a worker that dies as stopped, not as a missing article, and starts a new one on the next call', async () => {
    // The real worker, which dies (exit code 7) when asked for the article 'crash-now', as a crash would end it mid-call.
    const crashing = `require('node:worker_threads').parentPort.on('message', (m) => { if (m.args && m.args[0] === 'crash-now') process.exit(7); }); ${WORKER}`;
    const exits: string[] = [];
    const engine = await startEngineWorker(crashing, dir.path, { eval: true, onExit: (reason) => exits.push(reason) });
    try {
      const lookup = articleLookup(engine.api);
      // An article the engine does not have is absent (its bookmarks show as orphaned)...
      await expect(lookup('nope')).resolves.toBeUndefined();
      // ...but a dead worker is an error saying so, never an absent article.
      const died = lookup('crash-now');
      await expect(died).rejects.toBeInstanceOf(ApiError);
      await expect(died).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/search engine stopped \(worker exit code 7\)/) });
      expect(exits).toEqual([expect.stringMatching(/exit code 7/)]);
      // The next calls start a new worker, which answers.
      const [article, response] = await Promise.all([lookup('baclofen-sleep-aid'), engine.api.search('pilocarpine', { limit: 1 })]);
      expect(article?.id).toBe('baclofen-sleep-aid');
      expect(response.results).toHaveLength(1);
      expect(exits).toHaveLength(1);
    } finally {
      await engine.close();
    }
  });

  it('serves the reader’s articles of a data folder, following their library as it changes', async () => {
    const data = join(dir.path, 'data');
    const { library } = await UserLibrary.open(data);
    await library.commit([prepared('notes.md', 'Night notes', ['Chamomile at nine, asleep by ten.'])], () => false);
    const live = await startEngineWorker(WORKER, dir.path, { eval: true, dataDir: data });
    try {
      expect((await live.api.search('chamomile')).results.map((h) => h.articleId)).toEqual(['night-notes']);
      expect((await live.api.listArticles()).find((a) => a.id === 'night-notes')).toMatchObject({ origin: 'user', added: { sourceFile: 'notes.md' } });
      await library.remove('night-notes');
      // Once synced, the worker searches the library as its manifest is now.
      await live.sync();
      expect((await live.api.search('chamomile')).total).toBe(0);
      await expect(live.api.getArticle('night-notes')).rejects.toMatchObject({ code: 'not-found' });
    } finally {
      await live.close();
    }
  });

  it('fails to start with the reason when the library is missing', async () => {
    await expect(startEngineWorker(WORKER, join(dir.path, 'missing'), { eval: true })).rejects.toThrow(/engine: library: cannot read/);
  });
});
