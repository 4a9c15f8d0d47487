import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary, writeLibrary } from './build';
import { startEngineWorker, type EngineWorker } from './engine-client';
import { BUNDLED_CONTENT, ROOT } from './paths';
import { NotFoundError } from './service';
import { tempDir, type TempDir } from './testing';

let dir: TempDir;
let engine: EngineWorker;
// The built app runs the bundled worker; here the TypeScript source runs through tsx's loader.
const WORKER = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(ROOT, 'src/core/engine-worker.ts'))});`;

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

  it('carries not-found back as NotFoundError', async () => {
    await expect(engine.api.getArticle('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('fails to start with the reason when the library is missing', async () => {
    await expect(startEngineWorker(WORKER, join(dir.path, 'missing'), { eval: true })).rejects.toThrow(/engine: library: cannot read/);
  });
});
