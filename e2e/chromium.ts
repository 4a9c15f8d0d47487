/**
 * How the specs launch Chromium: Debian's build (Playwright's download cannot run here), with
 * background networking off so the browser itself makes no request.
 */
import type { LaunchOptions } from '@playwright/test';

export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: process.env.QUIRE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
