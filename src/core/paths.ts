/**
 * Where the bundled library lives when Quire runs from its source tree (CLI, web host, tests).
 *
 * The packaged Electron app does not use these: it loads the built library from its resources.
 */
import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadedLibrary, openLibrary } from './build';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundled articles' Markdown sources. */
export const BUNDLED_CONTENT = join(ROOT, 'content');
/** The bundled library as built by `npm run build:content`. */
export const BUNDLED_LIBRARY = join(ROOT, 'out', 'library');
/** The built renderer (by `electron-vite build`), served by the web host. */
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

/**
 * The default data folder: the same one Electron uses for an app named Quire, so the app and the
 * web host share one store.
 */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Quire');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Quire');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Quire');
}

/**
 * Open a content folder the way every front end does: the bundled library from its build output,
 * any other folder through a per-folder cache in the temp directory (rebuilt when files change).
 */
export async function openContent(contentDir?: string): Promise<LoadedLibrary> {
  if (!contentDir) return openLibrary(BUNDLED_CONTENT, BUNDLED_LIBRARY);
  const key = createHash('sha256').update(contentDir).digest('hex').slice(0, 16);
  return openLibrary(contentDir, join(tmpdir(), 'quire-cache', key));
}
