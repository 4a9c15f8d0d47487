/**
 * The user's store: what Quire remembers between launches (recent searches now; bookmarks and
 * settings later). One JSON file, `quire.json`, in the data folder, owned by the host process.
 *
 * The app writes it with electron-store, Node (tests, web host, CLI) with conf, the library
 * electron-store is built on: both get {@link STORE_OPTIONS}, so the file format is the same.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { MAX_RECENT_SEARCHES } from '../shared/schemas';

/** What the store holds. */
export interface StoreShape {
  recentSearches: string[];
}

/** The store file's base name (conf's configName, electron-store's name). */
export const STORE_NAME = 'quire';

/** Options shared by conf and electron-store: schema, defaults, and no silent wipes. */
export const STORE_OPTIONS = {
  schema: {
    recentSearches: { type: 'array', items: { type: 'string', maxLength: 1000 }, maxItems: MAX_RECENT_SEARCHES },
  },
  defaults: { recentSearches: [] as string[] },
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
}
