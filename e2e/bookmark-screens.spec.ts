/**
 * Pictures of the bookmark notice (a removal with Undo, a removal that could not be saved with
 * Retry) and of a note that could not be saved (its editor kept open, with Retry) at 390, 800,
 * 1280 and 1920 px wide in the light and dark themes, for a person to look at: written to
 * test-results/screens/bookmark-<state>-<width>-<theme>.png. At 390 and 1280 px each state is
 * also checked with axe (no serious or critical violation).
 */
import { join } from 'node:path';
import { axe } from './axe';
import { expect } from './fixtures';
import { diskTest as test } from './full-disk';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { Notice } from './pages/Notice';
import { QuirePage } from './pages/QuirePage';
import { applyTheme, SLEEP, THEMES } from './screens';

const WIDTHS = [390, 800, 1280, 1920] as const;
/** The widths each state is also checked with axe at. */
const AXE_WIDTHS: readonly number[] = [390, 1280];
const SCREENS_DIR = join('test-results', 'screens');

for (const theme of THEMES.filter((t) => t.choice !== 'System')) {
  test(`bookmark notice and a note that could not be saved, ${theme.name}`, async ({ quire, appPage, disk }) => {
    test.setTimeout(90_000);
    await applyTheme(appPage, theme);
    await quire.openArticle(SLEEP);
    const bookmarks = new BookmarksPanel(appPage);
    const notice = new Notice(appPage);
    const id = (await appPage.locator('.article__body p[data-passage-id]').nth(1).getAttribute('data-passage-id')) ?? '';
    await bookmarks.bookmarkWithNote(id, 'ask the doctor before changing the dose', 'doctor, dose');
    await bookmarks.close();
    const shot = async (state: string, width: number): Promise<void> => {
      await appPage.screenshot({ path: join(SCREENS_DIR, `bookmark-${state}-${width}-${theme.name}.png`) });
      if (!AXE_WIDTHS.includes(width)) return;
      const { blocking } = await axe(appPage);
      expect.soft(blocking.map((f) => `${f.impact} ${f.id}: ${f.detail}`), `axe on ${state} at ${width} px (${theme.name})`).toEqual([]);
    };

    for (const width of WIDTHS) {
      await appPage.setViewportSize({ width, height: 800 });
      await new QuirePage(appPage).passage(id).scrollIntoViewIfNeeded();

      // Removed from its ribbon: the notice with Undo, focus still on the ribbon.
      await bookmarks.togglePassage(id);
      await expect(notice.undoButton).toBeVisible();
      await shot('undo', width);
      await notice.undoButton.click();
      await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');

      // Deleted from the panel with the keyboard: focus moves to Undo, to see its ring.
      await bookmarks.open();
      await bookmarks.items.first().getByRole('button', { name: 'Delete bookmark' }).focus();
      await appPage.keyboard.press('Enter');
      await expect(notice.undoButton).toBeFocused();
      await shot('undo-focused', width);
      await appPage.keyboard.press('Enter');
      await expect(bookmarks.items.first().getByRole('button', { name: 'Edit note and tags' })).toBeFocused();
      await bookmarks.close();

      // Removal on a full disk: the failure with Retry.
      await disk.fill();
      await bookmarks.togglePassage(id);
      await expect(notice.retryButton).toBeVisible();
      await shot('remove-failed', width);

      // A note edited on a full disk: the editor stays, with why and Retry.
      await bookmarks.open();
      const item = bookmarks.items.first();
      await item.getByRole('button', { name: 'Edit note and tags' }).click();
      await bookmarks.noteField(item).fill('ask the doctor before changing the dose, and the pharmacist');
      await item.getByRole('button', { name: 'Save' }).click();
      await expect(item.getByRole('button', { name: 'Retry saving the note and tags' })).toBeVisible();
      await shot('edit-failed', width);
      await item.getByRole('button', { name: 'Cancel' }).click();
      await notice.dismissButton.click();
      await bookmarks.close();
      await disk.free();
    }
  });
}
