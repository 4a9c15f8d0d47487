/**
 * The client side of the engine worker: the read-only API calls, answered by a worker thread.
 */
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../shared/api';
import { ApiCallError, NotFoundError, type LibraryApi } from './service';

/** A running engine worker. */
export interface EngineWorker {
  readonly api: LibraryApi;
  close(): Promise<void>;
}

/**
 * Start the engine worker and wait until its library is loaded.
 *
 * @param script the built worker script (engine-worker), or code with `{ eval: true }`
 * @throws Error with the worker's reason when the library cannot be loaded
 */
export async function startEngineWorker(script: string | URL, libraryDir: string, options: { eval?: boolean } = {}): Promise<EngineWorker> {
  const worker = new Worker(script, { workerData: { libraryDir }, eval: options.eval ?? false });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { ready?: boolean; failed?: string }): void => {
      if (m.ready) resolve();
      else if (m.failed !== undefined) reject(new Error(`engine: ${m.failed}`));
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });
  worker.on('message', (m: { id?: number; result?: ApiResult<unknown> }) => {
    if (m.id === undefined || !m.result) return;
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  // A dead worker fails every call in flight instead of leaving it hanging.
  worker.on('exit', (code) => {
    for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message: `engine: worker exited (${code})` } });
    pending.clear();
  });

  const call =
    (method: keyof LibraryApi) =>
    (...args: unknown[]): Promise<never> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (result) => {
          if (result.ok) resolve(result.value as never);
          else if (result.error.code === 'not-found') reject(new NotFoundError(result.error.message));
          else reject(new ApiCallError(result.error.code, result.error.message));
        });
        worker.postMessage({ id, method, args });
      });

  return {
    api: {
      listArticles: call('listArticles'),
      getArticle: call('getArticle'),
      search: call('search'),
      suggest: call('suggest'),
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
