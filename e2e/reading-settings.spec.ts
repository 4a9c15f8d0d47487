/// <reference lib="dom" />
// The checks read computed styles and the document's fonts in the page: DOM types.
/**
 * The reading settings, each applied to the article's text, its results table and the print
 * preview, and all of them kept across a restart.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ReaderSettings } from '../src/shared/bookmarks';
import { openStore } from '../src/core/user/store';
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { PrintPreview } from './pages/PrintPreview';
import { QuirePage } from './pages/QuirePage';
import { pdfFonts } from './pdf';
import { SEPIA_BG, SJOGREN, SLEEP } from './screens';

/** The settings the data folder's store holds now, read as another process would (undefined before there is a store). */
async function storedSettings(dataDir: string): Promise<ReaderSettings | undefined> {
  try {
    await access(join(dataDir, 'quire.json'));
  } catch {
    return undefined;
  }
  const { store } = await openStore(dataDir);
  const settings = store.settings();
  await store.close();
  return settings;
}

/** What the settings change in an element's type, as computed. */
interface Type {
  readonly family: string;
  /** px */
  readonly size: number;
  /** px */
  readonly lineHeight: number;
}

async function typeOf(element: Locator): Promise<Type> {
  return element.evaluate((e) => {
    const s = getComputedStyle(e);
    return { family: s.fontFamily, size: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) };
  });
}

/** Where the settings show: a paragraph and a table cell of the article, on screen and in the print preview. */
class Reading {
  readonly paragraph: Locator;
  readonly cell: Locator;
  readonly printParagraph: Locator;
  readonly printCell: Locator;
  readonly printTitle: Locator;
  readonly settings: BookmarksPanel;
  readonly preview: PrintPreview;

  constructor(readonly page: Page) {
    this.paragraph = page.locator('main .article__body p.passage').first();
    this.cell = page.locator('main .article__body .table-wrap td').first();
    this.preview = new PrintPreview(page);
    this.printParagraph = this.preview.paperSheet.locator('.article__body p.passage').first();
    this.printCell = this.preview.paperSheet.locator('.article__body .table-wrap td').first();
    this.printTitle = this.preview.paperSheet.locator('.print-citation__title');
    this.settings = new BookmarksPanel(page);
  }

  /** Choose in the settings, then close them. */
  async choose(group: string, choice: string): Promise<void> {
    await this.settings.chooseSetting(group, choice);
    await expect(this.settings.settingChoice(group, choice)).toBeChecked();
    await this.page.keyboard.press('Escape');
    await expect(this.settings.settingsDialog).toBeHidden();
  }

  /** Run `check` with the print preview open, then close it. */
  async inPreview(check: () => Promise<void>): Promise<void> {
    await this.preview.openWithShortcut();
    await expect(this.printCell).toBeVisible();
    await check();
    await this.page.keyboard.press('Escape');
    await expect(this.preview.dialog).toBeHidden();
  }
}

/** Tables' line spacing as a share of the text's (--table-leading in tokens.css). */
const TABLE_LEADING = 0.82;

const FACES = [
  { choice: 'Sans-serif', value: 'sans', face: 'Atkinson Hyperlegible Next Variable' },
  { choice: 'System font', value: 'system', face: 'system-ui' },
  { choice: 'Serif', value: 'serif', face: 'Source Serif 4 Variable' },
] as const;

test.describe('reading settings', () => {
  test('the font sets the article, its table and the print, in the face bundled with the app', async ({ quire, appPage, printToPdf }) => {
    const reading = new Reading(appPage);
    await quire.openArticle(SLEEP);
    // The default is the bundled serif.
    await expect(appPage.locator('html')).toHaveAttribute('data-font-family', 'serif');
    for (const { choice, value, face } of FACES) {
      await reading.choose('Font', choice);
      await expect(appPage.locator('html')).toHaveAttribute('data-font-family', value);
      for (const where of [reading.paragraph, reading.cell, quire.articleTitle]) expect((await typeOf(where)).family).toMatch(new RegExp(`^"?${face}`));
      await reading.inPreview(async () => {
        for (const where of [reading.printParagraph, reading.printCell, reading.printTitle]) expect((await typeOf(where)).family).toMatch(new RegExp(`^"?${face}`));
        // On paper too: Chromium embeds the bundled (variable) faces as Type 3 outlines; the
        // system font is an installed one, embedded by name.
        const fonts = pdfFonts(await printToPdf());
        expect(fonts.some((f) => f.type === 'Type 3'), `bundled face in the PDF: ${JSON.stringify(fonts)}`).toBe(value !== 'system');
      });
      if (value !== 'system') {
        // The face was loaded from the app (no network in these tests, and the CSP allows 'self' only).
        const loaded = await appPage.evaluate(async (family) => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded').length;
        }, face);
        expect(loaded, `${face} loaded`).toBeGreaterThan(0);
      }
    }
    // A title with a letter beyond ASCII is drawn in the bundled face, not a fallback.
    await quire.openArticle(SJOGREN);
    await expect
      .poll(() => appPage.evaluate(() => document.fonts.ready.then(() => document.fonts.check('18px "Source Serif 4 Variable"', 'Sjögren'))))
      .toBe(true);
  });

  test('line spacing sets the article, its table and the print', async ({ quire, appPage }) => {
    const reading = new Reading(appPage);
    await quire.openArticle(SLEEP);
    // Line height as a multiple of the text size: on screen, and on paper (tighter, as print is smaller).
    const spacings = [
      { choice: 'Relaxed', screen: 1.95, paper: 1.7 },
      { choice: 'Compact', screen: 1.5, paper: 1.3 },
      { choice: 'Normal', screen: 1.7, paper: 1.45 },
    ];
    for (const { choice, screen, paper } of spacings) {
      await reading.choose('Line spacing', choice);
      await expect(appPage.locator('html')).toHaveAttribute('data-line-spacing', choice.toLowerCase());
      // Tables are set a little tighter than running text (TABLE_LEADING of it).
      const expectSpacing = async (where: Locator, times: number, what: string): Promise<void> => {
        const t = await typeOf(where);
        expect(t.lineHeight / t.size, `${choice}: ${what}`).toBeCloseTo(times, 2);
      };
      await expectSpacing(reading.paragraph, screen, 'text on screen');
      await expectSpacing(reading.cell, screen * TABLE_LEADING, 'table on screen');
      await reading.inPreview(async () => {
        await expectSpacing(reading.printParagraph, paper, 'text in print');
        await expectSpacing(reading.printCell, paper * TABLE_LEADING, 'table in print');
      });
    }
  });

  test('the results table is set in the reading face and grows with the text size', async ({ quire, appPage }) => {
    const reading = new Reading(appPage);
    await quire.openArticle(SLEEP);
    const before = { text: await typeOf(reading.paragraph), cell: await typeOf(reading.cell) };
    expect(before.cell.family).toBe(before.text.family);
    expect(before.cell.size / before.text.size).toBeCloseTo(0.9, 2);

    await reading.settings.settingsButton.click();
    const larger = reading.settings.settingsDialog.getByRole('button', { name: 'Larger text' });
    for (let i = 0; i < 5; i++) await larger.click();
    await expect(appPage.locator('html')).toHaveAttribute('data-font-size', '150');
    await appPage.keyboard.press('Escape');
    const after = { text: await typeOf(reading.paragraph), cell: await typeOf(reading.cell) };
    expect(after.text.size / before.text.size).toBeCloseTo(1.5, 2);
    expect(after.cell.size / before.cell.size).toBeCloseTo(1.5, 2);
  });

  test('margins pad the article on screen and the page in print, one setting for both', async ({ quire, appPage }) => {
    const reading = new Reading(appPage);
    await quire.openArticle(SLEEP);
    const article = appPage.locator('.article-view');
    const pad = (l: Locator): Promise<number> => l.evaluate((e) => parseFloat(getComputedStyle(e).paddingInlineStart));
    const seen: Record<string, { screen: number; paper: number }> = {};
    for (const choice of ['Narrow', 'Wide', 'Normal']) {
      await reading.choose('Margins', choice);
      await expect(appPage.locator('html')).toHaveAttribute('data-margins', choice.toLowerCase());
      const screen = await pad(article);
      let paper = 0;
      await reading.inPreview(async () => {
        await expect(reading.preview.margins).toHaveValue(choice.toLowerCase());
        paper = await pad(appPage.locator('.print-preview__paper'));
      });
      seen[choice] = { screen, paper };
    }
    const { Narrow: narrow, Normal: normal, Wide: wide } = seen as Record<'Narrow' | 'Normal' | 'Wide', { screen: number; paper: number }>;
    expect(narrow.screen).toBe(0);
    expect(normal.screen).toBeGreaterThan(narrow.screen);
    expect(wide.screen).toBeGreaterThan(normal.screen);
    // 12, 20 and 30 mm at 96 px to the inch.
    expect(narrow.paper).toBeCloseTo((12 * 96) / 25.4, 0);
    expect(normal.paper).toBeCloseTo((20 * 96) / 25.4, 0);
    expect(wide.paper).toBeCloseTo((30 * 96) / 25.4, 0);

    // At phone width even wide margins leave the text most of the window, and nothing scrolls sideways.
    await reading.choose('Margins', 'Wide');
    await appPage.setViewportSize({ width: 390, height: 844 });
    // (The start keeps room for the passages' actions in the gutter, whatever the margins say.)
    const textWidth = await article.evaluate((e) => {
      const style = getComputedStyle(e);
      return e.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
    });
    expect(textWidth).toBeGreaterThanOrEqual(0.8 * 390);
    expect(await appPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('sepia colours the reader but not the print', async ({ quire, appPage }) => {
    const reading = new Reading(appPage);
    await appPage.emulateMedia({ colorScheme: 'dark' });
    await quire.openArticle(SLEEP);
    await reading.choose('Theme', 'Sepia');
    await expect(appPage.locator('html')).toHaveAttribute('data-theme', 'sepia');
    await expect(appPage.locator('body')).toHaveCSS('background-color', SEPIA_BG);
    await expect(reading.paragraph).toHaveCSS('color', 'rgb(51, 41, 28)');
    await reading.inPreview(async () => {
      await expect(appPage.locator('.print-preview__paper')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
      await expect(reading.printParagraph).toHaveCSS('color', 'rgb(0, 0, 0)');
    });
    // On paper (print media) the page itself is white too.
    await appPage.emulateMedia({ media: 'print' });
    await expect(appPage.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  });

  test('headings break into balanced lines, on screen and in print', async ({ quire, appPage }) => {
    const reading = new Reading(appPage);
    await quire.openArticle(SLEEP);
    const wrap = (l: Locator): Promise<string> => l.evaluate((e) => getComputedStyle(e).textWrapStyle);
    expect(await wrap(quire.articleTitle)).toBe('balance');
    expect(await wrap(appPage.locator('main h2.section__heading').first())).toBe('balance');
    await reading.inPreview(async () => {
      expect(await wrap(reading.printTitle)).toBe('balance');
      expect(await wrap(reading.preview.paperSheet.locator('h2').first())).toBe('balance');
    });
  });

  test('every setting is kept across a restart', async ({ quire, appPage, dataDir, restartHost }) => {
    const reading = new Reading(appPage);
    await quire.openArticle(SLEEP);
    const chosen = [
      ['Theme', 'Sepia'],
      ['Font', 'Sans-serif'],
      ['Line spacing', 'Relaxed'],
      ['Line width', 'Narrow'],
      ['Margins', 'Wide'],
    ] as const;
    for (const [group, choice] of chosen) await reading.choose(group, choice);
    await reading.settings.settingsButton.click();
    await reading.settings.settingsDialog.getByRole('button', { name: 'Larger text' }).click();
    const html = appPage.locator('html');
    const expected = { 'data-theme': 'sepia', 'data-font-family': 'sans', 'data-line-spacing': 'relaxed', 'data-line-width': 'narrow', 'data-margins': 'wide', 'data-font-size': '110' };
    for (const [name, value] of Object.entries(expected)) await expect(html).toHaveAttribute(name, value);
    await expect
      .poll(() => storedSettings(dataDir))
      .toMatchObject({ theme: 'sepia', fontFamily: 'sans', lineSpacing: 'relaxed', lineWidth: 'narrow', margins: 'wide', fontSize: 110 });

    const page = await restartHost();
    const after = new Reading(page);
    await expect(new QuirePage(page).articleTitle).toHaveText(SLEEP);
    for (const [name, value] of Object.entries(expected)) await expect(page.locator('html')).toHaveAttribute(name, value);
    await expect(page.locator('body')).toHaveCSS('background-color', SEPIA_BG);
    expect((await typeOf(after.cell)).family).toMatch(/^"?Atkinson Hyperlegible Next Variable/);
    await after.settings.settingsButton.click();
    for (const [group, choice] of chosen) await expect(after.settings.settingChoice(group, choice)).toBeChecked();
    await page.keyboard.press('Escape');
    await after.inPreview(async () => {
      await expect(after.preview.margins).toHaveValue('wide');
      const t = await typeOf(after.printParagraph);
      expect(t.family).toMatch(/^"?Atkinson Hyperlegible Next Variable/);
      expect(t.lineHeight / t.size).toBeCloseTo(1.7, 2);
    });
  });
});
