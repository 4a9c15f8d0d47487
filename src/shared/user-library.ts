/**
 * Adding the reader's own files to the library, as it crosses the bridge: the files, an import's
 * progress, and each file's outcome.
 *
 * An import is a job on the engine's side: started with the number of files to come
 * (`startImport`), given its files in batches (`addImportFiles`, each batch within the upload
 * limit), asked how far it is (`importProgress`), and stoppable (`cancelImport`). Files are read,
 * converted and added one after another while searches go on; each article is added whole or
 * not at all.
 */
import { z } from 'zod';

/** Largest file the reader can add (a book with its pictures left out fits many times over). */
export const MAX_IMPORT_FILE_BYTES = 48 * 1024 * 1024;
/** Most files one batch may carry. */
export const MAX_IMPORT_BATCH_FILES = 1000;
/**
 * Most bytes of files one batch may carry, counted as sent (base64, four characters for every
 * three bytes): room for the largest file.
 */
export const MAX_IMPORT_BATCH_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 1024;
/** Most files one import may announce. */
export const MAX_IMPORT_FILES = 100_000;
/** Longest file name accepted. */
export const MAX_FILE_NAME_LENGTH = 255;

/** The file extensions Quire reads, by format (lower case, with the dot). */
export const IMPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.text', '.html', '.htm', '.xhtml', '.epub'] as const;

/** A file the reader adds: its name (no folder) and its bytes, base64. */
export interface ImportFile {
  readonly name: string;
  readonly data: string;
}

/** What became of one file. */
export type ImportFileStatus = 'added' | 'updated' | 'duplicate' | 'failed' | 'cancelled';

/** One file's outcome. */
export interface ImportFileOutcome {
  readonly name: string;
  readonly status: ImportFileStatus;
  /** The article it made, updated, or duplicates. */
  readonly articleId?: string;
  readonly title?: string;
  /** Why it failed, or was not added, in words for people. */
  readonly reason?: string;
}

/** How far an import is. */
export interface ImportProgress {
  readonly id: string;
  /** `running` until every file announced is done, or the import is cancelled. */
  readonly state: 'running' | 'done' | 'cancelled';
  /** Files announced. */
  readonly total: number;
  /** Files received so far. */
  readonly received: number;
  /** Files finished, whatever became of them. */
  readonly done: number;
  /** The file being read now. */
  readonly current?: string;
  /** An estimate of the seconds left, once there is enough to go on. */
  readonly secondsLeft?: number;
  /** Each finished file's outcome, in the order the files were given. */
  readonly outcomes: readonly ImportFileOutcome[];
}

/** An article the reader removed, which `restoreArticle` can put back. */
export interface RemovedArticle {
  readonly id: string;
  readonly title: string;
}

/**
 * A file name as the reader's system gave it: no folder, no control characters.
 *
 * A browser gives a dropped file's name alone; a folder's files arrive one by one, each by name.
 */
export const FileNameSchema = z
  .string()
  .min(1, 'file name is empty')
  .max(MAX_FILE_NAME_LENGTH, `file name is longer than ${MAX_FILE_NAME_LENGTH} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[/\\\u0000-\u001f\u007f]/.test(name), 'file name must not contain /, \\ or control characters')
  .refine((name) => name !== '.' && name !== '..', 'file name must not be . or ..');

/** A file as it arrives in a batch. */
export const ImportFileSchema = z.strictObject({
  name: FileNameSchema,
  data: z
    .string()
    .max(MAX_IMPORT_BATCH_CHARS, `file is larger than ${Math.round(MAX_IMPORT_FILE_BYTES / 1024 / 1024)} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file data must be base64'),
});

/** A batch of files. */
export const ImportBatchSchema = z
  .array(ImportFileSchema)
  .min(1, 'no files')
  .max(MAX_IMPORT_BATCH_FILES, `more than ${MAX_IMPORT_BATCH_FILES} files in one batch`)
  .refine((files) => files.reduce((n, f) => n + f.data.length, 0) <= MAX_IMPORT_BATCH_CHARS, 'the files of one batch are too large together: send them in smaller batches');

/** An import's id, as `startImport` gave it. */
export const ImportIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an import id as startImport gave it');

/** How many files an import announces. */
export const ImportTotalSchema = z.number().int().min(1).max(MAX_IMPORT_FILES);

/**
 * Whether a file's name is of a kind Quire reads (by its extension).
 *
 * @example isImportable('notes.MD') // true
 */
export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
