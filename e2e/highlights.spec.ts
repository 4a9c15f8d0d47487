/**
 * Highlights: made from a selection (mouse and keyboard) with the selection toolbar, drawn over
 * the article with the CSS Custom Highlight API, kept through a reload and through changes to the
 * article's text, changed and removed (with Undo).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axe } from './axe';
import { expect, test } from './fixtures';
import { Notes } from './pages/Notes';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { Notice } from './pages/Notice';
import { PrintPreview } from './pages/PrintPreview';
import { normalize, readPdf } from './pdf';
import { SelectionToolbar } from './pages/SelectionToolbar';
import { applyTheme, THEMES } from './screens';

const ARTICLE = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';
const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";

/** White space as one space, ends trimmed: a DOM range's text, compared with what the reader sees. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The paragraphs of the open article's body. */
function paragraphs(page: Page) {
  return page.locator('.article__body p[data-passage-id]');
}

test.describe('highlights', () => {
  test('highlights words dragged across with the mouse, draws them, keeps them through a reload and lists them', async ({ quire, appPage, restartHost }) => {
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    const paragraph = paragraphs(appPage).filter({ hasText: 'where things get interesting' });
    await selection.drag(paragraph, 'things get interesting');
    expect(squash(await selection.selected())).toBe('things get interesting');
    await expect(selection.toolbar).toHaveAttribute('role', 'toolbar');
    await selection.button('Green').click();
    await expect(new Notice(appPage).status).toHaveText('Highlight added.');
    await expect.poll(() => selection.drawn('green')).toEqual(['things get interesting']);
    // Nothing in the DOM changed: the paragraph's text is as it was, with no element added.
    await expect(paragraph.locator('mark')).toHaveCount(0);
    // Highlighted words do not make their passage bookmarked (its ribbon would remove them).
    const passageId = (await paragraph.getAttribute('data-passage-id'))!;
    await expect(new BookmarksPanel(appPage).toggleOf(passageId)).toHaveAttribute('aria-pressed', 'false');

    const page = await restartHost();
    await new (await import('./pages/QuirePage')).QuirePage(page).openArticle(ARTICLE);
    const after = new SelectionToolbar(page);
    await expect.poll(() => after.drawn('green')).toEqual(['things get interesting']);
    const panel = new BookmarksPanel(page);
    await panel.open();
    await expect(panel.item('things get interesting')).toHaveAttribute('data-status', 'anchored');
  });

  test('highlights by keyboard: a caret in the focused passage, Shift+arrows, then the shortcut or the toolbar', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    const paragraph = paragraphs(appPage).filter({ hasText: 'where things get interesting' });
    const id = await paragraph.getAttribute('data-passage-id');
    // Landing on a passage (a link to it) focuses it, and the caret is put at its start.
    await appPage.goto(`${appPage.url().split('#')[0]}#/article/baclofen-sleep-aid/${id}`);
    await expect(paragraph).toBeFocused();
    for (let i = 0; i < "Here's".length; i++) await appPage.keyboard.press('Shift+ArrowRight');
    expect(await selection.selected()).toBe("Here's");
    await expect(selection.toolbar).toBeVisible();
    await appPage.keyboard.press('Control+Shift+H');
    await expect.poll(() => selection.drawn('yellow')).toEqual(["Here's"]);
    await expect(selection.toolbar).toBeHidden();

    // Further on: the toolbar by its shortcut, the arrow keys to Blue, Enter.
    for (let i = 0; i < ' where'.length; i++) await appPage.keyboard.press('Shift+ArrowRight');
    expect(squash(await selection.selected())).toBe('where');
    await appPage.keyboard.press('Control+Shift+E');
    await expect(selection.button('Yellow')).toBeFocused();
    await appPage.keyboard.press('ArrowRight');
    await appPage.keyboard.press('ArrowRight');
    await expect(selection.button('Blue')).toBeFocused();
    await appPage.keyboard.press('Enter');
    await expect.poll(() => selection.drawn('blue')).toEqual([' where']);
    // Focus went back to the passage, the caret after the words.
    await expect(paragraph).toBeFocused();

    // Escape in the toolbar closes it and leaves the words selected.
    for (let i = 0; i < ' things'.length; i++) await appPage.keyboard.press('Shift+ArrowRight');
    await appPage.keyboard.press('Control+Shift+E');
    await expect(selection.button('Yellow')).toBeFocused();
    await appPage.keyboard.press('Escape');
    await expect(selection.toolbar).toBeHidden();
    expect(squash(await selection.selected())).toBe('things');
  });

  test('highlights across two passages, in a table cell and in a reader comment', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    const first = paragraphs(appPage).filter({ hasText: 'where things get interesting' });
    const second = first.locator('xpath=following::p[@data-passage-id][1]');
    // The end of one paragraph and the start of the next: both in view at once.
    const lastWords = squash(await first.innerText()).split(' ').slice(-2).join(' ');
    const firstWords = squash(await second.innerText()).split(' ').slice(0, 3).join(' ');
    await selection.drag(first, lastWords, second, firstWords);
    await selection.button('Pink').click();
    await expect.poll(async () => (await selection.drawn('pink')).map((t) => squash(t).replace(/\s/g, ''))).toEqual([`${lastWords}${firstWords}`.replace(/\s/g, '')]);
    const panel = new BookmarksPanel(appPage);
    await panel.open();
    await expect(panel.item(lastWords)).toContainText(firstWords);
    await panel.close();

    const table = appPage.locator('.passage--table');
    await selection.drag(table.locator('td', { hasText: '41 min' }), '41 min');
    expect(squash(await selection.selected())).toBe('41 min');
    await selection.button('Green').click();
    await expect.poll(() => selection.drawn('green')).toEqual(['41 min']);

    await quire.openArticle(SJOGREN);
    await appPage.getByRole('button', { name: /^Reader comments/ }).click();
    // Its author's name shares letters with the start of its words, which must not line up with them.
    const comment = appPage.locator('.comment', { hasText: 'this post reads like a pharmaceutical ad' });
    // From the author's name (not part of the comment's text) into its body: clipped to the body.
    await selection.drag(comment.locator('.comment__author'), 'Dion', comment.locator('.comment__body'), 'Here’s the problem');
    await selection.button('Blue').click();
    await expect.poll(() => selection.drawn('blue')).toEqual(['Here’s the problem']);
    await panel.open();
    await expect(panel.item('Here’s the problem')).toBeVisible();
  });

  test('changes a highlight\'s colour and removes it, with Undo', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    const paragraph = paragraphs(appPage).filter({ hasText: 'where things get interesting' });
    await selection.drag(paragraph, 'things get interesting');
    await selection.button('Yellow').click();
    await expect.poll(() => selection.drawn('yellow')).toEqual(['things get interesting']);

    // A click in the highlight selects it and opens the toolbar for it.
    const { start } = await selection.wordsAt(paragraph, 'get');
    await appPage.mouse.click(start.x, start.y);
    await expect(selection.toolbar).toBeVisible();
    expect(await selection.selected()).toBe('things get interesting');
    await expect(selection.button('Yellow')).toHaveAttribute('aria-pressed', 'true');
    await selection.button('Green').click();
    const notice = new Notice(appPage);
    await expect(notice.status).toHaveText('Highlight colour changed to green.');
    await expect.poll(() => selection.drawn('green')).toEqual(['things get interesting']);
    expect(await selection.drawn('yellow')).toEqual([]);

    await appPage.mouse.click(start.x, start.y);
    await selection.button('Remove highlight').click();
    await expect(notice.status).toHaveText(/^Highlight removed\./);
    await expect.poll(() => selection.drawn('green')).toEqual([]);
    await notice.undoButton.click();
    await expect.poll(() => selection.drawn('green')).toEqual(['things get interesting']);
  });

  test('keeps a highlight drawn whole while find-in-article marks words inside it, and after', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    const paragraph = paragraphs(appPage).filter({ hasText: 'where things get interesting' });
    await selection.drag(paragraph, 'things get interesting');
    await selection.button('Yellow').click();
    await expect.poll(() => selection.drawn('yellow')).toEqual(['things get interesting']);
    // The find marks wrap "get" in an element: the highlight's range is drawn again around it.
    await quire.findInArticle('get');
    await expect(paragraph.locator('mark.find-hit').first()).toHaveText('get');
    await expect.poll(() => selection.drawn('yellow')).toEqual(['things get interesting']);
    await appPage.keyboard.press('Escape');
    await expect(paragraph.locator('mark.find-hit')).toHaveCount(0);
    await expect.poll(() => selection.drawn('yellow')).toEqual(['things get interesting']);
  });

  test('"Add note" makes the highlight and opens its note in place, at the words', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    await selection.drag(paragraphs(appPage).filter({ hasText: 'where things get interesting' }), 'things get interesting');
    await selection.button('Add note').click();
    const notes = new Notes(appPage);
    await expect(notes.popover).toHaveAccessibleName(/^Note on highlight: “things get interesting”/);
    await expect(notes.noteField).toBeFocused();
    await expect.poll(() => selection.drawn('yellow')).toEqual(['things get interesting']);
    await notes.noteField.fill('the turning point');
    await notes.saveButton.click();
    await expect(notes.popover).toBeHidden();
    const panel = new BookmarksPanel(appPage);
    await panel.open();
    await expect(panel.item('things get interesting')).toContainText('the turning point');
  });

  for (const width of [390, 1280]) {
    test(`keeps the toolbar inside the view, off the words, at ${width} px`, async ({ quire, appPage }) => {
      await appPage.setViewportSize({ width, height: 800 });
      await quire.openArticle(ARTICLE);
      const selection = new SelectionToolbar(appPage);
      const paragraph = paragraphs(appPage).filter({ hasText: 'where things get interesting' });
      await selection.drag(paragraph, 'things get interesting');
      const box = (await selection.toolbar.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      const words = await appPage.evaluate(() => [...window.getSelection()!.getRangeAt(0).getClientRects()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
      for (const w of words) {
        const apart = w.x + w.w <= box.x || box.x + box.width <= w.x || w.y + w.h <= box.y || box.y + box.height <= w.y;
        expect(apart, `toolbar ${JSON.stringify(box)} over words ${JSON.stringify(w)}`).toBe(true);
      }
    });
  }

  test('axe finds nothing serious on the open toolbar, in every theme', async ({ quire, appPage }) => {
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    const paragraph = paragraphs(appPage).filter({ hasText: 'where things get interesting' });
    await selection.drag(paragraph, 'things get interesting');
    await selection.button('Pink').click();
    for (const theme of THEMES) {
      await applyTheme(appPage, theme);
      await selection.drag(paragraph, 'where things');
      const { blocking } = await axe(appPage);
      expect(blocking, theme.name).toEqual([]);
    }
  });
});

test.describe('highlights in print', () => {
  test('marks the article\'s highlights in the print, with a key for black and white, unless turned off', async ({ quire, appPage, printToPdf }) => {
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    const paragraph = paragraphs(appPage).filter({ hasText: 'where things get interesting' });
    await selection.drag(paragraph, 'things get interesting');
    await selection.button('Blue').click();
    await expect.poll(() => selection.drawn('blue')).toEqual(['things get interesting']);

    const preview = new PrintPreview(appPage);
    await preview.openWithShortcut();
    const highlights = preview.dialog.getByRole('checkbox', { name: /^Highlights/ });
    await expect(highlights).toBeChecked();
    await expect(highlights).toHaveAccessibleName('Highlights (1)');
    const marks = preview.paperSheet.locator('mark.print-highlight');
    await expect(marks).toHaveText(['things get interesting']);
    await expect(marks).toHaveAttribute('data-color', 'blue');
    await expect(marks).toHaveCSS('text-decoration-style', 'dotted');
    const printed = readPdf(await printToPdf()).all;
    expect(printed).toContain(normalize('Highlights: blue (dotted underline).'));
    expect(printed).toContain(normalize("Here's where things get interesting."));

    await highlights.uncheck();
    await expect(marks).toHaveCount(0);
    expect(readPdf(await printToPdf()).all).not.toContain('Highlights:');
    // The article's text is whole again where the marks were.
    await expect(preview.paperSheet.locator('[data-passage-id]', { hasText: "Here's where things get interesting." })).toHaveCount(1);
  });
});

test.describe('highlights when the article changes', () => {
  test.use({ copyContent: true });

  test('re-anchors a highlight whose passage moved and keeps one whose words were deleted as an orphan, not drawn', async ({ quire, appPage, contentDir, restartHost }) => {
    if (!contentDir) throw new Error('copyContent gave no content folder');
    await quire.openArticle(ARTICLE);
    const selection = new SelectionToolbar(appPage);
    await selection.drag(paragraphs(appPage).filter({ hasText: 'where things get interesting' }), 'things get interesting');
    await selection.button('Yellow').click();
    await expect.poll(() => selection.drawn('yellow')).toEqual(['things get interesting']);
    const doomed = paragraphs(appPage).filter({ hasText: 'A big question: Do these effects hold up' });
    await selection.drag(doomed, 'Do these effects hold up');
    await selection.button('Pink').click();
    await expect.poll(() => selection.drawn('pink')).toEqual(['Do these effects hold up']);

    const file = join(contentDir, 'baclofen-sleep-aid.md');
    const blocks = (await readFile(file, 'utf8')).split('\n\n');
    const moved = blocks.findIndex((b) => b.startsWith("Here's where things get interesting."));
    const gone = blocks.findIndex((b) => b.startsWith('A big question: Do these effects hold up'));
    expect(moved).toBeGreaterThan(-1);
    expect(gone).toBeGreaterThan(-1);
    blocks[moved] = `A paragraph the editors added, so that the ones after it move down.\n\n${blocks[moved]!.replace("Here's where", 'Now, here is where')}`;
    blocks.splice(gone, 1);
    await writeFile(file, blocks.join('\n\n'));

    const page = await restartHost();
    const quireAfter = new (await import('./pages/QuirePage')).QuirePage(page);
    await quireAfter.openArticle(ARTICLE);
    const after = new SelectionToolbar(page);
    await expect.poll(() => after.drawn('yellow')).toEqual(['things get interesting']);
    expect(await after.drawn('pink')).toEqual([]);
    const panel = new BookmarksPanel(page);
    await panel.open();
    await expect(panel.item('things get interesting')).toHaveAttribute('data-status', 'reanchored');
    await expect(panel.item('Do these effects hold up')).toHaveAttribute('data-status', 'orphaned');
  });
});
