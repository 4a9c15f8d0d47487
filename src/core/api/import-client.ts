/**
 * The host's side of the import worker: files sent to a worker thread to be prepared, one at a
 * time, each answer its file's.
 *
 * A file that kills the worker (memory exhausted by a hostile book) or takes longer than
 * {@link PREPARE_TIMEOUT_MS} fails with that reason, the worker is ended, and the next file starts
 * a new one: one bad file never stops an import.
 */
import { Worker } from 'node:worker_threads';
import type { Prepare, PrepareResult } from './imports';

/** Longest one file may take to be read. */
export const PREPARE_TIMEOUT_MS = 120_000;

/** A running import worker. */
export interface ImportWorker {
  readonly prepare: Prepare;
  close(): Promise<void>;
}

/** How {@link startImportWorker} runs the worker. */
export interface ImportWorkerOptions {
  /** `script` is code, not a file (tests run the TypeScript source through tsx). */
  readonly eval?: boolean;
  /** Longest one file may take (default {@link PREPARE_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** Most memory, in MB, the worker's heap may take before it is stopped. */
  readonly maxHeapMb?: number;
}

/**
 * Start preparing files in a worker thread (started on the first file).
 *
 * @param script the built worker script (import-worker), or code with `{ eval: true }`
 */
export function startImportWorker(script: string | URL, options: ImportWorkerOptions = {}): ImportWorker {
  let worker: Worker | undefined;
  let nextId = 1;
  let tail: Promise<unknown> = Promise.resolve();
  const timeoutMs = options.timeoutMs ?? PREPARE_TIMEOUT_MS;

  const running = (): Worker => {
    worker ??= new Worker(script, { eval: options.eval ?? false, resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 } });
    return worker;
  };

  /** Prepare one file in the worker; any way it goes wrong is the file's reason. */
  const one = (name: string, bytes: Uint8Array): Promise<PrepareResult> =>
    new Promise((resolve) => {
      const w = running();
      const id = nextId++;
      let settled = false;
      const finish = (result: PrepareResult, end: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('exit', onExit);
        w.off('error', onError);
        if (end) {
          if (worker === w) worker = undefined;
          void w.terminate();
        }
        resolve(result);
      };
      const onMessage = (m: { id: number; result: PrepareResult }): void => {
        if (m.id === id) finish(m.result, false);
      };
      const onExit = (): void => finish({ ok: false, reason: 'reading it stopped Quire’s file reader (it may need more memory than Quire allows)' }, true);
      const onError = (e: Error): void => finish({ ok: false, reason: `reading it failed (${e.message})` }, true);
      const timer = setTimeout(() => finish({ ok: false, reason: `reading it took longer than ${Math.round(timeoutMs / 1000)} seconds` }, true), timeoutMs);
      w.on('message', onMessage);
      w.once('exit', onExit);
      w.once('error', onError);
      w.postMessage({ id, name, bytes });
    });

  return {
    // One file at a time: the worker is one thread, and each answer must be its own file's.
    prepare: (name, bytes) => {
      const next = tail.then(() => one(name, bytes));
      tail = next;
      return next;
    },
    close: async () => {
      await tail.catch(() => undefined);
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
