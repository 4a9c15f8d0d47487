import { buildLibrary } from '../src/core/content/build';
import { BUNDLED_CONTENT } from '../src/core/library/paths';
import { libraryService } from '../src/core/api/service';
import { expect, test } from './fixtures';

test.describe('search', () => {
  test('sends the query as typed: a space after the last word ends it, as the engine reads it everywhere', async ({ quire }) => {
    // What the engine answers for each text, asked in this process, as the CLI asks it.
    const engine = libraryService(await buildLibrary(BUNDLED_CONTENT));
    const totals = new Map<string, number>();
    for (const query of ['tap', 'tap ']) totals.set(query, (await engine.search(query, { limit: 20 })).total);
    // Still typing "tap" finds words that begin so; "tap " is the finished word, which no passage has.
    expect(totals.get('tap')).toBeGreaterThan(0);
    expect(totals.get('tap ')).toBe(0);
    await quire.search('tap');
    await quire.waitForAnswers();
    await expect(quire.searchStatus).toContainText(`${totals.get('tap')} passages`);
    await quire.searchBox.press('Space');
    await expect(quire.page.getByText(/No results for/)).toBeVisible();
  });

  test('keeps the answers to the newest text when an older answer arrives after them', async ({ quire, appPage }) => {
    // Hold back the answers to "sleep" (search and completions) until those to "dry mouth" are shown.
    const OLD = 'sleep';
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isOld = (body: unknown): boolean => (body as { args?: unknown[] } | null)?.args?.[0] === OLD;
    await appPage.route(/\/api\/(search|suggest)$/, async (route) => {
      if (isOld(route.request().postDataJSON())) await held;
      await route.continue();
    });
    await quire.search(OLD);
    await quire.search('dry mouth');
    await quire.waitForAnswers();
    await expect(quire.options.first()).toContainText(/dry mouth/i);
    const shown = await quire.options.allTextContents();

    const late = ['search', 'suggest'].map((method) =>
      appPage.waitForResponse((r) => r.url().endsWith(`/api/${method}`) && isOld(r.request().postDataJSON())),
    );
    release();
    await Promise.all(late);
    // Two frames, for the late answers to be drawn had they been taken.
    await appPage.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await quire.options.allTextContents()).toEqual(shown);
    await expect(quire.results).toHaveAttribute('aria-busy', 'false');
  });

  test('searches as you type and lands on the chosen passage', async ({ quire, appPage }) => {
    await quire.search('pickle juice');
    await expect(quire.options.first()).toBeVisible();
    await expect(quire.options.first()).toContainText('pickle juice');
    await expect(quire.options.first().locator('mark').first()).toHaveText(/pickle|juice/i);

    await quire.openResult(0);
    await expect(quire.articleTitle).toHaveText(/Baclofen and Sjögren's Syndrome/);
    const passage = appPage.locator('[data-passage-id]', { hasText: 'I also tried drinking pickle juice' });
    await expect(passage).toBeInViewport();
    await expect(passage).toBeFocused();
    await expect(appPage).toHaveURL(/#\/article\/baclofen-sjogrens-syndrome\/comment-richard-risemberg-/);
  });

  test('shows article, section and snippet for each result, updating on every keystroke', async ({ quire }) => {
    await quire.search('zolp');
    // Results are grouped under their article's title.
    const group = quire.resultGroup('Can Baclofen Help You Sleep?');
    await expect(group.getByRole('option').first()).toContainText('zolpidem');
    await expect(quire.options.first()).toContainText('zolpidem');
    await quire.searchBox.press('Backspace');
    await quire.searchBox.press('Backspace');
    await quire.searchBox.pressSequentially('xxqq');
    await expect(quire.page.getByText(/No results for/)).toBeVisible();
  });

  test('moves through results with the keyboard and opens one with Enter', async ({ quire, appPage }) => {
    await appPage.keyboard.press('Control+K');
    await expect(quire.searchBox).toBeFocused();
    await quire.searchBox.pressSequentially('number of awakenings');
    await quire.moveToResult(0);
    await quire.searchBox.press('Enter');
    await expect(quire.articleTitle).toHaveText(/Can Baclofen Help You Sleep/);
    const table = appPage.getByRole('table');
    await expect(table).toBeInViewport();
    await expect(table.getByRole('row')).toHaveCount(5);
  });
});

test.describe('article view', () => {
  test('shows the sleep article with its table of contents and results table', async ({ quire, appPage }) => {
    await quire.openArticle('Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid');
    // The notice named in the article's front matter, with its text from content/notices.yaml.
    await expect(appPage.getByRole('note', { name: 'Notice' })).toContainText('It is not medical advice');
    await expect(quire.toc.getByRole('link')).toHaveCount(4);
    await expect(appPage.getByRole('columnheader')).toHaveText(['Measure', 'Baclofen Group (avg.)', 'Placebo Group (avg.)']);
    await expect(appPage.getByRole('row', { name: /Sleep Latency/ })).toContainText('24 min');
    await expect(appPage.locator('blockquote')).toContainText('Dr. Rachel Salas');
    await quire.toc.getByRole('link', { name: /Should You Try Baclofen/ }).click();
    await expect(appPage.getByRole('heading', { name: /Should You Try Baclofen/ })).toBeInViewport();
  });

  test('shows the Sjögren article with its questions and the reader comments apart', async ({ quire, appPage }) => {
    await quire.openArticle("Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?");
    await expect(appPage.getByText('18 November 2025')).toBeVisible();
    await expect(appPage.getByRole('heading', { name: 'Questions and answers' })).toBeVisible();
    await expect(appPage.getByRole('heading', { name: 'What if baclofen makes me too sleepy?' })).toBeVisible();
    const comments = quire.comments(12);
    await expect(comments).toBeVisible();
    // Folded at first, behind a heading that says how many there are.
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'false');
    await expect(comments.getByRole('article')).toHaveCount(0);
    await quire.commentsToggle(12).click();
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'true');
    await expect(comments.getByRole('article')).toHaveCount(12);
    await expect(comments.getByRole('article').first()).toContainText('Angela Gutschwager');
    // Comments are not part of the article body.
    await expect(appPage.locator('main article').first().locator('.comment')).toHaveCount(0);
    await quire.commentsToggle(12).press('Enter');
    await expect(comments.getByRole('article')).toHaveCount(0);
  });
});
