/**
 * What the command line reads and prints: file arguments that must be regular files, and text
 * from the library made safe to print to a terminal.
 */
import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';

/**
 * Control characters a terminal would act on: C0 (but tab and newline, which only lay text
 * out), DEL and C1. ESC (U+001B) among them starts escape sequences that can retitle the
 * window, move the cursor or rewrite what was printed before; C1's CSI (U+009B) does the same
 * on terminals that read 8-bit controls.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text for a terminal: each control character written out visibly as `\uXXXX`.
 *
 * For human output only: JSON output is escaped by JSON.stringify already.
 *
 * @example printable('a\u001b[2Jb') // 'a\\u001b[2Jb'
 */
export function printable(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What a file system entry is, in words, for one that is not a regular file. */
function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The refusal of a file argument that is not a regular file. */
function notRegular(label: string, path: string, s: Stats): Error {
  return new Error(`${label}: ${path} is ${kindOf(s)}, not a regular file: give the path of a file`);
}

/**
 * Open a file argument for reading, refusing anything but a regular file.
 *
 * Opened without blocking, then checked on the open handle: a FIFO with no writer would
 * otherwise hang the command, and checking the path first would leave a moment in which it
 * could be swapped for one.
 *
 * @param label names the argument in errors ("--queries", "import")
 * @returns the open handle (the caller closes it) and the file's size
 */
export async function openRegularFile(path: string, label: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new Error(`${label}: cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  const s = await handle.stat();
  if (!s.isFile()) {
    await handle.close();
    throw notRegular(label, path, s);
  }
  return { handle, size: s.size };
}

/** A file argument's text (UTF-8), refusing anything but a regular file (see {@link openRegularFile}). */
export async function readRegularFile(path: string, label: string): Promise<string> {
  const { handle } = await openRegularFile(path, label);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Refuse an output path that exists and is not a regular file (a FIFO would block the command,
 * a device would swallow or scatter the file). A path that does not exist yet is fine.
 */
export async function checkOutputFile(path: string, label: string): Promise<void> {
  let s: Stats;
  try {
    s = await stat(path);
  } catch {
    return;
  }
  if (!s.isFile()) throw notRegular(label, path, s);
}
