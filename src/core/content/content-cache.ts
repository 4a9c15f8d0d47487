/**
 * The content cache: the library built from a `--content` folder, kept for the next start in the
 * user's own cache folder, and loaded only when nobody else could have written it.
 *
 * Loading a library is trusting it: its articles' HTML is shown as is. So a cache is used only
 * when its folder, the folder for this content inside it, and both of its files are real (not
 * links), owned by the current user, and writable by nobody else; and only when it was built from
 * exactly the content files there are now, with the index written beside it. Anything else is
 * never loaded: the library is built again from the content, and the cache rewritten when that
 * can be done safely. Folders are created with mode 0700.
 *
 * On Windows, where files have no POSIX owner or mode, the folder (under %LOCALAPPDATA%) is the
 * user's by its ACL and only the checks against the content apply.
 */
import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildLibrary, INDEX_FILE, LIBRARY_FILE, loadBuiltFrom, type LoadedLibrary, writeLibrary } from './build';

/** Mode of every folder the cache creates: the user's alone. */
export const CACHE_DIR_MODE = 0o700;

/** Whether files have POSIX owners and modes here (not on Windows). */
const POSIX = process.platform !== 'win32' && typeof process.getuid === 'function';

/** The cache folder for one content folder (by its absolute path) inside the cache root. */
export function cacheDirFor(contentDir: string, cacheRoot: string): string {
  const key = createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 16);
  return join(cacheRoot, `content-${key}`);
}

/**
 * Open a content folder through the cache in `cacheRoot`.
 *
 * @example const loaded = await openCachedContent('notes', defaultCacheDir());
 * @throws ContentError when the content folder has problems (as the build does)
 */
export async function openCachedContent(contentDir: string, cacheRoot: string): Promise<LoadedLibrary> {
  const dir = cacheDirFor(contentDir, cacheRoot);
  if ((await untrustedReason(cacheRoot)) === undefined && (await cacheUntrustedReason(dir)) === undefined) {
    const cached = await loadBuiltFrom(contentDir, dir);
    if (cached) return cached;
  }
  const loaded = await buildLibrary(contentDir);
  // A cache that cannot be written (a read-only or full disk) costs only the next start's time.
  await saveCache(cacheRoot, dir, loaded).catch(() => undefined);
  return loaded;
}

/**
 * Why a cache folder and its files are not to be trusted, or undefined when they are.
 *
 * @returns a reason, such as "…/index.json is owned by another user (uid 1001)"
 */
export async function cacheUntrustedReason(dir: string): Promise<string | undefined> {
  return (await untrustedReason(dir)) ?? (await untrustedReason(join(dir, LIBRARY_FILE), 'file')) ?? (await untrustedReason(join(dir, INDEX_FILE), 'file'));
}

/** Why a path is not the current user's own folder (or file), or undefined when it is. */
async function untrustedReason(path: string, kind: 'folder' | 'file' = 'folder'): Promise<string | undefined> {
  let info;
  try {
    info = await lstat(path);
  } catch (e) {
    return `${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  if (info.isSymbolicLink()) return `${path} is a symbolic link`;
  if (kind === 'folder' ? !info.isDirectory() : !info.isFile()) return `${path} is not a ${kind === 'folder' ? 'folder' : 'regular file'}`;
  if (!POSIX) return undefined;
  if (info.uid !== process.getuid!()) return `${path} is owned by another user (uid ${info.uid})`;
  if ((info.mode & 0o022) !== 0) return `${path} can be written by other users (mode ${(info.mode & 0o777).toString(8)})`;
  return undefined;
}

/**
 * Write a freshly built library into the cache, when the cache root is the user's own: a folder
 * for this content that is not (another user's, a link, open to others) is moved aside within
 * the root and removed, and a new one made.
 */
async function saveCache(cacheRoot: string, dir: string, loaded: LoadedLibrary): Promise<void> {
  await mkdir(cacheRoot, { recursive: true, mode: CACHE_DIR_MODE });
  const rootInfo = await lstat(cacheRoot);
  // Another user's folder, or a link to one: write nothing there.
  if (!rootInfo.isDirectory() || (POSIX && rootInfo.uid !== process.getuid!())) return;
  if (POSIX && (rootInfo.mode & 0o777) !== CACHE_DIR_MODE) await chmod(cacheRoot, CACHE_DIR_MODE);
  if ((await untrustedReason(dir)) !== undefined) {
    // Renaming an entry needs only the root's permission, whoever owns the entry.
    const aside = join(cacheRoot, `.refused-${process.pid}-${Date.now()}`);
    const moved = await rename(dir, aside).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    if (moved) await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    await mkdir(dir, { mode: CACHE_DIR_MODE }).catch((e: NodeJS.ErrnoException) => {
      // Another of the user's processes made it first: checked again below.
      if (e.code !== 'EEXIST') throw e;
    });
    if ((await untrustedReason(dir)) !== undefined) return;
  }
  await writeLibrary(dir, loaded);
}
