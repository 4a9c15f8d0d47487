/**
 * API load: thousands of calls in a row, a realistic mix, through the core service (dispatch, as
 * the app's IPC handler calls it) and through the web host (real HTTP on loopback, with the
 * token). Reports errors, latency, throughput, and the heap before and after, after full GCs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiMethod, ApiResult, QuireApi } from '../../shared/api';
import type { BookmarkView } from '../../shared/bookmarks';
import { SEARCH_LIMIT } from '../../shared/search-limits';
import type { LoadedLibrary } from '../../core/library/load';
import { dispatch } from '../../core/api/dispatch';
import { createService } from '../../core/api/service';
import { openStore } from '../../core/user/store';
import { startWebHost } from '../../web/server';
import { apiPath, TOKEN_HEADER } from '../../shared/wire';
import { createRandom, weightedSampler } from './random';
import { median, percentile, roundMs } from './stats';

/** One call of the mix; `removeBookmark` removes the bookmark the latest `addBookmark` made. */
export type LoadCall =
  | { readonly method: 'search'; readonly query: string }
  | { readonly method: 'getArticle'; readonly id: string }
  | { readonly method: 'listBookmarks' | 'getSettings' }
  | { readonly method: 'addBookmark'; readonly articleId: string; readonly targetId: string }
  | { readonly method: 'removeBookmark' };

/** What the mix draws from: article ids, the passages that can be bookmarked, search words. */
export interface LoadMaterial {
  readonly articleIds: readonly string[];
  readonly passages: readonly { readonly articleId: string; readonly passageId: string }[];
  readonly words: readonly string[];
}

/** Shares of the mix, by kind of call (an add is always followed by its remove). */
export const LOAD_MIX = { search: 40, getArticle: 20, listBookmarks: 15, getSettings: 15, bookmark: 10 } as const;

/**
 * A deterministic sequence of `count` calls in the {@link LOAD_MIX} shares. Every addBookmark is
 * followed by the removeBookmark of its bookmark, so the store ends as it began.
 *
 * @example loadCalls(10_000, material, 1).length // 10000
 */
export function loadCalls(count: number, material: LoadMaterial, seed: number): LoadCall[] {
  const random = createRandom(seed);
  const kinds = Object.keys(LOAD_MIX) as (keyof typeof LOAD_MIX)[];
  const draw = weightedSampler(kinds.map((k) => LOAD_MIX[k]));
  const calls: LoadCall[] = [];
  while (calls.length < count) {
    const kind = kinds[draw(random)]!;
    if (kind === 'bookmark') {
      if (calls.length + 2 > count) continue;
      const p = random.pick(material.passages);
      calls.push({ method: 'addBookmark', articleId: p.articleId, targetId: p.passageId }, { method: 'removeBookmark' });
    } else if (kind === 'search') {
      const words = Array.from({ length: random.int(1, 3) }, () => random.pick(material.words));
      calls.push({ method: 'search', query: words.join(' ') });
    } else if (kind === 'getArticle') {
      calls.push({ method: 'getArticle', id: random.pick(material.articleIds) });
    } else {
      calls.push({ method: kind });
    }
  }
  return calls;
}

/** Calls one API method by name: through dispatch, or over HTTP. */
export type Caller = (method: ApiMethod, args: unknown[]) => Promise<ApiResult<unknown>>;

/** What one path did under load. */
export interface LoadFigures {
  /** "core" or "web host". */
  readonly path: string;
  readonly calls: number;
  /** Calls that did not answer ok (must be 0). */
  readonly errors: number;
  /** The first error's message, if any. */
  readonly firstError?: string;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly callsPerSecond: number;
  /** Heap used after full GCs, before the first call and after the last. */
  readonly heapBeforeBytes: number;
  readonly heapAfterBytes: number;
}

/** Run the calls one after another through a caller, timing each. */
export async function runLoad(path: string, calls: readonly LoadCall[], caller: Caller, heapUsed: () => number): Promise<LoadFigures> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let lastAdded: string | undefined;
  const heapBeforeBytes = heapUsed();
  const start = performance.now();
  for (const call of calls) {
    const args: unknown[] =
      call.method === 'search' ? [call.query, { limit: SEARCH_LIMIT }]
      : call.method === 'getArticle' ? [call.id]
      : call.method === 'addBookmark' ? [{ articleId: call.articleId, target: 'passage', targetId: call.targetId }]
      : call.method === 'removeBookmark' ? [lastAdded ?? 'no-bookmark-added']
      : [];
    const t0 = performance.now();
    const result = await caller(call.method, args);
    samples.push(performance.now() - t0);
    if (!result.ok) {
      errors++;
      firstError ??= `${call.method}: ${result.error.message}`;
    } else if (call.method === 'addBookmark') {
      lastAdded = (result.value as BookmarkView).id;
    }
  }
  const totalMs = performance.now() - start;
  return {
    path,
    calls: calls.length,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    medianMs: roundMs(median(samples)),
    p95Ms: roundMs(percentile(samples, 95)),
    callsPerSecond: Math.round((calls.length / totalMs) * 1000),
    heapBeforeBytes,
    heapAfterBytes: heapUsed(),
  };
}

/** The material of a loaded library: its articles, passages, and words of its titles and text. */
export function loadMaterial(loaded: LoadedLibrary): LoadMaterial {
  const docs = loaded.library.allDocs();
  const words = [...new Set(docs.slice(0, 200).flatMap((d) => d.passage.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []))];
  return {
    articleIds: loaded.library.articles.map((a) => a.id),
    passages: docs.map((d) => ({ articleId: d.article.id, passageId: d.passage.id })),
    words,
  };
}

/**
 * Run the same calls through the core and through the web host, each with a fresh store.
 *
 * @param gc a full garbage collection (`node --expose-gc`)
 */
export async function measureLoad(loaded: LoadedLibrary, options: { calls: number; seed: number; gc: () => void; log?: (line: string) => void }): Promise<LoadFigures[]> {
  const calls = loadCalls(options.calls, loadMaterial(loaded), options.seed);
  const heapUsed = (): number => {
    options.gc();
    options.gc();
    return process.memoryUsage().heapUsed;
  };
  const scratch = await mkdtemp(join(tmpdir(), 'quire-bench-load-'));
  try {
    const service = async (name: string): Promise<QuireApi> => createService(loaded, (await openStore(join(scratch, name))).store);
    const core = await service('core');
    // A warm-up, so that both paths are timed with compiled code.
    const warm = loadCalls(500, loadMaterial(loaded), options.seed + 1);
    await runLoad('warm-up', warm, (m, a) => dispatch(core, m, a), () => 0);
    options.log?.(`load: ${calls.length} calls through the core`);
    const figures = [await runLoad('core', calls, (m, a) => dispatch(core, m, a), heapUsed)];

    await writeFile(join(scratch, 'index.html'), '<!doctype html><title>Quire</title>');
    const token = 'bench-load-token';
    const host = await startWebHost({ api: await service('web'), staticDir: scratch, token, log: () => {} });
    try {
      const overHttp: Caller = async (method, args) => {
        const response = await fetch(`http://127.0.0.1:${host.port}${apiPath(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ args }),
        });
        return (await response.json()) as ApiResult<unknown>;
      };
      await runLoad('warm-up', warm, overHttp, () => 0);
      options.log?.(`load: ${calls.length} calls through the web host`);
      figures.push(await runLoad('web host', calls, overHttp, heapUsed));
    } finally {
      await host.close();
    }
    return figures;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
