/**
 * Reading a content folder: only regular files directly inside it, each within a size limit.
 *
 * A content folder holds whatever someone put there, so a name ending in `.md` may be a link to
 * `/dev/zero` (it never ends), a named pipe (reading it waits forever), a device, a socket, a
 * folder, or a file far larger than any article. Each is refused as a content problem at
 * `file:1:1`, in words, before the file is opened; a regular file is then opened without
 * following links and without waiting, and checked again through its handle, so nothing swapped
 * in between the check and the read is read.
 *
 * Symbolic links are refused wherever they point. One pointing outside the folder reads what is
 * not content; one pointing inside it would only repeat an article that is already read; and
 * checking where a link leads, then following it, leaves a moment in which it can be changed.
 * Refusing them all leaves nothing to check and nothing to race.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { ContentProblem } from './problems';

/**
 * Largest content file read, in bytes: 4 MB. The longest article here is about 40 KB, and a
 * synonyms or notices file is smaller still; a file past this is a mistake, not an article.
 */
export const MAX_CONTENT_FILE_BYTES = 4 * 1024 * 1024;

/** Files opened at once while reading a folder (thousands of articles must not exhaust handles). */
const READ_CONCURRENCY = 16;

/** One file read from a content folder. */
export interface ContentFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** What a content folder holds: the files read, and each file refused, as a problem. */
export interface ContentFiles {
  /** Files read, sorted by name. */
  readonly files: readonly ContentFile[];
  /** Files refused (links, pipes, devices, folders, files too large or unreadable), at line 1. */
  readonly problems: readonly ContentProblem[];
}

/** A path as problems show it: relative to the working folder when inside it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Read the files of a content folder whose names `wanted` accepts, sorted by name.
 *
 * @throws Error naming the folder when it cannot be listed
 * @example const { files, problems } = await readContentFolder('content', (n) => n.endsWith('.md'));
 */
export async function readContentFolder(contentDir: string, wanted: (name: string) => boolean): Promise<ContentFiles> {
  let names: string[];
  try {
    names = await readdir(contentDir);
  } catch (e) {
    throw new Error(`content: cannot read folder '${contentDir}': ${(e as Error).message}`, { cause: e });
  }
  const paths = names.filter(wanted).sort().map((name) => join(contentDir, name));
  const outcomes: (Uint8Array | string)[] = new Array(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      outcomes[i] = await readContentFile(paths[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  outcomes.forEach((outcome, i) => {
    const path = paths[i]!;
    if (typeof outcome === 'string') problems.push({ file: displayPath(path), line: 1, column: 1, message: outcome });
    else files.push({ path, bytes: outcome });
  });
  return { files, problems };
}

/**
 * Read one content file, or say why it is refused.
 *
 * @returns its bytes, or the reason it was not read, as a sentence that follows the file's name
 */
export async function readContentFile(path: string): Promise<Uint8Array | string> {
  let before: Stats;
  try {
    before = await lstat(path);
  } catch (e) {
    return cannotRead(e);
  }
  if (before.isSymbolicLink()) return linkRefused(await readlink(path).catch(() => undefined));
  if (before.isDirectory()) return 'is a folder, not a file: the build reads only files here, so rename the folder or move it out';
  if (!before.isFile()) return `is ${specialKind(before)}, not a regular file: the build reads only regular files`;
  if (before.size > MAX_CONTENT_FILE_BYTES) return tooLarge(before.size);
  let handle;
  try {
    // O_NOFOLLOW: a link swapped in since lstat fails (ELOOP) instead of being followed.
    // O_NONBLOCK: a pipe swapped in does not block the open. Both are 0 where they do not exist.
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') return linkRefused(await readlink(path).catch(() => undefined));
    return cannotRead(e);
  }
  try {
    const now = await handle.stat();
    if (!now.isFile() || now.ino !== before.ino || now.dev !== before.dev) return CHANGED;
    if (now.size > MAX_CONTENT_FILE_BYTES) return tooLarge(now.size);
    // One byte more than the size: a file still growing fills it and is caught, never cut short.
    const buffer = new Uint8Array(now.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) return CHANGED;
    }
    return buffer.subarray(0, length);
  } catch (e) {
    return cannotRead(e);
  } finally {
    await handle.close();
  }
}

const CHANGED = 'changed while the build was reading it: build again once it is written';

function linkRefused(target: string | undefined): string {
  return `is a symbolic link${target === undefined ? '' : ` (to ${target})`}: the build reads only regular files in the content folder, never links, so put the file itself here`;
}

function tooLarge(size: number): string {
  return `is too large: ${size.toLocaleString('en')} bytes, over the limit of ${MAX_CONTENT_FILE_BYTES / (1024 * 1024)} MB for a content file`;
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a device (character special file)';
  if (info.isBlockDevice()) return 'a device (block special file)';
  return 'not a file';
}

function cannotRead(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'ENOENT') return 'disappeared while the build was reading the folder: build again';
  return `cannot be read: ${(e as Error).message}`;
}
