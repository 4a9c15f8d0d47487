/**
 * The user's store: recent searches, bookmarks, reading settings, the last article read and each
 * article's reading position, in the data folder.
 *
 * src/core/user holds what the reader made, as opposed to the content they read: this module
 * keeps it on disk, writing through durable-file.ts (appends and replacements that are on disk
 * when they return, or fail in words) under the lock of file-lock.ts (shared by every process
 * using the data folder); anchoring.ts finds a bookmark's passage again after the content
 * changed, and bookmark-io.ts exports bookmarks (JSON, Markdown, W3C annotations) and reads a
 * JSON export back in. The bookmark, settings and position schemas live in src/shared, since
 * they cross the API; the store's file layout is {@link StoreSchema}, declared once here.
 *
 * Two files hold it. `quire.json` is the snapshot, in the format conf and electron-store read and
 * write (conf in Node: tests, web host, CLI; electron-store in the app; both given
 * {@link STORE_OPTIONS}, so both read the same file and check it against the same schema).
 * `quire.journal` holds the changes made since the snapshot, one JSON line each. A change is
 * acknowledged once its line is appended and synced (see durable-file.ts): a few hundred bytes,
 * however many bookmarks there are. Now and then, and at start, the journal is folded into a new
 * snapshot, written whole to a temporary file and renamed over the old one.
 *
 * Any number of processes may share one data folder. Every change is made holding a lock that
 * all of them take (file-lock.ts), after reading what the others appended; every read first
 * checks, by two `stat`s, whether another process changed the files, and reads only what is new.
 * The data lives in memory in between, so a read costs no parsing.
 *
 * Nothing the user made is lost on the way: a write the disk refuses (full, read-only, not
 * allowed) fails with a {@link StoreSaveError} that says so in words, and leaves both files as
 * they were; a file that is not a store is set aside under a timestamped name, never cleared; a
 * file that cannot be read for lack of permission is reported as that and left where it is.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  BookmarkSchema,
  type BookmarkPatch,
  DEFAULT_SETTINGS,
  ReadingStateSchema,
  StoredSettingsSchema,
  type Bookmark,
  type ReaderSettings,
  type ReadingState,
} from '../../shared/bookmarks';
import { MAX_RECENT_SEARCHES } from '../../shared/schemas';
import { ArticlePositionSchema, MAX_POSITIONS, withPosition, type ArticlePosition } from '../../shared/positions';
import { appendFile, errorCode, NODE_FS, replaceFile, SaveError, tempPrefix, type DurableFs } from './durable-file';
import { acquireLock, LockTimeoutError, releaseLock, removeAbandonedDrafts, stillHeld, type HeldLock } from './file-lock';
import { notSavedMessage } from './not-saved';
import { Serial } from './serial';

/** Version of the store's layout; {@link migrate} brings older files up to it. */
export const STORE_VERSION = 1;

/**
 * The store file's layout, declared once. Its TypeScript type ({@link StoreShape}), the JSON
 * Schema that conf and electron-store check the file against ({@link STORE_OPTIONS}), the check
 * of a migrated or incomplete file, and the values of the journal's changes all derive from it.
 *
 * Not strict, as conf's check is not: a field this version does not know is no reason to set a
 * file aside.
 */
const StoreSchema = z.object({
  /** {@link STORE_VERSION} in a current file; {@link migrate} brings an older one up to it. */
  version: z.number().int().min(0),
  /** Newest first, at most {@link MAX_RECENT_SEARCHES}. */
  recentSearches: z.array(z.string().max(1000)).max(MAX_RECENT_SEARCHES),
  /** Oldest first. */
  bookmarks: z.array(BookmarkSchema),
  /** Partial in older files: {@link UserStore.settings} fills in the defaults. */
  settings: StoredSettingsSchema,
  /** The article read last (and where in it), reopened at launch. */
  reading: ReadingStateSchema.nullable(),
  /**
   * Each article's position, most recently read first, at most {@link MAX_POSITIONS}. Added
   * after the first release: an older file without it loads, and is given an empty list.
   */
  positions: z.array(ArticlePositionSchema).max(MAX_POSITIONS),
});

/** What the store holds. */
export type StoreShape = z.infer<typeof StoreSchema>;

/** An empty store: what a new data folder starts with, and what an older file lacks is filled from. */
const STORE_DEFAULTS: StoreShape = {
  version: STORE_VERSION,
  recentSearches: [],
  bookmarks: [],
  settings: DEFAULT_SETTINGS,
  reading: null,
  positions: [],
};

/** A current store file: a migration's result, or a file with missing fields filled, must be one before it is written. */
const CurrentStoreSchema = StoreSchema.extend({ version: z.literal(STORE_VERSION) });

/** Whether `data`, its missing fields filled from the defaults, is a current store file. */
const isCurrentStore = (data: object): boolean => CurrentStoreSchema.safeParse({ ...STORE_DEFAULTS, ...data }).success;

/** The store file's base name (conf's configName, electron-store's name). */
export const STORE_NAME = 'quire';
/** The journal of changes since the snapshot, beside it. */
export const JOURNAL_FILE = `${STORE_NAME}.journal`;

/**
 * The store's fields as JSON Schema, one entry each: conf's `schema` option (conf makes the
 * object around them itself, with no list of required fields; a missing one is filled before
 * the file is read, see {@link openStore}).
 */
const STORE_JSON_SCHEMA = (z.toJSONSchema(StoreSchema, { target: 'draft-2020-12' }) as { properties: Record<keyof StoreShape, Record<string, unknown>> }).properties;

/** Options shared by conf and electron-store: schema, defaults, and no silent wipes. */
export const STORE_OPTIONS = {
  schema: STORE_JSON_SCHEMA,
  defaults: STORE_DEFAULTS,
  // A bad file must be set aside and reported, never cleared.
  clearInvalidConfig: false,
} as const;

/**
 * What the store needs of conf / electron-store: where the snapshot is, and its contents, read
 * from the file and checked against the schema (both libraries read it afresh on each access).
 */
export interface SnapshotReader {
  readonly path: string;
  readonly store: Record<string, unknown>;
}

/** Opens the snapshot reader in a data folder (conf in Node, electron-store in the app). */
export type BackendFactory = (dataDir: string) => SnapshotReader;

/**
 * conf in a data folder, with the shared options.
 *
 * conf is loaded on first use, not when this module is: it and its schema validator are a third
 * of a command-line search's start-up, and a search never opens the store.
 */
async function loadConfBackend(): Promise<BackendFactory> {
  const { default: ConfClass } = await import('conf');
  return (dataDir) => new ConfClass<StoreShape>({ ...STORE_OPTIONS, configName: STORE_NAME, cwd: dataDir, projectName: 'quire' }) as unknown as SnapshotReader;
}

/** The store and what happened when it was opened. */
export interface OpenedStore {
  readonly store: UserStore;
  /** Where an unreadable store file was moved, if one was. */
  readonly setAside?: string;
}

/** How a store is opened (tests give a file system that fills up, or short lock timeouts). */
export interface StoreOptions {
  readonly factory?: BackendFactory;
  readonly now?: Date;
  readonly fs?: DurableFs;
  /** Fold the journal into the snapshot once it is this long (bytes). */
  readonly compactBytes?: number;
  readonly lockTimeoutMs?: number;
}

/** Fold the journal into a new snapshot once it has grown this long. */
const COMPACT_BYTES = 1 << 20;
/** How long without a change counts as a quiet moment to fold the journal in. */
const QUIET_MS = 2000;

/** A store file exists but this process may not read it: reported, never set aside. */
export class StoreAccessError extends Error {
  override readonly name = 'StoreAccessError';
}

/** A change that was not saved: the store is as it was before it. */
export class StoreSaveError extends Error {
  override readonly name = 'StoreSaveError';
}

/** The journal holds a line that is not a change: it is set aside at the next start. */
export class JournalDamagedError extends Error {
  override readonly name = 'JournalDamagedError';
}

/** A bookmark with this id does not exist. */
export class UnknownBookmarkError extends Error {
  override readonly name = 'UnknownBookmarkError';
}

/** What an import did. */
export interface ImportOutcome {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** What the user is told when an unreadable store file was set aside. */
export function storeSetAsideNotice(setAside: string): string {
  return `Your saved data could not be read, so Quire started with an empty store. The old file was kept, unchanged, at ${setAside}.`;
}

/** One change, as a journal line: each carries the new value of a field of {@link StoreSchema}. */
const JournalEntrySchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('put'), bookmarks: StoreSchema.shape.bookmarks }),
  z.strictObject({ op: z.literal('remove'), id: z.string() }),
  z.strictObject({ op: z.literal('recentSearches'), value: StoreSchema.shape.recentSearches }),
  z.strictObject({ op: z.literal('settings'), value: StoreSchema.shape.settings }),
  z.strictObject({ op: z.literal('reading'), value: StoreSchema.shape.reading }),
  z.strictObject({ op: z.literal('position'), value: StoreSchema.shape.positions.element }),
]);
type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Apply one change to the store's data (a new object; the old one is not touched). */
function applyEntry(data: StoreShape, entry: JournalEntry): StoreShape {
  switch (entry.op) {
    case 'put': {
      const next = [...data.bookmarks];
      const at = new Map(next.map((b, i) => [b.id, i]));
      for (const b of entry.bookmarks) {
        const i = at.get(b.id);
        if (i === undefined) {
          at.set(b.id, next.length);
          next.push(b);
        } else next[i] = b;
      }
      return { ...data, bookmarks: next };
    }
    case 'remove':
      return { ...data, bookmarks: data.bookmarks.filter((b) => b.id !== entry.id) };
    case 'recentSearches':
      return { ...data, recentSearches: entry.value };
    case 'settings':
      return { ...data, settings: entry.value };
    case 'reading':
      return { ...data, reading: entry.value };
    case 'position': {
      // The article read last is the one the app reopens at launch.
      const { articleId, passageId } = entry.value;
      return { ...data, positions: withPosition(data.positions, entry.value), reading: passageId ? { articleId, passageId } : { articleId } };
    }
  }
}

/** A version-0 bookmark: before quotes and tags (Quire's first layout). */
interface BookmarkV0 {
  id: string;
  articleId: string;
  passageId: string;
  text: string;
  note?: string;
  created: string;
}

/**
 * Bring a store object of any earlier version up to {@link STORE_VERSION}.
 *
 * Version 0 had no version field and kept bookmarks as `{ id, articleId, passageId, text, note,
 * created }`; version 1 adds the text-quote selector, tags and update times.
 */
export function migrate(data: Record<string, unknown>): Record<string, unknown> {
  const version = typeof data.version === 'number' ? data.version : 0;
  if (version >= STORE_VERSION) return data;
  const old = Array.isArray(data.bookmarks) ? (data.bookmarks as BookmarkV0[]) : [];
  return {
    ...data,
    version: 1,
    bookmarks: old.map((b) => ({
      id: b.id,
      articleId: b.articleId,
      target: 'passage',
      targetId: b.passageId,
      quote: { exact: b.text, prefix: '', suffix: '' },
      note: b.note ?? '',
      tags: [],
      createdAt: b.created,
      updatedAt: b.created,
    })),
  };
}

/** The snapshot as conf writes it (tab-indented JSON), so that either library reads it back. */
const serialize = (data: StoreShape): string => JSON.stringify(data, undefined, '\t');

/** What identifies one version of a file: a rename gives a new inode, a write a new size or time. */
function stampOf(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return 'missing';
    throw e;
  }
}

/** A file's contents, or undefined when it is missing; permission problems are reported as such. */
function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') return undefined;
    if (code === 'EACCES' || code === 'EPERM') throw new StoreAccessError(`Quire is not allowed to read your saved data in ${file}. Nothing was changed; give your user account read and write access to it, then start Quire again.`, { cause: e });
    throw e;
  }
}

/**
 * Open the store in a data folder.
 *
 * At start, holding the store's lock: temporary files that killed writes left are removed; an
 * older layout is migrated (the original kept beside it, `quire.v0.json`); a missing file is
 * made. A file that is not a store (bad JSON, schema violation) is renamed with a timestamp and
 * an empty store is started; the caller tells the user where it is.
 *
 * @throws StoreAccessError when the store file exists but may not be read
 */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<OpenedStore> {
  const { now = new Date(), fs = NODE_FS } = options;
  const factory = options.factory ?? (await loadConfBackend());
  const file = join(dataDir, `${STORE_NAME}.json`);
  const journal = join(dataDir, JOURNAL_FILE);
  const lockDir = `${file}.lock`;
  mkdirSync(dataDir, { recursive: true });
  let lock: HeldLock;
  try {
    lock = await acquireLock(lockDir, { timeoutMs: options.lockTimeoutMs });
  } catch (e) {
    // A folder this process may read but not write: served as it is; every change will say why
    // it could not be saved.
    if (!['EACCES', 'EPERM', 'EROFS'].includes(errorCode(e) ?? '')) throw e;
    readIfPresent(file);
    const store = new UserStore(factory(dataDir), journal, lockDir, { fs, compactBytes: Infinity, lockTimeoutMs: options.lockTimeoutMs });
    store.bookmarks();
    return { store };
  }
  let setAside: string | undefined;
  let backend: SnapshotReader;
  try {
    for (const name of readdirSync(dataDir)) if (name.startsWith(tempPrefix(file))) rmSync(join(dataDir, name), { force: true });
    removeAbandonedDrafts(lockDir);
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const putAside = (path: string, base: string): string => {
      const to = join(dataDir, `${base}.corrupt-${stamp}${path.endsWith('.json') ? '.json' : ''}`);
      renameSync(path, to);
      return to;
    };
    const text = readIfPresent(file);
    let parsed: unknown;
    let readable = text !== undefined;
    if (text !== undefined) {
      try {
        parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        readable = false;
      }
    }
    if (text !== undefined && (!readable || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      setAside = putAside(file, STORE_NAME);
      parsed = undefined;
    }
    let migratedNow = false;
    if (parsed !== undefined) {
      const record = parsed as Record<string, unknown>;
      const version = typeof record.version === 'number' ? record.version : 0;
      if (version < STORE_VERSION) {
        const migrated = migrate(record);
        // A file that would not be valid even migrated is not an old store but a broken one.
        if (isCurrentStore(migrated)) {
          const backup = join(dataDir, `${STORE_NAME}.v${version}.json`);
          await replaceFile(existsSync(backup) ? join(dataDir, `${STORE_NAME}.v${version}-${now.getTime()}.json`) : backup, text!, fs);
          parsed = migrated;
          migratedNow = true;
        }
      }
    }
    // Every key present, so that conf and electron-store never write the file themselves (their
    // writes are not checked; this one is). A file that has them all is checked by the backend.
    const missing = (data: object): boolean => Object.keys(StoreSchema.shape).some((key) => !(key in data));
    if (parsed !== undefined && missing(parsed as object)) {
      // Not the store's layout (a schema violation): kept aside, and an empty store begun.
      if (!isCurrentStore(parsed as object)) {
        setAside = putAside(file, STORE_NAME);
        parsed = undefined;
      }
    }
    if (parsed === undefined || migratedNow || missing(parsed as object)) await replaceFile(file, serialize({ ...STORE_OPTIONS.defaults, ...((parsed as object | undefined) ?? {}) }), fs);
    try {
      backend = factory(dataDir);
    } catch (e) {
      // Not the store's layout (a schema violation): kept aside, and an empty store begun.
      if (setAside !== undefined || !existsSync(file)) throw e;
      setAside = putAside(file, STORE_NAME);
      await replaceFile(file, serialize(STORE_OPTIONS.defaults), fs);
      backend = factory(dataDir);
    }
    // Changes made on top of a snapshot that was set aside belong with it.
    if (setAside !== undefined && existsSync(journal)) renameSync(journal, `${setAside}.journal`);
    const store = new UserStore(backend, journal, lockDir, { fs, compactBytes: options.compactBytes ?? COMPACT_BYTES, lockTimeoutMs: options.lockTimeoutMs });
    try {
      await store.compactHolding(lock);
    } catch (e) {
      // A disk too full for a new snapshot: the journal stays, and is folded another time.
      if (e instanceof SaveError) return { store, ...(setAside ? { setAside } : {}) };
      if (!(e instanceof JournalDamagedError)) throw e;
      // The changes before the bad line go into the snapshot; the journal is kept as it was.
      await replaceFile(file, serialize(store.inMemory), fs);
      setAside = putAside(journal, JOURNAL_FILE);
      await store.compactHolding(lock);
    }
    return { store, ...(setAside ? { setAside } : {}) };
  } finally {
    releaseLock(lock);
  }
}

/** How a UserStore writes. */
interface WriteOptions {
  readonly fs: DurableFs;
  readonly compactBytes: number;
  readonly lockTimeoutMs?: number;
}

/** The user's data, in memory, kept in step with the files by every call. */
export class UserStore {
  private data: StoreShape = { ...STORE_OPTIONS.defaults };
  private snapshotStamp = '';
  /** The journal's inode and how many bytes of it are applied (complete lines only). */
  private journalInode: bigint | undefined;
  private journalApplied = 0;
  private readonly serial = new Serial();
  private compactTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly backend: SnapshotReader,
    /** The journal file. */
    readonly journalPath: string,
    private readonly lockDir: string,
    private readonly options: WriteOptions,
  ) {}

  /** The data as last read, without looking at the files (for folding a damaged journal). */
  get inMemory(): StoreShape {
    return this.data;
  }

  /** Where the snapshot file is. */
  get path(): string {
    return this.backend.path;
  }

  /** Read whatever another process changed since this one last looked. */
  private refresh(): StoreShape {
    const stamp = stampOf(this.path);
    let journalStat: { ino: bigint; size: bigint } | undefined;
    try {
      journalStat = statSync(this.journalPath, { bigint: true });
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') throw e;
    }
    const journalReplaced = (journalStat?.ino ?? -1n) !== (this.journalInode ?? -1n) || Number(journalStat?.size ?? 0n) < this.journalApplied;
    if (stamp !== this.snapshotStamp || journalReplaced) {
      this.data = { ...STORE_OPTIONS.defaults, ...(this.backend.store as Partial<StoreShape>) };
      this.snapshotStamp = stamp;
      this.journalInode = journalStat?.ino;
      this.journalApplied = 0;
    }
    if (journalStat && Number(journalStat.size) > this.journalApplied) this.readJournal();
    return this.data;
  }

  /** Apply the journal's complete lines from where this process stopped. */
  private readJournal(): void {
    let fd: number;
    try {
      fd = openSync(this.journalPath, 'r');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return;
      throw e;
    }
    try {
      const size = fstatSync(fd).size;
      const bytes = Buffer.alloc(size - this.journalApplied);
      let read = 0;
      while (read < bytes.length) {
        const n = readSync(fd, bytes, read, bytes.length - read, this.journalApplied + read);
        if (n === 0) break;
        read += n;
      }
      const end = bytes.subarray(0, read).lastIndexOf(0x0a);
      // A line without its newline is being written, or was cut off by a kill: not a change yet.
      if (end < 0) return;
      let data = this.data;
      for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
        if (!line) continue;
        let entry: JournalEntry;
        try {
          entry = JournalEntrySchema.parse(JSON.parse(line));
        } catch (e) {
          this.data = data;
          throw new JournalDamagedError(`store: ${this.journalPath} has a line that is not a change Quire wrote`, { cause: e });
        }
        data = applyEntry(data, entry);
      }
      this.data = data;
      this.journalApplied += end + 1;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Make one change: holding the lock, on the latest data, appended to the journal and synced
   * before the promise resolves. Changes from this process run one after another.
   *
   * @param action what is being done, to finish "Quire could not …" ("save your note")
   * @param change the journal entry to append (none: nothing to write) and the call's answer
   */
  private change<R>(action: string, change: (data: StoreShape) => { entry?: JournalEntry; result: R }): Promise<R> {
    const run = async (): Promise<R> => {
      let lock: HeldLock;
      try {
        lock = await acquireLock(this.lockDir, { timeoutMs: this.options.lockTimeoutMs });
      } catch (e) {
        throw this.saveError(action, e);
      }
      try {
        const { entry: proposed, result } = change(this.refresh());
        if (!proposed) return result;
        // Every change is checked against the schema here, once, before it can reach the disk.
        const entry = JournalEntrySchema.parse(proposed);
        const line = `${JSON.stringify(entry)}\n`;
        if (!stillHeld(lock)) throw new LockTimeoutError('lock: taken over while held');
        try {
          this.journalApplied = await appendFile(this.journalPath, line, this.journalApplied, this.options.fs);
        } catch (e) {
          throw this.saveError(action, e);
        }
        this.journalInode = statSync(this.journalPath, { bigint: true }).ino;
        this.data = applyEntry(this.data, entry);
        // A change as big as the journal may grow (an import) is folded in at once, as part of
        // the call that made it; the fold after many small changes waits for a quiet moment.
        // Nor may a journal that never sees a quiet moment grow without end.
        if (Buffer.byteLength(line) >= this.options.compactBytes || this.journalApplied >= 4 * this.options.compactBytes) await this.compactHolding(lock).catch(() => undefined);
        else if (this.journalApplied >= this.options.compactBytes) this.scheduleCompaction();
        return result;
      } finally {
        releaseLock(lock);
      }
    };
    return this.serial.run(run);
  }

  private saveError(action: string, e: unknown): StoreSaveError {
    // A lock that could not be made is a folder that cannot be written: said like any write.
    return new StoreSaveError(notSavedMessage(action, e, this.lockDir, 'another Quire window or command kept your saved data busy'), { cause: e });
  }

  /** Fold the journal into the snapshot once no change has come for a moment, off any call. */
  private scheduleCompaction(): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      void this.compact().catch(() => undefined);
    }, QUIET_MS);
    this.compactTimer.unref?.();
  }

  /** Fold the journal into a new snapshot (a full disk leaves both as they were). */
  compact(): Promise<void> {
    const run = async (): Promise<void> => {
      const lock = await acquireLock(this.lockDir, { timeoutMs: this.options.lockTimeoutMs });
      try {
        await this.compactHolding(lock);
      } finally {
        releaseLock(lock);
      }
    };
    return this.serial.run(run);
  }

  /** Fold the journal into the snapshot, the lock already held. */
  async compactHolding(lock: HeldLock): Promise<void> {
    const data = this.refresh();
    if (this.journalApplied === 0 && !existsSync(this.journalPath)) return;
    if (!stillHeld(lock)) return;
    // The snapshot first: until the journal is emptied, a crash leaves changes that are in both,
    // and applying one again changes nothing.
    await replaceFile(this.path, serialize(data), this.options.fs);
    await replaceFile(this.journalPath, '', this.options.fs);
    this.snapshotStamp = stampOf(this.path);
    this.journalInode = statSync(this.journalPath, { bigint: true }).ino;
    this.journalApplied = 0;
  }

  /** Wait for this process's changes, and stop the pending fold (before a folder is removed). */
  async close(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = undefined;
    await this.serial.idle();
  }

  /** Recent searches, newest first. */
  recentSearches(): string[] {
    return this.refresh().recentSearches;
  }

  /** Put a search first (once), keeping the newest {@link MAX_RECENT_SEARCHES}. */
  addRecentSearch(query: string): Promise<string[]> {
    const q = query.trim();
    return this.change('save your recent searches', (data) => {
      if (!q) return { result: data.recentSearches };
      const value = [q, ...data.recentSearches.filter((r) => r !== q)].slice(0, MAX_RECENT_SEARCHES);
      return { entry: { op: 'recentSearches', value }, result: value };
    });
  }

  /** Forget every recent search. */
  clearRecentSearches(): Promise<void> {
    return this.change('clear your recent searches', () => ({ entry: { op: 'recentSearches', value: [] }, result: undefined }));
  }

  /** The reading settings, every field present (defaults for those a file does not have). */
  settings(): ReaderSettings {
    return { ...DEFAULT_SETTINGS, ...this.refresh().settings };
  }

  /** Change some reading settings; returns them all. */
  updateSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings> {
    return this.change('save your reading settings', (data) => {
      const next: ReaderSettings = { ...DEFAULT_SETTINGS, ...data.settings, ...patch };
      return { entry: { op: 'settings', value: next }, result: next };
    });
  }

  /** Where the reader was. */
  readingState(): ReadingState | null {
    return this.refresh().reading;
  }

  /** Remember where the reader is. */
  saveReadingState(state: ReadingState): Promise<void> {
    return this.change('save your reading position', () => ({ entry: { op: 'reading', value: state }, result: undefined }));
  }

  /** Each article's reading position, most recently read first. */
  positions(): ArticlePosition[] {
    return this.refresh().positions;
  }

  /**
   * Remember where the reader is in one article (replacing its older position, keeping the
   * newest {@link MAX_POSITIONS}); it becomes the last article read, reopened at launch.
   */
  savePosition(position: ArticlePosition): Promise<void> {
    return this.change('save your reading position', () => ({ entry: { op: 'position', value: position }, result: undefined }));
  }

  /** Every bookmark, oldest first. */
  bookmarks(): Bookmark[] {
    return this.refresh().bookmarks;
  }

  /** Save a new bookmark (its id must be new). */
  addBookmark(bookmark: Bookmark): Promise<Bookmark> {
    return this.change('save your bookmark', (data) => {
      if (data.bookmarks.some((b) => b.id === bookmark.id)) throw new Error(`store: bookmark ${bookmark.id} already exists`);
      return { entry: { op: 'put', bookmarks: [bookmark] }, result: bookmark };
    });
  }

  /** Change a bookmark's note and tags. */
  updateBookmark(id: string, patch: BookmarkPatch, now: Date = new Date()): Promise<Bookmark> {
    const what = patch.note !== undefined ? 'save your note' : patch.tags !== undefined ? 'save your tags' : 'change your highlight';
    return this.change(what, (data) => {
      const old = data.bookmarks.find((b) => b.id === id);
      if (!old) throw new UnknownBookmarkError(`no bookmark with id '${id}'`);
      const { color, ...rest } = patch;
      // Only a highlight has a colour: a passage or section bookmark never takes one.
      const updated: Bookmark = { ...old, ...rest, ...(color !== undefined && old.target === 'text' ? { color } : {}), updatedAt: now.toISOString() };
      return { entry: { op: 'put', bookmarks: [updated] }, result: updated };
    });
  }

  /** Delete a bookmark, returning it (for undo). */
  removeBookmark(id: string): Promise<Bookmark> {
    return this.change('remove your bookmark', (data) => {
      const removed = data.bookmarks.find((b) => b.id === id);
      if (!removed) throw new UnknownBookmarkError(`no bookmark with id '${id}'`);
      return { entry: { op: 'remove', id }, result: removed };
    });
  }

  /**
   * Merge bookmarks in by id: new ids are added, known ids take the newer version (by
   * updatedAt, compared as instants), identical ones change nothing. All or nothing: one change.
   */
  importBookmarks(incoming: readonly Bookmark[]): Promise<ImportOutcome> {
    return this.change('import your bookmarks', (data) => {
      const byId = new Map(data.bookmarks.map((b) => [b.id, b]));
      const put: Bookmark[] = [];
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      for (const b of incoming) {
        const old = byId.get(b.id);
        if (old === undefined) {
          added++;
        } else if (JSON.stringify(old) !== JSON.stringify(b) && Date.parse(b.updatedAt) > Date.parse(old.updatedAt)) {
          updated++;
        } else {
          unchanged++;
          continue;
        }
        byId.set(b.id, b);
        put.push(b);
      }
      const result = { added, updated, unchanged };
      return put.length > 0 ? { entry: { op: 'put', bookmarks: put }, result } : { result };
    });
  }
}
