/**
 * The layout at 320, 390, 800, 1280 and 1920 px wide, in every theme: the header's search box per
 * window range, the drop-down's width, no horizontal scroll and no control outside the window
 * (library, search drop-down, an article with a bookmarked heading and first passage, the print
 * preview), the library drawer, the table of contents (beside the text and sticky when wide,
 * folded behind its button otherwise), the article before any library list on a phone, and the
 * highlight note clear of the text. Pictures go to test-results/screens/layout-<screen>-<width>-<theme>.png.
 */
import { join } from 'node:path';
import { axe } from './axe';
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { Layout, overlaps, rangeOf } from './pages/Layout';
import { PrintPreview } from './pages/PrintPreview';
import { applyTheme, SLEEP, THEMES } from './screens';

/** The four widths of the pictures, and 320 px, the narrowest the app must fit. */
const WIDTHS = [320, 390, 800, 1280, 1920] as const;
const SCREENS_DIR = join('test-results', 'screens');
/** The widths the drawers are also checked with axe at (no serious or critical violation). */
const AXE_WIDTHS: readonly number[] = [390, 800];

for (const theme of THEMES) {
  test(`layout at every width, ${theme.name}`, async ({ quire, appPage }) => {
    test.setTimeout(180_000);
    await applyTheme(appPage, theme);
    const layout = new Layout(appPage);
    const bookmarks = new BookmarksPanel(appPage);
    const preview = new PrintPreview(appPage);
    const shot = (screen: string, width: number) =>
      appPage.screenshot({ path: join(SCREENS_DIR, `layout-${screen}-${width}-${theme.name}.png`) });
    /** No horizontal scroll, and every control that shows lies within the window's width. */
    const axeClean = async (screen: string, width: number): Promise<void> => {
      if (!AXE_WIDTHS.includes(width)) return;
      const { blocking } = await axe(appPage);
      expect.soft(blocking.map((f) => `${f.impact} ${f.id}: ${f.detail}`), `axe on ${screen} at ${width} px (${theme.name})`).toEqual([]);
    };
    const fits = async (screen: string, width: number): Promise<void> => {
      const { scrollWidth, innerWidth } = await layout.widths();
      expect.soft(scrollWidth, `${screen} at ${width} px: no horizontal scroll`).toBeLessThanOrEqual(innerWidth);
      expect.soft(await layout.controlsOutsideViewport(), `${screen} at ${width} px: controls outside the window`).toEqual([]);
    };

    // Bookmark the first section's heading and its first passage, whose actions sit side by side.
    await layout.openArticle(SLEEP);
    const headingRow = appPage.locator('.article__body .bookmark-row--heading').first();
    const section = appPage.locator('.article__body .article-section:has(.bookmark-row--heading)').first();
    const passageRow = section.locator('.bookmark-row:not(.bookmark-row--heading)').first();
    const firstPassage = passageRow.locator('p[data-passage-id]');
    await headingRow.hover();
    await headingRow.getByRole('button', { name: /^Bookmark this/ }).click();
    await bookmarks.togglePassage((await firstPassage.getAttribute('data-passage-id')) ?? '');
    await expect(appPage.locator('.article__body .bookmark-row[data-bookmarked]')).toHaveCount(2);
    await appPage.goto(appPage.url().replace(/#.*$/, '#/'));
    await expect(quire.articleTitle).toBeVisible();

    for (const width of WIDTHS) {
      const range = rangeOf(width);
      await appPage.setViewportSize({ width, height: range === 'narrow' ? 844 : 900 });

      // The library.
      await appPage.goto(appPage.url().replace(/#.*$/, '#/'));
      await expect(quire.searchBox).toBeVisible();
      const header = await layout.box(layout.header);
      const area = await layout.box(quire.searchArea);
      const box = await layout.box(quire.searchBox);
      if (range === 'narrow') {
        expect.soft(area.width, `the search runs across the header at ${width} px`).toBeGreaterThanOrEqual(header.width - 2 * 16);
        expect.soft(area.y, `the search has a row of its own at ${width} px`).toBeGreaterThan(header.y + 30);
      } else if (range === 'medium') {
        expect.soft(box.width, `the search box is at least half the header at ${width} px`).toBeGreaterThanOrEqual(header.width / 2);
      } else {
        expect.soft(header.height, `one header row at ${width} px`).toBeLessThanOrEqual(64);
      }
      const drawer = await layout.libraryToggle.isVisible();
      expect.soft(drawer, `a button for the library drawer at ${width} px`).toBe(range !== 'wide');
      if (range === 'wide') {
        expect.soft(await layout.library.isVisible(), `the library sidebar at ${width} px`).toBe(true);
      } else if (drawer) {
        // A drawer: closed at first, opened from the header, closed by Escape with focus back on its button.
        await expect(layout.library).toBeHidden();
        await layout.libraryToggle.click();
        await expect(layout.libraryToggle).toHaveAttribute('aria-expanded', 'true');
        await expect(layout.library).toBeVisible();
        await expect(layout.library.getByRole('link').first()).toBeFocused();
        await fits('library drawer', width);
        await shot('library-drawer', width);
        await axeClean('library drawer', width);
        await appPage.keyboard.press('Escape');
        await expect(layout.library).toBeHidden();
        await expect(layout.libraryToggle).toBeFocused();
      }
      await fits('home', width);
      await shot('home', width);
      await quire.helpButton.click();
      await expect(quire.helpDialog).toBeVisible();
      await fits('search help', width);
      await shot('search-help', width);
      await appPage.keyboard.press('Escape');
      await expect(quire.helpDialog).toBeHidden();

      // The search drop-down: as wide as the box, and never narrower than min(320 px, the window).
      await quire.search('dry mouth');
      await quire.waitForAnswers();
      await expect(quire.options.first()).toBeVisible();
      const panel = await layout.box(layout.searchPanel);
      const { clientWidth } = await layout.widths();
      expect.soft(panel.width, `the drop-down is as wide as the box at ${width} px`).toBeGreaterThanOrEqual(box.width - 0.5);
      expect.soft(panel.width, `the drop-down is at least min(320 px, the window) at ${width} px`).toBeGreaterThanOrEqual(Math.min(320, clientWidth) - 0.5);
      await fits('search drop-down', width);
      await shot('search', width);

      // A result opened from it: the note about the highlighted words covers no text.
      await quire.openResult(0);
      await expect(layout.highlightNotice).toBeVisible();
      for (const scrolled of [false, true]) {
        if (scrolled) await appPage.evaluate(() => window.scrollTo(0, 0));
        const notice = await layout.box(layout.highlightNotice);
        const covered = await appPage.locator('.article__header > *, .article__body .passage, .article-actions > .button').evaluateAll(
          (els, n) =>
            els
              .map((el) => el.getBoundingClientRect())
              .filter((r) => r.left < n.x + n.width && n.x < r.right && r.top < n.y + n.height && n.y < r.bottom).length,
          notice,
        );
        expect.soft(covered, `the highlight note covers no text at ${width} px${scrolled ? ' (article top)' : ''}`).toBe(0);
      }
      await shot('highlights', width);
      await quire.clearHighlightsButton.click();

      // The article with its bookmarked heading and first passage.
      await layout.openArticle(SLEEP);
      await appPage.evaluate(() => window.scrollTo(0, 0));
      if (range !== 'wide') {
        expect.soft(await layout.libraryFollowsArticle(), `the article comes before any library list at ${width} px`).toBe(true);
        const title = await layout.box(quire.articleTitle);
        expect.soft(title.y, `the article starts in the first screen at ${width} px`).toBeLessThan((range === 'narrow' ? 844 : 900) / 2);
      }
      await fits('article', width);
      await shot('article', width);

      await headingRow.scrollIntoViewIfNeeded();
      await headingRow.hover();
      const copyLink = headingRow.getByRole('button', { name: /^Copy link/ });
      const ribbon = passageRow.getByRole('button', { name: 'Remove bookmark' });
      await expect(copyLink).toBeVisible();
      expect.soft(await layout.isOnTop(copyLink), `the heading's Copy link is not covered at ${width} px`).toBe(true);
      expect.soft(overlaps(await layout.box(copyLink), await layout.box(ribbon)), `Copy link clear of the passage's ribbon at ${width} px`).toBe(false);
      await fits('article, bookmarked heading', width);
      await shot('article-bookmarks', width);

      // The table of contents: beside the text and sticky when wide, folded behind its button otherwise.
      const firstTocLink = layout.toc.getByRole('link').first();
      const folds = await layout.tocToggle.isVisible();
      expect.soft(folds, `the contents fold behind a button at ${width} px`).toBe(range !== 'wide');
      if (range === 'wide') {
        await appPage.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
        await expect(firstTocLink).toBeInViewport();
        const toc = await layout.box(layout.toc);
        const body = await layout.box(layout.articleBody);
        const headerBottom = (await layout.box(layout.header)).height;
        expect.soft(toc.x, `the contents stand beside the text at ${width} px`).toBeGreaterThanOrEqual(body.x + body.width);
        expect.soft(toc.y, `the contents stay under the header while reading at ${width} px`).toBeGreaterThanOrEqual(headerBottom - 1);
        expect.soft(toc.y, `the contents stay under the header while reading at ${width} px`).toBeLessThanOrEqual(headerBottom + 48);
        await shot('article-scrolled', width);
      } else if (folds) {
        await appPage.evaluate(() => window.scrollTo(0, 0));
        await expect(firstTocLink).toBeHidden();
        await layout.tocToggle.click();
        await expect(layout.tocToggle).toHaveAttribute('aria-expanded', 'true');
        await expect(firstTocLink).toBeVisible();
        await fits('contents open', width);
        await shot('contents', width);
        await axeClean('contents open', width);
        await firstTocLink.focus();
        await appPage.keyboard.press('Escape');
        await expect(firstTocLink).toBeHidden();
        await expect(layout.tocToggle).toBeFocused();
      }

      // The panels over the article: reading settings and bookmarks.
      await bookmarks.settingsButton.click();
      await expect(bookmarks.settingsDialog).toBeVisible();
      await fits('reading settings', width);
      await appPage.keyboard.press('Escape');
      await bookmarks.open();
      await expect(bookmarks.panel).toBeVisible();
      await fits('bookmarks panel', width);
      await shot('bookmarks', width);
      await bookmarks.close();

      // The print preview: the paper zoomed to fit, no sideways scroll in it.
      await preview.openWithShortcut();
      await expect(preview.paperSheet).toContainText(SLEEP);
      const stage = await preview.paperSheet.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect.soft(stage.scrollWidth, `the paper fits the preview at ${width} px`).toBeLessThanOrEqual(stage.clientWidth);
      await fits('print preview', width);
      await shot('print', width);
      await appPage.keyboard.press('Escape');
      await expect(preview.dialog).toBeHidden();
    }
  });
}
