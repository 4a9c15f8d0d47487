/**
 * A worker thread that prepares the reader's files (see prepare.ts), so that reading a book or a
 * large web page never holds up the window or the search.
 *
 * Messages in: `{ id, name, bytes }`; out: `{ id, result }` with a PrepareResult.
 */
import { parentPort } from 'node:worker_threads';
import { prepareFile } from './prepare';

/** A file to prepare. */
export interface PrepareRequest {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
}

parentPort?.on('message', ({ id, name, bytes }: PrepareRequest) => {
  parentPort!.postMessage({ id, result: prepareFile(name, bytes) });
});
