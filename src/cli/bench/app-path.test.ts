import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary, writeLibrary } from '../../core/content/build';
import type { EngineWorker } from '../../core/api/engine-client';
import { BUNDLED_CONTENT, ROOT } from '../../core/library/paths';
import { search, suggest } from '../../core/search/search';
import { libraryService } from '../../core/api/service';
import { tempDir, type TempDir } from '../../core/testing/temp-dir';
import { keystroke, SEARCH_LIMIT, startSourceEngine, SUGGEST_LIMIT } from './app-path';

let dir: TempDir;
let engine: EngineWorker;
let built: Awaited<ReturnType<typeof buildLibrary>>;

beforeAll(async () => {
  dir = await tempDir();
  built = await buildLibrary(BUNDLED_CONTENT);
  await writeLibrary(dir.path, built);
  engine = await startSourceEngine(dir.path);
});
afterAll(async () => {
  await engine.close();
  await dir.remove();
});

/** The number a renderer hook's source assigns to an exported constant. */
async function rendererConstant(file: string, name: string): Promise<number> {
  const source = await readFile(join(ROOT, 'src/renderer/src/hooks', file), 'utf8');
  const found = new RegExp(`export const ${name} = (\\d+);`).exec(source);
  if (!found) throw new Error(`no ${name} in ${file}`);
  return Number(found[1]);
}

describe('keystroke', () => {
  it('asks for as many results and completions as the search box does', async () => {
    expect(SEARCH_LIMIT).toBe(await rendererConstant('useSearch.ts', 'SEARCH_LIMIT'));
    expect(SUGGEST_LIMIT).toBe(await rendererConstant('useSuggestions.ts', 'SUGGESTION_LIMIT'));
  });

  it('sends the search and the suggest call at once, before either is answered', async () => {
    const calls: string[] = [];
    const api = libraryService(built);
    const recording = {
      search: (query: string, options?: { limit?: number }) => (calls.push(`search ${query} ${options?.limit}`), api.search(query, options)),
      suggest: (query: string, limit?: number) => (calls.push(`suggest ${query} ${limit}`), api.suggest(query, limit)),
    };
    const answered = keystroke(recording, 'pilo');
    expect(calls).toEqual([`search pilo ${SEARCH_LIMIT}`, `suggest pilo ${SUGGEST_LIMIT}`]);
    await answered;
  });

  it('counts both answers of the engine worker, started from source', async () => {
    for (const text of ['pilo', 'sleep', 'dry mouth']) {
      const expected = search(built, text, { limit: SEARCH_LIMIT }).results.length + suggest(built, text, SUGGEST_LIMIT).length;
      expect(await keystroke(engine.api, text)).toBe(expected);
    }
    expect(await keystroke(engine.api, 'pilo')).toBeGreaterThan(1);
    expect(search(built, 'sleep', { limit: 100 }).results.length).toBeGreaterThan(SEARCH_LIMIT);
  });
});
