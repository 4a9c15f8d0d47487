/**
 * A test fixture script bundled into one ES module for Node, so that the many processes a test
 * starts (writers it kills, hundreds of times) each start in a fraction of a second, without
 * transpiling TypeScript first.
 */
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from '../library/paths';

/**
 * Bundle a script of the source tree to `outfile`.
 *
 * @param entry its path from the repository root
 * @example bundleScript('src/core/testing/fixtures/store-writer.ts', join(scratch, 'store-writer.mjs'))
 */
export function bundleScript(entry: string, outfile: string): void {
  buildSync({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    // Packages written for CommonJS call require(): give the module one.
    banner: { js: "import { createRequire as __quireRequire } from 'node:module'; const require = __quireRequire(import.meta.url);" },
  });
}
