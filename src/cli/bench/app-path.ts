/**
 * The app's search path, as the renderer drives it on every keystroke: the search box's text as
 * typed, sent as a search (20 results) and a suggest call (5 completions) at once, answered by
 * the engine worker through its client.
 */
import { startEngineWorker, type EngineWorker } from '../../core/api/engine-client';
import { sourceWorker } from '../../core/api/worker-source';
import { SEARCH_LIMIT, SUGGESTION_LIMIT as SUGGEST_LIMIT } from '../../shared/search-limits';
import type { LibraryApi } from '../../core/api/service';

// Results and completions asked for per keystroke: the search box's own numbers.
export { SEARCH_LIMIT, SUGGEST_LIMIT };

/**
 * The engine worker run from its TypeScript source: the built app runs the bundled worker, and
 * here tsx's require hook compiles the same source (as the engine worker's tests do).
 */
export const ENGINE_WORKER_SOURCE = sourceWorker('src/core/api/engine-worker.ts');

/**
 * Start the engine worker on a written library, from source, and wait until it has loaded it.
 *
 * @param libraryDir a folder written by `writeLibrary`
 */
export function startSourceEngine(libraryDir: string): Promise<EngineWorker> {
  return startEngineWorker(ENGINE_WORKER_SOURCE, libraryDir, { eval: true });
}

/**
 * Send what one keystroke sends, both calls at once, and resolve once both are answered.
 *
 * @param text the box's text as typed (see `sentTexts`)
 * @returns the number of results plus completions, so that no answer goes unread
 * @example await keystroke(engine.api, 'dry m') // search('dry m', { limit: 20 }) + suggest('dry m', 5)
 */
export async function keystroke(api: Pick<LibraryApi, 'search' | 'suggest'>, text: string): Promise<number> {
  const [response, suggestions] = await Promise.all([api.search(text, { limit: SEARCH_LIMIT }), api.suggest(text, SUGGEST_LIMIT)]);
  return response.results.length + suggestions.length;
}
