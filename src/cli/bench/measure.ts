/**
 * In-process measurements of one library: build, index size, load, heap; and search latency
 * keystroke by keystroke on the app's path (through the engine worker), in process, and with
 * MiniSearch out of the box as the peer baseline.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildLibrary, writeLibrary } from '../../core/content/build';
import { loadLibrary, type LoadedLibrary } from '../../core/library/load';
import { serializeIndex } from '../../core/search/postings';
import { loadIndex, search, searchDocs, suggest } from '../../core/search/search';
import { keystroke, SEARCH_LIMIT, startSourceEngine, SUGGEST_LIMIT } from './app-path';
import { MiniSearchBaseline } from './baseline';
import { generateQueries, sentTexts, wordCounts } from './queries';
import { median, type Percentiles, percentiles, roundMs } from './stats';

/** What was measured of one library. */
export interface CorpusFigures {
  /** "bundled", "1k", "10k", "50k". */
  readonly name: string;
  readonly passages: number;
  readonly articles: number;
  /** buildLibrary of the Markdown folder. */
  readonly buildMs: number;
  /** UTF-8 bytes of the serialized index (serializeIndex). */
  readonly indexBytes: number;
  /** loadIndex of the serialized index (median of several rounds). */
  readonly loadMs: number;
  /** JSON.parse of the same string (median): the floor for loading. */
  readonly jsonParseMs: number;
  /** Heap growth from loadLibrary of the written library, per passage, after full GCs. */
  readonly heapBytesPerPassage: number;
  /**
   * The app's path: for every keystroke, search (20 results) and suggest (5) of the text as typed
   * sent at once to the engine worker, from sending both to having both answers.
   */
  readonly keystroke: Percentiles;
  /** The same two calls in process, one after the other: the engine's own share of a keystroke. */
  readonly engine: Percentiles;
  /** The peer baseline: a plain MiniSearch index searched with prefix and fuzzy 0.2, in process. */
  readonly minisearch: Percentiles;
  /** Queries typed and keystrokes timed (each through every path). */
  readonly queries: number;
  readonly keystrokes: number;
  /** Of the timed queries, those with a typo. */
  readonly typoQueries: number;
}

/** How a library is measured. */
export interface MeasureOptions {
  /** Queries typed (all their keystrokes are timed). */
  readonly queries: number;
  /** Seed of the query draw. */
  readonly seed: number;
  /** Queries typed before timing, to warm up the JIT and caches. */
  readonly warmupQueries?: number;
  /** Report progress (to stderr, so that `--json` output stays one object). */
  readonly log?: (line: string) => void;
}

/** What {@link measureCorpus} gives: the figures, and its words for the paint phase. */
export interface CorpusMeasurement {
  readonly figures: CorpusFigures;
  /** Word counts of the library's passages, most frequent first. */
  readonly words: ReturnType<typeof wordCounts>;
}

/** Shortest total time spent on load and parse rounds, and the round limits. */
const LOAD_BUDGET_MS = 1000;
const MIN_ROUNDS = 5;
const MAX_ROUNDS = 50;

/** A full garbage collection, which `node --expose-gc` exposes. */
export function gc(): void {
  if (typeof globalThis.gc !== 'function') {
    throw new Error("bench: the garbage collector is not exposed: run with 'node --expose-gc' (npm run bench does)");
  }
  globalThis.gc();
}

/** Milliseconds taken by a synchronous call. */
function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Measure one library folder, start to finish, freeing what it built before returning.
 *
 * @param name what the library is called in the report
 * @param contentDir a folder of Markdown articles
 */
export async function measureCorpus(name: string, contentDir: string, options: MeasureOptions): Promise<CorpusMeasurement> {
  const log = options.log ?? (() => {});
  const outDir = await mkdtemp(join(tmpdir(), 'quire-bench-lib-'));
  try {
    log(`${name}: building`);
    let start = performance.now();
    let built: LoadedLibrary | undefined = await buildLibrary(contentDir);
    const buildMs = performance.now() - start;
    const passages = built.library.allDocs().length;
    const articles = built.library.articles.length;
    let json: string | undefined = serializeIndex(built.index);
    const indexBytes = Buffer.byteLength(json, 'utf8');
    await writeLibrary(outDir, built);
    built = undefined;

    log(`${name}: loading the ${Math.round(indexBytes / 1024)} KB index`);
    const loads: number[] = [];
    const parses: number[] = [];
    const serialized = json;
    start = performance.now();
    while (loads.length < MIN_ROUNDS || (performance.now() - start < LOAD_BUDGET_MS && loads.length < MAX_ROUNDS)) {
      gc();
      parses.push(time(() => JSON.parse(serialized)));
      gc();
      loads.push(time(() => loadIndex(serialized)));
    }
    json = undefined;

    gc();
    const before = process.memoryUsage().heapUsed;
    const loaded = await loadLibrary(outDir);
    gc();
    const heapBytesPerPassage = Math.round((process.memoryUsage().heapUsed - before) / passages);

    const texts = loaded.library.allDocs().map((ref) => ref.passage.text);
    const words = wordCounts(texts);
    const queries = generateQueries(words, { count: options.queries, seed: options.seed });
    const warmup = generateQueries(words, { count: options.warmupQueries ?? 20, seed: options.seed + 1 }).flatMap((q) => sentTexts(q.text));
    const typed = queries.flatMap((q) => sentTexts(q.text));

    log(`${name}: timing ${typed.length} keystrokes of ${queries.length} queries through the engine worker`);
    const worker = await startSourceEngine(outDir);
    let keystrokeFigures: Percentiles;
    try {
      keystrokeFigures = await timeKeystrokes('the engine worker', warmup, typed, (text) => keystroke(worker.api, text));
    } finally {
      await worker.close();
    }
    log(`${name}: timing the same keystrokes in process, then with MiniSearch`);
    const engine = await timeKeystrokes(
      'the engine in process',
      warmup,
      typed,
      (text) => search(loaded, text, { limit: SEARCH_LIMIT }).results.length + suggest(loaded, text, SUGGEST_LIMIT).length,
    );
    // `loaded` is used above after the heap reading, so it was alive when the heap was read.
    const peer = new MiniSearchBaseline(searchDocs(loaded.library));
    const minisearch = await timeKeystrokes('MiniSearch', warmup, typed, (text) => peer.search(text).length);
    return {
      figures: {
        name,
        passages,
        articles,
        buildMs: roundMs(buildMs),
        indexBytes,
        loadMs: roundMs(median(loads)),
        jsonParseMs: roundMs(median(parses)),
        heapBytesPerPassage,
        keystroke: keystrokeFigures,
        engine,
        minisearch,
        queries: queries.length,
        keystrokes: typed.length,
        typoQueries: queries.filter((q) => q.typo).length,
      },
      words,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * Send the warm-up texts untimed, then time `run` on every text, one after the other (an
 * asynchronous run is timed until it resolves).
 *
 * Every answer's count is summed, so that no call can be optimized away, and a path that finds
 * nothing for any keystroke fails the run instead of being timed at doing nothing.
 *
 * @param path what is timed, for the error
 * @param run answers a text with the number of things found
 */
async function timeKeystrokes(
  path: string,
  warmup: readonly string[],
  typed: readonly string[],
  run: (text: string) => number | Promise<number>,
): Promise<Percentiles> {
  let found = 0;
  for (const text of warmup) found += await run(text);
  gc();
  const samples: number[] = [];
  for (const text of typed) {
    const start = performance.now();
    const answer = run(text);
    found += typeof answer === 'number' ? answer : await answer;
    samples.push(performance.now() - start);
  }
  if (found === 0) throw new Error(`bench: ${path} found nothing for any of ${typed.length} keystrokes`);
  return percentiles(samples);
}
