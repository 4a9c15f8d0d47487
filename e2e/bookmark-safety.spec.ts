/**
 * Nothing the reader wrote is lost by one click or one key: every removal can be undone from the
 * notice it shows, Ctrl/Cmd+D never removes a bookmark that has a note or tags, and a change the
 * store could not save (its data folder on a full disk) stays on screen with Retry.
 */
import type { Locator, Page } from '@playwright/test';
import { diskTest } from './full-disk';
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { Notice } from './pages/Notice';
import { QuirePage } from './pages/QuirePage';

const ARTICLE = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';
const NOTE = 'ask the doctor before changing the dose';
const TAGS = 'doctor, dose';

/** The id of the n-th paragraph passage (0-based) of the open article's body. */
async function paragraphId(page: Page, n: number): Promise<string> {
  const id = await page.locator('.article__body p[data-passage-id]').nth(n).getAttribute('data-passage-id');
  if (!id) throw new Error(`paragraph ${n} has no passage id`);
  return id;
}

/** How the store says it could not save for lack of room ("Quire could not remove your bookmark: the disk is full. …"). */
const DISK_FULL = /^Quire could not .+: the disk is full\./;

/** What is on disk, as a new host process reads it: the web host restarted on the same data folder. */
async function reopened(restartHost: () => Promise<Page>): Promise<BookmarksPanel> {
  const page = await restartHost();
  // The last article may or may not be reopened (its position is saved too, full disk or not).
  await expect(new QuirePage(page).articleTitle).toBeVisible();
  return new BookmarksPanel(page);
}

/** The panel lists one bookmark with the note and its tags. */
async function expectNoted(bookmarks: BookmarksPanel, note = NOTE): Promise<Locator> {
  await bookmarks.open();
  const item = bookmarks.item(note);
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('list', { name: 'Tags' })).toHaveText(/doctor\s*dose/);
  return item;
}

test.describe('undo everywhere', () => {
  test.beforeEach(async ({ quire }) => {
    await quire.openArticle(ARTICLE);
  });

  test('a bookmark removed with its ribbon comes back, note and tags, with Undo (and after a reload)', async ({ appPage, restartHost }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const notice = new Notice(appPage);
    const id = await paragraphId(appPage, 0);
    await bookmarks.bookmarkWithNote(id, NOTE, TAGS);
    await bookmarks.close();

    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'false');
    await expect(notice.status).toHaveText(/^Bookmark removed, with its note and tags\. Press Ctrl\+Z to undo\.$/);
    // The notice is spoken and shown; focus stays on the ribbon the reader pressed.
    await expect(bookmarks.toggleOf(id)).toBeFocused();

    await notice.undoButton.click();
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await expect(notice.status).toHaveText('Bookmark put back.');
    await expect(bookmarks.toggleOf(id)).toBeFocused();
    await expectNoted(bookmarks);

    await appPage.reload();
    await expect(new QuirePage(appPage).articleTitle).toHaveText(ARTICLE);
    await expectNoted(new BookmarksPanel(appPage));
    await expectNoted(await reopened(restartHost));
  });

  test('Undo is reached from the keyboard: Ctrl+Z, or its button', async ({ appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const notice = new Notice(appPage);
    const id = await paragraphId(appPage, 1);
    await bookmarks.bookmarkWithNote(id, NOTE, TAGS);
    await bookmarks.close();

    await bookmarks.toggleOf(id).focus();
    await appPage.keyboard.press('Enter');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'false');
    await expect(notice.undoButton).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
    await appPage.keyboard.press('ControlOrMeta+Z');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await expect(bookmarks.toggleOf(id)).toBeFocused();

    // Removed again; this time Undo is focused (it is in the tab order) and pressed with Enter.
    await appPage.keyboard.press('Enter');
    await expect(notice.undoButton).toBeVisible();
    await expect(notice.undoButton).not.toHaveAttribute('tabindex', '-1');
    await notice.undoButton.focus();
    await expect(notice.undoButton).toBeFocused();
    await appPage.keyboard.press('Enter');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    // Back where the reader was.
    await expect(bookmarks.toggleOf(id)).toBeFocused();
    await expectNoted(bookmarks);
  });

  test('Ctrl+D removes a bare bookmark with Undo, on the passage that holds focus', async ({ quire, appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const notice = new Notice(appPage);
    const id = await paragraphId(appPage, 2);
    await quire.passage(id).focus();
    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await expect(notice.status).toHaveText('Bookmark added to this passage.');
    await expect(appPage.locator('.bookmark-row[data-bookmarked]')).toHaveCount(1);

    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'false');
    await expect(notice.status).toHaveText(/^Bookmark removed\. Press Ctrl\+Z to undo\.$/);
    await expect(quire.passage(id)).toBeFocused();
    await notice.undoButton.click();
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('key presses act only on what they target', () => {
  test.beforeEach(async ({ quire }) => {
    await quire.openArticle(ARTICLE);
  });

  test('Ctrl+D does not remove a bookmark with a note, and says where to remove it', async ({ quire, appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const notice = new Notice(appPage);
    const id = await paragraphId(appPage, 0);
    await bookmarks.bookmarkWithNote(id, NOTE, TAGS);
    await bookmarks.close();

    await quire.passage(id).focus();
    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(notice.status).toHaveText('This bookmark has a note and tags. Remove it from its ribbon or the Bookmarks panel.');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await expect(notice.undoButton).toHaveCount(0);
    await expectNoted(bookmarks);
  });

  test('after Esc from the find bar focus is on the passage of the match, and Ctrl+D there keeps its note', async ({ quire, appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const notice = new Notice(appPage);
    const id = await paragraphId(appPage, 3);
    await bookmarks.bookmarkWithNote(id, NOTE, TAGS);
    await bookmarks.close();

    // Find words that only this passage has.
    const text = (await quire.passage(id).innerText()).replace(/\s+/g, ' ');
    await quire.findInArticle(text.slice(8, 40));
    await expect(quire.findCount).toHaveText('1 of 1');
    await quire.findInput.press('Escape');
    await expect(quire.findBar).toBeHidden();
    // The passage itself holds focus (not the title, not a match inside it).
    await expect(quire.passage(id)).toBeFocused();

    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(notice.status).toHaveText(/^This bookmark has a note and tags\./);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await expectNoted(bookmarks);
  });

  test('Ctrl+D in the find bar bookmarks the passage of the current match; in the panel, nothing', async ({ quire, appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const notice = new Notice(appPage);
    const id = await paragraphId(appPage, 4);
    const text = (await quire.passage(id).innerText()).replace(/\s+/g, ' ');
    await quire.findInArticle(text.slice(8, 40));
    await expect(quire.findCount).toHaveText('1 of 1');
    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await expect(notice.status).toHaveText('Bookmark added to this passage.');
    await expect(appPage.locator('.bookmark-row[data-bookmarked]')).toHaveCount(1);
    await expect(quire.findInput).toBeFocused();
    await quire.findInput.press('Escape');

    // Focus in the bookmarks panel targets no passage of the article (not the one at the top of
    // the view either): only the next Ctrl+D, on a focused passage, adds one.
    await quire.articleTitle.scrollIntoViewIfNeeded();
    await bookmarks.open();
    await bookmarks.searchInput.focus();
    await appPage.keyboard.press('ControlOrMeta+D');
    const next = await paragraphId(appPage, 5);
    await quire.passage(next).focus();
    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(bookmarks.toggleOf(next)).toHaveAttribute('aria-pressed', 'true');
    await expect(bookmarks.items).toHaveCount(2);
    await expect(appPage.locator('.bookmark-row[data-bookmarked]')).toHaveCount(2);
  });
});

diskTest.describe('a change the store could not save', () => {
  diskTest.beforeEach(async ({ quire }) => {
    await quire.openArticle(ARTICLE);
  });

  diskTest('keeps the typed note in its editor, and Retry saves it once there is room', async ({ appPage, disk, restartHost }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage, 0);
    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.open();
    const item = bookmarks.items.first();
    await item.getByRole('button', { name: 'Edit note and tags' }).click();
    await bookmarks.noteField(item).fill(NOTE);
    await item.getByRole('textbox', { name: /^Tags/ }).fill(TAGS);

    await disk.fill();
    await item.getByRole('button', { name: 'Save' }).click();
    const failure = item.getByRole('alert');
    await expect(failure).toHaveText(DISK_FULL);
    await expect(failure).toContainText('could not save');
    // The editor stays open with what was typed, and offers Retry.
    await expect(bookmarks.noteField(item)).toHaveValue(NOTE);
    await expect(item.getByRole('textbox', { name: /^Tags/ })).toHaveValue(TAGS);
    const retry = item.getByRole('button', { name: 'Retry saving the note and tags' });
    await expect(retry).toBeVisible();

    // Still full: Retry sends it again, and says again that it failed.
    await retry.click();
    await expect(failure).toHaveText(/^Still not saved\./);
    await expect(bookmarks.noteField(item)).toHaveValue(NOTE);

    await disk.free();
    await retry.click();
    const saved = bookmarks.item(NOTE);
    await expect(saved.getByRole('button', { name: 'Edit note and tags' })).toBeFocused();
    await expect(bookmarks.noteField(saved)).toHaveCount(0);

    await appPage.reload();
    await expectNoted(new BookmarksPanel(appPage));
    await expectNoted(await reopened(restartHost));
  });

  diskTest('a removal and its Undo that could not be saved offer Retry, and the note is not lost', async ({ appPage, disk, restartHost }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const notice = new Notice(appPage);
    const id = await paragraphId(appPage, 1);
    await bookmarks.bookmarkWithNote(id, NOTE, TAGS);
    await bookmarks.close();

    await disk.fill();
    await bookmarks.togglePassage(id);
    await expect(notice.alert).toHaveText(DISK_FULL);
    await expect(notice.retryButton).toBeVisible();
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');

    await disk.free();
    await notice.retryButton.click();
    await expect(notice.status).toHaveText(/^Bookmark removed, with its note and tags\. Press Ctrl\+Z to undo\.$/);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'false');
    // The reader was working in the notice: focus moves on to its Undo.
    await expect(notice.undoButton).toBeFocused();

    await disk.fill();
    await notice.undoButton.click();
    await expect(notice.alert).toHaveText(DISK_FULL);
    await expect(notice.retryButton).toBeFocused();
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'false');

    await disk.free();
    await notice.retryButton.click();
    await expect(notice.status).toHaveText('Bookmark put back.');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await appPage.reload();
    await expectNoted(new BookmarksPanel(appPage));
    await expectNoted(await reopened(restartHost));
  });
});

test.describe('unsaved edits', () => {
  test('a note typed and not saved is still there when the panel opens again, and after a reload', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage, 1);
    const item = await bookmarks.bookmarkWithNote(id, NOTE, TAGS);
    await item.getByRole('button', { name: 'Edit note and tags' }).click();
    const typed = `${NOTE}, and the pharmacist`;
    await bookmarks.noteField(item).fill(typed);
    await bookmarks.close();

    await bookmarks.open();
    await expect(bookmarks.noteField(bookmarks.items.first())).toHaveValue(typed);
    await appPage.reload();
    await expect(new QuirePage(appPage).articleTitle).toHaveText(ARTICLE);
    const after = new BookmarksPanel(appPage);
    await after.open();
    const field = after.noteField(after.items.first());
    await expect(field).toHaveValue(typed);

    // Saved, the draft is gone: the next edit starts from what was saved.
    await after.items.first().getByRole('button', { name: 'Save' }).click();
    await expect(after.item(typed)).toBeVisible();
    await after.close();
    await after.open();
    await expect(after.item(typed).getByRole('button', { name: 'Edit note and tags' })).toBeVisible();
  });

  test('Cancel drops the unsaved edit', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage, 2);
    const item = await bookmarks.bookmarkWithNote(id, NOTE, TAGS);
    await item.getByRole('button', { name: 'Edit note and tags' }).click();
    // While it is edited, the item shows its form, not its note: find it as the only one.
    const editing = bookmarks.items.first();
    await bookmarks.noteField(editing).fill('not this');
    await editing.getByRole('button', { name: 'Cancel' }).click();
    await bookmarks.close();
    await bookmarks.open();
    await expect(bookmarks.item(NOTE).getByRole('button', { name: 'Edit note and tags' })).toBeVisible();
    await expect(bookmarks.noteField(bookmarks.items.first())).toHaveCount(0);
  });
});
