/**
 * The store's snapshot reader in the app: electron-store, with the options conf gets in Node.
 * Quire's own store (src/core/user/store.ts) does the writing, durably and under a lock shared with
 * the web host and the CLI.
 */
import ElectronStore from 'electron-store';
import { STORE_NAME, STORE_OPTIONS, type BackendFactory, type SnapshotReader, type StoreShape } from '../core/user/store';

/** electron-store in a data folder (the app's userData). */
export const electronBackend: BackendFactory = (dataDir) =>
  new ElectronStore<StoreShape>({ ...STORE_OPTIONS, name: STORE_NAME, cwd: dataDir }) as unknown as SnapshotReader;
