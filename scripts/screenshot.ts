/**
 * `npx tsx scripts/screenshot.ts`: the README's screenshots, taken from the web host in Chromium:
 * a search over the Sjögren article at 1280x800 (docs/screenshot.png), and the same at half a
 * laptop screen, 800x900 (docs/screenshot-800.png). Run `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';
import { QuirePage } from '../e2e/pages/QuirePage';
import { startScriptHost } from './web-host';

const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";
const SHOTS = [
  { width: 1280, height: 800, path: 'docs/screenshot.png' },
  { width: 800, height: 900, path: 'docs/screenshot-800.png' },
];

const host = await startScriptHost('.cache/screenshot-data');
const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const { width, height, path } of SHOTS) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: (process.env.SCHEME as 'light' | 'dark') ?? 'light' });
  await page.goto(host.url);
  await new QuirePage(page).openArticle(SJOGREN);
  const box = page.getByRole('combobox', { name: 'Search the library' });
  await box.pressSequentially('swallowing');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
  await page.screenshot({ path });
  await page.close();
}
await browser.close();
host.stop();
