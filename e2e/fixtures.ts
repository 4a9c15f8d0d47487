/**
 * The app under test, started fresh for each test with its own data folder: the web host with a
 * browser page, or the Electron app with its first window. A test can restart it on the same data
 * folder, and can have it serve a temporary copy of `content/` that the test edits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  test as base,
  chromium,
  _electron as electron,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { findElectronBinary } from '../scripts/electron-binary';
import { CHROMIUM_LAUNCH } from './chromium';
import { QuirePage } from './pages/QuirePage';

/** Which shell the specs drive. */
export type AppTarget = 'web' | 'electron';

export interface Fixtures {
  /** A fresh data folder for this test. */
  dataDir: string;
  /**
   * Serve a temporary copy of `content/` instead of the bundled library (`test.use({ copyContent:
   * true })`); the test finds it at {@link Fixtures.contentDir}. The web host serves the folder;
   * for the Electron app it is built (on every start) and loaded through QUIRE_LIBRARY.
   */
  copyContent: boolean;
  /** The copy of `content/` the app serves, when `copyContent` is on; undefined otherwise. */
  contentDir: string | undefined;
  /** The app's window, ready to use (as first launched; after a restart use what it resolves with). */
  appPage: Page;
  /** The page object over it. */
  quire: QuirePage;
  /** Starts and restarts the app of this test. */
  appHost: AppHost;
  /**
   * Stop the app and start it again on the same data folder (and content folder), without a route,
   * as at launch; resolves with its window. The web host keeps the same page; the Electron app
   * opens a new window, so use the page this resolves with from then on.
   */
  restartHost: () => Promise<Page>;
  /**
   * What printing the window now gives, as PDF bytes: Chromium's print to PDF (print media, the
   * page's @page size) for web runs, webContents.printToPDF with the app's own options for Electron.
   */
  printToPdf: () => Promise<Buffer>;
}

/** The app of one test. */
interface AppHost {
  /** Start the app (stopping the running one first); resolves with its window, loaded. */
  start(): Promise<Page>;
  /** Print the running app's window to PDF. */
  pdf(): Promise<Buffer>;
}

/** Stop a host and wait until it has exited (so that it has written what it keeps). */
async function stopWebHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Build a content folder into a library folder beside it, as the app loads one; returns its path. */
function buildLibrary(contentDir: string): string {
  const out = join(dirname(contentDir), 'library');
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'build', '--content', contentDir, '--out', out], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`fixtures: building ${contentDir} failed: ${built.stderr || built.stdout}`);
  return out;
}

/**
 * Start the web host and resolve with the address it prints.
 *
 * With a content folder, the host builds the library into a cache under the temp folder: that is
 * pointed at the content copy's parent, so that it goes away with the copy.
 */
function startWebHost(dataDir: string, contentDir: string | undefined): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data-dir', dataDir];
    const child = spawn(process.execPath, contentDir ? [...args, '--content', contentDir] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: contentDir ? { ...process.env, TMPDIR: dirname(contentDir) } : process.env,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${err || out}`)));
  });
}

export interface WorkerFixtures {
  target: AppTarget;
  /** Chromium for this worker, launched on first use only (Electron runs need none). */
  sharedBrowser: () => Promise<Browser>;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  target: ['web', { option: true, scope: 'worker' }],

  sharedBrowser: [
    async ({}, use) => {
      let launched: Promise<Browser> | undefined;
      await use(() => (launched ??= chromium.launch(CHROMIUM_LAUNCH)));
      if (launched) await (await launched).close();
    },
    { scope: 'worker' },
  ],

  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'quire-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  copyContent: [false, { option: true }],

  contentDir: async ({ copyContent }, use) => {
    if (!copyContent) {
      await use(undefined);
      return;
    }
    // The whole folder, whatever it holds (articles, synonyms and any other file), as the app reads it.
    const root = await mkdtemp(join(tmpdir(), 'quire-e2e-content-'));
    const dir = join(root, 'content');
    await cp('content', dir, { recursive: true });
    await use(dir);
    await rm(root, { recursive: true, force: true });
  },

  appHost: async ({ target, dataDir, contentDir, sharedBrowser }, use, testInfo) => {
    if (target === 'electron') {
      const binary = findElectronBinary();
      testInfo.skip('missing' in binary, `Electron specs skipped: ${'missing' in binary ? binary.missing : ''}`);
      if ('missing' in binary) return;
      let app: ElectronApplication | undefined;
      await use({
        async start() {
          if (app) await app.close();
          const env: Record<string, string> = { ...(process.env as Record<string, string>), QUIRE_USER_DATA: dataDir };
          // The app loads a built library: build the content copy (as it is now) beside it.
          if (contentDir) env.QUIRE_LIBRARY = buildLibrary(contentDir);
          app = await electron.launch({ executablePath: binary.path, args: ['.'], env });
          const window = await app.firstWindow();
          await window.waitForLoadState('domcontentloaded');
          return window;
        },
        async pdf() {
          if (!app) throw new Error('fixtures: the app is not running');
          const base64 = await app.evaluate(async ({ BrowserWindow }) => {
            const [window] = BrowserWindow.getAllWindows();
            if (!window) throw new Error('no window');
            // The options src/main/print.ts uses (src/core/shell/print-options.ts).
            const data = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
            return data.toString('base64');
          });
          return Buffer.from(base64, 'base64');
        },
      });
      if (app) await app.close();
      return;
    }
    let host: ChildProcess | undefined;
    let context: BrowserContext | undefined;
    let page: Page | undefined;
    await use({
      async start() {
        if (host) await stopWebHost(host);
        const started = await startWebHost(dataDir, contentDir);
        host = started.child;
        if (!context) context = await (await sharedBrowser()).newContext();
        page ??= await context.newPage();
        await page.goto(started.url);
        return page;
      },
      async pdf() {
        if (!page) throw new Error('fixtures: the app is not running');
        return page.pdf({ preferCSSPageSize: true, printBackground: true });
      },
    });
    await context?.close();
    if (host) await stopWebHost(host);
  },

  appPage: async ({ appHost }, use) => {
    await use(await appHost.start());
  },

  printToPdf: async ({ appHost }, use) => {
    await use(() => appHost.pdf());
  },

  restartHost: async ({ appHost, appPage }, use) => {
    // Depends on appPage so that there is a running app to restart.
    void appPage;
    await use(() => appHost.start());
  },

  quire: async ({ appPage }, use) => {
    await use(new QuirePage(appPage));
  },
});

export { expect } from '@playwright/test';
