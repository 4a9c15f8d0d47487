/**
 * `npx tsx scripts/print-sample.ts`: the README's picture of page 1 of the printed sleep article.
 * It opens the article in Chromium through the web host, opens the print preview (whole article,
 * A4, normal margins), prints it to PDF as the browser's print does, and renders page 1 with
 * pdftoppm (poppler-utils). Run `npm run build` first.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';

const OUT = process.env.OUT ?? 'docs/print-page-1';
const work = mkdtempSync(join(tmpdir(), 'quire-print-sample-'));
const host = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data-dir', join(work, 'data')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise<string>((resolve) => {
    let out = '';
    host.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(http:\/\/\S+)$/m.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await browser.newPage();
  await page.goto(url);
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
  host.kill();
  rmSync(work, { recursive: true, force: true });
}
