/**
 * `npx tsx scripts/screenshot.ts`: the README's screenshot, taken from the web host in Chromium.
 * Run `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';
import { startScriptHost } from './web-host';

const host = await startScriptHost('.cache/screenshot-data');
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: (process.env.SCHEME as 'light' | 'dark') ?? 'light' });
await page.goto(host.url);
await page.getByRole('navigation', { name: 'Library' }).getByRole('link').first().click();
const box = page.getByRole('combobox', { name: 'Search the library' });
await box.pressSequentially('swallowing');
await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
await page.screenshot({ path: process.env.OUT ?? 'docs/screenshot.png' });
await browser.close();
host.stop();
