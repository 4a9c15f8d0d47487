/**
 * Where the bundled library lives when Quire runs from its source tree (CLI, web host, tests).
 *
 * The packaged Electron app does not use these: it loads the built library from its resources.
 */
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadedLibrary, openLibrary } from '../content/build';
import { openCachedContent } from '../content/content-cache';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
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
 * The user's own cache folder for Quire: `%LOCALAPPDATA%\Quire\Cache` on Windows,
 * `~/Library/Caches/Quire` on macOS, and `$XDG_CACHE_HOME/Quire` or `~/.cache/Quire` elsewhere
 * (an XDG_CACHE_HOME that is not absolute is ignored, as the XDG spec says).
 *
 * Written out here rather than taken from a library: it is these few lines, the same rules as
 * `defaultDataDir`, and the folder name matches the data folder's.
 */
export function defaultCacheDir(): string {
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Quire', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Quire');
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'Quire');
}

/**
 * Open a content folder the way every front end does: the bundled library from its build output,
 * any other folder through a per-folder cache in the user's cache folder (rebuilt when files
 * change, and never loaded unless only the user could have written it: see content-cache.ts).
 */
export async function openContent(contentDir?: string, cacheRoot: string = defaultCacheDir()): Promise<LoadedLibrary> {
  if (!contentDir) return openLibrary(BUNDLED_CONTENT, BUNDLED_LIBRARY);
  return openCachedContent(contentDir, cacheRoot);
}
