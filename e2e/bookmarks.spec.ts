import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openStore, type StoreShape } from '../src/core/user/store';
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { Notice } from './pages/Notice';
import { PrintPreview } from './pages/PrintPreview';
import { QuirePage } from './pages/QuirePage';

const ARTICLE = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';
const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";
const SIDE_EFFECTS = 'What About Side Effects?';
/** The start of that section's first paragraph, as the bundled article has it. */
const SIDE_EFFECTS_OPENING = 'Baclofen is generally well-tolerated, but it’s not harmless. Common side effects include drowsiness, dizziness';

/** The id of the n-th paragraph passage (0-based) of the open article's body. */
async function paragraphId(paragraphs: Locator, n: number): Promise<string> {
  const id = await paragraphs.nth(n).getAttribute('data-passage-id');
  if (!id) throw new Error(`paragraph ${n} has no passage id`);
  return id;
}

/** A text as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What the data folder's store holds now, read as another process would read it (its snapshot
 * and the journal of changes since), or undefined while there is no store there yet.
 */
async function storedData(dataDir: string): Promise<Partial<StoreShape> | undefined> {
  try {
    await access(join(dataDir, 'quire.json'));
  } catch {
    return undefined;
  }
  const { store } = await openStore(dataDir);
  const data = { reading: store.readingState(), settings: store.settings(), bookmarks: store.bookmarks() };
  await store.close();
  return data;
}

/**
 * Rewrite the Markdown paragraph (a block between blank lines) that starts with `start`; an empty
 * result deletes it.
 */
function rewriteParagraph(markdown: string, start: string, rewrite: (paragraph: string) => string): string {
  const blocks = markdown.split('\n\n');
  const i = blocks.findIndex((b) => b.startsWith(start));
  if (i === -1) throw new Error(`no paragraph starts with '${start}'`);
  const next = rewrite(blocks[i]!);
  if (next === blocks[i]) throw new Error(`the paragraph starting with '${start}' is unchanged`);
  return [...blocks.slice(0, i), ...(next ? [next] : []), ...blocks.slice(i + 1)].join('\n\n');
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
    const notice = new Notice(appPage);
    const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 0);
    await bookmarks.togglePassage(id);
    await bookmarks.open();
    await expect(bookmarks.items).toHaveCount(1);

    await bookmarks.delete(bookmarks.items.first());
    await expect(bookmarks.items).toHaveCount(0);
    await expect(notice.saying('Bookmark removed.')).toBeVisible();
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'false');
    // Its Delete button went with it: focus is on Undo, not lost.
    await expect(notice.undoButton).toBeFocused();

    await notice.undoButton.click();
    await expect(bookmarks.items).toHaveCount(1);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    // And back on the bookmark it put back.
    await expect(bookmarks.items.first().getByRole('button', { name: 'Edit note and tags' })).toBeFocused();
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

test.describe('section bookmarks and the panel’s search', () => {
  test.beforeEach(async ({ quire }) => {
    await quire.openArticle(SJOGREN);
  });

  /** Bookmark a section with the button beside its heading. */
  async function bookmarkSection(page: Page, title: string): Promise<void> {
    const row = page.locator('.bookmark-row--heading', { has: page.getByRole('heading', { name: title, exact: true }) });
    await row.hover();
    await row.getByRole('button', { name: 'Bookmark this section' }).click();
    await expect(row.getByRole('button', { name: 'Remove bookmark' })).toHaveAttribute('aria-pressed', 'true');
  }

  test('shows a section bookmark’s opening lines under its heading, in the panel and in the bookmarks print', async ({ appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    await bookmarkSection(appPage, SIDE_EFFECTS);
    await bookmarks.open();
    const item = bookmarks.items.first();
    await expect(item.getByRole('link')).toHaveText(SIDE_EFFECTS);
    await expect(item.locator('.bookmark-item__excerpt')).toHaveText(new RegExp(`^${escapeRegExp(SIDE_EFFECTS_OPENING)}.*…$`));
    // The heading once, not again as its own section.
    await expect(item).toHaveText(new RegExp(`^${escapeRegExp(SIDE_EFFECTS)}\\s*${escapeRegExp(SIDE_EFFECTS_OPENING)}`));

    await bookmarks.panel.getByRole('button', { name: 'Print… bookmarks' }).click();
    const preview = new PrintPreview(appPage);
    await expect(preview.scope(/^Bookmarks with notes \(1\)/)).toBeChecked();
    const printed = preview.paperSheet.locator('.print-bookmark');
    await expect(printed).toHaveCount(1);
    await expect(printed.locator('.print-bookmark__section')).toHaveText(SIDE_EFFECTS);
    await expect(printed.locator('.print-bookmark__quote')).toHaveText(new RegExp(`^${escapeRegExp(SIDE_EFFECTS_OPENING)}.*…$`));
    await expect(printed).not.toContainText(`${SIDE_EFFECTS}${SIDE_EFFECTS}`);
  });

  test('finds bookmarks by stem, folded and by the start of a word, as the main search does', async ({ quire, appPage }) => {
    const bookmarks = new BookmarksPanel(appPage);
    const side = appPage.locator('.article__body p[data-passage-id]', { hasText: SIDE_EFFECTS_OPENING });
    const sideId = await paragraphId(side, 0);
    const firstId = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 0);
    await bookmarks.togglePassage(sideId);
    await expect(bookmarks.toggleOf(sideId)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.togglePassage(firstId);
    await expect(bookmarks.toggleOf(firstId)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.open();
    await expect(bookmarks.items).toHaveCount(2);
    await bookmarks.edit(bookmarks.item('People with Sjögren’s syndrome'), 'Swallowing trouble, tablets at night', '');

    // "dizzy" and "dizziness" share a stem; "dizz" begins the word.
    for (const query of ['dizzy', 'dizz', 'Dizziness']) {
      await bookmarks.search(query);
      await expect(bookmarks.items).toHaveCount(1);
      await expect(bookmarks.items.first()).toContainText(SIDE_EFFECTS_OPENING);
    }
    // Inside a word is not the start of one.
    await bookmarks.search('izzy');
    await expect(bookmarks.items).toHaveCount(0);
    // A plural finds the singular in a note, and an accent-free word the accented title.
    await bookmarks.search('tablet');
    await expect(bookmarks.items).toHaveCount(1);
    await expect(bookmarks.items.first()).toContainText('tablets at night');
    await bookmarks.search('sjogren');
    await expect(bookmarks.items).toHaveCount(2);
    await bookmarks.search('');
    await expect(bookmarks.items).toHaveCount(2);
    await expect(quire.articleTitle).toHaveText(SJOGREN);
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
    await expect(bookmarks.panel.getByRole('status')).toHaveText('Added 1 bookmark.');
    await expect(bookmarks.items).toHaveCount(1);
    // The same file again: it says the bookmark was already there, not "Added 0, updated 0".
    await bookmarks.import(file.name, file.text);
    await expect(bookmarks.panel.getByRole('status')).toHaveText('The bookmark in the file was already here: nothing changed.');

    // A file of another kind: what happened and what was kept, then the technical detail, smaller.
    await bookmarks.import('broken.json', '{"format": "nope"}');
    const alert = bookmarks.panel.getByRole('alert');
    await expect(alert.locator('p').first()).toHaveText(
      "This is not a Quire bookmark file. Nothing was imported: your bookmarks are as they were. Choose a file saved with Export → JSON or Export → Web Annotations in Quire's bookmarks panel.",
    );
    await expect(alert.locator('p').nth(1)).toHaveText(/^importBookmarks: argument 0: field 'format'/);
    await expect(bookmarks.items).toHaveCount(1);
  });

  test('exports Web Annotations with Copy link\'s links, and imports them back after deletion, note and tags included', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 0);
    await bookmarks.bookmarkWithNote(id, 'read again', 'sleep, dose');
    await expect(bookmarks.items).toHaveCount(1);

    const file = await bookmarks.export('Web Annotations');
    expect(file.name).toMatch(/\.jsonld$/);
    expect(JSON.parse(file.text)).toMatchObject({
      type: 'AnnotationCollection',
      first: { items: [{ target: { id: `quire://article/baclofen-sleep-aid/${encodeURIComponent(id)}`, source: `quire://article/baclofen-sleep-aid` } }] },
    });
    const markdown = await bookmarks.export('Markdown');
    expect(markdown.text).toContain(`[Open in Quire](quire://article/baclofen-sleep-aid/${encodeURIComponent(id)})`);

    await bookmarks.delete(bookmarks.items.first());
    await expect(bookmarks.items).toHaveCount(0);
    await bookmarks.import(file.name, file.text);
    await expect(bookmarks.panel.getByRole('status')).toHaveText('Added 1 bookmark.');
    await expect(bookmarks.items).toHaveCount(1);
    await expect(bookmarks.items.first()).toContainText('read again');
    await expect(bookmarks.items.first()).toContainText('dose');
  });
});

test.describe('highlights in the panel', () => {
  test("shows a highlight's colour by name and its words, finds it, changes its colour", async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 1);
    const highlight = await bookmarks.highlightByApi('baclofen-sleep-aid', id, 0, 40, 'green', 'check the dose');
    await bookmarks.open();
    const item = bookmarks.items.first();
    await expect(item).toContainText('Green highlight');
    await expect(item.getByRole('link', { name: highlight.quote.exact })).toHaveAttribute('href', `#/article/baclofen-sleep-aid/${encodeURIComponent(id)}`);
    await expect(item).toContainText('check the dose');
    await bookmarks.search('green');
    await expect(bookmarks.items).toHaveCount(1);
    await bookmarks.search('yellow');
    await expect(bookmarks.items).toHaveCount(0);
    await bookmarks.search('');
    await item.getByRole('combobox', { name: 'Colour' }).selectOption('Blue');
    await expect(item).toContainText('Blue highlight');
    // Deleted from the panel, put back by Undo, as a bookmark is.
    await bookmarks.delete(item);
    await expect(bookmarks.items).toHaveCount(0);
    await new Notice(appPage).undoButton.click();
    await expect(item).toContainText('Blue highlight');
    await item.getByRole('link', { name: highlight.quote.exact }).click();
    await expect(appPage).toHaveURL(new RegExp(`#/article/baclofen-sleep-aid/${escapeRegExp(encodeURIComponent(id))}$`));
  });

  for (const format of ['JSON', 'Web Annotations'] as const) {
    test(`brings a deleted highlight back from its ${format} export`, async ({ quire, appPage }) => {
      await quire.openArticle(ARTICLE);
      const bookmarks = new BookmarksPanel(appPage);
      const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 2);
      const highlight = await bookmarks.highlightByApi('baclofen-sleep-aid', id, 5, 50, 'pink', 'a note');
      await bookmarks.open();
      await expect(bookmarks.items).toHaveCount(1);
      const file = await bookmarks.export(format);
      await bookmarks.delete(bookmarks.items.first());
      await expect(bookmarks.items).toHaveCount(0);
      await bookmarks.import(file.name, file.text);
      await expect(bookmarks.panel.getByRole('status')).toHaveText('Added 1 bookmark.');
      const back = bookmarks.items.first();
      await expect(back).toContainText('Pink highlight');
      await expect(back).toContainText(highlight.quote.exact);
      await expect(back).toContainText('a note');
      await expect(back).toHaveAttribute('data-status', 'anchored');
    });
  }
});

test.describe('highlights from other tools', () => {
  test('imports a quote of words the article has as a highlight, and one it has not as an orphan, shown with its words', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    await bookmarks.open();
    const annotation = (id: string, exact: string): object => ({ type: 'Annotation', id, target: { source: 'quire://article/baclofen-sleep-aid', selector: { type: 'TextQuoteSelector', exact } } });
    const file = [annotation('https://example.org/a/1', 'quietly sat on pharmacy shelves'), annotation('https://example.org/a/2', 'zebra quantum xylophone marmalade')];
    await bookmarks.import('hypothesis.jsonld', JSON.stringify(file));
    await expect(bookmarks.panel.getByRole('status')).toHaveText('Added 2 bookmarks. 1 is not in the articles as they are now: it is kept, marked orphaned.');
    const placed = bookmarks.item('quietly sat on pharmacy shelves');
    await expect(placed).toHaveAttribute('data-status', 'anchored');
    await expect(placed).toContainText('Yellow highlight');
    const orphan = bookmarks.item('zebra quantum xylophone marmalade');
    await expect(orphan).toHaveAttribute('data-status', 'orphaned');
    await expect(orphan).toContainText('orphaned: the words are no longer in the article');
  });
});

test.describe('after a restart', () => {
  test('keeps bookmarks and settings, and reopens the last article', async ({ quire, appPage, dataDir, restartHost }) => {
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await paragraphId(appPage.locator('.article__body p[data-passage-id]'), 0);
    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.chooseTheme('Dark');
    await expect(appPage.locator('html')).toHaveAttribute('data-theme', 'dark');
    // The position is saved a moment after the article opens, the theme just after it is shown.
    await expect
      .poll(() => storedData(dataDir))
      .toMatchObject({ reading: { articleId: 'baclofen-sleep-aid' }, settings: { theme: 'dark' }, bookmarks: [{ targetId: id }] });

    const page = await restartHost();
    await expect(new QuirePage(page).articleTitle).toHaveText(ARTICLE);
    await expect(page).toHaveURL(/#\/article\/baclofen-sleep-aid/);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(new BookmarksPanel(page).toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('store notice', () => {
  test('tells once that an unreadable store was set aside', async ({ dataDir, restartHost }) => {
    await writeFile(join(dataDir, 'quire.json'), 'not json {');
    const page = await restartHost();
    const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
  });
});

test.describe('when the articles change', () => {
  test.use({ copyContent: true });

  test('re-anchors a bookmark by its quote and keeps one whose passage is gone as orphaned', async ({
    quire,
    appPage,
    contentDir,
    restartHost,
  }) => {
    if (!contentDir) throw new Error('copyContent gave no content folder');
    await quire.openArticle(ARTICLE);
    const bookmarks = new BookmarksPanel(appPage);
    const paragraphs = appPage.locator('.article__body p[data-passage-id]');
    const editedId = await paragraphId(paragraphs.filter({ hasText: 'where things get interesting' }), 0);
    const deleted = paragraphs.filter({ hasText: 'A big question: Do these effects hold up' });
    const deletedId = await paragraphId(deleted, 0);
    const deletedQuote = (await deleted.innerText()).slice(0, 60);
    for (const id of [editedId, deletedId]) {
      await bookmarks.togglePassage(id);
      await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    }

    // Delete one bookmarked paragraph; change a word of the other and put a new paragraph before
    // it, so that its id now names the new paragraph.
    const file = join(contentDir, 'baclofen-sleep-aid.md');
    let markdown = await readFile(file, 'utf8');
    markdown = rewriteParagraph(markdown, 'A big question: Do these effects hold up', () => '');
    markdown = rewriteParagraph(
      markdown,
      "Here's where things get interesting.",
      (p) => `A paragraph the editors added, so that the ones after it move down.\n\n${p.replace('things get interesting', 'things get fascinating')}`,
    );
    await writeFile(file, markdown);

    const page = await restartHost();
    const after = new BookmarksPanel(page);
    await after.open();
    await expect(after.items).toHaveCount(2);

    const orphaned = after.item(deletedQuote);
    await expect(orphaned).toHaveAttribute('data-status', 'orphaned');
    await expect(orphaned.getByText(/^orphaned/)).toBeVisible();
    await expect(orphaned.getByRole('link')).toHaveCount(0);

    const moved = after.item('where things get interesting');
    await expect(moved).toHaveAttribute('data-status', 'reanchored');
    await moved.getByRole('link').click();
    const edited = page.locator('.article__body p[data-passage-id]', { hasText: 'where things get fascinating' });
    await expect(edited).toBeInViewport();
    const movedId = await paragraphId(edited, 0);
    expect(movedId).not.toBe(editedId);
    await expect(page).toHaveURL(new RegExp(`#/article/baclofen-sleep-aid/${encodeURIComponent(movedId)}$`));
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
    await expect(bookmarks.settingChoice('Theme', 'System')).toBeFocused();
    await bookmarks.settingsDialog.getByRole('button', { name: 'Larger text' }).click();
    await expect(html).toHaveAttribute('data-font-size', '110');
    await bookmarks.settingChoice('Line width', 'Wide').check();
    await expect(html).toHaveAttribute('data-line-width', 'wide');
    await appPage.keyboard.press('Escape');
    await expect(bookmarks.settingsDialog).toBeHidden();
    await expect(bookmarks.settingsButton).toBeFocused();
  });
});
