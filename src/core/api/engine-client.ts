/**
 * The client side of the engine worker: the read-only API calls, answered by a worker thread.
 *
 * A worker that dies (a crash, out of memory) is reported, never passed off as something else:
 * the calls it held fail as `internal` with a message saying the search engine stopped, the
 * `onExit` callback hears why, and the next call starts a new worker.
 */
import { Worker } from 'node:worker_threads';
import { ApiError, perMethod, type ApiArgs, type ApiResult, type ApiValues } from '../../shared/api';
import type { EngineRequest, EngineWorkerData } from './engine-worker';
import { LIBRARY_METHODS, type ArticleSource, type LibraryApi, type LibraryMethod } from './service';

/** A running engine worker. */
export interface EngineWorker {
  readonly api: LibraryApi;
  /** Resolves once the worker searches the reader's library as its manifest is now. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** How {@link startEngineWorker} runs the worker. */
export interface EngineWorkerOptions {
  /** `script` is code, not a file (tests run the TypeScript source through tsx). */
  readonly eval?: boolean;
  /** The data folder whose reader's library the worker serves beside the bundled one. */
  readonly dataDir?: string;
  /** Told when a worker stops without being asked to, with why; the next call starts another. */
  readonly onExit?: (reason: string) => void;
}

/** One worker thread with its calls in flight. */
interface Running {
  readonly worker: Worker;
  readonly pending: Map<number, (result: ApiResult<unknown>) => void>;
  /** False once the thread has exited. */
  alive: boolean;
}

/** Start one worker and wait until its library is loaded. */
async function spawn(script: string | URL, data: EngineWorkerData, evaluate: boolean): Promise<Worker> {
  const worker = new Worker(script, { workerData: data, eval: evaluate });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { ready?: boolean; failed?: string }): void => {
      if (m.ready) resolve();
      else if (m.failed !== undefined) reject(new Error(`engine: ${m.failed}`));
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`engine: the worker exited (code ${code}) before its library loaded`)));
  });
  return worker;
}

/**
 * Start the engine worker and wait until its library is loaded.
 *
 * @param script the built worker script (engine-worker), or code with `{ eval: true }`
 * @throws Error with the worker's reason when the library cannot be loaded
 */
export async function startEngineWorker(script: string | URL, libraryDir: string, options: EngineWorkerOptions = {}): Promise<EngineWorker> {
  let nextId = 1;
  let closed = false;

  /** A started worker, or why it could not start (never a rejection: the next call tries again). */
  const run = async (): Promise<Running | Error> => {
    let worker: Worker;
    try {
      worker = await spawn(script, { libraryDir, ...(options.dataDir ? { dataDir: options.dataDir } : {}) }, options.eval ?? false);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
    const running: Running = { worker, pending: new Map(), alive: true };
    worker.on('message', (m: { id?: number; result?: ApiResult<unknown> }) => {
      if (m.id === undefined || !m.result) return;
      running.pending.get(m.id)?.(m.result);
      running.pending.delete(m.id);
    });
    worker.on('error', (e) => console.error(`engine: ${e.stack ?? e.message}`));
    // A dead worker fails every call in flight instead of leaving it hanging, and says why.
    worker.on('exit', (code) => {
      running.alive = false;
      if (closed) return;
      const reason = `the search engine stopped (worker exit code ${code}); it starts again on the next request`;
      for (const settle of running.pending.values()) settle({ ok: false, error: { code: 'internal', message: `engine: ${reason}` } });
      running.pending.clear();
      options.onExit?.(reason);
    });
    return running;
  };
  let current = run();
  const first = await current;
  if (first instanceof Error) throw first;

  /** The live worker: the current one, or a new one when it has died or could not start. */
  const live = async (): Promise<Running> => {
    const seen = current;
    const running = await seen;
    if (!(running instanceof Error) && running.alive) return running;
    // The first call to find it dead starts the next one; calls at the same moment wait for it.
    if (current === seen) current = run();
    const fresh = await current;
    if (fresh instanceof Error) throw new ApiError('internal', fresh.message);
    return fresh;
  };

  /** Send one request to the live worker; resolves with its answer's value. */
  const request = async (message: Omit<EngineRequest, 'id'>): Promise<unknown> => {
    const running = await live();
    if (!running.alive) throw new ApiError('internal', 'engine: the search engine stopped; it starts again on the next request');
    return new Promise((resolve, reject) => {
      const id = nextId++;
      running.pending.set(id, (result) => {
        if (result.ok) resolve(result.value);
        else reject(new ApiError(result.error.code, result.error.message));
      });
      running.worker.postMessage({ id, ...message });
    });
  };

  /** The client's function for one method: all its arguments to the worker, its answer back. */
  const call =
    <M extends LibraryMethod>(method: M) =>
    async (...args: ApiArgs<M>): Promise<ApiValues[M]> =>
      // The worker answers with this method's value: dispatch ran the same method there.
      (await request({ method, args })) as ApiValues[M];

  return {
    api: perMethod<LibraryMethod, ApiValues>(LIBRARY_METHODS, call),
    sync: async () => {
      await request({ sync: true });
    },
    close: async () => {
      closed = true;
      const running = await current;
      if (!(running instanceof Error)) await running.worker.terminate();
    },
  };
}

/**
 * Where the store half finds articles, from the engine: an article the engine does not have is
 * undefined (its bookmarks show as orphaned), but any other failure, such as a dead worker, is
 * thrown as it is, so that bookmarks are never shown as orphaned because the engine stopped.
 *
 * @example storeService(store, articleLookup(engine.api))
 */
export function articleLookup(api: Pick<LibraryApi, 'getArticle'>): ArticleSource {
  return (id) =>
    api.getArticle(id).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'not-found') return undefined;
      throw e;
    });
}
