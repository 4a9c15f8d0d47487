/**
 * Every screen of the app, reached one after another, for checks that must hold on each of them
 * (axe, accessible names). A walk calls `visit` with the page and the screen's name once the
 * screen is showing; the themes are the reading settings' choices, each under the system colour
 * scheme that it must override (or follow, for "System").
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { writeKinds, writeNotes, writePdf } from './import-files';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { ImportPanel } from './pages/ImportPanel';
import { Notice } from './pages/Notice';
import { PrintPreview } from './pages/PrintPreview';
import { QuirePage } from './pages/QuirePage';

export const SLEEP = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';
export const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";

/** A theme as the reader sets it, and the system colour scheme around it. */
export interface ThemeCase {
  readonly name: string;
  /** The choice in Reading settings. */
  readonly choice: 'System' | 'Light' | 'Dark' | 'Sepia';
  /** The system's preference (emulated). */
  readonly scheme: 'light' | 'dark';
}

/**
 * Light, dark and sepia, chosen in the app (against the opposite system preference: sepia is a
 * light theme, so against a dark system) and light and dark followed from the system.
 */
export const THEMES: readonly ThemeCase[] = [
  { name: 'light', choice: 'Light', scheme: 'dark' },
  { name: 'dark', choice: 'Dark', scheme: 'light' },
  { name: 'sepia', choice: 'Sepia', scheme: 'dark' },
  { name: 'system light', choice: 'System', scheme: 'light' },
  { name: 'system dark', choice: 'System', scheme: 'dark' },
];

/** The page colour of each theme (tokens.css), as computed styles give it. */
export const LIGHT_BG = 'rgb(251, 250, 247)';
export const DARK_BG = 'rgb(22, 24, 28)';
export const SEPIA_BG = 'rgb(245, 237, 218)';

/** What a walk calls on each screen. */
export type Visit = (page: Page, screen: string) => Promise<void>;

/** Set the system scheme and choose the theme in the app's reading settings, then close them. */
export async function applyTheme(page: Page, theme: ThemeCase): Promise<void> {
  await page.emulateMedia({ colorScheme: theme.scheme });
  const bookmarks = new BookmarksPanel(page);
  await bookmarks.chooseTheme(theme.choice);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.choice.toLowerCase());
  await page.keyboard.press('Escape');
  await expect(bookmarks.settingsDialog).toBeHidden();
  const dark = theme.choice === 'Dark' || (theme.choice === 'System' && theme.scheme === 'dark');
  const pageBg = theme.choice === 'Sepia' ? SEPIA_BG : dark ? DARK_BG : LIGHT_BG;
  await expect(page.locator('body')).toHaveCSS('background-color', pageBg);
}

/** The library, search results (the drop-down and the full view), both articles, the find bar, the reading settings and the print preview. */
export async function walkReading(page: Page, visit: Visit): Promise<void> {
  const quire = new QuirePage(page);
  await expect(quire.library.getByRole('link')).toHaveCount(2);
  await visit(page, 'library');

  await quire.search('dry mouth');
  await quire.waitForAnswers();
  await expect(quire.options.first()).toBeVisible();
  await visit(page, 'search results');
  await quire.showAllResults();
  await expect(quire.passageLinks.first()).toBeVisible();
  await visit(page, 'full search results');
  await quire.backButton.click();
  await expect(quire.resultsView).toHaveCount(0);

  await quire.openArticle(SLEEP);
  await visit(page, 'article: sleep');

  await quire.findInArticle('baclofen');
  await expect(quire.findCount).toHaveText(/^1 of \d+$/);
  await visit(page, 'find bar');
  await quire.findInput.press('Escape');
  await expect(quire.findBar).toBeHidden();

  const settings = new BookmarksPanel(page);
  await settings.settingsButton.click();
  await expect(settings.settingsDialog).toBeVisible();
  await visit(page, 'reading settings');
  await page.keyboard.press('Escape');

  const preview = new PrintPreview(page);
  await preview.openWithShortcut();
  await expect(preview.paperSheet).toContainText(SLEEP);
  await visit(page, 'print preview');
  await page.keyboard.press('Escape');
  await expect(preview.dialog).toBeHidden();

  await quire.openArticle(SJOGREN);
  await quire.commentsToggle(12).click();
  await expect(quire.commentsToggle(12)).toHaveAttribute('aria-expanded', 'true');
  await visit(page, 'article: Sjögren, comments open');
}

/**
 * The bookmarks panel with a highlight, a section bookmark and a bookmark with a note, its export menu, an import error, and (after
 * the content changes under a bookmark and the app restarts) with an orphaned bookmark. Needs
 * `copyContent`.
 */
export async function walkBookmarks(page: Page, contentDir: string, restart: () => Promise<Page>, visit: Visit): Promise<void> {
  const quire = new QuirePage(page);
  await quire.openArticle(SLEEP);
  const bookmarks = new BookmarksPanel(page);
  // A section bookmark first (listed last): its heading over its opening lines.
  const heading = page.locator('.article-section:not(.article-section--question) > .bookmark-row--heading').first();
  await heading.hover();
  await heading.getByRole('button', { name: 'Bookmark this section' }).click();
  await expect(heading.getByRole('button', { name: 'Remove bookmark' })).toHaveAttribute('aria-pressed', 'true');
  const kept = page.locator('.article__body p[data-passage-id]').first();
  const doomed = page.locator('.article__body p[data-passage-id]', { hasText: 'A big question: Do these effects hold up' });
  for (const passage of [kept, doomed]) {
    const id = (await passage.getAttribute('data-passage-id')) ?? '';
    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
  }
  // A highlight too (listed first): its swatch and colour name, its words, its colour select.
  await bookmarks.highlightByApi('baclofen-sleep-aid', (await kept.getAttribute('data-passage-id')) ?? '', 0, 40, 'green');
  await bookmarks.open();
  await expect(bookmarks.items.first()).toContainText('Green highlight');
  await bookmarks.edit(bookmarks.items.nth(1), 'ask the pharmacist', 'dose');
  await visit(page, 'bookmarks panel');

  await bookmarks.exportButton.click();
  await expect(bookmarks.panel.getByRole('button', { name: 'JSON', exact: true })).toBeVisible();
  await visit(page, 'bookmarks export menu');
  await bookmarks.exportButton.click();

  await bookmarks.import('broken.json', '{"format": "nope"}');
  await expect(bookmarks.panel.getByRole('alert')).toBeVisible();
  await visit(page, 'bookmarks import error');

  const file = join(contentDir, 'baclofen-sleep-aid.md');
  const markdown = await readFile(file, 'utf8');
  await writeFile(file, markdown.split('\n\n').filter((block) => !block.startsWith('A big question:')).join('\n\n'));
  const after = await restart();
  const panel = new BookmarksPanel(after);
  await panel.open();
  await expect(panel.items.and(after.locator('[data-status="orphaned"]'))).toHaveCount(1);
  await visit(after, 'bookmarks panel with an orphaned bookmark');
}

/** The banner that says an unreadable store was set aside (the store is made unreadable, then the app restarts). */
export async function walkStoreNotice(dataDir: string, restart: () => Promise<Page>, theme: ThemeCase, visit: Visit): Promise<void> {
  await writeFile(join(dataDir, 'quire.json'), 'not json {');
  const page = await restart();
  // The theme went with the unreadable store: choose it again.
  await applyTheme(page, theme);
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  await visit(page, 'store notice');
}

/**
 * Adding the reader's own articles: the dialog File › Add Articles… opens, the drop overlay, the
 * summary of an import with a failure (its reasons unfolded), the library with articles of the
 * reader's (marked, and the origin filter), an article of the reader's (Remove from library), the
 * notice of its removal, and the progress of an import running. Writes its files under `dir`.
 */
export async function walkImport(page: Page, dir: string, visit: Visit): Promise<void> {
  const add = new ImportPanel(page);
  await add.fakeDesktopShell();
  await add.menuCommand('add-articles');
  await expect(add.dialog).toBeVisible();
  await visit(page, 'add articles dialog');
  await page.keyboard.press('Escape');
  await expect(add.dialog).toBeHidden();

  await add.dropFiles([{ name: 'notes.md', data: '# Notes' }], false);
  await expect(add.overlay).toBeVisible();
  await visit(page, 'drop overlay');
  await add.leaveWindow();
  await expect(add.overlay).toBeHidden();

  const [markdown, text] = await writeKinds(join(dir, 'files'));
  await add.addFiles([markdown!.path, text!.path, await writePdf(dir)]);
  await add.waitUntilDone();
  await add.showWhy();
  await visit(page, 'import summary with a failure');
  await add.dismissButton.click();
  await expect(add.originSelect).toBeVisible();
  await expect(add.yourCards).toHaveCount(2);
  await visit(page, 'library with your articles');

  await add.yourCards.first().getByRole('heading').getByRole('link').click();
  await expect(add.removeArticleButton).toBeVisible();
  await visit(page, 'an article of yours');
  await add.removeArticleButton.click();
  const notice = new Notice(page);
  await expect(notice.undoButton).toBeFocused();
  await visit(page, 'article removed notice');
  await notice.undoButton.click();

  // Last, as the library grows while it runs: the progress.
  await add.addFiles(await writeNotes(join(dir, 'notes'), 150, 600));
  await expect.poll(() => add.progressBar.evaluate((bar: HTMLProgressElement) => bar.value), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await visit(page, 'import progress');
  await add.stopIfRunning();
}
