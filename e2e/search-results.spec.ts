/**
 * The result list (an article found by its title shows once, above its passages; counts are
 * passages), question-and-answer results, how the query was read, the drop-down's room for
 * results, and the full results view (Enter, pages, chips, keyboard, Back).
 */
import { expect, test } from './fixtures';
import type { QuirePage } from './pages/QuirePage';

const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";
const SLEEP = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';

/** The passages the drop-down's status line counts. */
async function passages(quire: QuirePage): Promise<number> {
  await quire.waitForAnswers();
  const text = (await quire.searchStatus.textContent()) ?? '';
  const m = /([\d,]+) passages? in /.exec(text);
  if (!m?.[1]) throw new Error(`no passage count in the status line: "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

/** "Results 1–50 of 137" as numbers. */
async function range(quire: QuirePage): Promise<{ first: number; last: number; total: number }> {
  const text = (await quire.resultsRange.textContent()) ?? '';
  const m = /^Results ([\d,]+)–([\d,]+) of ([\d,]+)$/.exec(text);
  if (!m) throw new Error(`no range in "${text}"`);
  const n = (s: string | undefined): number => Number((s ?? '').replace(/,/g, ''));
  return { first: n(m[1]), last: n(m[2]), total: n(m[3]) };
}

test.describe('result list', () => {
  test('shows an article found by its title once, above its passages, and counts passages', async ({ quire, appPage }) => {
    await quire.search('sleep');
    await quire.waitForAnswers();
    const group = quire.resultGroup(SLEEP);
    const first = group.getByRole('option').first();
    await expect(first).toHaveAttribute('data-result', 'title');
    await expect(first).toContainText(SLEEP);
    await expect(first.locator('mark').first()).toHaveText(/sleep/i);
    // Once: the article is one option, not one per passage under its title.
    await expect(quire.titleOptions).toHaveCount(1);
    await expect(group.locator('[role="option"][data-kind]').first()).toBeVisible();

    // The counts are passages, and the title is counted apart.
    const count = await passages(quire);
    await expect(quire.searchStatus).toHaveText(new RegExp(`^${count} passages in 1 article, showing the best 20 · 1 title$`));
    await expect(group.locator('.search-list__count')).toHaveText(/^\d+ passages$/);

    // In the full view, where every passage shows, the groups' counts add up to the status line's.
    await quire.showAllResults();
    await expect(quire.passageLinks).toHaveCount(count);
    await expect(quire.titleLinks).toHaveCount(1);
    const headings = await quire.resultsView.locator('.results__count').allTextContents();
    expect(headings.reduce((sum, h) => sum + Number(/\d+/.exec(h)?.[0] ?? 0), 0)).toBe(count);

    // The article opens at its top, from the drop-down as from the full view.
    await quire.search('sleep');
    await quire.waitForAnswers();
    await first.click();
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(appPage).toHaveURL(/#\/article\/baclofen-sleep-aid$/);
  });

  test('shows a question and its answer as one result, headed by the question', async ({ quire }) => {
    await quire.search('how long does it take for baclofen to work');
    await quire.waitForAnswers();
    const answer = quire.optionsOfKind('answer').filter({ hasText: 'How long does it take for baclofen to work' });
    await expect(answer).toHaveCount(1);
    await expect(answer.locator('.search-hit__heading')).toHaveText('How long does it take for baclofen to work for swallowing problems?');
    await expect(answer.locator('.search-hit__snippet')).toContainText('Most people notice improvement within 2 to 7 days');
    await expect(quire.optionsOfKind('question')).toHaveCount(0);
  });

  test('says how a misspelt query was read', async ({ quire }) => {
    await quire.search('baclofin');
    await quire.waitForAnswers();
    await expect(quire.searchStatus).toContainText('Showing results for baclofen (you typed baclofin)');
    await expect(quire.searchStatus.locator('b')).toHaveText('baclofen');
    await expect(quire.options.first()).toContainText(/baclofen/i);
  });

  test('keeps at least 6 results in view at 1280 by 800, the filters folded behind a toggle', async ({ quire, appPage }) => {
    await appPage.setViewportSize({ width: 1280, height: 800 });
    await quire.search('baclofen');
    await quire.waitForAnswers();
    await expect(quire.filtersToggle).toHaveAttribute('aria-expanded', 'false');
    await expect(quire.filters).toBeHidden();
    const panel = quire.searchArea.locator('.search__panel');
    const visible = async (): Promise<number> => {
      const box = await panel.boundingBox();
      if (!box) return 0;
      const bottom = Math.min(box.y + box.height, 800);
      const boxes = await quire.results.locator('[role="option"][data-result]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      return boxes.filter((b) => b.top >= box.y && b.bottom <= bottom).length;
    };
    expect(await visible()).toBeGreaterThanOrEqual(6);

    await quire.filtersToggle.click();
    await expect(quire.filtersToggle).toHaveAttribute('aria-expanded', 'true');
    await expect(quire.filters).toBeVisible();
    await quire.toggleChip('Comments');
    await expect(quire.filtersToggle).toHaveText('Filters (1)');
  });
});

test.describe('full results view', () => {
  test('opens with Enter, pages through every result, and filters with the chips', async ({ quire, appPage }) => {
    await quire.search('baclofen');
    const count = await passages(quire);
    expect(count).toBeGreaterThan(50);
    await quire.showAllResults();
    await expect(quire.resultsHeading).toHaveText('Results for “baclofen”');
    await expect(quire.resultsHeading).toBeFocused();
    await expect(appPage).toHaveURL(/#\/search\?q=baclofen$/);
    await expect(quire.resultsStatus).toContainText(`${count} passages in 2 articles`);

    // Page 1: each article found by its title first in its group, then 50 passages.
    await expect(quire.passageLinks).toHaveCount(50);
    expect(await range(quire)).toEqual({ first: 1, last: 50, total: count });
    await expect(quire.titleLinks).toHaveCount(2);
    for (const title of [SLEEP, SJOGREN]) {
      const group = quire.resultsView.getByRole('region', { name: title });
      await expect(group.locator('a[data-result]').first()).toHaveAttribute('data-result', 'title');
    }
    await expect(quire.previousPageButton).toBeDisabled();

    await quire.nextPageButton.click();
    await expect(quire.resultsRange).toHaveText(`Results 51–${count} of ${count}`);
    await expect(quire.passageLinks).toHaveCount(count - 50);
    await expect(quire.nextPageButton).toBeDisabled();
    await quire.previousPageButton.click();
    await expect(quire.resultsRange).toHaveText(`Results 1–50 of ${count}`);

    await quire.toggleChip('Comments');
    await expect(quire.chip('Comments')).toHaveAttribute('aria-pressed', 'true');
    const comments = await range(quire);
    expect(comments.total).toBeLessThan(count);
    await expect(quire.passageLinks).toHaveCount(Math.min(comments.total, 50));
    expect(new Set(await quire.passageLinks.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))))).toEqual(new Set(['comment']));
    await expect(quire.titleLinks).toHaveCount(0);
    await quire.toggleChip('Comments');
    await quire.toggleChip('Can Baclofen Help You Sleep?');
    await expect(quire.resultsView.getByRole('region', { name: SJOGREN })).toHaveCount(0);
    await expect(quire.resultsView.getByRole('region', { name: SLEEP })).toBeVisible();
  });

  test('is driven by the keyboard: Tab reaches a result, Enter opens it, Back returns to the page', async ({ quire, appPage }) => {
    await quire.search('dry mouth');
    await quire.showAllResults();
    await expect(quire.resultsHeading).toBeFocused();
    const firstPassage = quire.passageLinks.first();
    const passageId = /\/([^/]+)$/.exec((await firstPassage.getAttribute('href')) ?? '')?.[1];
    for (let n = 0; n < 60; n++) {
      if (await firstPassage.evaluate((el) => el === document.activeElement)) break;
      await appPage.keyboard.press('Tab');
    }
    await expect(firstPassage).toBeFocused();
    // The arrow keys move between results too.
    await appPage.keyboard.press('ArrowDown');
    await expect(quire.passageLinks.nth(1)).toBeFocused();
    await appPage.keyboard.press('ArrowUp');
    await expect(firstPassage).toBeFocused();
    await appPage.keyboard.press('Enter');
    await expect(quire.articleTitle).toHaveText(SJOGREN);
    await expect(quire.passage(passageId ?? '')).toBeFocused();
    await expect(quire.queryTerms.first()).toBeVisible();

    await appPage.keyboard.press('Alt+ArrowLeft');
    await expect(quire.resultsView).toBeVisible();
    await expect(quire.resultsHeading).toHaveText('Results for “dry mouth”');
  });

  test('returns with Escape or Back to where the search was made', async ({ quire, appPage }) => {
    await quire.openArticle(SLEEP);
    await quire.search('zolpidem');
    await quire.waitForAnswers();
    await quire.showAllButton.click();
    await expect(quire.resultsView).toBeVisible();
    await appPage.keyboard.press('Escape');
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(quire.resultsView).toHaveCount(0);

    await quire.search('zolpidem');
    await quire.showAllResults();
    await quire.backButton.click();
    await expect(quire.articleTitle).toHaveText(SLEEP);
  });
});
