/**
 * `npm run bench -- [--sizes 1000,10000,50000] [--no-paint] [--json] [--queries N] [--calls N] [--seed N] [--only cli]`:
 * how fast Quire builds, loads and searches libraries of growing size, and how fast its command
 * line answers.
 *
 * Measures the bundled library and seeded synthetic libraries (real Markdown, built by the real
 * pipeline): build time, index size, load time against a plain JSON.parse, heap per passage;
 * search latency per keystroke on the app's path (the typed text's search and suggest calls,
 * sent at once through the engine worker, until both answer), in process, and with MiniSearch's
 * own prefix + fuzzy search as the peer baseline; keypress-to-paint latency in Chromium; and N API
 * calls in a row (10,000 by default) through the core and the web host, with the heap before and
 * after; and, on the 50k library, a store of 10,000 bookmarks imported from a 9.9 MB export, then
 * listed, added to, edited and removed; and the compiled CLI's start-up as whole processes (a
 * single search against `node -e ''`, and 1,000 queries in one process), alone with
 * `--only cli`; and an import of 1,000 Markdown files (50,000 passages) on the app's path: time
 * per 1,000 passages, memory after, keystroke latency during it against before it, and one
 * 100-passage file from dropping it to searchable (alone with `--only import`). Prints a table and PASS/FAIL per target (or, with `--json`, one JSON object on
 * stdout; progress goes to stderr). A missed target does not fail the run: the exit code is 0.
 *
 * npm prints a banner on stdout before the script's output: to pipe the JSON, run
 * `npm run -s bench -- --json | jq .`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildLibrary } from '../core/content/build';
import { BUNDLED_CONTENT } from '../core/library/paths';
import { writeCorpus } from './bench/corpus';
import { type CorpusFigures, gc, measureCorpus } from './bench/measure';
import { measurePaint, type PaintCorpus, type PaintFigures } from './bench/paint';
import { generateQueries, type WordCount, wordCounts } from './bench/queries';
import { measureImport } from './bench/imports';
import { measureLoad } from './bench/load';
import { measureStore, type StoreFigures } from './bench/store';
import { type BenchReport, checkTargets, corpusName, formatReport } from './bench/report';
import { measureStartup } from './bench/startup';
import { isUsageError, UsageError, wantsHelp } from './usage';

const USAGE = 'usage: npm run bench -- [--sizes 1000,10000,50000] [--no-paint] [--no-import] [--json] [--queries N] [--calls N] [--seed N] [--only cli|import]';

/** Defaults of the command line. */
const DEFAULTS = { sizes: [1000, 10_000, 50_000], queries: 200, seed: 1, paintKeystrokes: 100, calls: 10_000, cliQueries: 1000 } as const;
/** The synthetic corpus the store's 10,000 bookmarks are measured on. */
const STORE_SIZE = 50_000;
/** The synthetic corpus whose keypress-to-paint latency is measured (with the bundled library). */
const PAINT_SIZE = 10_000;

function parseWhole(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new UsageError(`bench: --${option} takes whole numbers from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

/** Progress lines, on stderr so that stdout carries only the report. */
function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function main(argv: string[]): Promise<BenchReport | undefined> {
  if (wantsHelp(argv)) {
    console.log(USAGE);
    return undefined;
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      'no-paint': { type: 'boolean' },
      json: { type: 'boolean' },
      queries: { type: 'string' },
      calls: { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string' },
      'no-import': { type: 'boolean' },
    },
    strict: true,
  });
  const sizes = values.sizes === undefined ? [...DEFAULTS.sizes] : values.sizes.split(',').map((s) => parseWhole('sizes', s, 1, 1_000_000));
  const queryCount = values.queries === undefined ? DEFAULTS.queries : parseWhole('queries', values.queries, 1, 100_000);
  const callCount = values.calls === undefined ? DEFAULTS.calls : parseWhole('calls', values.calls, 0, 1_000_000);
  const seed = values.seed === undefined ? DEFAULTS.seed : parseWhole('seed', values.seed, 0, 2 ** 32 - 1);
  if (values.only !== undefined && values.only !== 'cli' && values.only !== 'import') throw new UsageError(`bench: --only takes 'cli' or 'import', got '${values.only}'`);
  const importOnly = values.only === 'import';
  const cliOnly = values.only === 'cli';
  const paint = !values['no-paint'] && !cliOnly && !importOnly;

  const scratch = await mkdtemp(join(tmpdir(), 'quire-bench-'));
  try {
    if (importOnly) {
      const imports = await measureImport(scratch, gc, { seed, log });
      const report: BenchReport = { corpora: [], paint: [], imports, targets: checkTargets([], [], [], undefined, undefined, imports) };
      process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
      return report;
    }
    const corpora: CorpusFigures[] = [];
    // Word counts of the libraries typed into in Chromium, kept after their figures are taken.
    const paintWords = new Map<string, WordCount[]>();
    let storeFigures: StoreFigures | undefined;
    const corpusDir = (size: number): string => join(scratch, corpusName(size));
    const measure = async (name: string, dir: string): Promise<void> => {
      const { figures, words } = await measureCorpus(name, dir, { queries: queryCount, seed, log });
      corpora.push(figures);
      if (name === 'bundled' || name === corpusName(PAINT_SIZE)) paintWords.set(name, words);
    };

    if (!cliOnly) await measure('bundled', BUNDLED_CONTENT);
    for (const size of cliOnly ? [] : [...new Set(sizes)].sort((a, b) => a - b)) {
      log(`${corpusName(size)}: writing ${size} passages`);
      await writeCorpus(corpusDir(size), { passages: size, seed });
      await measure(corpusName(size), corpusDir(size));
      // The store is measured with many bookmarks on the library of the figures.
      if (size === STORE_SIZE) storeFigures = await measureStore(await buildLibrary(corpusDir(size)), log);
      // Only the corpus typed into in Chromium is kept on disk.
      if (!(paint && size === PAINT_SIZE)) await rm(corpusDir(size), { recursive: true, force: true });
    }

    let paintFigures: PaintFigures[] = [];
    if (paint) {
      const paintName = corpusName(PAINT_SIZE);
      if (!paintWords.has(paintName)) {
        // The 10k corpus was not among the sizes: write it for the browser, and count its words.
        log(`${paintName}: writing ${PAINT_SIZE} passages for the paint measurement`);
        paintWords.set(paintName, await writeCorpusWords(corpusDir(PAINT_SIZE), PAINT_SIZE, seed));
      }
      const paintCorpora: PaintCorpus[] = [...paintWords].map(([name, words]) => ({
        corpus: name,
        ...(name === 'bundled' ? {} : { contentDir: corpusDir(PAINT_SIZE) }),
        queries: generateQueries(words, { count: DEFAULTS.paintKeystrokes, seed: seed + 2 }).map((q) => q.text),
      }));
      paintFigures = await measurePaint(paintCorpora, { keystrokes: DEFAULTS.paintKeystrokes, log });
    }
    const load = callCount > 0 && !cliOnly ? await measureLoad(await buildLibrary(BUNDLED_CONTENT), { calls: callCount, seed, gc, log }) : [];
    // The batch's queries are the bench's own on the bundled library, as the search tables use.
    const bundledWords = paintWords.get('bundled') ?? wordCounts((await buildLibrary(BUNDLED_CONTENT)).library.allDocs().map((r) => r.passage.text));
    const cliQueries = generateQueries(bundledWords, { count: DEFAULTS.cliQueries, seed: seed + 3 }).map((q) => q.text);
    const startup = await measureStartup({ queries: cliQueries, scratch, log });
    const imports = values['no-import'] || cliOnly ? undefined : await measureImport(scratch, gc, { seed, log });
    const report: BenchReport = {
      corpora,
      paint: paintFigures,
      load,
      ...(storeFigures ? { store: storeFigures } : {}),
      startup,
      ...(imports ? { imports } : {}),
      targets: checkTargets(corpora, paintFigures, load, storeFigures, startup, imports),
    };
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
    return report;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Write a synthetic corpus and count the words of its passages as the app sees them. */
async function writeCorpusWords(dir: string, passages: number, seed: number): Promise<WordCount[]> {
  await writeCorpus(dir, { passages, seed });
  const built = await buildLibrary(dir);
  return wordCounts(built.library.allDocs().map((r) => r.passage.text));
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    const usage = isUsageError(e);
    console.error(message.startsWith('bench:') ? message : `bench: ${message}`);
    if (usage) console.error(USAGE);
    process.exit(usage ? 2 : 1);
  },
);
