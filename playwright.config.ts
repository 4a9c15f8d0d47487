import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/chromium';
import type { AppTarget } from './e2e/fixtures';

/**
 * The same specs run twice: against the web host in Debian's Chromium (always), and against the
 * Electron app where its runtime is installed (elsewhere they skip, saying why).
 *
 * Playwright's own browser download cannot run here, so the browser is the system Chromium,
 * overridable with QUIRE_CHROMIUM.
 */
export default defineConfig<object, { target: AppTarget }>({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      use: {
        target: 'web' satisfies AppTarget,
        browserName: 'chromium',
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
    {
      name: 'electron',
      use: { target: 'electron' satisfies AppTarget },
    },
  ],
});
