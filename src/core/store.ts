/**
 * The user's store: what Quire remembers between launches (recent searches now; bookmarks and
 * settings later). One JSON file, `quire.json`, in the data folder, owned by the host process.
 *
 * The app writes it with electron-store, Node (tests, web host, CLI) with conf, the library
 * electron-store is built on: both get {@link STORE_OPTIONS}, so the file format is the same.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import {
  BookmarkSchema,
  DEFAULT_SETTINGS,
  ReadingStateSchema,
  StoredSettingsSchema,
  type Bookmark,
  type ReaderSettings,
  type ReadingState,
  type StoredSettings,
} from '../shared/bookmarks';
import { MAX_RECENT_SEARCHES } from '../shared/schemas';

/** Version of the store's layout; {@link migrate} brings older files up to it. */
export const STORE_VERSION = 1;

/** What the store holds. */
export interface StoreShape {
  version: number;
  recentSearches: string[];
  bookmarks: Bookmark[];
  /** Partial in older files: {@link UserStore.settings} fills in the defaults. */
  settings: StoredSettings;
  reading: ReadingState | null;
}

/** The store file's base name (conf's configName, electron-store's name). */
export const STORE_NAME = 'quire';

/** Options shared by conf and electron-store: schema, defaults, and no silent wipes. */
export const STORE_OPTIONS = {
  schema: {
    version: { type: 'integer', minimum: 0 },
    recentSearches: { type: 'array', items: { type: 'string', maxLength: 1000 }, maxItems: MAX_RECENT_SEARCHES },
    // The bookmark schema is written once, in zod, and given to conf as JSON Schema.
    bookmarks: { type: 'array', items: z.toJSONSchema(BookmarkSchema, { target: 'draft-2020-12' }) as Record<string, unknown> },
    // Fields added to the settings later are optional here, so that older files still load.
    settings: z.toJSONSchema(StoredSettingsSchema, { target: 'draft-2020-12' }) as Record<string, unknown>,
    reading: { anyOf: [{ type: 'null' }, z.toJSONSchema(ReadingStateSchema, { target: 'draft-2020-12' }) as Record<string, unknown>] },
  },
  defaults: {
    version: STORE_VERSION,
    recentSearches: [] as string[],
    bookmarks: [] as Bookmark[],
    settings: DEFAULT_SETTINGS,
    reading: null as ReadingState | null,
  },
  // A bad file must be set aside and reported, never cleared.
  clearInvalidConfig: false,
} as const;

/** The part of conf / electron-store the store uses. */
export interface KeyValueBackend {
  get<K extends keyof StoreShape>(key: K): StoreShape[K];
  set<K extends keyof StoreShape>(key: K, value: StoreShape[K]): void;
  readonly path: string;
}

/** Opens the backend in a data folder (conf in Node, electron-store in the app). */
export type BackendFactory = (dataDir: string) => KeyValueBackend;

/** conf in a data folder, with the shared options. */
export const confBackend: BackendFactory = (dataDir) =>
  new Conf<StoreShape>({ ...STORE_OPTIONS, configName: STORE_NAME, cwd: dataDir, projectName: 'quire' }) as unknown as KeyValueBackend;

/** The store and what happened when it was opened. */
export interface OpenedStore {
  readonly store: UserStore;
  /** Where an unreadable store file was moved, if one was. */
  readonly setAside?: string;
}

/**
 * Open the store in a data folder. A file that cannot be read (bad JSON, schema violation) is
 * renamed with a timestamp and an empty store is started; the caller tells the user where it is.
 */
export function openStore(dataDir: string, factory: BackendFactory = confBackend, now: Date = new Date()): OpenedStore {
  migrateFile(join(dataDir, `${STORE_NAME}.json`), now);
  try {
    return { store: new UserStore(factory(dataDir)) };
  } catch (e) {
    const file = join(dataDir, `${STORE_NAME}.json`);
    if (!existsSync(file)) throw e;
    const setAside = join(dataDir, `${STORE_NAME}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(file, setAside);
    return { store: new UserStore(factory(dataDir)), setAside };
  }
}

/** The current store file, for checking a migration's result before it is written. */
const StoreFileSchema = z.object({
  version: z.literal(STORE_VERSION),
  recentSearches: z.array(z.string().max(1000)).max(MAX_RECENT_SEARCHES).optional(),
  bookmarks: z.array(BookmarkSchema),
  settings: StoredSettingsSchema.optional(),
  reading: ReadingStateSchema.nullable().optional(),
});

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

/**
 * Migrate the store file in place when it is of an earlier version, keeping the original beside
 * it (`quire.v0.json`). A file that is not JSON is left for {@link openStore} to set aside.
 */
function migrateFile(file: string, now: Date): void {
  if (!existsSync(file)) return;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return;
  const version = typeof (data as { version?: unknown }).version === 'number' ? (data as { version: number }).version : 0;
  if (version >= STORE_VERSION) return;
  const migrated = migrate(data as Record<string, unknown>);
  // A file that would not be valid even migrated is not an old store but a broken one.
  if (!StoreFileSchema.safeParse(migrated).success) return;
  const backup = file.replace(/\.json$/, `.v${version}.json`);
  writeFileSync(existsSync(backup) ? file.replace(/\.json$/, `.v${version}-${now.getTime()}.json`) : backup, readFileSync(file));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(migrated, null, '\t'));
  renameSync(tmp, file);
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

/** The user's data, validated on every write by the backend's schema. */
export class UserStore {
  constructor(private readonly backend: KeyValueBackend) {}

  /** Where the store file is. */
  get path(): string {
    return this.backend.path;
  }

  /** Recent searches, newest first. */
  recentSearches(): string[] {
    return this.backend.get('recentSearches');
  }

  /** Put a search first (once), keeping the newest {@link MAX_RECENT_SEARCHES}. */
  addRecentSearch(query: string): string[] {
    const q = query.trim();
    if (!q) return this.recentSearches();
    const next = [q, ...this.recentSearches().filter((r) => r !== q)].slice(0, MAX_RECENT_SEARCHES);
    this.backend.set('recentSearches', next);
    return next;
  }

  /** Forget every recent search. */
  clearRecentSearches(): void {
    this.backend.set('recentSearches', []);
  }

  /** The reading settings, every field present (defaults for those a file does not have). */
  settings(): ReaderSettings {
    return { ...DEFAULT_SETTINGS, ...this.backend.get('settings') };
  }

  /** Change some reading settings; returns them all. */
  updateSettings(patch: Partial<ReaderSettings>): ReaderSettings {
    const next = { ...this.settings(), ...patch };
    this.backend.set('settings', next);
    return next;
  }

  /** Where the reader was. */
  readingState(): ReadingState | null {
    return this.backend.get('reading');
  }

  /** Remember where the reader is. */
  saveReadingState(state: ReadingState): void {
    this.backend.set('reading', state);
  }

  /** Every bookmark, oldest first. */
  bookmarks(): Bookmark[] {
    return this.backend.get('bookmarks');
  }

  /** Save a new bookmark (its id must be new). */
  addBookmark(bookmark: Bookmark): Bookmark {
    const all = this.bookmarks();
    if (all.some((b) => b.id === bookmark.id)) throw new Error(`store: bookmark ${bookmark.id} already exists`);
    this.backend.set('bookmarks', [...all, bookmark]);
    return bookmark;
  }

  /** Change a bookmark's note and tags. */
  updateBookmark(id: string, patch: { note?: string; tags?: string[] }, now: Date = new Date()): Bookmark {
    const all = this.bookmarks();
    const i = all.findIndex((b) => b.id === id);
    if (i === -1) throw new UnknownBookmarkError(`no bookmark with id '${id}'`);
    const updated: Bookmark = { ...all[i]!, ...patch, updatedAt: now.toISOString() };
    this.backend.set('bookmarks', all.map((b, k) => (k === i ? updated : b)));
    return updated;
  }

  /** Delete a bookmark, returning it (for undo). */
  removeBookmark(id: string): Bookmark {
    const all = this.bookmarks();
    const removed = all.find((b) => b.id === id);
    if (!removed) throw new UnknownBookmarkError(`no bookmark with id '${id}'`);
    this.backend.set('bookmarks', all.filter((b) => b.id !== id));
    return removed;
  }

  /**
   * Merge bookmarks in by id: new ids are added, known ids take the newer version (by
   * updatedAt), identical ones change nothing. All or nothing: one write.
   */
  importBookmarks(incoming: readonly Bookmark[]): ImportOutcome {
    const all = this.bookmarks();
    const byId = new Map(all.map((b, i) => [b.id, i]));
    const next = [...all];
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const b of incoming) {
      const i = byId.get(b.id);
      if (i === undefined) {
        byId.set(b.id, next.length);
        next.push(b);
        added++;
      } else if (JSON.stringify(next[i]) !== JSON.stringify(b) && b.updatedAt > next[i]!.updatedAt) {
        next[i] = b;
        updated++;
      } else {
        unchanged++;
      }
    }
    if (added + updated > 0) this.backend.set('bookmarks', next);
    return { added, updated, unchanged };
  }
}
