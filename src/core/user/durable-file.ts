/**
 * Writes that are on disk when they return: whole files replaced atomically, and lines appended
 * to a journal, each complete and synced, or failing with an error that says why in words.
 *
 * A single write call may write less than it was given (a nearly full disk does exactly that),
 * so every write here loops until all bytes are written, then syncs the file, then checks its
 * size. A whole file goes to a temporary file beside the target, is synced, renamed over the
 * target, and the folder is synced so that the rename itself survives a power cut. When any
 * step fails the temporary file is removed and the target is as it was. An append that fails
 * part way is cut back to where it started, so a journal never keeps half a line.
 *
 * The file system is a parameter (Node's by default), so that tests can also run these against a
 * disk that fills up where the machine cannot mount a small one.
 */
import { constants, promises as nodeFs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The parts of an open file the writes use (Node's FileHandle has them all). */
export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number, position?: number | null): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/** The file system calls the writes use (a subset of `fs.promises`). */
export interface DurableFs {
  open(path: string, flags: string | number, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ size: number }>;
}

/** Node's own file system. */
export const NODE_FS: DurableFs = nodeFs as unknown as DurableFs;

/** Why a write failed, for the person: what the disk said, in words. */
export type SaveProblem = 'disk-full' | 'permission' | 'read-only' | 'other';

/** A write that did not happen: the file is as it was before it. */
export class SaveError extends Error {
  override readonly name = 'SaveError';
  constructor(
    readonly problem: SaveProblem,
    /** What went wrong, as a phrase to follow "could not save …: " ("the disk is full"). */
    readonly reason: string,
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(`${reason} (${path})`, options);
  }
}

/** A system error code, if the error has one. */
export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

/** Turn a file system error into a SaveError that says what happened in words. */
export function saveErrorOf(e: unknown, path: string): SaveError {
  if (e instanceof SaveError) return e;
  const folder = dirname(path);
  switch (errorCode(e)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new SaveError('disk-full', 'the disk is full', path, { cause: e });
    case 'EACCES':
    case 'EPERM':
      return new SaveError('permission', `Quire is not allowed to write in ${folder}`, path, { cause: e });
    case 'EROFS':
      return new SaveError('read-only', `${folder} is on a disk that is read-only`, path, { cause: e });
    default:
      return new SaveError('other', `the disk reported: ${e instanceof Error ? e.message : String(e)}`, path, { cause: e });
  }
}

/** Write every byte of `data` at `position` onwards, however many calls it takes. */
async function writeAll(handle: WritableHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    // A write that makes no progress would loop for ever: the disk has no room.
    if (bytesWritten <= 0) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

/** The prefix of temporary files written beside `file` (removed at start: see `removeLeftovers`). */
export function tempPrefix(file: string): string {
  return `${basename(file)}.tmp-`;
}

/**
 * Replace a file with new contents, atomically and durably.
 *
 * @throws SaveError when any step fails; the file is then exactly as it was
 * @example await replaceFile('/data/quire.json', JSON.stringify(data))
 */
export async function replaceFile(file: string, contents: string | Uint8Array, fs: DurableFs = NODE_FS): Promise<void> {
  const data = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  const temp = join(dirname(file), `${tempPrefix(file)}${process.pid}-${randomBytes(4).toString('hex')}`);
  let handle: WritableHandle | undefined;
  try {
    handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    await writeAll(handle, data, 0);
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== data.length) throw Object.assign(new Error(`wrote ${size} of ${data.length} bytes`), { code: 'ENOSPC' });
    await handle.close();
    handle = undefined;
    await fs.rename(temp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw saveErrorOf(e, file);
  }
  await syncFolder(dirname(file), fs);
}

/**
 * Append bytes to a file (created if missing), durably: all of them, synced, or none.
 *
 * @param expectedSize the file's size before the append, when the caller knows it (a journal
 *   read under a lock): the append goes there, cutting off any torn tail a killed writer left
 * @returns the file's size after the append
 * @throws SaveError when the bytes could not all be written and synced; the file is then cut
 *   back to its size before the append
 */
export async function appendFile(file: string, contents: string | Uint8Array, expectedSize?: number, fs: DurableFs = NODE_FS): Promise<number> {
  const data = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  let handle: WritableHandle | undefined;
  let start: number | undefined;
  try {
    handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT, 0o600);
    const { size } = await handle.stat();
    start = expectedSize ?? size;
    if (size !== start) await handle.truncate(start);
    await writeAll(handle, data, start);
    await handle.sync();
    const after = await handle.stat();
    if (after.size !== start + data.length) throw Object.assign(new Error(`journal is ${after.size} bytes, expected ${start + data.length}`), { code: 'ENOSPC' });
    await handle.close();
    return start + data.length;
  } catch (e) {
    if (handle && start !== undefined) {
      // Cut back to where the append began: an unacknowledged half line must not stay.
      await handle.truncate(start).catch(() => undefined);
      await handle.sync().catch(() => undefined);
    }
    await handle?.close().catch(() => undefined);
    throw saveErrorOf(e, file);
  }
}

/** Sync a folder, so that a rename in it is on disk (a no-op where folders cannot be synced). */
async function syncFolder(folder: string, fs: DurableFs): Promise<void> {
  let handle: WritableHandle | undefined;
  try {
    handle = await fs.open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Windows cannot open a folder, and some file systems refuse to sync one: the rename has
    // still happened, and the file's own contents were synced before it.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
