/**
 * The Electron shell: one locked-down window over the engine in src/core.
 *
 * Everything this file does is wiring: load the built library, bind the API to IPC, apply the
 * security policy, open the window.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { APP_URL } from '../core/shell/app-protocol';
import { startEngineWorker } from '../core/api/engine-client';
import { openHost } from '../core/api/host';
import { startImportWorker } from '../core/api/import-client';
import { StoreAccessError } from '../core/user/store';
import { closeBeforeQuit } from '../core/shell/quit';
import { isTrustedSender, secureWebPreferences } from '../core/shell/shell-policy';
import { registerAppScheme, serveApp } from './app-protocol';
import { bindApi } from './ipc';
import { installMenu } from './menu';
import { printService } from './print';
import { recoverFromCrashes } from './recovery';
import { guardWebContents, secureSession } from './security';
import { electronBackend } from './store';

const isDevelopment = !app.isPackaged;
// Tests and side-by-side installs point the app at their own data folder.
if (process.env.QUIRE_USER_DATA) app.setPath('userData', process.env.QUIRE_USER_DATA);
const rendererDir = join(__dirname, '../renderer');
// The dev server's address in `electron-vite dev`; the built renderer on app://quire/ otherwise.
const appUrl = isDevelopment && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : APP_URL;
// QUIRE_LIBRARY serves another built library (`quire build --out DIR`): the e2e suite's edited copies.
const libraryDir = process.env.QUIRE_LIBRARY ?? (app.isPackaged ? join(process.resourcesPath, 'library') : join(__dirname, '../library'));

// Schemes are registered before the app is ready, or not at all.
registerAppScheme();

/** The app's window (one at a time): the page the print calls print. */
let mainWindow: BrowserWindow | undefined;

async function createWindow(): Promise<void> {
  const window = new BrowserWindow({
    width: 1200,
    height: 860,
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'Quire',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  window.once('ready-to-show', () => window.show());
  installMenu(window, isDevelopment);
  recoverFromCrashes(window, () => window.loadURL(appUrl));
  await window.loadURL(appUrl);
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  await app.whenReady();
  serveApp(session.defaultSession, rendererDir);
  secureSession(session.defaultSession, appUrl);
  guardWebContents();
  const dataDir = app.getPath('userData');
  // The index loads and searches in a worker thread, off the thread that runs windows and menus,
  // with the reader's own articles beside the bundled ones. A worker that dies is reported (its
  // calls fail saying so) and started again on the next call. Files the reader adds are read in
  // a second worker, so that neither the window nor the search waits for a book.
  const importer = startImportWorker(join(__dirname, 'importer.js'));
  const host = await openHost({
    dataDir,
    engine: () => startEngineWorker(join(__dirname, 'worker.js'), libraryDir, { dataDir, onExit: (reason) => console.error(`quire: ${reason}`) }),
    prepare: importer.prepare,
    store: { factory: electronBackend },
  });
  // The host closes before the app ends: an import's group added whole, the search index saved.
  app.on(
    'will-quit',
    closeBeforeQuit(
      () => host.close().finally(() => importer.close()),
      () => app.quit(),
      (m) => console.error(m),
    ),
  );
  if (host.notice) console.error(`quire: ${host.notice}`);
  const print = printService(() => mainWindow);
  bindApi({ ...host.api, ...print }, (frame) => isTrustedSender(frame, appUrl));
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((e: unknown) => {
  console.error(`quire: ${(e as Error).stack ?? String(e)}`);
  // A store the user may not read is theirs to fix, and says how: show it, not only log it.
  if (e instanceof StoreAccessError) dialog.showErrorBox('Quire cannot open your saved data', e.message);
  app.exit(1);
});
