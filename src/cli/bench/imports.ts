/**
 * Adding the reader's own files, timed on the desktop app's path: the host's import calls, files
 * read in the import worker, the engine (bundled library and the reader's) in the engine worker,
 * all from source, as the app runs them from its bundles.
 *
 * It imports a generated library of Markdown files (by default 1,000 files of 50 passages,
 * 50,000 passages), uploading them as the renderer does, in batches; meanwhile a typist sends the
 * search box's keystrokes (a search and a suggest call at once, until both answer) one after the
 * other, as the engine must keep answering during an import. Before the import the same typist
 * runs alone, for a baseline in the same run. Then one more file of 100 passages is dropped, five
 * times, each timed from the first call until the import says done (which it says only once the
 * engine searches the file). Reported: time per 1,000 passages imported, keystroke latency during
 * the import against the baseline, the process's memory after (the RSS holds both workers' heaps),
 * and the single file's time.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startEngineWorker } from '../../core/api/engine-client';
import { openHost, type Host } from '../../core/api/host';
import { startImportWorker } from '../../core/api/import-client';
import { buildLibrary, writeLibrary } from '../../core/content/build';
import { BUNDLED_CONTENT } from '../../core/library/paths';
import { sourceWorker } from '../../core/api/worker-source';
import { MAX_IMPORT_BATCH_CHARS, type ImportFile, type ImportProgress } from '../../shared/user-library';
import { ENGINE_WORKER_SOURCE, keystroke } from './app-path';
import { generateArticles } from './corpus';
import { generateQueries, sentTexts, wordCounts } from './queries';
import { percentiles, roundMs, type Percentiles } from './stats';

/** The import worker run from its TypeScript source (the app runs its bundle). */
const IMPORT_WORKER_SOURCE = sourceWorker('src/core/api/import-worker.ts');

/** How the import is measured. */
export interface ImportBenchOptions {
  /** Files imported (default 1,000). */
  readonly files?: number;
  /** Passages in each file (default 50). */
  readonly passagesPerFile?: number;
  /** Keystrokes of the baseline before the import (the typist during it types until it ends). */
  readonly baselineKeystrokes?: number;
  /** Times one 100-passage file is added after the import. */
  readonly singles?: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

/** What adding files cost. */
export interface ImportFigures {
  readonly files: number;
  readonly passages: number;
  /** From the first call to the import's done, ms. */
  readonly totalMs: number;
  /** That per 1,000 passages, ms. */
  readonly msPer1000Passages: number;
  /** Keystroke latency (search + suggest through the engine worker) before the import, ms. */
  readonly baseline: Percentiles & { readonly count: number };
  /** The same during the import, ms. */
  readonly during: Percentiles & { readonly count: number };
  /** The process's resident memory after the import and a garbage collection, MB. */
  readonly rssAfterMb: number;
  /** This process's heap after, MB (the workers' heaps are in the RSS). */
  readonly heapAfterMb: number;
  /** One 100-passage file, from dropping it to searchable, ms, each time. */
  readonly singleMs: readonly number[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Upload files as the renderer does (batches within the limit) and wait until the import is over. */
async function importFiles(host: Host, files: readonly { name: string; text: string }[], onProgress?: (p: ImportProgress) => void): Promise<ImportProgress> {
  let progress = await host.api.startImport(files.length);
  let batch: ImportFile[] = [];
  let chars = 0;
  const send = async (): Promise<void> => {
    if (batch.length === 0) return;
    progress = await host.api.addImportFiles(progress.id, batch);
    batch = [];
    chars = 0;
  };
  for (const f of files) {
    const data = Buffer.from(f.text).toString('base64');
    if (chars + data.length > MAX_IMPORT_BATCH_CHARS || batch.length >= 200) await send();
    batch.push({ name: f.name, data });
    chars += data.length;
  }
  await send();
  while (progress.state === 'running') {
    await sleep(20);
    progress = await host.api.importProgress(progress.id);
    onProgress?.(progress);
  }
  return progress;
}

/**
 * Measure an import of generated files on the app's path.
 *
 * @param scratch a folder the run may fill and leave to its caller to remove
 * @param gc a full garbage collection (the bench runs with --expose-gc)
 */
export async function measureImport(scratch: string, gc: () => void, options: ImportBenchOptions = {}): Promise<ImportFigures> {
  const { files: fileCount = 1000, passagesPerFile = 50, baselineKeystrokes = 300, singles = 5, seed = 1, log = () => {} } = options;
  const libraryDir = join(scratch, 'import-bundled');
  await writeLibrary(libraryDir, await buildLibrary(BUNDLED_CONTENT));
  const dataDir = join(scratch, 'import-data');
  await mkdir(dataDir, { recursive: true });

  const files = [...generateArticles({ passages: fileCount * passagesPerFile, passagesPerArticle: passagesPerFile, seed: seed + 11 })].map((a) => ({ name: a.fileName, text: a.markdown }));
  const passages = fileCount * passagesPerFile;
  // The typist types words of the files being imported, and of the bundled library.
  const words = wordCounts(files.slice(0, 200).map((f) => f.text));
  const typed = generateQueries(words, { count: 400, seed: seed + 12 }).flatMap((q) => sentTexts(q.text));

  const importer = startImportWorker(IMPORT_WORKER_SOURCE, { eval: true });
  const host = await openHost({
    dataDir,
    engine: () => startEngineWorker(ENGINE_WORKER_SOURCE, libraryDir, { eval: true, dataDir }),
    prepare: importer.prepare,
  });
  try {
    const type = async (count: number, until: () => boolean): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < count && !until(); i++) {
        const text = typed[i % typed.length]!;
        const start = performance.now();
        await keystroke(host.api, text);
        out.push(performance.now() - start);
        // A person types a key every few tens of milliseconds, not back to back.
        await sleep(15);
      }
      return out;
    };
    log(`import: baseline, ${baselineKeystrokes} keystrokes before the import`);
    const baseline = await type(baselineKeystrokes, () => false);

    log(`import: adding ${fileCount} files of ${passagesPerFile} passages`);
    let done = false;
    const start = performance.now();
    let lastLog = 0;
    const importing = importFiles(host, files, (p) => {
      if (performance.now() - lastLog > 5000) {
        lastLog = performance.now();
        log(`import: ${p.done}/${p.total} files`);
      }
    }).then((p) => {
      done = true;
      return p;
    });
    const during = await type(Number.POSITIVE_INFINITY, () => done);
    const finished = await importing;
    const totalMs = performance.now() - start;
    const added = finished.outcomes.filter((o) => o.status === 'added').length;
    if (added !== fileCount) throw new Error(`bench: ${added} of ${fileCount} files were added (${JSON.stringify(finished.outcomes.find((o) => o.status !== 'added'))})`);

    gc();
    await sleep(200);
    gc();
    const memory = process.memoryUsage();

    log(`import: one file of 100 passages, ${singles} times`);
    const singleMs: number[] = [];
    for (let i = 0; i < singles; i++) {
      const [one] = [...generateArticles({ passages: 100, passagesPerArticle: 100, seed: seed + 100 + i })];
      const t = performance.now();
      const p = await importFiles(host, [{ name: `single-${i}.md`, text: one!.markdown }]);
      singleMs.push(performance.now() - t);
      if (p.outcomes[0]?.status !== 'added') throw new Error(`bench: the single file was not added (${JSON.stringify(p.outcomes[0])})`);
    }
    return {
      files: fileCount,
      passages,
      totalMs: roundMs(totalMs),
      msPer1000Passages: roundMs((totalMs / passages) * 1000),
      baseline: { ...percentiles(baseline), count: baseline.length },
      during: { ...percentiles(during), count: during.length },
      rssAfterMb: Math.round((memory.rss / 1024 / 1024) * 10) / 10,
      heapAfterMb: Math.round((memory.heapUsed / 1024 / 1024) * 10) / 10,
      singleMs: singleMs.map(roundMs),
    };
  } finally {
    await host.close();
    await importer.close();
  }
}
