/**
 * Where the Electron runtime is, without triggering its download.
 *
 * Since Electron 42 the npm package ships no binary: `require('electron')` downloads it on first
 * use. Tools here must know whether it is present without starting that download.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Electron executable if it is installed, or why it is not. */
export function findElectronBinary(): { path: string } | { missing: string } {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: "the 'electron' package is not installed (run npm install)" };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (override) {
    const path = join(override, relative ?? 'electron');
    return existsSync(path) ? { path } : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary at ${path}` };
  }
  if (!relative) return { missing: 'the Electron runtime has not been downloaded (node_modules/electron/path.txt is absent)' };
  const path = join(pkgDir, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `the Electron runtime is missing at ${path}` };
}

/** Try to download the Electron runtime with the package's own installer. */
export function electronInstaller(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('electron/package.json')), 'install.js');
}
