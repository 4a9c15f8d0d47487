/**
 * The Electron shell: one locked-down window over the engine in src/core.
 *
 * Everything this file does is wiring: load the built library, bind the API to IPC, apply the
 * security policy, open the window.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { startEngineWorker } from '../core/engine-client';
import { storeService } from '../core/service';
import { openStore, storeSetAsideNotice } from '../core/store';
import { electronBackend } from './store';
import { isAppUrl, isPermissionAllowed, secureWebPreferences } from '../core/shell-policy';
import { bindApi } from './ipc';
import { installMenu } from './menu';
import { printService } from './print';

const isDevelopment = !app.isPackaged;
// Tests and side-by-side installs point the app at their own data folder.
if (process.env.QUIRE_USER_DATA) app.setPath('userData', process.env.QUIRE_USER_DATA);
const rendererIndex = join(__dirname, '../renderer/index.html');
// The dev server's address in `electron-vite dev`; the built file otherwise.
const appUrl = isDevelopment && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : pathToFileURL(rendererIndex).href;
// QUIRE_LIBRARY serves another built library (`quire build --out DIR`): the e2e suite's edited copies.
const libraryDir = process.env.QUIRE_LIBRARY ?? (app.isPackaged ? join(process.resourcesPath, 'library') : join(__dirname, '../library'));

function applySecurityPolicy(): void {
  // Nothing outside the app is ever fetched: no network, ever.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('devtools://') || isAppUrl(details.url, appUrl) || isAppAsset(details.url);
    callback({ cancel: !allowed });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Files of the built renderer (scripts, styles) or the dev server's assets. */
function isAppAsset(url: string): boolean {
  if (appUrl.startsWith('file:')) {
    const root = pathToFileURL(join(__dirname, '../renderer')).href + '/';
    return url.startsWith(root);
  }
  return url.startsWith(new URL(appUrl).origin + '/');
}

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
  applySecurityPolicy();
  // The index loads and searches in a worker thread, off the thread that runs windows and menus.
  const engine = await startEngineWorker(join(__dirname, 'worker.js'), libraryDir);
  app.on('will-quit', () => void engine.close());
  const { store, setAside } = openStore(app.getPath('userData'), electronBackend);
  const notice = setAside ? storeSetAsideNotice(setAside) : null;
  if (notice) console.error(`quire: ${notice}`);
  const articles = (id: string) => engine.api.getArticle(id).catch(() => undefined);
  const print = printService(() => mainWindow);
  bindApi({ ...engine.api, ...storeService(store, articles, notice), ...print }, (frameUrl) => isAppUrl(frameUrl, appUrl));
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
  app.exit(1);
});
