/**
 * Adding the reader's own files: each kind by the file chooser and by a drop, found by search,
 * opened (a news page without its navigation, ads and comments), bookmarked, and all still there
 * after a restart; a file Quire cannot read, the same file again, a whole folder, a file too
 * large; removal with Undo (never offered for a bundled article); Cancel leaving only whole
 * articles; search while an import runs; the overlay for file drags only; the origin filter;
 * File › Add Articles…; and pictures of each new screen at four widths in three themes.
 */
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { MAX_IMPORT_FILE_BYTES } from '../src/shared/user-library';
import { expect, test } from './fixtures';
import { writeKinds, writeNotes, writePdf, type KindFile } from './import-files';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { ImportPanel } from './pages/ImportPanel';
import { Layout, rangeOf } from './pages/Layout';
import { Notice } from './pages/Notice';
import { QuirePage } from './pages/QuirePage';
import { applyTheme, SLEEP, THEMES } from './screens';

/** Paragraphs of each generated note for the long imports (some 90 kB a note). */
const PARAGRAPHS = 600;

/** Search a word only one added file has, open the first hit, and see its article. */
async function findAndOpen(page: Page, kind: KindFile): Promise<void> {
  const quire = new QuirePage(page);
  await quire.search(kind.word);
  await quire.waitForAnswers();
  await expect(quire.options.first(), `a hit for '${kind.word}' (${kind.kind})`).toContainText(new RegExp(kind.word, 'i'));
  await quire.openResult(0);
  const body = page.locator('.article__body');
  await expect(body, `the ${kind.kind}'s article`).toContainText(kind.shows);
  for (const hidden of kind.hidden) await expect(page.getByRole('main'), `the ${kind.kind} without '${hidden}'`).not.toContainText(hidden);
}

/** The id of the open article's first passage that holds `word`. */
async function passageWith(page: Page, word: string): Promise<string> {
  const passage = page.locator('.article__body [data-passage-id]', { hasText: new RegExp(word, 'i') }).first();
  const id = await passage.getAttribute('data-passage-id');
  if (!id) throw new Error(`no passage with '${word}'`);
  return id;
}

/** The number at the start of "Added N articles" in a summary ("No articles added" is 0). */
function addedCount(summary: string): number {
  return Number(/^Added ([\d,]+) articles?/.exec(summary)?.[1]?.replace(/,/g, '') ?? 0);
}

test.describe('adding your own articles', () => {
  test('adds each kind with the file chooser: found, opened, bookmarked, and all there after a restart', async ({ appPage, restartHost }, testInfo) => {
    test.setTimeout(120_000);
    const kinds = await writeKinds(testInfo.outputPath('files'));
    const add = new ImportPanel(appPage);
    await add.addFiles(kinds.map((k) => k.path));
    await expect(add.announcement).toContainText('Adding 5 files to your library.');
    await add.waitUntilDone();
    await expect(add.summary).toHaveText('Added 5 articles');
    await expect(add.announcement).toContainText('Done adding files. Added 5 articles.');
    await expect(add.addedLinks).toHaveCount(5);
    await expect(add.yoursInNav).toHaveCount(5);

    const bookmarks = new BookmarksPanel(appPage);
    for (const kind of kinds) {
      await findAndOpen(appPage, kind);
      const id = await passageWith(appPage, kind.word);
      await bookmarks.togglePassage(id);
      await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    }

    const page = await restartHost();
    const after = new ImportPanel(page);
    await expect(after.yoursInNav).toHaveCount(5);
    await expect(after.yoursInNav.first()).toContainText('Yours');
    for (const kind of kinds) await findAndOpen(page, kind);
    const panel = new BookmarksPanel(page);
    await panel.open();
    await expect(panel.items).toHaveCount(5);
    await expect(panel.items.and(page.locator('[data-status="orphaned"]'))).toHaveCount(0);
    for (const kind of kinds) await expect(panel.item(new RegExp(kind.word, 'i'))).toHaveCount(1);
  });

  test('adds each kind dropped on the window, and says why a file in the same drop could not be added', async ({ appPage }, testInfo) => {
    test.setTimeout(90_000);
    const dir = testInfo.outputPath('files');
    const kinds = await writeKinds(dir);
    const pdf = await writePdf(dir);
    const add = new ImportPanel(appPage);
    await add.dropFiles(await ImportPanel.read([...kinds.map((k) => k.path), pdf]));
    await add.waitUntilDone();
    await expect(add.summary).toHaveText('Added 5 articles · 1 could not be added');
    await add.showWhy();
    await expect(add.notAdded).toHaveCount(1);
    // In words: not an empty reason, nor a stack trace.
    await expect(add.notAddedFile('notes.pdf')).toHaveText(/^notes\.pdf: .*[a-z]{3,}/);
    await expect(add.notAddedFile('notes.pdf')).not.toContainText('Error:');
    await expect(add.yoursInNav).toHaveCount(5);
    for (const kind of kinds) await findAndOpen(appPage, kind);
  });

  test('adds the readable files of a chosen folder, its folders too, and leaves the rest out', async ({ appPage }, testInfo) => {
    const dir = testInfo.outputPath('folder');
    await mkdir(join(dir, 'inner'), { recursive: true });
    await writeFile(join(dir, 'a.md'), '# Otter notes\n\nThe otter holds hands while it sleeps.\n');
    await writeFile(join(dir, 'b.txt'), 'Kestrel notes\n\nThe kestrel hovers into the wind.\n');
    await writeFile(join(dir, 'photo.jpg'), 'not a photo');
    await writeFile(join(dir, '.hidden.md'), '# Hidden\n\nNot to be added.\n');
    await writeFile(join(dir, 'inner', 'c.md'), '# Wren notes\n\nThe wren sings loudest for its size.\n');
    const add = new ImportPanel(appPage);
    await add.addFolder(dir);
    await add.waitUntilDone();
    await expect(add.summary).toHaveText('Added 3 articles');
    await expect(add.whyToggle).toHaveCount(0);
    await expect(add.yoursInNav).toHaveCount(3);
  });

  test('reports the same file added again as already in the library, and adds nothing twice', async ({ appPage }, testInfo) => {
    const [markdown] = await writeKinds(testInfo.outputPath('files'));
    if (!markdown) throw new Error('no Markdown file');
    const add = new ImportPanel(appPage);
    await add.addFiles([markdown.path]);
    await add.waitUntilDone();
    await expect(add.summary).toHaveText('Added 1 article');
    await add.dismissButton.click();
    await expect(add.panel).toHaveCount(0);

    await add.dropFiles(await ImportPanel.read([markdown.path]));
    await add.waitUntilDone();
    await expect(add.summary).toHaveText('No articles added · 1 already in your library');
    await add.showWhy();
    await expect(add.notAddedFile(markdown.name)).toContainText('already in your library');
    await expect(add.yoursInNav).toHaveCount(1);
    const quire = new QuirePage(appPage);
    await quire.search(markdown.word);
    await quire.waitForAnswers();
    await expect(quire.results.getByRole('group')).toHaveCount(1);
  });

  test('lists a file too large to add with why, without sending it', async ({ appPage }, testInfo) => {
    const dir = testInfo.outputPath('files');
    const [markdown] = await writeKinds(dir);
    const big = join(dir, 'huge.md');
    await writeFile(big, '');
    await truncate(big, MAX_IMPORT_FILE_BYTES + 1024 * 1024);
    const add = new ImportPanel(appPage);
    await add.addFiles([markdown!.path, big]);
    await add.waitUntilDone();
    await expect(add.summary).toHaveText('Added 1 article · 1 could not be added');
    await add.showWhy();
    await expect(add.notAddedFile('huge.md')).toHaveText('huge.md: it is 49 MB, larger than the 48 MB a file can be');
  });

  test('removes an added article with Undo, from the article and from its card; a bundled one offers no removal', async ({ appPage }, testInfo) => {
    test.setTimeout(60_000);
    const [markdown] = await writeKinds(testInfo.outputPath('files'));
    if (!markdown) throw new Error('no Markdown file');
    const add = new ImportPanel(appPage);
    const quire = new QuirePage(appPage);
    const notice = new Notice(appPage);
    const bookmarks = new BookmarksPanel(appPage);
    await add.addFiles([markdown.path]);
    await add.waitUntilDone();
    const title = (await add.addedLinks.first().textContent()) ?? '';
    await add.addedLinks.first().click();
    await expect(quire.articleTitle).toHaveText(title);
    const id = await passageWith(appPage, markdown.word);
    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');

    // From the article: back to the library, Undo focused, spoken; gone from search; its bookmark orphaned.
    await add.removeArticleButton.click();
    await expect(appPage.getByRole('heading', { level: 1, name: 'Your library' })).toBeVisible();
    await expect(notice.saying(`Removed “${title}” from your library.`)).toBeVisible();
    await expect(notice.undoButton).toBeFocused();
    await expect(add.yoursInNav).toHaveCount(0);
    await quire.search(markdown.word);
    await expect(quire.searchStatus).toContainText(`No results for “${markdown.word}”`);
    await bookmarks.open();
    await expect(bookmarks.items.and(appPage.locator('[data-status="orphaned"]'))).toHaveCount(1);
    await bookmarks.toggleButton.click();

    // Ctrl/Cmd+Z, outside a text field, undoes it: listed, searchable, its bookmark anchored again.
    await notice.undoButton.focus();
    await appPage.keyboard.press('ControlOrMeta+z');
    await expect(notice.saying(`“${title}” is back in your library.`)).toBeVisible();
    await expect(add.yoursInNav).toHaveCount(1);
    await findAndOpen(appPage, markdown);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.open();
    await expect(bookmarks.items.and(appPage.locator('[data-status="orphaned"]'))).toHaveCount(0);
    await bookmarks.toggleButton.click();

    // From its card, and Undo by the button.
    await appPage.evaluate(() => (window.location.hash = '#/'));
    await add.removeCardButton(title).click();
    await expect(notice.saying(`Removed “${title}” from your library.`)).toBeVisible();
    await expect(add.yourCards).toHaveCount(0);
    await notice.undoButton.click();
    await expect(add.yourCards).toHaveCount(1);

    // A bundled article: no removal on its card nor in its header.
    await expect(appPage.getByRole('button', { name: /^Remove “.*” from library$/ })).toHaveCount(1);
    await quire.openArticle(SLEEP);
    await expect(add.removeArticleButton).toHaveCount(0);
  });

  test('cancelled part way, leaves only whole articles, as many as the summary says', async ({ appPage }, testInfo) => {
    test.setTimeout(120_000);
    // Long enough to take a few seconds: the files are added a group at a time.
    const notes = await writeNotes(testInfo.outputPath('notes'), 60, PARAGRAPHS);
    const add = new ImportPanel(appPage);
    await add.addFiles(notes);
    await expect(add.progressBar).toBeVisible();
    await expect.poll(() => add.progressBar.evaluate((bar: HTMLProgressElement) => bar.value), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await add.cancel();
    await add.waitUntilDone();
    await expect(add.panel).toHaveAccessibleName('Adding cancelled');
    const summary = (await add.summary.textContent()) ?? '';
    const added = addedCount(summary);
    expect(added, summary).toBeGreaterThan(0);
    expect(added, summary).toBeLessThan(60);
    expect(summary).toMatch(/left out when you cancelled$/);
    await expect(add.yoursInNav).toHaveCount(added);

    // Each article listed opens whole: its title and its last paragraph.
    const quire = new QuirePage(appPage);
    const links = add.yoursInNav.getByRole('link');
    for (let i = 0; i < added; i++) {
      const link = links.nth(i);
      const title = (await link.textContent()) ?? '';
      const n = /^Batch note (\d+)$/.exec(title)?.[1];
      expect(n, `an added note: ${title}`).toBeDefined();
      await link.click();
      await expect(quire.articleTitle).toHaveText(title);
      await expect(appPage.locator('.article__body')).toContainText(`Paragraph ${PARAGRAPHS} of note ${n}:`);
    }
  });

  test('keeps search working while an import runs, and lists articles as they land', async ({ appPage }, testInfo) => {
    test.setTimeout(120_000);
    const notes = await writeNotes(testInfo.outputPath('notes'), 150, PARAGRAPHS);
    const add = new ImportPanel(appPage);
    const quire = new QuirePage(appPage);
    await add.addFiles(notes);
    await expect(add.progressBar).toBeVisible();
    await quire.search('dry mouth');
    await quire.waitForAnswers();
    await expect(quire.options.first()).toBeVisible();
    await quire.openResult(0);
    await expect(quire.articleTitle).toBeVisible();
    // The articles added so far join the library's list as they land, before the import ends.
    await expect.poll(() => add.yoursInNav.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // All of that while the files were still being added.
    await expect(add.progressBar).toBeVisible();
    const listed = await add.yoursInNav.count();
    await add.stopIfRunning();
    expect(listed, 'listed while running, fewer than all').toBeLessThan(150);
  });

  test('shows the drop overlay for files only, never for text dragged in the window', async ({ appPage }) => {
    const add = new ImportPanel(appPage);
    expect(await add.dragText('a sentence selected in an article'), 'a text drag is left to the browser').toBe(false);
    await add.settle();
    await expect(add.overlay).toBeHidden();

    expect(await add.dropFiles([{ name: 'notes.md', data: '# Notes' }], false), 'a file drag is taken').toBe(true);
    await expect(add.overlay).toBeVisible();
    await expect(add.overlay).toContainText('Drop files or folders to add them to your library');
    await expect(appPage.getByRole('status').filter({ hasText: 'Drop files or folders to add them to your library.' })).toHaveCount(1);
    await add.leaveWindow();
    await expect(add.overlay).toBeHidden();
  });

  test('filters the library to your articles or those Quire came with, once you have some, and keeps the choice', async ({ appPage }, testInfo) => {
    const add = new ImportPanel(appPage);
    const cards = appPage.getByRole('region', { name: 'All articles' }).getByRole('article');
    await expect(cards).toHaveCount(2);
    await expect(add.originSelect).toHaveCount(0);

    const [markdown, text] = await writeKinds(testInfo.outputPath('files'));
    await add.addFiles([markdown!.path, text!.path]);
    await add.waitUntilDone();
    await expect(cards).toHaveCount(4);
    await expect(add.yourCards.first()).toContainText('Yours');
    await expect(add.yourCards.filter({ hasText: 'Added from zoo-diary.txt on' })).toHaveCount(1);

    await add.originSelect.selectOption({ label: 'Added by you' });
    await expect(cards).toHaveCount(2);
    await expect(add.yourCards).toHaveCount(2);
    await expect(appPage.getByRole('region', { name: 'All articles' }).getByRole('status')).toHaveText('2 articles added by you');
    await add.originSelect.selectOption({ label: 'Came with Quire' });
    await expect(cards).toHaveCount(2);
    await expect(add.yourCards).toHaveCount(0);

    await appPage.reload();
    await expect(add.originSelect).toHaveValue('bundled');
    await expect(cards).toHaveCount(2);
    await expect(add.yourCards).toHaveCount(0);
  });

  test('File › Add Articles… opens a dialog whose first button chooses files', async ({ appPage }, testInfo) => {
    const [markdown] = await writeKinds(testInfo.outputPath('files'));
    const add = new ImportPanel(appPage);
    await add.fakeDesktopShell();
    await add.menuCommand('add-articles');
    await expect(add.dialog).toBeVisible();
    const choose = add.dialog.getByRole('button', { name: 'Choose files…' });
    await expect(choose).toBeFocused();
    await appPage.keyboard.press('Escape');
    await expect(add.dialog).toBeHidden();

    await add.menuCommand('add-articles');
    const chooser = appPage.waitForEvent('filechooser');
    await appPage.keyboard.press('Enter');
    await (await chooser).setFiles([markdown!.path]);
    await expect(add.dialog).toBeHidden();
    await add.waitUntilDone();
    await expect(add.summary).toHaveText('Added 1 article');
  });

  test('says in words why files could not be sent, and Retry sends them', async ({ appPage }, testInfo) => {
    const [markdown] = await writeKinds(testInfo.outputPath('files'));
    const add = new ImportPanel(appPage);
    // The first batch meets a full disk; the next try goes through.
    let refused = 0;
    await appPage.route('**/api/addImportFiles', async (route) => {
      if (refused++ > 0) return route.fallback();
      await route.fulfill({
        status: 507,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'not-saved', message: 'Quire could not add your files: the disk is full. Free some space, then try again.\naddImportFiles: not saved' } }),
      });
    });
    await add.addFiles([markdown!.path]);
    await expect(add.panel).toHaveAccessibleName('Adding stopped');
    await expect(add.panel).toContainText('Quire could not add your files: the disk is full. Free some space, then try again.');
    await expect(add.announcement).toContainText('Adding files stopped. Quire could not add your files: the disk is full.');
    await add.retryButton.click();
    await add.waitUntilDone();
    await expect(add.summary).toHaveText('Added 1 article');
    await expect(add.yoursInNav).toHaveCount(1);
  });

  test('offers no Retry for a call that was refused, only Dismiss', async ({ appPage }, testInfo) => {
    const [markdown] = await writeKinds(testInfo.outputPath('files'));
    const add = new ImportPanel(appPage);
    await appPage.route('**/api/addImportFiles', (route) =>
      route.fulfill({
        status: 413,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'invalid-argument', message: 'addImportFiles: request body is 70 MB, over the 64 MB limit' } }),
      }),
    );
    await add.addFiles([markdown!.path]);
    await expect(add.panel).toHaveAccessibleName('Adding stopped');
    await expect(add.panel.locator('.import-panel__error')).toHaveText('The files could not be sent.');
    await expect(add.panel.locator('.import-panel__tech')).toHaveText('addImportFiles: request body is 70 MB, over the 64 MB limit');
    await expect(add.retryButton).toHaveCount(0);
    await add.dismissButton.click();
    await expect(add.panel).toHaveCount(0);
    await expect(add.yoursInNav).toHaveCount(0);
  });
});

/** The widths of the pictures. */
const WIDTHS = [390, 800, 1280, 1920] as const;
/** The narrowest window the app must fit: checked, not pictured. */
const NARROWEST = 320;
const SCREENS_DIR = join('test-results', 'screens');

for (const theme of THEMES.filter((t) => t.choice !== 'System')) {
  test(`pictures of adding articles at every width, ${theme.name}`, async ({ appPage }, testInfo) => {
    test.setTimeout(240_000);
    await applyTheme(appPage, theme);
    const add = new ImportPanel(appPage);
    const layout = new Layout(appPage);
    const dir = testInfo.outputPath('files');
    const kinds = await writeKinds(dir);
    const pdf = await writePdf(dir);
    const shot = (screen: string, width: number) => appPage.screenshot({ path: join(SCREENS_DIR, `import-${screen}-${width}-${theme.name}.png`) });
    const fits = async (screen: string, width: number): Promise<void> => {
      const { scrollWidth, innerWidth } = await layout.widths();
      expect.soft(scrollWidth, `${screen} at ${width} px: no horizontal scroll`).toBeLessThanOrEqual(innerWidth);
      expect.soft(await layout.controlsOutsideViewport(), `${screen} at ${width} px: controls outside the window`).toEqual([]);
    };
    const size = (width: number) => appPage.setViewportSize({ width, height: rangeOf(width) === 'narrow' ? 844 : 900 });

    // The summary with a failure, its reasons unfolded.
    await add.addFiles([kinds[0]!.path, kinds[1]!.path, kinds[2]!.path, pdf]);
    await add.waitUntilDone();
    await size(NARROWEST);
    await add.showWhy();
    await fits('summary', NARROWEST);
    await add.yourCards.first().scrollIntoViewIfNeeded();
    await fits('library', NARROWEST);
    for (const width of WIDTHS) {
      await size(width);
      await expect(add.summary).toBeVisible();
      // Drawn anew where the window's width moves it (sidebar or page), folded again.
      await add.showWhy();
      await fits('summary', width);
      await shot('summary', width);
    }
    await add.dismissButton.click();

    // The library with articles of yours: marked, and the filter.
    for (const width of WIDTHS) {
      await size(width);
      await fits('library', width);
      await shot('library', width);
      // Further down: the cards of yours, marked, with where they came from and Remove.
      await add.yourCards.first().scrollIntoViewIfNeeded();
      await shot('library-cards', width);
      await appPage.evaluate(() => window.scrollTo(0, 0));
      if (rangeOf(width) !== 'wide') {
        await layout.libraryToggle.click();
        await expect(add.yoursInNav.first()).toBeVisible();
        await fits('library drawer', width);
        await shot('library-drawer', width);
        await appPage.keyboard.press('Escape');
      }
    }

    // The drop overlay.
    for (const width of WIDTHS) {
      await size(width);
      await add.dropFiles([{ name: 'notes.md', data: '# Notes' }], false);
      await expect(add.overlay).toBeVisible();
      await shot('drop-overlay', width);
      await add.leaveWindow();
      await expect(add.overlay).toBeHidden();
    }

    // The progress while an import runs.
    await add.addFiles(await writeNotes(testInfo.outputPath('notes'), 150, PARAGRAPHS));
    await expect.poll(() => add.progressBar.evaluate((bar: HTMLProgressElement) => bar.value), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    for (const width of WIDTHS) {
      await size(width);
      await expect(add.progressBar).toBeVisible();
      await fits('progress', width);
      await shot('progress', width);
    }
    await add.stopIfRunning();
  });
}
