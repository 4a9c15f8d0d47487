/**
 * A worker thread that loads the library and answers the read-only API calls, so the index
 * loads and searches off the thread that runs the app's windows and menus.
 *
 * With a data folder, the library is the live one (library/live.ts): the bundled articles and the
 * reader's own, followed as the reader's library on disk changes.
 *
 * Messages in: `{ id, method, args }`, or `{ id, sync: true }` (answer once the reader's library
 * is searched as its manifest is now); out: `{ id, result }` with an ApiResult. The library folder
 * comes in `workerData.libraryDir`, the data folder in `workerData.dataDir`; `{ ready: true }` or
 * `{ failed: message }` is posted once it is loaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from './dispatch';
import { LiveLibrary } from '../library/live';
import { loadLibrary } from '../library/load';
import { UserLibrary } from '../user/user-library';
import { libraryService } from './service';

/** A call from the client. */
export interface EngineRequest {
  readonly id: number;
  readonly method?: unknown;
  readonly args?: unknown;
  /** Wait until the reader's library is searched as its manifest is now. */
  readonly sync?: true;
}

/** What the worker is started with. */
export interface EngineWorkerData {
  readonly libraryDir: string;
  /** The data folder whose reader's library is served beside the bundled one. */
  readonly dataDir?: string;
}

const port = parentPort;
if (port) {
  const { libraryDir, dataDir } = workerData as EngineWorkerData;
  (async () => {
    const bundled = await loadLibrary(libraryDir);
    const user = dataDir ? (await UserLibrary.open(dataDir)).library : undefined;
    return LiveLibrary.open(bundled, user);
  })().then(
    (live) => {
      const api = libraryService(live);
      port.on('message', (request: EngineRequest) => {
        if (request.sync) {
          void live.sync().then(
            () => port.postMessage({ id: request.id, result: { ok: true } }),
            (e: unknown) => port.postMessage({ id: request.id, result: { ok: false, error: { code: 'internal', message: `engine: ${(e as Error).message}` } } }),
          );
          return;
        }
        void dispatch(api, request.method, request.args).then((result) => port.postMessage({ id: request.id, result }));
      });
      port.postMessage({ ready: true });
    },
    (e: unknown) => port.postMessage({ failed: (e as Error).message }),
  );
}
