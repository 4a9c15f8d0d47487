/**
 * `npx tsx scripts/print-sample.ts`: the README's picture of page 1 of the printed sleep article.
 * It opens the article in Chromium through the web host, opens the print preview (whole article,
 * A4, normal margins), prints it to PDF as the browser's print does, and renders page 1 with
 * pdftoppm (poppler-utils). Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';
import { startScriptHost } from './web-host';

const OUT = process.env.OUT ?? 'docs/print-page-1';
const work = mkdtempSync(join(tmpdir(), 'quire-print-sample-'));
const host = await startScriptHost(join(work, 'data'));
try {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await browser.newPage();
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /Can Baclofen Help You Sleep/ }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Control+P');
  await page.getByRole('dialog', { name: 'Print' }).waitFor();
  const pdf = join(work, 'print.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await browser.close();
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, OUT]);
  console.log(`wrote ${OUT}.png`);
} finally {
  host.stop();
  rmSync(work, { recursive: true, force: true });
}
