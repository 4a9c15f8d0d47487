/**
 * Which file of a folder a URL path names: the one answer for every host that serves the built
 * renderer (Electron's `app://quire/` protocol handler, the web host's static files).
 *
 * A URL path is decoded once, split into segments, and refused if any segment could climb out
 * of the folder or change meaning on another platform ('..', '.', backslashes, drive letters and
 * NTFS streams, NUL). What is left is resolved through the file system, symlinks included, and
 * must still be a file inside the folder.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

/** A file to serve. */
export interface StaticFile {
  readonly ok: true;
  /** The file's real path (symlinks resolved), inside the root. */
  readonly path: string;
  /** Its Content-Type. */
  readonly type: string;
}

/** Why a path is not served. */
export interface StaticRefusal {
  readonly ok: false;
  /**
   * 400 the path is malformed (bad percent-encoding, NUL, no leading '/');
   * 403 it tries to leave the root ('..', backslashes, drive letters, a symlink pointing out);
   * 404 nothing is there, or it is not a file.
   */
  readonly status: 400 | 403 | 404;
  /** What was wrong, for logs; never shown to a page. */
  readonly reason: string;
}

/** The outcome of {@link resolveStaticFile}. */
export type StaticResult = StaticFile | StaticRefusal;

/** The file served for '/'. */
export const INDEX_FILE = 'index.html';

/** Content types by extension; anything else is served as bytes. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The type for a file name. */
export function mimeType(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

function refuse(status: StaticRefusal['status'], reason: string): StaticRefusal {
  return { ok: false, status, reason: `static-files: ${reason}` };
}

/**
 * The segments of a URL path, decoded, or why the path is refused.
 *
 * Decoding happens once only: '%252e%252e' is the literal name '%2e%2e', not '..'.
 */
export function pathSegments(urlPath: string): string[] | StaticRefusal {
  if (!urlPath.startsWith('/')) return refuse(400, `path '${urlPath}' does not start with '/'`);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return refuse(400, `path '${urlPath}' is not valid percent-encoding`);
  }
  if (decoded.includes('\0')) return refuse(400, `path '${urlPath}' contains NUL`);
  // A backslash is a separator on Windows and a name character elsewhere: refused everywhere alike.
  if (decoded.includes('\\')) return refuse(403, `path '${urlPath}' contains a backslash`);
  const segments = decoded.split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return refuse(403, `path '${urlPath}' has a '${segment}' segment`);
    // 'C:' (a drive) and 'name::$DATA' (an NTFS stream) mean something else on Windows.
    if (segment.includes(':')) return refuse(403, `path '${urlPath}' has a ':' in segment '${segment}'`);
  }
  return segments;
}

/**
 * Resolve a URL path to the file to serve from `root`.
 *
 * '/' is the index; directories are not listed (404). The path may carry no query or fragment:
 * pass `new URL(url).pathname`.
 *
 * @param root the folder served (need not be a real path; it is resolved here)
 * @param urlPath the URL's path, still percent-encoded
 * @example await resolveStaticFile('out/renderer', '/assets/index-1a2b.js') // { ok: true, path: '/…/out/renderer/assets/index-1a2b.js', type: 'text/javascript; charset=utf-8' }
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticResult> {
  const segments = pathSegments(urlPath);
  if (!Array.isArray(segments)) return segments;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return refuse(404, `root '${root}' does not exist`);
  }
  const candidate = segments.length === 0 ? join(realRoot, INDEX_FILE) : join(realRoot, ...segments);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return refuse(404, `'${urlPath}' not found`);
  }
  // realpath follows symlinks: whatever a link inside the root points at must be inside it too.
  const inside = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  if (!real.startsWith(inside)) return refuse(403, `'${urlPath}' resolves outside the root`);
  try {
    if (!(await stat(real)).isFile()) return refuse(404, `'${urlPath}' is not a file`);
  } catch {
    return refuse(404, `'${urlPath}' not found`);
  }
  return { ok: true, path: real, type: mimeType(real) };
}
