/// <reference lib="dom" />
// Some steps run in the page (scrolling a passage to the top of the view): DOM types.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openStore } from '../src/core/user/store';
import type { ArticlePosition } from '../src/shared/positions';
import { expect, test } from './fixtures';
import { HomeScreen } from './pages/HomeScreen';

const SLEEP = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';
const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";

/** The positions the data folder's store holds now, read as another process would. */
async function storedPositions(dataDir: string): Promise<ArticlePosition[]> {
  const { store } = await openStore(dataDir);
  const positions = store.positions();
  await store.close();
  return positions;
}

/** Scroll the n-th passage of the open article's body to the top of the view. */
async function scrollToPassage(page: Page, n: number): Promise<void> {
  await page.locator('.article__body [data-passage-id]').nth(n).evaluate((p) => p.scrollIntoView({ block: 'start' }));
}

/** Wait until the store holds a position for the article past the given fraction; returns it. */
async function savedPosition(dataDir: string, articleId: string, past: number): Promise<ArticlePosition> {
  let found: ArticlePosition | undefined;
  await expect
    .poll(async () => {
      found = (await storedPositions(dataDir)).find((p) => p.articleId === articleId);
      return (found?.fraction ?? 0) > past && found?.passageId !== undefined;
    })
    .toBe(true);
  return found!;
}

/** The passage element of the open article. */
const passage = (page: Page, id: string): Locator => page.locator(`.article__body [data-passage-id="${id}"]`);

test.describe('reading positions', () => {
  test('each article reopens where it was left, after a restart, for two articles', async ({ quire, appPage, dataDir, restartHost }) => {
    await quire.openArticle(SLEEP);
    await scrollToPassage(appPage, 15);
    const sleepAt = await savedPosition(dataDir, 'baclofen-sleep-aid', 0.3);
    await quire.openArticle(SJOGREN);
    await expect(quire.articleTitle).toHaveText(SJOGREN);
    await scrollToPassage(appPage, 20);
    const sjogrenAt = await savedPosition(dataDir, 'baclofen-sjogrens-syndrome', 0.2);
    expect(sjogrenAt.passageId).not.toBe(sleepAt.passageId);

    const page = await restartHost();
    const after = new HomeScreen(page);
    // The launch reopens the article read last.
    await expect(quire.articleTitle).toHaveText(SJOGREN);
    await after.goHome();
    await expect(after.continueTitles).toHaveText([SJOGREN, SLEEP]);

    // From the sidebar, the home screen's list and Next article alike: each at its own passage.
    await after.continueTitles.filter({ hasText: SLEEP }).click();
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(passage(page, sleepAt.passageId!)).toBeInViewport();
    await expect(passage(page, sleepAt.passageId!)).toBeFocused();
    await expect(quire.articleTitle).not.toBeInViewport();
    await expect.poll(() => after.progress()).toBeGreaterThan(20);

    await quire.openArticle(SJOGREN);
    await expect(quire.articleTitle).toHaveText(SJOGREN);
    await expect(passage(page, sjogrenAt.passageId!)).toBeInViewport();
    await expect(quire.articleTitle).not.toBeInViewport();
    await after.nextArticleLink.click();
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(passage(page, sleepAt.passageId!)).toBeInViewport();
  });

  test('a search hit still goes to its own passage, not to the saved position', async ({ quire, appPage, dataDir }) => {
    await quire.openArticle(SLEEP);
    await scrollToPassage(appPage, 15);
    const saved = await savedPosition(dataDir, 'baclofen-sleep-aid', 0.3);
    await quire.openArticle(SJOGREN);
    await quire.search('melatonin zolpidem');
    await quire.openResult(0);
    await expect(quire.articleTitle).toHaveText(SLEEP);
    const hit = appPage.locator('.article__body [data-passage-id].is-flashing');
    await expect(hit).toBeInViewport();
    expect(await hit.getAttribute('data-passage-id')).not.toBe(saved.passageId);
  });
});

test.describe('home screen', () => {
  test('lists Continue reading only once something was read, most recent first, with progress', async ({ quire, appPage, dataDir }) => {
    const home = new HomeScreen(appPage);
    await home.goHome();
    await expect(home.library).toBeVisible();
    await expect(home.continueReading).toHaveCount(0);

    await quire.openArticle(SLEEP);
    await scrollToPassage(appPage, 15);
    await savedPosition(dataDir, 'baclofen-sleep-aid', 0.3);
    await quire.openArticle(SJOGREN);
    await expect.poll(async () => (await storedPositions(dataDir)).map((p) => p.articleId)).toEqual(['baclofen-sjogrens-syndrome', 'baclofen-sleep-aid']);
    await home.goHome();
    await expect(home.continueTitles).toHaveText([SJOGREN, SLEEP]);
    await expect(home.continueItems.nth(1)).toContainText(/\D[2-9]\d% read · \d+ min left · last read /);
    await expect(home.continueItems.nth(0)).toContainText(/\D0% read · 6 min left/);
  });

  test('filters the library by a topic, from the keyboard, says which, and removes the filter', async ({ appPage }) => {
    const home = new HomeScreen(appPage);
    await home.goHome();
    await expect(home.cardTitles).toHaveText([SJOGREN, SLEEP]);
    await expect(home.filterStatus).toHaveText('2 articles');
    await home.topic('insomnia').focus();
    await appPage.keyboard.press('Enter');
    await expect(home.cardTitles).toHaveText([SLEEP]);
    await expect(home.filterStatus).toHaveText('1 article on the topic insomnia');
    await expect(home.topic('insomnia')).toHaveAttribute('aria-pressed', 'true');
    // A topic both articles have: the filter moves to it.
    await home.topic('baclofen').click();
    await expect(home.cardTitles).toHaveText([SJOGREN, SLEEP]);
    await expect(home.filterStatus).toHaveText('2 articles on the topic baclofen');
    await home.topic('dry-mouth').click();
    await expect(home.cardTitles).toHaveText([SJOGREN]);
    await home.removeFilterButton.focus();
    await expect(home.removeFilterButton).toHaveAccessibleName('Remove the filter “dry-mouth”');
    await appPage.keyboard.press('Enter');
    await expect(home.cardTitles).toHaveText([SJOGREN, SLEEP]);
    await expect(home.filterStatus).toHaveText('2 articles');
    await expect(home.removeFilterButton).toHaveCount(0);
  });
});

test.describe('home screen sort', () => {
  test.use({ copyContent: true });

  test('sorts by date, title and recently read, and keeps the choice', async ({ quire, contentDir, dataDir, restartHost }) => {
    // A third article, dated between the two bundled ones' order and first by title.
    await writeFile(
      join(contentDir!, 'a-note-on-naps.md'),
      ['---', 'id: a-note-on-naps', 'title: "A Note on Naps"', 'published: 2020-01-01', 'source: "Quire tests"', 'topics: [sleep]', '---', '', 'Naps are short.', ''].join('\n'),
    );
    const appPage = await restartHost();
    const home = new HomeScreen(appPage);
    await home.goHome();
    const NAPS = 'A Note on Naps';
    await expect(home.cardTitles).toHaveText([SJOGREN, NAPS, SLEEP]);
    await expect(home.sortSelect).toHaveValue('date');
    await home.sortSelect.selectOption({ label: 'Title (A–Z)' });
    await expect(home.cardTitles).toHaveText([NAPS, SJOGREN, SLEEP]);

    await appPage.reload();
    await home.library.waitFor();
    await expect(home.sortSelect).toHaveValue('title');
    await expect(home.cardTitles).toHaveText([NAPS, SJOGREN, SLEEP]);

    // An article counts as read once it has been open for a moment (its position is saved).
    await quire.openArticle(SLEEP);
    await expect.poll(async () => (await storedPositions(dataDir)).map((p) => p.articleId)).toEqual(['baclofen-sleep-aid']);
    await quire.openArticle(NAPS);
    await expect.poll(async () => (await storedPositions(dataDir)).map((p) => p.articleId)).toEqual(['a-note-on-naps', 'baclofen-sleep-aid']);
    await home.goHome();
    await home.sortSelect.selectOption('recent');
    await expect(home.cardTitles).toHaveText([NAPS, SLEEP, SJOGREN]);
  });
});

test.describe('reading progress', () => {
  test('the bar and the minutes left follow the scroll', async ({ quire, appPage }) => {
    const home = new HomeScreen(appPage);
    await quire.openArticle(SLEEP);
    await expect(home.progressBar).toHaveAttribute('value', '0');
    // 1,385 words at 230 a minute: the article's own "about 6 min read".
    await expect(home.timeLeft).toHaveText('0% read · 6 min left');
    await scrollToPassage(appPage, 10);
    await expect.poll(() => home.progress()).toBeGreaterThan(15);
    const middle = await home.progress();
    expect(middle).toBeLessThan(90);
    const left = Math.max(1, Math.round((1385 * (1 - middle / 100)) / 230));
    await expect(home.timeLeft).toHaveText(`${middle}% read · ${left} min left`);
    await expect(home.progressBar).toHaveAttribute('aria-valuetext', `${middle}% read · ${left} min left`);
    await home.articleEnd.scrollIntoViewIfNeeded();
    await expect.poll(() => home.progress()).toBe(100);
    await expect(home.timeLeft).toHaveText('100% read · finished');
    await expect(home.progressBar).toBeInViewport();
  });
});

test.describe('end of the article', () => {
  test('offers the next article in the library’s order, by keyboard, and none after the last', async ({ quire, appPage }) => {
    const home = new HomeScreen(appPage);
    await quire.openArticle(SJOGREN);
    await expect(home.articleEnd).toContainText('End of the article');
    await expect(home.nextArticleLink).toHaveAccessibleName(`Next article ${SLEEP}`);
    await home.nextArticleLink.focus();
    await expect(home.nextArticleLink).toBeInViewport();
    await appPage.keyboard.press('Enter');
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(quire.articleTitle).toBeFocused();
    await expect(home.nextArticleLink).toHaveCount(0);
    await expect(home.articleEnd).toContainText('This is the last article in the library.');
    await home.articleEnd.getByRole('link', { name: 'Back to the library' }).click();
    await expect(home.library).toBeVisible();
  });
});
