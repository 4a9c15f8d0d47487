import { expect, test } from './fixtures';
import type { QuirePage } from './pages/QuirePage';

const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";
const SLEEP = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';

/** The passages the status line counts, once every answer for the text typed is in. */
async function total(quire: QuirePage): Promise<number> {
  await quire.waitForAnswers();
  const text = (await quire.searchStatus.textContent()) ?? '';
  const m = /([\d,]+) passages? in /.exec(text);
  if (!m?.[1]) throw new Error(`no passage count in the status line: "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

test.describe('suggestions', () => {
  test('appear while typing, and a click puts one in the box', async ({ quire }) => {
    await quire.search('swal');
    await expect(quire.suggestions.filter({ hasText: /^swallowing$/ })).toBeVisible();
    await quire.suggestions.filter({ hasText: /^swallowing$/ }).click();
    await expect(quire.searchBox).toHaveValue('swallowing');
    await expect(quire.searchBox).toBeFocused();
    await expect(quire.options.first()).toContainText(/swallowing/i);
  });

  test('come first in the list and are taken with the arrow keys and Enter', async ({ quire }) => {
    await quire.search('zolp');
    await quire.waitForAnswers();
    await expect(quire.suggestions.first()).toHaveText('zolpidem');
    await quire.searchBox.press('ArrowDown');
    await expect(quire.suggestions.first()).toHaveAttribute('aria-selected', 'true');
    await quire.searchBox.press('Enter');
    await expect(quire.searchBox).toHaveValue('zolpidem');
    await expect(quire.options.first()).toContainText('zolpidem');
  });
});

test.describe('query language', () => {
  test('in:comments finds only reader comments', async ({ quire }) => {
    await quire.search('in:comments taper');
    expect(await total(quire)).toBeGreaterThan(0);
    await expect(quire.options.first()).toBeVisible();
    const kinds = await quire.options.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['comment']));
  });

  test('a quoted phrase finds only the words together', async ({ quire }) => {
    await quire.search('"muscle relaxant"');
    expect(await total(quire)).toBeGreaterThan(0);
    for (const text of await quire.options.allTextContents()) expect(text.toLowerCase()).toContain('muscle relaxant');
  });

  test('-word leaves out passages with the word', async ({ quire }) => {
    await quire.search('dry mouth');
    const all = await total(quire);
    await expect(quire.options.filter({ hasText: /saliva/i }).first()).toBeVisible();
    await quire.searchBox.pressSequentially(' -saliva');
    const without = await total(quire);
    expect(without).toBeGreaterThan(0);
    expect(without).toBeLessThan(all);
    await expect(quire.options.filter({ hasText: /saliva/i })).toHaveCount(0);
  });
});

test.describe('results', () => {
  test('come grouped by article with counts, the best 20 first, and all in the full view', async ({ quire }) => {
    await quire.search('baclofen');
    const count = await total(quire);
    expect(count).toBeGreaterThan(20);
    await expect(quire.resultGroup(SJOGREN)).toContainText(/\d+ passages/);
    await expect(quire.resultGroup(SLEEP)).toContainText(/\d+ passages/);
    await expect(quire.options).toHaveCount(20);
    await quire.showAllButton.click();
    await expect(quire.resultsView).toBeVisible();
    await expect(quire.passageLinks).toHaveCount(Math.min(count, 50));
  });

  test('filter chips narrow them by article and by kind, and clear', async ({ quire }) => {
    await quire.search('baclofen');
    const all = await total(quire);

    await quire.toggleChip('Comments');
    await expect(quire.chip('Comments')).toHaveAttribute('aria-pressed', 'true');
    await expect(quire.clearFiltersButton).toBeVisible();
    const comments = await total(quire);
    expect(comments).toBeLessThan(all);
    const kinds = await quire.options.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['comment']));

    await quire.clearFiltersButton.click();
    await expect(quire.chip('Comments')).toHaveAttribute('aria-pressed', 'false');
    await expect(quire.clearFiltersButton).toBeHidden();
    expect(await total(quire)).toBe(all);

    await quire.toggleChip('Can Baclofen Help You Sleep?');
    await expect(quire.chip('Can Baclofen Help You Sleep?')).toHaveAttribute('aria-pressed', 'true');
    await expect(quire.resultGroup(SJOGREN)).toHaveCount(0);
    await expect(quire.resultGroup(SLEEP)).toBeVisible();
    expect(await total(quire)).toBeLessThan(all);

    await quire.toggleChip('Can Baclofen Help You Sleep?');
    await expect(quire.resultGroup(SJOGREN)).toBeVisible();
    expect(await total(quire)).toBe(all);
  });

  test('offer a correction for a misspelling that finds nothing', async ({ quire }) => {
    await quire.search('pilokarpinnee');
    await expect(quire.searchStatus).toHaveText('No results for “pilokarpinnee”. Did you mean pilocarpine?');
    await expect(quire.options).toHaveCount(0);
    await quire.acceptCorrection();
    await expect(quire.searchBox).toHaveValue('pilocarpine');
    await expect(quire.options.first()).toContainText(/pilocarpine/i);
  });
});

test.describe('recent searches', () => {
  test('are listed in the empty box after a search and cleared by the button', async ({ quire }) => {
    await quire.search('dry mouth');
    await quire.searchBox.press('Enter');
    await quire.search('pickle juice');
    await quire.openResult(0);
    await expect(quire.articleTitle).toHaveText(SJOGREN);

    await quire.showRecentSearches();
    await expect(quire.recentSearches).toHaveText(['pickle juice', 'dry mouth']);
    // Choosing one searches it again.
    await quire.recentSearches.filter({ hasText: 'dry mouth' }).click();
    await expect(quire.searchBox).toHaveValue('dry mouth');
    await expect(quire.options.first()).toBeVisible();

    await quire.showRecentSearches();
    await quire.clearRecentButton.click();
    await expect(quire.recentSearches).toHaveCount(0);
    await quire.page.reload();
    await quire.showRecentSearches();
    await expect(quire.searchBox).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('search help', () => {
  test('opens from its button, lists the query language, and Escape closes it', async ({ quire }) => {
    await expect(quire.helpButton).toHaveAttribute('aria-expanded', 'false');
    await quire.helpButton.click();
    await expect(quire.helpButton).toHaveAttribute('aria-expanded', 'true');
    await expect(quire.helpDialog).toBeVisible();
    for (const syntax of ['"exact phrase"', '-word', 'OR', 'article:', 'in:comments', 'in:body', 'in:faq', 'in:table']) {
      await expect(quire.helpDialog).toContainText(syntax);
    }
    await quire.page.keyboard.press('Escape');
    await expect(quire.helpDialog).toBeHidden();
    await expect(quire.helpButton).toBeFocused();
    await expect(quire.helpButton).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('in the article', () => {
  test("highlights the search's words after opening a result, until cleared", async ({ quire }) => {
    await quire.search('pickle juice');
    await quire.openResult(0);
    await expect(quire.articleTitle).toHaveText(SJOGREN);
    await expect(quire.queryTerms.first()).toBeVisible();
    for (const word of await quire.queryTerms.allTextContents()) expect(word.toLowerCase()).toMatch(/^(pickle|juice)$/);
    const passage = quire.page.locator('[data-passage-id]', { hasText: 'I also tried drinking pickle juice' });
    await expect(passage).toBeFocused();
    await expect(passage.locator('mark.query-term')).toHaveText(['pickle', 'juice']);

    await quire.clearHighlightsButton.click();
    await expect(quire.queryTerms).toHaveCount(0);
    await expect(passage).toContainText('I also tried drinking pickle juice');
  });

  test('finds text with Ctrl+F: counts, steps with Enter, and Escape clears', async ({ quire }) => {
    await quire.openArticle(SJOGREN);
    await quire.findInArticle('baclofen');
    await expect(quire.findCount).toHaveText(/^1 of \d+$/);
    const n = Number(/of (\d+)/.exec((await quire.findCount.textContent()) ?? '')?.[1]);
    expect(n).toBeGreaterThan(10);
    await expect(quire.findHits).toHaveCount(n);
    await expect(quire.currentFindHit).toHaveCount(1);

    await quire.findInput.press('Enter');
    await expect(quire.findCount).toHaveText(`2 of ${n}`);
    await expect(quire.currentFindHit).toBeInViewport();
    await expect(quire.currentFindHit).toHaveText(/baclofen/i);
    await quire.findInput.press('Shift+Enter');
    await quire.findInput.press('Shift+Enter');
    await expect(quire.findCount).toHaveText(`${n} of ${n}`);

    await quire.findInput.press('Escape');
    await expect(quire.findBar).toBeHidden();
    await expect(quire.findHits).toHaveCount(0);
  });

  test('finds regardless of accents and says when nothing matches', async ({ quire }) => {
    await quire.openArticle(SJOGREN);
    await quire.findInArticle('sjogren');
    await expect(quire.findCount).toHaveText(/^1 of \d+$/);
    await expect(quire.findHits.first()).toHaveText(/Sjögren/);
    await quire.findInput.fill('qqzzxx');
    await expect(quire.findCount).toHaveText('No matches');
    await expect(quire.findHits).toHaveCount(0);
  });

  test('leaves Ctrl+F to the browser when no article is open', async ({ quire }) => {
    await quire.page.keyboard.press('ControlOrMeta+F');
    await expect(quire.findBar).toHaveCount(0);
  });
});

test.describe('benchmark marks', () => {
  test('mark every input and the painting of its results', async ({ quire }) => {
    await quire.search('zolp');
    await expect(quire.options.first()).toBeVisible();
    await expect
      .poll(() =>
        quire.page.evaluate(() => ({
          input: performance.getEntriesByName('quire:input').map((e) => (e as { detail?: unknown }).detail),
          painted: performance.getEntriesByName('quire:painted').map((e) => (e as { detail?: unknown }).detail),
        })),
      )
      .toEqual(expect.objectContaining({ input: expect.arrayContaining(['z', 'zo', 'zol', 'zolp']), painted: expect.arrayContaining(['zolp']) }));
  });
});
