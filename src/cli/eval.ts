/**
 * `npm run eval -- DIR [--json] [--limit N]`: how well Quire ranks a judged test collection,
 * against a plain BM25 measured in the same run.
 *
 * DIR holds a collection in BEIR's layout (`corpus.jsonl`, `queries.jsonl`, `qrels/test.tsv`).
 * Quire builds one article per document with the real pipeline and runs every judged query
 * through the search the app uses; the baseline is an independent BM25 (see eval/bm25.ts). Each
 * system runs in a process of its own, so that the time and peak memory printed are its own.
 * Prints nDCG@10, Recall@100 and MRR@10 of both (or, with `--json`, one JSON object).
 *
 * npm prints a banner on stdout first: to pipe the JSON, run `npm run -s eval -- DIR --json`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MAX_SEARCH_LIMIT } from '../shared/schemas';
import { CollectionError, readCollection, type BeirCollection } from './eval/beir';
import { meanMeasures, measure, type Measures } from './eval/metrics';
import { runSystem, SYSTEMS, type SystemName, type SystemRun } from './eval/run';
import { percentiles, roundMs } from './bench/stats';
import { isUsageError, UsageError, userPath, wantsHelp } from './usage';

const USAGE = 'usage: npm run eval -- DIR [--json] [--limit N]   (DIR in BEIR layout: corpus.jsonl, queries.jsonl, qrels/test.tsv)';
/** Results asked for per query: the depth of Recall@100. */
const DEFAULT_LIMIT = 100;

/** One system's figures on a collection. */
export interface SystemReport extends Measures {
  readonly system: SystemName;
  readonly buildMs: number;
  readonly queryMsP50: number;
  readonly queryMsP95: number;
  readonly peakRssMB: number;
}

/** The whole report. */
export interface EvalReport {
  readonly collection: string;
  readonly documents: number;
  readonly queries: number;
  readonly limit: number;
  readonly missingJudged: number;
  readonly systems: readonly SystemReport[];
}

/** Run one system in a child process and collect what it sends back. */
function runInChild(system: SystemName, dir: string, limit: number): Promise<SystemRun> {
  return new Promise((done, fail) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', system, dir, '--limit', String(limit)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: SystemRun | undefined;
    child.on('message', (m: { run?: SystemRun; error?: string }) => {
      if (m.run) result = m.run;
      else if (m.error) fail(new Error(m.error));
    });
    child.on('error', fail);
    child.on('exit', (code) => (result ? done(result) : fail(new Error(`eval: the ${system} run ended with code ${String(code)} and no result`))));
  });
}

/** The measures of one run over a collection's judged queries. */
export function summarize(collection: BeirCollection, run: SystemRun): SystemReport {
  const measures = meanMeasures(collection.queries.map((q) => measure(run.rankings[q.id] ?? [], collection.qrels.get(q.id)!)));
  const times = percentiles(run.queryMs);
  return {
    system: run.system,
    ...measures,
    buildMs: roundMs(run.buildMs),
    queryMsP50: times.p50Ms,
    queryMsP95: times.p95Ms,
    peakRssMB: Math.round((run.peakRssBytes / 2 ** 20) * 10) / 10,
  };
}

/** The report as a table. */
export function formatEval(report: EvalReport): string {
  const rows = report.systems.map((s) => [
    s.system,
    s.ndcg10.toFixed(3),
    s.recall100.toFixed(3),
    s.mrr10.toFixed(3),
    s.buildMs.toFixed(0),
    s.queryMsP50.toFixed(2),
    s.queryMsP95.toFixed(2),
    s.peakRssMB.toFixed(1),
  ]);
  const head = ['system', 'nDCG@10', `R@${Math.min(100, report.limit)}`, 'MRR@10', 'build ms', 'query p50 ms', 'p95 ms', 'peak RSS MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const [quire, bm25] = [report.systems.find((s) => s.system === 'quire'), report.systems.find((s) => s.system === 'bm25')];
  const delta = quire && bm25 ? `\nQuire − BM25: nDCG@10 ${signed(quire.ndcg10 - bm25.ndcg10)}, R@100 ${signed(quire.recall100 - bm25.recall100)}, MRR@10 ${signed(quire.mrr10 - bm25.mrr10)}` : '';
  const missing = report.missingJudged > 0 ? `\n(${report.missingJudged} judged documents are not in the corpus; they count as relevant and unfindable for both.)` : '';
  return [
    `${report.collection}: ${report.documents} documents, ${report.queries} judged queries, ${report.limit} results a query`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n') + delta + missing;
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_SEARCH_LIMIT) throw new UsageError(`eval: --limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, got '${value}'`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  if (wantsHelp(argv)) {
    console.log(USAGE);
    return;
  }
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, limit: { type: 'string' }, child: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('eval: give one collection folder');
  const limit = parseLimit(values.limit);
  if (values.child !== undefined) {
    const system = values.child as SystemName;
    if (!SYSTEMS.includes(system)) throw new UsageError(`eval: unknown system '${system}'`);
    const run = await runSystem(system, await readCollection(positionals[0]!), limit);
    process.send!({ run });
    return;
  }
  const dir = userPath(positionals[0]!);
  const collection = await readCollection(dir);
  const runs: SystemRun[] = [];
  for (const system of SYSTEMS) {
    process.stderr.write(`eval: running ${system} on ${collection.queries.length} queries\n`);
    runs.push(await runInChild(system, dir, limit));
  }
  const report: EvalReport = {
    collection: dir,
    documents: collection.docs.length,
    queries: collection.queries.length,
    limit,
    missingJudged: collection.missingJudged,
    systems: runs.map((r) => summarize(collection, r)),
  };
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatEval(report)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  console.error(message.startsWith('eval:') ? message : `eval: ${message}`);
  const usage = isUsageError(e);
  if (usage) console.error(USAGE);
  if (process.send) process.send({ error: message });
  process.exitCode = e instanceof CollectionError ? 1 : usage ? 2 : 1;
});
