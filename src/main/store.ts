/**
 * The store backend in the app: electron-store, with the options conf gets in Node.
 */
import ElectronStore from 'electron-store';
import { STORE_NAME, STORE_OPTIONS, type BackendFactory, type KeyValueBackend, type StoreShape } from '../core/store';

/** electron-store in a data folder (the app's userData). */
export const electronBackend: BackendFactory = (dataDir) =>
  new ElectronStore<StoreShape>({ ...STORE_OPTIONS, name: STORE_NAME, cwd: dataDir }) as unknown as KeyValueBackend;
