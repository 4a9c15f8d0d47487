/**
 * Adding the reader's own files, the parts that are plain logic: which files of a drop or a
 * chosen folder to send, how they are encoded and cut into batches, and what the progress and the
 * summary say. The upload itself (reading files as batches go, polling, cancel) is
 * hooks/useImport.ts.
 */
import { formatBytes } from '../../shared/bookmarks';
import type { ImportFileOutcome, ImportFileStatus, ImportProgress } from '../../shared/user-library';
import {
  isImportable,
  MAX_FILE_NAME_LENGTH,
  MAX_IMPORT_BATCH_CHARS,
  MAX_IMPORT_BATCH_FILES,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
} from '../../shared/user-library';
import { plural } from './format';

/** What the file choosers accept: the kinds Quire reads, by extension. */
export const ACCEPTED_FILES = '.md,.markdown,.txt,.text,.html,.htm,.xhtml,.epub';

/** A file to send, and whether it was found inside a folder. */
export interface PickedFile {
  readonly file: File;
  /**
   * Found by walking a folder: kept only when it is of a kind Quire reads. A file dropped or
   * chosen by itself is sent whatever its kind, so that the reader hears why it cannot be read.
   */
  readonly inFolder: boolean;
}

/**
 * Whether a file found in a folder is one to send: of a kind Quire reads, and not a hidden file
 * (`.DS_Store`, macOS's `._notes.md` shadows, an editor's `.notes.md.swp`).
 *
 * @example keepInFolder('notes.md') // true
 * @example keepInFolder('._notes.md') // false
 */
export function keepInFolder(name: string): boolean {
  return !name.startsWith('.') && isImportable(name);
}

/** The files to send of those picked: every file picked by itself, and the readable ones of folders. */
export function filesToSend(picked: readonly PickedFile[]): File[] {
  return picked.filter((p) => !p.inFolder || keepInFolder(p.file.name)).map((p) => p.file);
}

/**
 * The files a folder chooser (`<input webkitdirectory>`) gave, as picked files: each inside the
 * folder (the browser gives them with `webkitRelativePath`).
 */
export function pickedFromFolder(files: Iterable<File>): PickedFile[] {
  return [...files].map((file) => ({ file, inFolder: true }));
}

/** The files a file chooser gave, each picked by itself. */
export function pickedFiles(files: Iterable<File>): PickedFile[] {
  return [...files].map((file) => ({ file, inFolder: false }));
}

// -- Drops: folders walked through the File and Directory Entries API -------------------------

/** What a drop's entry offers (FileSystemEntry, as far as it is used here). */
export interface DropEntry {
  readonly name: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
}

/** A file's entry (FileSystemFileEntry). */
export interface DropFileEntry extends DropEntry {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}

/** A folder's entry (FileSystemDirectoryEntry). */
export interface DropDirectoryEntry extends DropEntry {
  createReader(): { readEntries(success: (entries: DropEntry[]) => void, failure?: (error: unknown) => void): void };
}

/** One item of a drop's DataTransfer, as far as it is used here. */
export interface DropItem {
  readonly kind: string;
  webkitGetAsEntry(): DropEntry | null;
  getAsFile(): File | null;
}

/** Something dropped: an entry to walk, or a file given without one. */
export type DropSource = { readonly entry: DropEntry } | { readonly file: File };

/**
 * What a drop holds, taken at once: a DataTransfer's items can be read only while the drop event
 * is handled, so call this in the handler and walk what it gives afterwards ({@link walkDrop}).
 * An item without an entry (a DataTransfer made by a script, as Playwright's is) gives its file.
 */
export function dropSources(items: ArrayLike<DropItem>): DropSource[] {
  const sources: DropSource[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item || item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) {
      sources.push({ entry });
      continue;
    }
    const file = item.getAsFile();
    if (file) sources.push({ file });
  }
  return sources;
}

function isFileEntry(entry: DropEntry): entry is DropFileEntry {
  return entry.isFile;
}

function isDirectoryEntry(entry: DropEntry): entry is DropDirectoryEntry {
  return entry.isDirectory;
}

/** A file entry's file. */
function entryFile(entry: DropFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/**
 * Every entry of a folder: `readEntries` gives them a few at a time (100 in Chromium) and an
 * empty list at the end, so it is called until then.
 */
export async function readAllEntries(folder: DropDirectoryEntry): Promise<DropEntry[]> {
  const reader = folder.createReader();
  const all: DropEntry[] = [];
  for (;;) {
    const some = await new Promise<DropEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (some.length === 0) return all;
    all.push(...some);
  }
}

/** What walking a drop found: the files, and the folders or files that could not be read. */
export interface WalkedDrop {
  readonly picked: PickedFile[];
  /** Names of what could not be read from the disk (a folder without permission, a file gone). */
  readonly unreadable: string[];
}

/**
 * The files of a drop: files dropped by themselves, and the files of dropped folders and of their
 * folders, depth first in the order the system lists them, up to `limit` files.
 */
export async function walkDrop(sources: readonly DropSource[], limit = MAX_IMPORT_FILES + 1): Promise<WalkedDrop> {
  const picked: PickedFile[] = [];
  const unreadable: string[] = [];
  const visit = async (entry: DropEntry, inFolder: boolean): Promise<void> => {
    if (picked.length >= limit) return;
    try {
      if (isFileEntry(entry)) {
        // A folder's files not to be sent are not read at all.
        if (!inFolder || keepInFolder(entry.name)) picked.push({ file: await entryFile(entry), inFolder });
      } else if (isDirectoryEntry(entry)) {
        for (const child of await readAllEntries(entry)) await visit(child, true);
      }
    } catch {
      unreadable.push(entry.name);
    }
  };
  for (const source of sources) {
    if ('file' in source) {
      if (picked.length < limit) picked.push({ file: source.file, inFolder: false });
    } else await visit(source.entry, false);
  }
  return { picked, unreadable };
}

/**
 * A file's name as the contract takes it (src/shared/user-library.ts's FileNameSchema): `/`, `\\`
 * and control characters (which some systems allow in names) made `_`, and a name too long cut
 * before its extension, so that one odd name never makes a whole batch refused.
 *
 * @example safeFileName('a\\b.md') // 'a_b.md'
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[/\\\u0000-\u001f\u007f]/g, '_');
  const safe = clean === '' || clean === '.' || clean === '..' ? `file${clean}` : clean;
  if (safe.length <= MAX_FILE_NAME_LENGTH) return safe;
  const dot = safe.lastIndexOf('.');
  const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : '';
  return safe.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}

// -- Encoding and batches ---------------------------------------------------------------------

/** Bytes turned into a string at a time: a multiple of 3, so that the pieces' base64 joins up. */
const BASE64_CHUNK = 3 * 8192;

/**
 * Bytes as base64, a piece at a time: `String.fromCharCode(...bytes)` over a whole book would
 * overflow the call stack.
 *
 * @example toBase64(new TextEncoder().encode('Hi')) // 'SGk='
 */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += BASE64_CHUNK) {
    // Some 24,000 arguments at a time: well within what a call takes.
    const piece = bytes.subarray(at, at + BASE64_CHUNK) as unknown as number[];
    parts.push(btoa(String.fromCharCode.apply(null, piece)));
  }
  return parts.join('');
}

/** How many characters `bytes` bytes take as base64. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** Limits of one batch. */
export interface BatchLimits {
  /** Most base64 characters of file data in one batch. */
  readonly chars: number;
  /** Most files in one batch. */
  readonly files: number;
}

/** The contract's limits (src/shared/user-library.ts). */
export const BATCH_LIMITS: BatchLimits = { chars: MAX_IMPORT_BATCH_CHARS, files: MAX_IMPORT_BATCH_FILES };

/**
 * Files cut into batches, in order, each within the limits, by their sizes (known before they are
 * read, so that each batch's files are read only when it is sent). A file larger than a batch on
 * its own (which {@link tooLarge} keeps from being sent) gets a batch of its own.
 *
 * @param sizes each file's size in bytes
 * @returns each batch as the indexes of its files
 * @example planBatches([10, 10, 10], { chars: 32, files: 10 }) // [[0, 1], [2]]
 */
export function planBatches(sizes: readonly number[], limits: BatchLimits = BATCH_LIMITS): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  let chars = 0;
  sizes.forEach((size, i) => {
    const length = base64Length(size);
    if (batch.length > 0 && (chars + length > limits.chars || batch.length >= limits.files)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(i);
    chars += length;
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Why a file is not sent because of its size, or undefined when it may be.
 *
 * @example tooLarge(60 * 1024 * 1024) // 'it is 60 MB, larger than the 48 MB a file can be'
 */
export function tooLarge(bytes: number, limit = MAX_IMPORT_FILE_BYTES): string | undefined {
  return bytes > limit ? `it is ${formatBytes(bytes)}, larger than the ${formatBytes(limit)} a file can be` : undefined;
}

// -- Progress and summary, in words ------------------------------------------------------------

/**
 * The progress bar's label.
 *
 * @example progressLabel(12, 40) // 'Adding 12 of 40 files'
 */
export function progressLabel(done: number, total: number): string {
  return `Adding ${Math.min(done, total)} of ${plural(total, 'file')}`;
}

/**
 * The time left, roughly, or undefined when there is no estimate yet.
 *
 * @example timeLeft(5) // 'about 5 s left'
 * @example timeLeft(150) // 'about 3 min left'
 */
export function timeLeft(seconds: number | undefined): string | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest > 0 ? ` ${rest} min` : ''} left`;
}

/** How many files had each outcome. */
export type ImportCounts = Readonly<Record<ImportFileStatus, number>>;

/** Count the outcomes by status. */
export function countOutcomes(outcomes: readonly Pick<ImportFileOutcome, 'status'>[]): ImportCounts {
  const counts: Record<ImportFileStatus, number> = { added: 0, updated: 0, duplicate: 0, failed: 0, cancelled: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}

/**
 * What an import did, in one line.
 *
 * @example summaryText({ added: 38, updated: 1, duplicate: 1, failed: 2, cancelled: 0 })
 *   // 'Added 38 articles · 1 updated · 1 already in your library · 2 could not be added'
 */
export function summaryText(counts: ImportCounts): string {
  const parts = [counts.added > 0 ? `Added ${plural(counts.added, 'article')}` : 'No articles added'];
  if (counts.updated > 0) parts.push(`${counts.updated} updated`);
  if (counts.duplicate > 0) parts.push(`${counts.duplicate} already in your library`);
  if (counts.failed > 0) parts.push(`${counts.failed} could not be added`);
  if (counts.cancelled > 0) parts.push(`${counts.cancelled} left out when you cancelled`);
  return parts.join(' · ');
}

/** What screen readers hear as an import starts. */
export function startAnnouncement(total: number): string {
  return `Adding ${plural(total, 'file')} to your library.`;
}

/**
 * The outcomes the reader is told about one by one: files that failed, were already in the
 * library, or were left out, each with why.
 */
export function notableOutcomes(outcomes: readonly ImportFileOutcome[]): ImportFileOutcome[] {
  return outcomes.filter((o) => o.status === 'failed' || o.status === 'duplicate' || o.status === 'cancelled');
}

/** The articles an import made or updated, to open from its summary, each once. */
export function openableOutcomes(outcomes: readonly ImportFileOutcome[]): { readonly id: string; readonly title: string }[] {
  const seen = new Set<string>();
  const found: { id: string; title: string }[] = [];
  for (const o of outcomes) {
    if ((o.status === 'added' || o.status === 'updated') && o.articleId && !seen.has(o.articleId)) {
      seen.add(o.articleId);
      found.push({ id: o.articleId, title: o.title ?? o.name });
    }
  }
  return found;
}

/** Why a file has its outcome, in words ("could not be added: it is not a kind of file Quire reads"). */
export function outcomeReason(outcome: ImportFileOutcome): string {
  switch (outcome.status) {
    case 'duplicate':
      return outcome.reason ?? (outcome.title ? `already in your library as “${outcome.title}”` : 'already in your library');
    case 'cancelled':
      return outcome.reason ?? 'left out when you cancelled';
    case 'failed':
      return outcome.reason ?? 'it could not be added';
    case 'updated':
      return 'updated';
    case 'added':
      return 'added';
  }
}

/**
 * Whether an import is over and nothing more will change: not running, and every file received
 * has its outcome (a group being added as the import was cancelled still lands, or not, after).
 */
export function isSettled(progress: Pick<ImportProgress, 'state' | 'done' | 'received'>): boolean {
  return progress.state !== 'running' && progress.done >= progress.received;
}
