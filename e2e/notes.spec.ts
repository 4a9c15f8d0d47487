/**
 * Notes where you read: a note added and edited in place, in the popover opened from a passage's
 * margin control (by mouse and by keyboard); Escape and a stray click lose nothing that was
 * saved or typed; the note beside its passage where the window has room and under it where not;
 * found in the bookmarks panel by a word of it; kept across a reload; a failed save keeps the
 * text; axe clean with the popover open and the margin notes showing, in every theme.
 */
import type { Locator, Page } from '@playwright/test';
import { axe } from './axe';
import { expect, test } from './fixtures';
import { diskTest } from './full-disk';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { Notes } from './pages/Notes';
import { applyTheme, THEMES } from './screens';

const ARTICLE = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';
const ARTICLE_ID = 'baclofen-sleep-aid';
const NOTE = 'Ask about the dizziness at the next visit';
const LONG_NOTE =
  `${NOTE}: it came back twice this week, both times after the evening dose, and lasted most of the morning after it. ` +
  'Also ask whether taking it an hour earlier would help, whether it mixes with the antihistamine, and what to do if a dose is missed.';
const DISK_FULL = /^Quire could not .+: the disk is full\./;

/** Where an element is on the page; it must be shown. */
async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`notes.spec: ${locator.toString()} is not shown`);
  return found;
}

/** The page at a width (and a height that shows a few passages). */
async function atWidth(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
}

test.describe('notes in place', () => {
  test.beforeEach(async ({ quire }) => {
    await quire.openArticle(ARTICLE);
  });

  test('a note added from the margin control with the mouse is saved, shown, found in the panel and kept', async ({ appPage }) => {
    const notes = new Notes(appPage);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await notes.paragraphId(1);
    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');

    await notes.openFromMargin(id);
    await expect(notes.popover).toHaveAccessibleName('Note on passage');
    await expect(notes.noteField).toBeFocused();
    await notes.noteField.fill(NOTE);
    await notes.tagsField.fill('ask, dose');
    await notes.saveButton.click();
    await expect(notes.popover).toBeHidden();
    // Focus is back on the control that opened it, which now edits the note.
    await expect(notes.row(id).getByRole('button', { name: 'Edit note on this passage' })).toBeFocused();
    await expect(appPage.getByRole('status').filter({ hasText: 'Note and tags saved.' })).toBeVisible();
    expect(await notes.stored()).toEqual([expect.objectContaining({ note: NOTE, tags: ['ask', 'dose'] })]);

    // Found in the panel by a word of the note, stemmed: "dizzy" for "dizziness".
    await bookmarks.open();
    await bookmarks.search('dizzy');
    await expect(bookmarks.items).toHaveCount(1);
    await expect(bookmarks.items.first()).toContainText(NOTE);
    await bookmarks.close();

    await appPage.reload();
    await expect(notes.row(id).locator('.passage-note, .margin-note')).toHaveCount(1);
    await expect(notes.underNotes.or(notes.marginCards).first()).toContainText(NOTE);
  });

  test('by keyboard: the margin control from the bookmark toggle, Ctrl+Enter saves, Escape cancels', async ({ appPage }) => {
    const notes = new Notes(appPage);
    const bookmarks = new BookmarksPanel(appPage);
    const id = await notes.paragraphId(1);
    await bookmarks.toggleOf(id).focus();
    await appPage.keyboard.press('ControlOrMeta+D');
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.toggleOf(id).focus();
    await appPage.keyboard.press('ArrowDown');
    const control = notes.row(id).getByRole('button', { name: 'Add note to this passage' });
    await expect(control).toBeFocused();
    await appPage.keyboard.press('Enter');
    await expect(notes.noteField).toBeFocused();
    await appPage.keyboard.type(NOTE);
    await appPage.keyboard.press('ControlOrMeta+Enter');
    await expect(notes.popover).toBeHidden();
    const edit = notes.row(id).getByRole('button', { name: 'Edit note on this passage' });
    await expect(edit).toBeFocused();
    expect((await notes.stored())[0]?.note).toBe(NOTE);

    // Edit it: the popover opens with the note; Escape closes it and nothing typed is saved.
    await appPage.keyboard.press('Enter');
    await expect(notes.noteField).toHaveValue(NOTE);
    await appPage.keyboard.type(' and the dose');
    await appPage.keyboard.press('Escape');
    await expect(notes.popover).toBeHidden();
    await expect(edit).toBeFocused();
    expect((await notes.stored())[0]?.note).toBe(NOTE);
    // Cancelled means gone: the next opening starts from the note as saved.
    await appPage.keyboard.press('Enter');
    await expect(notes.noteField).toHaveValue(NOTE);
  });

  test('a click outside keeps typed text; with nothing typed it closes the popover', async ({ appPage }) => {
    const notes = new Notes(appPage);
    const id = await notes.paragraphId(1);
    await notes.add({ articleId: ARTICLE_ID, target: 'passage', targetId: id, note: NOTE });
    await notes.openFromMargin(id);
    await notes.noteField.fill(`${NOTE}, and about the dose`);
    await appPage.getByRole('heading', { level: 1 }).click();
    await expect(notes.popover).toBeVisible();
    await expect(notes.noteField).toHaveValue(`${NOTE}, and about the dose`);
    await expect(notes.popover).toContainText('Not saved yet');
    await notes.saveButton.click();
    await expect(notes.popover).toBeHidden();
    expect((await notes.stored())[0]?.note).toBe(`${NOTE}, and about the dose`);

    // Nothing changed: a click elsewhere closes it, and leaves focus where the click put it.
    await notes.openFromMargin(id);
    await appPage.getByRole('heading', { level: 1 }).click();
    await expect(notes.popover).toBeHidden();
  });

  test('a highlight: its margin control, its popover names its words, its note under its passage', async ({ appPage }) => {
    const notes = new Notes(appPage);
    const id = await notes.paragraphId(2);
    const words = ((await notes.paragraphs.nth(2).textContent()) ?? '').slice(0, 24);
    await notes.add({ articleId: ARTICLE_ID, target: 'text', range: { start: { passageId: id, offset: 0 }, end: { passageId: id, offset: 24 } } });
    await atWidth(appPage, 800);
    await notes.openFromMargin(id);
    await expect(notes.popover).toHaveAccessibleName(`Note on highlight: “${words.trim()}”`);
    await notes.noteField.fill('A short one.');
    await notes.saveButton.click();
    await expect(notes.popover).toBeHidden();
    await expect(notes.row(id).locator('.passage-note')).toContainText('Note on highlight');
    await expect(notes.row(id).locator('.passage-note')).toContainText('A short one.');
    expect(await notes.stored()).toEqual([expect.objectContaining({ target: 'text', note: 'A short one.' })]);
  });

  for (const width of [1920]) {
    test(`at ${width} px the notes show in the margin beside their passages, stacked, and a card opens the popover`, async ({ appPage }) => {
      const notes = new Notes(appPage);
      const [first, second] = [await notes.paragraphId(1), await notes.paragraphId(2)];
      await atWidth(appPage, width);
      await notes.add(
        { articleId: ARTICLE_ID, target: 'passage', targetId: first, note: LONG_NOTE, tags: ['ask'] },
        { articleId: ARTICLE_ID, target: 'text', range: { start: { passageId: first, offset: 0 }, end: { passageId: first, offset: 10 } }, note: 'Second note.' },
        { articleId: ARTICLE_ID, target: 'passage', targetId: second, note: 'Third note.' },
      );
      await expect(notes.marginCards).toHaveCount(3);
      await expect(notes.underNotes.first()).toBeHidden();
      const body = await box(appPage.locator('.article'));
      const row = await box(notes.row(first));
      const [a, b, c] = [await box(notes.marginCards.nth(0)), await box(notes.marginCards.nth(1)), await box(notes.marginCards.nth(2))];
      // Beside the text, never over it, and inside the window.
      for (const card of [a, b, c]) {
        expect(card.x).toBeGreaterThanOrEqual(body.x + body.width);
        expect(card.x + card.width).toBeLessThanOrEqual(width);
      }
      // The first at the top of its passage, the next ones pushed down below it, one after another.
      expect(Math.abs(a.y - row.y)).toBeLessThanOrEqual(1);
      expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
      expect(c.y).toBeGreaterThanOrEqual(b.y + b.height);

      await notes.marginCards.nth(2).click();
      await expect(notes.popover).toHaveAccessibleName('Note on passage');
      await expect(notes.noteField).toHaveValue('Third note.');
      const popover = await box(notes.popover);
      expect(popover.x).toBeGreaterThanOrEqual(0);
      expect(popover.x + popover.width).toBeLessThanOrEqual(width);
      await appPage.keyboard.press('Escape');
      await expect(notes.marginCards.nth(2)).toBeFocused();
    });
  }

  // 1280 px: the library sidebar and the table of contents take the width beside the text.
  for (const width of [390, 800, 1280]) {
    test(`at ${width} px the note shows under its passage, two lines until shown all, and the popover inside the window`, async ({ appPage }) => {
      const notes = new Notes(appPage);
      const id = await notes.paragraphId(1);
      await atWidth(appPage, width);
      await notes.add({ articleId: ARTICLE_ID, target: 'passage', targetId: id, note: LONG_NOTE, tags: ['ask'] });
      await expect(notes.marginCards).toHaveCount(0);
      const under = notes.row(id).locator('.passage-note');
      await expect(under).toBeVisible();
      await expect(under).toContainText('ask');
      const passage = await box(appPage.locator(`[data-passage-id="${id}"]`));
      const noteBox = await box(under);
      expect(noteBox.y).toBeGreaterThanOrEqual(passage.y + passage.height);
      const folded = noteBox.height;
      const more = under.getByRole('button', { name: 'Show all of the note' });
      await more.click();
      await expect(under.getByRole('button', { name: 'Show less of the note' })).toHaveAttribute('aria-expanded', 'true');
      expect((await box(under)).height).toBeGreaterThan(folded);

      await notes.openFromMargin(id);
      const popover = await box(notes.popover);
      expect(popover.x).toBeGreaterThanOrEqual(0);
      expect(popover.x + popover.width).toBeLessThanOrEqual(width);
      expect(await appPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
});

diskTest.describe('a note the store could not save', () => {
  diskTest('stays in the popover as typed, says why, and Retry saves it once there is room', async ({ appPage, quire, disk }) => {
    await quire.openArticle(ARTICLE);
    const notes = new Notes(appPage);
    const id = await notes.paragraphId(1);
    await notes.add({ articleId: ARTICLE_ID, target: 'passage', targetId: id });
    await notes.openFromMargin(id);
    await notes.noteField.fill(NOTE);
    await disk.fill();
    await notes.saveButton.click();
    await expect(notes.popover.getByRole('alert')).toHaveText(DISK_FULL);
    await expect(notes.popover).toBeVisible();
    await expect(notes.noteField).toHaveValue(NOTE);
    await disk.free();
    await notes.popover.getByRole('button', { name: 'Retry saving the note and tags' }).click();
    await expect(notes.popover).toBeHidden();
    expect((await notes.stored())[0]?.note).toBe(NOTE);
  });
});

test.describe('axe on notes', () => {
  test.describe.configure({ timeout: 120_000 });

  test('clean with the popover open and the margin notes showing, in every theme', async ({ appPage, quire }) => {
    await quire.openArticle(ARTICLE);
    const notes = new Notes(appPage);
    const id = await notes.paragraphId(1);
    await atWidth(appPage, 1920);
    await notes.add({ articleId: ARTICLE_ID, target: 'passage', targetId: id, note: LONG_NOTE, tags: ['ask', 'dose'] });
    for (const theme of THEMES) {
      await applyTheme(appPage, theme);
      await expect(notes.marginCards).toHaveCount(1);
      expect((await axe(appPage)).blocking, `margin notes, ${theme.name}`).toEqual([]);
      await notes.openFromMargin(id);
      await notes.noteField.fill(`${LONG_NOTE} More.`);
      expect((await axe(appPage)).blocking, `popover, ${theme.name}`).toEqual([]);
      await notes.cancelButton.click();
      await expect(notes.popover).toBeHidden();
    }
    // Under the passage too (narrow), with the popover open.
    await atWidth(appPage, 390);
    await expect(notes.underNotes).toHaveCount(1);
    await notes.openFromMargin(id);
    expect((await axe(appPage)).blocking, 'under the passage, 390 px').toEqual([]);
  });
});
