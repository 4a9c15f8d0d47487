/**
 * Worker threads run from their TypeScript source, for the hosts that run from source (the web
 * host, under tsx) and for tests and the bench: a worker thread does not inherit tsx's loader, so
 * it is started as a line of CommonJS that registers tsx's require hook, then requires the
 * module. The desktop app runs its built bundles instead (out/main/worker.js, importer.js).
 */
import { join } from 'node:path';
import { ROOT } from '../library/paths';

/**
 * Code for `new Worker(code, { eval: true })` that runs a TypeScript module of the source tree.
 *
 * @param file the module's path from the repository root
 * @example startImportWorker(sourceWorker('src/core/api/import-worker.ts'), { eval: true })
 */
export function sourceWorker(file: string): string {
  return `require('tsx/cjs/api').register(); require(${JSON.stringify(join(ROOT, file))});`;
}
