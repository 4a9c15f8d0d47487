import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';

const ARTICLE = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';

/** The id of the n-th paragraph passage (0-based) of the open article's body. */
async function paragraphId(paragraphs: Locator, n: number): Promise<string> {
  const id = await paragraphs.nth(n).getAttribute('data-passage-id');
  if (!id) throw new Error(`paragraph ${n} has no passage id`);
  return id;
}

test.describe('bookmarks', () => {
  test.beforeEach(async ({ quire }) => {
    await quire.openArticle(ARTICLE);
  });

  test('bookmarks and unbookmarks a passage', async ({ quire, appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const paragraphs = appPage.locator('.article__body p[data-passage-id]');
    const id = await paragraphId(paragraphs, 0);

    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await expect(bookmarks.toggleOf(id)).toHaveAccessibleName('Remove bookmark');
    await bookmarks.open();
    await expect(bookmarks.items).toHaveCount(1);
    await expect(bookmarks.items.first()).toContainText((await quire.passage(id).innerText()).slice(0, 30));

    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'false');
    await expect(bookmarks.items).toHaveCount(0);
  });

  test('bookmarks the focused passage with Ctrl+D', async ({ appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 1);
    await bookmarks.toggleOf(id).focus();
    await expect(bookmarks.toggleOf(id)).toBeVisible();
    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');

    await expect(appPage.getByRole('status').filter({ hasText: 'Bookmark added' })).toBeAttached();
  });

  test('bookmarks the passage at the top of the view with Ctrl+D', async ({ quire, appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const passages = appPage.locator('.article__body [data-passage-id]');
    const id = await paragraphId(passages, 0);
    await expect(quire.articleTitle).toBeFocused();
    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
  });

  test('bookmarks a whole section from its heading', async ({ appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const heading = appPage.locator('.article-section:not(.article-section--question) > .bookmark-row--heading').first();
    const title = (await heading.getByRole('heading').innerText()).trim();
    await heading.hover();
    await heading.getByRole('button', { name: 'Bookmark this section' }).click();
    await expect(heading.getByRole('button', { name: 'Remove bookmark' })).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.open();
    await expect(bookmarks.items).toHaveCount(1);
    await expect(bookmarks.items.first()).toContainText(title);
  });

  test('edits a note and tags, then searches and filters by tag', async ({ appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const paragraphs = appPage.locator('.article__body p[data-passage-id]');
    const first = await paragraphId(paragraphs, 0);
    const second = await paragraphId(paragraphs, 1);
    await bookmarks.togglePassage(first);
    await expect(bookmarks.toggleOf(first)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.togglePassage(second);
    await expect(bookmarks.toggleOf(second)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.open();
    await expect(bookmarks.items).toHaveCount(2);

    await bookmarks.edit(bookmarks.items.first(), 'ask the doctor about this', 'doctor, dose');
    const noted = bookmarks.item('ask the doctor about this');
    await expect(noted).toHaveCount(1);
    await expect(noted.getByRole('list', { name: 'Tags' })).toContainText('dose');
    await expect(noted.getByRole('button', { name: 'Edit note and tags' })).toBeFocused();

    await bookmarks.search('doctor about');
    await expect(bookmarks.items).toHaveCount(1);
    await bookmarks.search('');
    await expect(bookmarks.items).toHaveCount(2);

    await bookmarks.toggleTag('dose');
    await expect(bookmarks.items).toHaveCount(1);
    await expect(bookmarks.items.first()).toContainText('ask the doctor about this');
    await bookmarks.toggleTag('dose');
    await expect(bookmarks.items).toHaveCount(2);

    await bookmarks.searchInput.press('Escape');
    await expect(bookmarks.panel).toBeHidden();
    await expect(bookmarks.toggleButton).toBeFocused();
  });

  test('deletes a bookmark and undoes the deletion', async ({ appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 0);
    await bookmarks.togglePassage(id);
    await bookmarks.open();
    await expect(bookmarks.items).toHaveCount(1);

    await bookmarks.delete(bookmarks.items.first());
    await expect(bookmarks.items).toHaveCount(0);
    await expect(bookmarks.undoStatus).toBeVisible();
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'false');

    await bookmarks.undoButton.click();
    await expect(bookmarks.items).toHaveCount(1);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
  });

  test('opens a bookmarked passage from the panel', async ({ quire, appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const paragraphs = appPage.locator('.article__body p[data-passage-id]');
    const id = await paragraphId(paragraphs, (await paragraphs.count()) - 1);
    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await quire.articleTitle.scrollIntoViewIfNeeded();
    await bookmarks.open();
    await bookmarks.items.first().getByRole('link').click();
    await expect(appPage).toHaveURL(new RegExp(`#/article/baclofen-sleep-aid/${encodeURIComponent(id)}$`));
    await expect(appPage.locator(`[data-passage-id="${id}"]`)).toBeInViewport();
  });
});

test.describe('bookmark files', () => {
  test('exports bookmarks as JSON and imports them back after deletion', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 0);
    await bookmarks.togglePassage(id);
    await bookmarks.open();
    await expect(bookmarks.items).toHaveCount(1);

    const file = await bookmarks.export('JSON');
    expect(file.name).toMatch(/\.json$/);
    expect(JSON.parse(file.text)).toMatchObject({ format: 'quire-bookmarks', bookmarks: [{ targetId: id }] });

    await bookmarks.delete(bookmarks.items.first());
    await expect(bookmarks.items).toHaveCount(0);
    await bookmarks.import(file.name, file.text);
    await expect(bookmarks.panel.getByRole('status').filter({ hasText: 'Added 1, updated 0' })).toBeVisible();
    await expect(bookmarks.items).toHaveCount(1);

    await bookmarks.import('broken.json', '{"format": "nope"}');
    await expect(bookmarks.panel.getByRole('alert')).toBeVisible();
    await expect(bookmarks.items).toHaveCount(1);
  });
});

test.describe('after a restart', () => {
  test('keeps bookmarks and settings, and reopens the last article', async ({ quire, appPage, target, restartHost }) => {
    test.skip(target !== 'web', 'restarting the host is for web runs');
    // The position is saved a moment after the article opens.
    const saved = appPage.waitForResponse((r) => r.url().endsWith('/api/saveReadingState'));
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 0);
    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.chooseTheme('Dark');
    await expect(appPage.locator('html')).toHaveAttribute('data-theme', 'dark');
    await saved;

    await restartHost();
    await expect(quire.articleTitle).toHaveText(ARTICLE);
    await expect(appPage).toHaveURL(/#\/article\/baclofen-sleep-aid/);
    await expect(appPage.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('store notice', () => {
  test('tells once that an unreadable store was set aside', async ({ appPage, dataDir, target, restartHost }) => {
    test.skip(target !== 'web', 'restarting the host is for web runs');
    await writeFile(join(dataDir, 'quire.json'), 'not json {');
    await restartHost();
    const notice = appPage.getByRole('status').filter({ hasText: 'could not be read' });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
  });
});

test.describe('reading settings', () => {
  test('applies the dark theme to the page', async ({ appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    await bookmarks.chooseTheme('Dark');
    await expect(appPage.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(appPage.locator('body')).toHaveCSS('background-color', 'rgb(22, 24, 28)');
  });

  test('changes text size and line width, and closes with Escape', async ({ appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const html = appPage.locator('html');
    await bookmarks.settingsButton.click();
    await expect(bookmarks.settingsDialog.getByRole('radio', { name: 'System' })).toBeFocused();
    await bookmarks.settingsDialog.getByRole('button', { name: 'Larger text' }).click();
    await expect(html).toHaveAttribute('data-font-size', '110');
    await bookmarks.settingsDialog.getByRole('radio', { name: 'Wide' }).check();
    await expect(html).toHaveAttribute('data-line-width', 'wide');
    await appPage.keyboard.press('Escape');
    await expect(bookmarks.settingsDialog).toBeHidden();
    await expect(bookmarks.settingsButton).toBeFocused();
  });
});
