/// <reference lib="dom" />
// Some steps run in the page (scroll positions, the clipboard, side-button events): DOM types.
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';

const SLEEP = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';
const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";
const NUMBERS = 'What the Numbers Say: Digging Into Sleep Latency, Quality, and Duration';
const SHOULD_YOU = 'Should You Try Baclofen for Sleep? Practical Advice and What Else to Consider';

test.describe('reading', () => {
  test('names where an article was published as readers cite it, never how its file was made', async ({ quire, appPage }) => {
    const header = appPage.locator('.article__header');
    await quire.openArticle(SLEEP);
    await expect(header).toContainText('Source: not recorded');
    await expect(header).toContainText('date not given');
    await quire.openArticle(SJOGREN);
    await expect(header).toContainText('18 November 2025');
    await expect(header).not.toContainText(/seed|captured|restored by hand/);
  });

  test('marks the section being read in the table of contents', async ({ quire, appPage }) => {
    await quire.openArticle(SLEEP);
    await expect(quire.currentTocLink).toHaveCount(0);
    await appPage.getByRole('heading', { name: NUMBERS }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect(quire.currentTocLink).toHaveText(NUMBERS);
    await appPage.getByRole('heading', { name: SHOULD_YOU }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect(quire.currentTocLink).toHaveText(SHOULD_YOU);
    await expect(quire.currentTocLink).toHaveCount(1);
  });

  test('copies a link to a passage that opens it again, scrolled to and flashed', async ({ quire, appPage, target }) => {
    if (target === 'web') await appPage.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await quire.openArticle(SLEEP);
    const passage = appPage.locator('.article__body p[data-passage-id]').nth(4);
    const id = await passage.getAttribute('data-passage-id');
    await passage.hover();
    await quire.copyLinkButton(id ?? '').click();
    await expect(quire.toast('Link to this passage copied')).toBeVisible();
    const link = await appPage.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`quire://article/baclofen-sleep-aid/${id}`);

    await quire.openArticle(SJOGREN);
    await quire.searchBox.click();
    await quire.searchBox.fill(link);
    await expect(quire.searchStatus).toHaveText('A Quire link: press Enter to open it.');
    await quire.searchBox.press('Enter');
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(quire.passage(id ?? '')).toBeFocused();
    await expect(quire.passage(id ?? '')).toHaveClass(/is-flashing/);
    await expect(quire.passage(id ?? '')).toBeInViewport();
  });

  test('opens a section from its address, and bookmarked sections jump there', async ({ quire, appPage }) => {
    await quire.openArticle(SLEEP);
    await appPage.evaluate(() => {
      window.location.hash = '#/article/baclofen-sleep-aid/section/should-you-try-baclofen-for-sleep-practical-advice-and-what-else-to-consider';
    });
    const heading = appPage.getByRole('heading', { name: SHOULD_YOU });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();

    const row = appPage.locator('.bookmark-row--heading', { has: heading });
    await row.getByRole('button', { name: 'Bookmark this section' }).click();
    await quire.openArticle(SJOGREN);
    const bookmarks = new BookmarksPanel(appPage);
    await bookmarks.open();
    await bookmarks.item(SHOULD_YOU).getByRole('link').click();
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
  });

  test('goes back and forward between articles and positions with Alt+arrows and the mouse buttons', async ({ quire, appPage }) => {
    await quire.openArticle(SLEEP);
    await quire.toc.getByRole('link', { name: NUMBERS }).click();
    const numbers = appPage.getByRole('heading', { name: NUMBERS });
    await expect(numbers).toBeFocused();
    // The jump glides: wait until the heading has come to rest under the header.
    await expect
      .poll(() => numbers.evaluate((h) => h.getBoundingClientRect().top - (document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0)))
      .toBeLessThan(40);
    // Where the reader was: the passage at the top of the view as they leave.
    const top = await appPage.evaluate(() => {
      const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
      const passages = [...document.querySelectorAll<HTMLElement>('.article__body [data-passage-id]')];
      return passages.find((p) => p.getBoundingClientRect().bottom > header)?.dataset.passageId;
    });
    expect(top).toBeTruthy();

    await quire.openArticle(SJOGREN);
    await appPage.keyboard.press('Alt+ArrowLeft');
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(quire.passage(top ?? '')).toBeInViewport();
    await expect(quire.passage(top ?? '')).toBeFocused();

    await appPage.keyboard.press('Alt+ArrowRight');
    await expect(quire.articleTitle).toHaveText(SJOGREN);

    // The mouse's back (button 3) and forward (button 4) buttons.
    const sideButton = (button: 3 | 4) =>
      appPage.evaluate((b) => document.body.dispatchEvent(new MouseEvent('mouseup', { button: b, bubbles: true, cancelable: true })), button);
    await sideButton(3);
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await sideButton(4);
    await expect(quire.articleTitle).toHaveText(SJOGREN);

    // Back twice more: the table of contents jump was a step of its own.
    await appPage.keyboard.press('Alt+ArrowLeft');
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await appPage.keyboard.press('Alt+ArrowLeft');
    await expect(quire.articleTitle).toHaveText(SLEEP);
    await expect(quire.articleTitle).toBeInViewport();
  });

  test('unfolds the reader comments for a search hit and for find in the article', async ({ quire, appPage }) => {
    await quire.search('sandwich');
    await quire.waitForAnswers();
    await quire.openResult(0);
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'true');
    await expect(appPage.locator('.comment').filter({ hasText: 'I could finally eat a sandwich again.' })).toBeInViewport();

    await quire.commentsToggle(12).click();
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'false');
    await quire.findInArticle('mashed potatoes');
    await expect(quire.findCount).toHaveText('1 of 1');
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'true');
    await expect(quire.currentFindHit).toBeInViewport();
  });

  test('keeps the reader comments unfolded after what unfolded them has moved on', async ({ quire, appPage }) => {
    // A find occurrence unfolds them; closing the bar leaves them open, with focus on that comment.
    await quire.openArticle(SJOGREN);
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'false');
    await quire.findInArticle('mashed potatoes');
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'true');
    await quire.findInput.press('Escape');
    await expect(quire.findBar).toBeHidden();
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'true');
    await expect(appPage.locator('.comment:focus')).toContainText('mashed potatoes');

    // A search hit in them unfolds them; a section of the article opened next leaves them open.
    await quire.commentsToggle(12).click();
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'false');
    await quire.search('sandwich');
    await quire.waitForAnswers();
    await quire.openResult(0);
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'true');
    await quire.toc.getByRole('link').first().click();
    await expect(quire.currentTocLink).toHaveCount(1);
    await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'true');
  });
});
