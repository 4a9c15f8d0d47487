/**
 * How fast the compiled command line answers, as a shell sees it: whole processes of
 * `node out/cli/quire.js` (built here first when a source is newer), timed from spawn to exit.
 *
 * One search of the bundled library is run `runs` times after a warm-up (the file cache and
 * the disk are warm, as in a shell loop), each interleaved with a run of `node -e ''`, the floor
 * any Node program pays, so that both see the same load on the machine. Then one process
 * answers `queries` searches from a `--queries` file: its time against a single search's says
 * whether start-up or searching dominates a batch.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../../core/library/paths';
import { buildCli, CLI_OUT, cliIsStale } from '../../../scripts/build-cli.mjs';
import { median, percentile, roundMs } from './stats';

/** The single search timed. */
export const STARTUP_QUERY = 'dry mouth';

/** Median and p95 of whole-process runs, ms. */
export interface ProcessTimes {
  readonly medianMs: number;
  readonly p95Ms: number;
}

/** The CLI's start-up figures. */
export interface StartupFigures {
  /** Timed runs of each command (after one warm-up each). */
  readonly runs: number;
  /** `quire search "dry mouth"` on the bundled library, whole process. */
  readonly search: ProcessTimes;
  /** `node -e ''` in the same run: Node's own start-up on this machine now. */
  readonly baseline: ProcessTimes;
  /** One process answering a `--queries` file. */
  readonly batch: {
    readonly queries: number;
    readonly totalMs: number;
    /** (total − a single search's median) / queries. */
    readonly perQueryMs: number;
    /** A single search's median / the batch's total: the part of the batch that is start-up. */
    readonly startupShare: number;
  };
}

/** search median / baseline median: how many Node start-ups a search costs. */
export function startupRatio(s: StartupFigures): number {
  return Math.round((s.search.medianMs / Math.max(s.baseline.medianMs, 0.001)) * 100) / 100;
}

/** How the start-up is measured. */
export interface StartupOptions {
  /** The queries of the batch run (the bench's generated queries on the bundled library). */
  readonly queries: readonly string[];
  /** Where the queries file is written. */
  readonly scratch: string;
  readonly runs?: number;
  readonly log?: (line: string) => void;
}

/** Run one process to its end; its wall time in ms, and its stdout. Fails on a non-zero exit. */
function timed(args: readonly string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: { ...process.env, INIT_CWD: ROOT } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`bench: node ${args.join(' ')} failed (${r.error?.message ?? `exit ${String(r.status)}`}): ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

function times(samples: readonly number[]): ProcessTimes {
  return { medianMs: roundMs(median(samples)), p95Ms: roundMs(percentile(samples, 95)) };
}

/** Measure the compiled CLI's start-up, building it first when a source is newer. */
export async function measureStartup(options: StartupOptions): Promise<StartupFigures> {
  const { runs = 10, log = () => {} } = options;
  if (cliIsStale()) await buildCli();
  const search = [CLI_OUT, 'search', STARTUP_QUERY];
  const baseline = ['-e', ''];
  log(`cli: ${runs} runs of quire search "${STARTUP_QUERY}" and of node -e ''`);
  timed(search);
  timed(baseline);
  const searchMs: number[] = [];
  const baselineMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    searchMs.push(timed(search).ms);
    baselineMs.push(timed(baseline).ms);
  }
  const file = join(options.scratch, 'cli-queries.jsonl');
  await writeFile(file, options.queries.map((q, id) => `${JSON.stringify({ id, q })}\n`).join(''));
  log(`cli: quire search --queries with ${options.queries.length} queries`);
  const batch = timed([CLI_OUT, 'search', '--queries', file]);
  const answered = batch.stdout.split('\n').filter(Boolean).length;
  if (answered !== options.queries.length) throw new Error(`bench: quire search --queries answered ${answered} of ${options.queries.length} queries`);
  const single = median(searchMs);
  return {
    runs,
    search: times(searchMs),
    baseline: times(baselineMs),
    batch: {
      queries: options.queries.length,
      totalMs: roundMs(batch.ms),
      perQueryMs: roundMs(Math.max(0, batch.ms - single) / options.queries.length),
      startupShare: Math.round((single / batch.ms) * 1000) / 1000,
    },
  };
}
