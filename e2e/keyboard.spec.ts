/// <reference lib="dom" />
// Where focus is, and how it shows, is read in the page: DOM types.
/**
 * The keyboard alone: search, open a result, bookmark a passage with Ctrl+D, add a note, go back
 * to it from the bookmarks panel, and print its section to PDF, without a single mouse action.
 * At every step the focused element shows a focus ring, and Tab never lands on anything
 * invisible or inert.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { PrintPreview } from './pages/PrintPreview';
import { QuirePage } from './pages/QuirePage';
import { readPdf } from './pdf';
import { SJOGREN } from './screens';

/**
 * What is wrong with the focus now, or '' when a visible element has it, outside any inert
 * subtree, with an outline or a box-shadow ring (on the element, or for a visually hidden input
 * on the label that stands for it).
 */
function focusProblem(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return 'nothing has focus';
    const what = `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    if (el.closest('[inert]')) return `${what} is inert`;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return `${what} is invisible`;
    const box = el.getBoundingClientRect();
    // A visually hidden input (1px, clipped) shows its focus on its label, which looks like the control.
    const holder = box.width <= 1 && box.height <= 1 ? el.closest('label') : el;
    if (!holder) return `${what} is visually hidden, with no label to show its focus`;
    const held = holder.getBoundingClientRect();
    if (held.width === 0 || held.height === 0) return `${what} has no size`;
    const style = getComputedStyle(holder);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    if (!outline && style.boxShadow === 'none') return `${what} shows no focus ring`;
    return '';
  });
}

/** The focused element shows its focus (waiting out a fade-in). */
async function expectFocusVisible(page: Page): Promise<void> {
  await expect.poll(() => focusProblem(page), { message: 'the focused element shows a focus ring' }).toBe('');
}

/** Press a key, then check that focus is visible. */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await expectFocusVisible(page);
}

/** Whether `target` has focus. */
function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/** Tab (or Shift+Tab) until `target` has focus, checking every stop on the way. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await press(page, back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) return;
  }
  throw new Error(`keyboard: ${String(target)} not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

test.describe('keyboard only', () => {
  test('searches, opens, bookmarks with a note, jumps back and prints a section, with focus always visible', async ({ appPage, printToPdf }) => {
    const page = appPage;
    const quire = new QuirePage(page);
    const bookmarks = new BookmarksPanel(page);
    await expect(quire.library.getByRole('link')).toHaveCount(2);

    // Search, and open the first result.
    await press(page, 'ControlOrMeta+K');
    await expect(quire.searchBox).toBeFocused();
    await page.keyboard.type('swallowing');
    await quire.waitForAnswers();
    const firstResult = quire.options.first();
    await expect(firstResult).toBeVisible();
    for (let i = 0; i < 30 && (await firstResult.getAttribute('aria-selected')) !== 'true'; i++) await press(page, 'ArrowDown');
    await expect(firstResult).toHaveAttribute('aria-selected', 'true');
    await press(page, 'Enter');
    await expect(quire.articleTitle).toHaveText(SJOGREN);
    const landed = page.locator('main [data-passage-id]:focus');
    await expect(landed).toHaveCount(1);
    await expectFocusVisible(page);

    // Move to the next passage's bookmark toggle, and bookmark that passage with Ctrl+D.
    const toggle = page.locator('main .bookmark-row').getByRole('button', { name: /^Bookmark this passage$/ });
    await press(page, 'Tab');
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Bookmark this passage')); i++) await press(page, 'Tab');
    const row = page.locator('main .bookmark-row:focus-within');
    const passageId = (await row.locator('[data-passage-id]').first().getAttribute('data-passage-id')) ?? '';
    expect(passageId).not.toBe('');
    await expect(toggle.and(page.locator(':focus'))).toHaveCount(1);
    await page.keyboard.press('ControlOrMeta+D');
    await expect(bookmarks.toggleOf(passageId)).toHaveAttribute('aria-pressed', 'true');
    await expectFocusVisible(page);

    // The bookmarks panel, from the header; a note on the bookmark.
    await press(page, 'ControlOrMeta+K');
    await tabTo(page, bookmarks.toggleButton);
    await press(page, 'Enter');
    await expect(bookmarks.panel).toBeVisible();
    const item = bookmarks.items.first();
    await tabTo(page, item.getByRole('button', { name: 'Edit note and tags' }));
    await press(page, 'Enter');
    await expect(item.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await page.keyboard.type('read this before the appointment');
    await press(page, 'Tab');
    await expect(item.getByRole('textbox', { name: /^Tags/ })).toBeFocused();
    await page.keyboard.type('dose');
    await press(page, 'Enter');
    await expect(item).toContainText('read this before the appointment');
    await expect(item.getByRole('button', { name: 'Edit note and tags' })).toBeFocused();

    // Back to the passage from the bookmark's link; then away to the top of the article first.
    await press(page, 'ControlOrMeta+K');
    await tabTo(page, item.getByRole('link'));
    await press(page, 'Enter');
    await expect(quire.passage(passageId)).toBeFocused();
    await expect(quire.passage(passageId)).toBeInViewport();
    await expectFocusVisible(page);

    // Print: the preview with Ctrl+P, the section of the passage in focus with the arrow keys, then to PDF.
    const reading = (await quire.passage(passageId).locator('xpath=ancestor::section[@data-section-id][1]').getByRole('heading').first().innerText()).trim();
    const preview = new PrintPreview(page);
    await press(page, 'ControlOrMeta+P');
    await expect(preview.dialog).toBeVisible();
    await expect(preview.scope('The whole article')).toBeFocused();
    await press(page, 'ArrowDown');
    const section = preview.scope(`This section: ${reading}`);
    await expect(section).toBeChecked();
    await expect(section).toBeFocused();
    const { all } = readPdf(await printToPdf());
    expect(all).toContain(`Section: ${reading}`);
    expect(all).toContain('Page 1 of');
    await press(page, 'Escape');
    await expect(preview.dialog).toBeHidden();
  });

  test('reaches the reader comments from the article in under 15 presses, by the skip link', async ({ appPage }) => {
    const page = appPage;
    const quire = new QuirePage(page);
    // Open the article from a search, by keyboard: focus lands in the article.
    await press(page, 'ControlOrMeta+K');
    await page.keyboard.type('sjogren dry mouth');
    await quire.waitForAnswers();
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await expect(quire.articleTitle).toHaveText(SJOGREN);
    const toggle = page.getByRole('button', { name: /Reader comments/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');

    let presses = 0;
    const skip = page.getByRole('link', { name: 'Skip to comments' });
    while (!(await isFocused(skip))) {
      expect(presses, 'presses of Shift+Tab to reach "Skip to comments"').toBeLessThan(13);
      await press(page, 'Shift+Tab');
      presses++;
    }
    await expect(skip).toBeInViewport();
    await press(page, 'Enter');
    await expect(toggle).toBeFocused();
    await press(page, 'Enter');
    presses += 2;
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(presses).toBeLessThan(15);
  });

  test('stops once on each passage: its actions are one Tab stop, moved through with the arrow keys', async ({ appPage }) => {
    const page = appPage;
    const quire = new QuirePage(page);
    await quire.openArticle(SJOGREN);
    const rows = page.locator('main .article__body .bookmark-row');
    const first = rows.nth(0).getByRole('toolbar');
    await tabTo(page, first.getByRole('button').first());
    await expect(first.getByRole('button', { name: 'Bookmark this passage' })).toBeFocused();
    // The arrow keys move within the row's actions; Tab leaves for the next row's.
    await press(page, 'ArrowDown');
    await expect(first.getByRole('button', { name: 'Copy link to this passage' })).toBeFocused();
    await press(page, 'ArrowDown');
    await expect(first.getByRole('button', { name: 'Copy this passage with citation' })).toBeFocused();
    await press(page, 'ArrowDown');
    await expect(first.getByRole('button', { name: 'Bookmark this passage' })).toBeFocused();
    await press(page, 'End');
    await expect(first.getByRole('button', { name: 'Copy this passage with citation' })).toBeFocused();
    await press(page, 'ArrowUp');
    await expect(first.getByRole('button', { name: 'Copy link to this passage' })).toBeFocused();
    await press(page, 'Tab');
    await expect(rows.nth(1).getByRole('toolbar').locator(':focus')).toHaveCount(1);
    // Back again, focus returns to the action last used in that row.
    await press(page, 'Shift+Tab');
    await expect(first.getByRole('button', { name: 'Copy link to this passage' })).toBeFocused();
    // One Tab stop per row in the whole article body.
    const stops = await page.locator('main .article__body').evaluate(
      (body) => [...body.querySelectorAll<HTMLElement>('button, a[href], [tabindex]')].filter((el) => el.tabIndex >= 0 && el.checkVisibility()).length,
    );
    expect(stops).toBe(await rows.count());
  });

  for (const { width, lands } of [
    { width: 1280, lands: 'its first section, beside the text' },
    { width: 390, lands: 'the button that unfolds them' },
  ]) {
    test(`skips to the article's contents at ${width} px: ${lands}`, async ({ appPage }) => {
      const page = appPage;
      await page.setViewportSize({ width, height: 844 });
      const quire = new QuirePage(page);
      await quire.openArticle(SJOGREN);
      const skip = page.getByRole('link', { name: 'Skip to contents' });
      await skip.focus();
      await press(page, 'Enter');
      const contents = page.getByRole('navigation', { name: 'Table of contents' });
      const target = width >= 1100 ? contents.getByRole('link').first() : contents.getByRole('button', { name: 'Contents' });
      await expect(target).toBeFocused();
      await expect(target).toBeInViewport();
    });
  }
});
