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

/** The source of a renderer module. */
function rendererSource(file: string): Promise<string> {
  return readFile(join(ROOT, 'src/renderer/src', file), 'utf8');
}

describe('keystroke', () => {
  it('asks for as many results and completions as the search box does: its own constants, not a number of its own', async () => {
    const shared = /from '\.\.\/\.\.\/\.\.\/shared\/search-limits'/;
    for (const [file, name] of [['containers/SearchContainer.tsx', 'SEARCH_LIMIT'], ['hooks/useSearch.ts', 'SEARCH_LIMIT'], ['hooks/useSuggestions.ts', 'SUGGESTION_LIMIT']] as const) {
      const source = await rendererSource(file);
      expect(source, file).toMatch(shared);
      expect(source, file).toContain(name);
      expect(source, file).not.toMatch(/limit(: | = )\d/i);
    }
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
