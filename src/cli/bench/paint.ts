/**
 * Keypress-to-painted-results latency in Chromium, measured by the renderer itself with the
 * Performance API.
 *
 * The renderer marks `quire:input` (detail: the input's value) on every input event, and
 * `quire:painted` (detail: the query) once the results for that query are on screen. The latency
 * of a keystroke is the painted mark for its text minus the input mark for it. The benchmark
 * serves the library with the web host (as the browser tests do), types into the search box one
 * key at a time and waits for each key's results to paint before pressing the next.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { ROOT, RENDERER_DIR } from '../../core/library/paths';
import { sentTexts } from './queries';
import { percentile, roundMs } from './stats';

/** A library to measure in the browser. */
export interface PaintCorpus {
  /** What it is called in the report. */
  readonly corpus: string;
  /** Its Markdown folder; the bundled library when absent. */
  readonly contentDir?: string;
  /** Queries to type, in order, until enough keystrokes are measured. */
  readonly queries: readonly string[];
}

/** Keypress-to-paint latency of one library. */
export interface PaintFigures {
  readonly corpus: string;
  /** Keystrokes measured. */
  readonly keystrokes: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  /** Why it could not be measured. */
  readonly error?: string;
}

/** How the paint phase runs. */
export interface PaintOptions {
  /** Keystrokes to measure per library (at least; whole queries are typed). */
  readonly keystrokes?: number;
  /** Longest wait for one keystroke's results to paint. */
  readonly timeoutMs?: number;
  /** Report progress (to stderr). */
  readonly log?: (line: string) => void;
}

/** Longest wait for the web host to print its address (it may build a 10k library first). */
const HOST_START_TIMEOUT_MS = 180_000;

const INPUT_MARK = 'quire:input';
/** Longest wait for the input mark of a key press (set synchronously by the input event). */
const INPUT_MARK_TIMEOUT_MS = 5000;
const PAINTED_MARK = 'quire:painted';

/** Build the app when its renderer is missing (the web host serves out/renderer). */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  try {
    await access(join(RENDERER_DIR, 'index.html'));
    return;
  } catch {
    // Not built: build below.
  }
  log('paint: out/renderer/index.html is missing, running npm run build');
  const code = await new Promise<number | null>((resolve, reject) => {
    // The build's output goes to stderr, so that `--json` output stays one object.
    const child = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`bench: 'npm run build' failed with exit code ${code}`);
}

/** A running web host and how to stop it and remove its folders. */
interface WebHost {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Start the web host on a free port with a fresh data folder, as the browser tests do.
 *
 * Its cache of a built `--content` library goes to a temporary folder of its own (TMPDIR), which
 * is removed with the data folder when the host stops.
 */
async function startWebHost(contentDir: string | undefined): Promise<WebHost> {
  const scratch = await mkdtemp(join(tmpdir(), 'quire-bench-host-'));
  const args = ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data-dir', join(scratch, 'data')];
  if (contentDir) args.push('--content', contentDir);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: scratch },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`bench: the web host printed no address within ${HOST_START_TIMEOUT_MS / 1000} s`)), HOST_START_TIMEOUT_MS);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /^(http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bench: the web host exited with ${code}: ${(err || out).trim()}`));
      });
    });
    return { url, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Measure keypress-to-paint latency for each library, one web host and browser context each.
 *
 * A library that cannot be measured (no marks in the renderer, a host that fails) gets an
 * `error` and no figures; the others are still measured.
 */
export async function measurePaint(corpora: readonly PaintCorpus[], options: PaintOptions = {}): Promise<PaintFigures[]> {
  const log = options.log ?? (() => {});
  const wanted = options.keystrokes ?? 100;
  const timeoutMs = options.timeoutMs ?? 15_000;
  await ensureRendererBuilt(log);
  // Loaded here, not at the top: a run without the paint phase needs neither Playwright nor Chromium.
  const { chromium } = await import('@playwright/test');
  const { CHROMIUM_LAUNCH } = await import('../../../e2e/chromium');
  let browser: Browser;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  } catch (e) {
    const error = `bench: cannot launch Chromium (${CHROMIUM_LAUNCH.executablePath}): ${(e as Error).message.split('\n')[0]}`;
    return corpora.map((c) => ({ corpus: c.corpus, keystrokes: 0, p50Ms: null, p95Ms: null, error }));
  }
  const results: PaintFigures[] = [];
  try {
    for (const corpus of corpora) {
      log(`paint: ${corpus.corpus}: starting the web host`);
      let host: WebHost | undefined;
      const context = await browser.newContext();
      try {
        host = await startWebHost(corpus.contentDir);
        const page = await context.newPage();
        await page.goto(host.url);
        const samples = await typeQueries(page, corpus, wanted, timeoutMs, log);
        results.push({
          corpus: corpus.corpus,
          keystrokes: samples.length,
          p50Ms: roundMs(percentile(samples, 50)),
          p95Ms: roundMs(percentile(samples, 95)),
        });
      } catch (e) {
        const message = (e as Error).message.split('\n')[0] ?? String(e);
        results.push({ corpus: corpus.corpus, keystrokes: 0, p50Ms: null, p95Ms: null, error: message.startsWith('bench:') ? message : `bench: ${message}` });
      } finally {
        await context.close();
        await host?.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** Type queries into the search box until `wanted` keystrokes are measured; their latencies. */
/** Queries typed untimed before the measured ones. */
const PAINT_WARMUP_QUERIES = 10;

async function typeQueries(page: Page, corpus: PaintCorpus, wanted: number, timeoutMs: number, log: (line: string) => void): Promise<number[]> {
  const box = page.getByRole('combobox', { name: 'Search the library' });
  await box.waitFor({ timeout: 30_000 });
  await box.click();
  const samples: number[] = [];
  // The first queries warm up the page and the host (first searches, JIT, first use of each
  // posting list) untimed, as the in-process measurement warms up before it times.
  const warmups = corpus.queries.slice(0, PAINT_WARMUP_QUERIES);
  const queries = corpus.queries.slice(PAINT_WARMUP_QUERIES);
  if (queries.length === 0) throw new Error(`bench: no queries to type for ${corpus.corpus}`);
  for (const warmup of warmups) await typeQuery(page, warmup, timeoutMs);
  log(`paint: ${corpus.corpus}: typing about ${wanted} keystrokes`);
  for (const query of queries) {
    if (samples.length >= wanted) break;
    samples.push(...(await typeQuery(page, query, timeoutMs)));
  }
  if (samples.length === 0) throw new Error(`bench: no keystroke to measure for ${corpus.corpus}`);
  return samples;
}

/** Clear the box, type a query key by key waiting for each paint, and read the latencies. */
async function typeQuery(page: Page, query: string, timeoutMs: number): Promise<number[]> {
  const box = page.getByRole('combobox', { name: 'Search the library' });
  await box.fill('');
  await page.evaluate(([input, painted]) => {
    performance.clearMarks(input);
    performance.clearMarks(painted);
  }, [INPUT_MARK, PAINTED_MARK] as const);
  // Every key whose text is not blank starts a search, as the box sends its text as typed.
  const measured = new Set(sentTexts(query));
  let typed = '';
  for (const ch of query) {
    typed += ch;
    await page.keyboard.type(ch);
    if (typed.length === 1) await expectInputMark(page);
    if (!measured.has(typed)) continue;
    await page.waitForFunction(findPaint, { value: typed, input: INPUT_MARK, painted: PAINTED_MARK }, { timeout: timeoutMs }).catch(() => {
      throw new Error(`bench: no '${PAINTED_MARK}' mark for "${typed}" within ${timeoutMs / 1000} s (is the renderer older than the paint marks? run 'npm run build')`);
    });
  }
  return page.evaluate(readLatencies, { values: [...measured], input: INPUT_MARK, painted: PAINTED_MARK });
}

/** Fail fast when the renderer sets no input marks (an app built before them). */
async function expectInputMark(page: Page): Promise<void> {
  await page
    .waitForFunction((name) => performance.getEntriesByName(name).length > 0, INPUT_MARK, { timeout: INPUT_MARK_TIMEOUT_MS })
    .catch(() => {
      throw new Error(`bench: the renderer set no '${INPUT_MARK}' mark: out/renderer is older than the paint marks (run 'npm run build')`);
    });
}

// The two functions below run in the page: Playwright sends their source, so they use nothing
// from this module, and declare no inner functions (tsx would wrap those in a helper the page
// lacks).

/** In the page: for each typed value, painted mark time minus input mark time. */
function readLatencies({ values, input, painted }: { values: string[]; input: string; painted: string }): number[] {
  type Mark = { readonly startTime: number; readonly detail?: unknown };
  const latencies: number[] = [];
  for (const value of values) {
    const inputs = performance.getEntriesByName(input).filter((e) => (e as Mark).detail === value);
    const start = inputs[inputs.length - 1]!.startTime;
    const end = performance
      .getEntriesByName(painted)
      .find((e) => e.startTime >= start && (e as Mark).detail === value)!.startTime;
    latencies.push(end - start);
  }
  return latencies;
}

/** In the page: whether the results for `value` have painted since it was input. */
function findPaint({ value, input, painted }: { value: string; input: string; painted: string }): boolean {
  type Mark = { readonly startTime: number; readonly detail?: unknown };
  const inputs = performance.getEntriesByName(input).filter((e) => (e as Mark).detail === value);
  const typed = inputs[inputs.length - 1];
  if (!typed) return false;
  return performance
    .getEntriesByName(painted)
    .some((e) => e.startTime >= typed.startTime && (e as Mark).detail === value);
}
