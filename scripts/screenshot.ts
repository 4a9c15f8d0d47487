/**
 * `npx tsx scripts/screenshot.ts`: the README's screenshot, taken from the web host in Chromium.
 * Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';

const host = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data-dir', '.cache/screenshot-data'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve) => {
  let out = '';
  host.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /^(http:\/\/\S+)$/m.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
});
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: (process.env.SCHEME as 'light' | 'dark') ?? 'light' });
await page.goto(url);
await page.getByRole('navigation', { name: 'Library' }).getByRole('link').first().click();
const box = page.getByRole('combobox', { name: 'Search the library' });
await box.pressSequentially('swallowing');
await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
await page.screenshot({ path: process.env.OUT ?? 'docs/screenshot.png' });
await browser.close();
host.kill();
