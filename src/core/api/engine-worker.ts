/**
 * A worker thread that loads the library and answers the read-only API calls, so the index
 * loads and searches off the thread that runs the app's windows and menus.
 *
 * Messages in: `{ id, method, args }`; out: `{ id, result }` with an ApiResult. The library
 * folder comes in `workerData.libraryDir`; `{ ready: true }` or `{ failed: message }` is posted
 * once it is loaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from './dispatch';
import { loadLibrary } from '../library/load';
import { libraryService } from './service';

/** A call from the client. */
export interface EngineRequest {
  readonly id: number;
  readonly method: unknown;
  readonly args: unknown;
}

const port = parentPort;
if (port) {
  const { libraryDir } = workerData as { libraryDir: string };
  loadLibrary(libraryDir).then(
    (loaded) => {
      const api = libraryService(loaded);
      port.on('message', (request: EngineRequest) => {
        void dispatch(api, request.method, request.args).then((result) => port.postMessage({ id: request.id, result }));
      });
      port.postMessage({ ready: true });
    },
    (e: unknown) => port.postMessage({ failed: (e as Error).message }),
  );
}
