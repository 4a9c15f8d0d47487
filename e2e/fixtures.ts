/**
 * The app under test, started fresh for each test with its own data folder: the web host with a
 * browser page, or the Electron app with its first window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, chromium, _electron as electron, type Browser, type Page } from '@playwright/test';
import { findElectronBinary } from '../scripts/electron-binary';
import { CHROMIUM_LAUNCH } from './chromium';
import { QuirePage } from './pages/QuirePage';

/** Which shell the specs drive. */
export type AppTarget = 'web' | 'electron';

interface Fixtures {
  /** A fresh data folder for this test. */
  dataDir: string;
  /** The app's window, ready to use. */
  appPage: Page;
  /** The page object over it. */
  quire: QuirePage;
  /** The web host, started on first use (web runs only). */
  webHost: WebHost;
  /**
   * Stop the web host and start it again on the same data folder, then reload the app from the new
   * address (without a route, as at launch). Web runs only.
   */
  restartHost: () => Promise<void>;
}

/** The web host of one test: (re)start it on the test's data folder. */
interface WebHost {
  /** Start the host (stopping the running one first); resolves with the app's address. */
  start(): Promise<string>;
}

/** Stop a host and wait until it has exited (so that it has written what it keeps). */
async function stopWebHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Start the web host and resolve with the address it prints. */
function startWebHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
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

interface WorkerFixtures {
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

  webHost: async ({ dataDir }, use) => {
    let running: ChildProcess | undefined;
    await use({
      async start() {
        if (running) await stopWebHost(running);
        const { child, url } = await startWebHost(dataDir);
        running = child;
        return url;
      },
    });
    if (running) await stopWebHost(running);
  },

  appPage: async ({ target, dataDir, sharedBrowser, webHost }, use, testInfo) => {
    if (target === 'electron') {
      const binary = findElectronBinary();
      testInfo.skip('missing' in binary, `Electron specs skipped: ${'missing' in binary ? binary.missing : ''}`);
      if ('missing' in binary) return;
      const app = await electron.launch({ executablePath: binary.path, args: ['.'], env: { ...process.env, QUIRE_USER_DATA: dataDir } });
      const window = await app.firstWindow();
      await use(window);
      await app.close();
      return;
    }
    const url = await webHost.start();
    const context = await (await sharedBrowser()).newContext();
    const page = await context.newPage();
    await page.goto(url);
    await use(page);
    await context.close();
  },

  restartHost: async ({ target, webHost, appPage }, use) => {
    await use(async () => {
      if (target !== 'web') throw new Error('restartHost: web runs only');
      await appPage.goto(await webHost.start());
    });
  },

  quire: async ({ appPage }, use) => {
    await use(new QuirePage(appPage));
  },
});

export { expect } from '@playwright/test';
