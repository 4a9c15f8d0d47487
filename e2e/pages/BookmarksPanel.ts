/**
 * The bookmarks panel and the bookmark toggles beside passages, and the reading settings.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { BookmarkView, HighlightColor } from '../../src/shared/bookmarks';
import { apiPath, TOKEN_HEADER } from '../../src/shared/wire';

export class BookmarksPanel {
  /** The header button that shows and hides the panel. */
  readonly toggleButton: Locator;
  /** The panel (a complementary landmark). */
  readonly panel: Locator;
  readonly searchInput: Locator;
  /** The tag filter chips. */
  readonly tagFilters: Locator;
  /** The bookmarks listed, in order. */
  readonly items: Locator;
  readonly exportButton: Locator;
  /** The file input behind the Import button. */
  readonly importInput: Locator;
  readonly settingsButton: Locator;
  readonly settingsDialog: Locator;

  constructor(readonly page: Page) {
    this.toggleButton = page.getByRole('banner').getByRole('button', { name: 'Bookmarks' });
    this.panel = page.getByRole('complementary', { name: 'Bookmarks' });
    this.searchInput = this.panel.getByRole('searchbox', { name: 'Search bookmarks' });
    this.tagFilters = this.panel.getByRole('list', { name: 'Filter by tag' });
    this.items = this.panel.locator('li.bookmark-item');
    this.exportButton = this.panel.getByRole('button', { name: 'Export' });
    this.importInput = this.panel.getByLabel('Import');
    this.settingsButton = page.getByRole('button', { name: 'Reading settings' });
    this.settingsDialog = page.getByRole('dialog', { name: 'Reading settings' });
  }

  /** The bookmark toggle of a passage, by passage id. */
  toggleOf(passageId: string): Locator {
    return this.page.locator('.bookmark-row', { has: this.page.locator(`[data-passage-id="${passageId}"]`) }).getByRole('button', {
      name: /^(Bookmark this passage|Remove bookmark)$/,
    });
  }

  /** Bookmark (or unbookmark) a passage with its toggle. */
  async togglePassage(passageId: string): Promise<void> {
    const passage = this.page.locator(`[data-passage-id="${passageId}"]`);
    await passage.hover();
    await this.toggleOf(passageId).click();
  }

  /** Show the panel. */
  async open(): Promise<void> {
    if ((await this.toggleButton.getAttribute('aria-expanded')) !== 'true') await this.toggleButton.click();
    await expect(this.panel).toBeVisible();
  }

  /** The listed bookmark whose quote holds `text`. */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }

  /** Edit a bookmark's note and tags with its inline form. */
  async edit(item: Locator, note: string, tags: string): Promise<void> {
    await item.getByRole('button', { name: 'Edit note and tags' }).click();
    await item.getByRole('textbox', { name: 'Note' }).fill(note);
    await item.getByRole('textbox', { name: /^Tags/ }).fill(tags);
    await item.getByRole('button', { name: 'Save' }).click();
    await expect(item.getByRole('button', { name: 'Save' })).toBeHidden();
  }

  /** Bookmark a passage with its toggle, and give it a note and tags in the panel (left open). */
  async bookmarkWithNote(passageId: string, note: string, tags: string): Promise<Locator> {
    await this.togglePassage(passageId);
    await expect(this.toggleOf(passageId)).toHaveAttribute('aria-pressed', 'true');
    await this.open();
    const item = this.items.filter({ has: this.page.locator(`a[href$="/${encodeURIComponent(passageId)}"]`) });
    await this.edit(item, note, tags);
    return this.item(note);
  }

  /** Close the panel with its Close button. */
  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Close bookmarks' }).click();
    await expect(this.panel).toBeHidden();
  }

  /** The note editor of a listed bookmark (while it is being edited). */
  noteField(item: Locator): Locator {
    return item.getByRole('textbox', { name: 'Note' });
  }

  /** Delete a bookmark. */
  async delete(item: Locator): Promise<void> {
    await item.getByRole('button', { name: /^Delete (bookmark|highlight)$/ }).click();
  }

  /**
   * Highlight words of a passage through the web host's API, as the app's selection toolbar does,
   * then reload so the app lists it. Resolves with the highlight as the API returns it.
   */
  async highlightByApi(articleId: string, passageId: string, from: number, to: number, color: HighlightColor, note = ''): Promise<BookmarkView> {
    const input = { articleId, target: 'text', range: { start: { passageId, offset: from }, end: { passageId, offset: to } }, color, note };
    const reply = await this.page.evaluate(
      async ({ path, header, body }) => {
        // The app keeps its access token in session storage once it has read it from the address.
        const token = window.sessionStorage.getItem('quire.token') ?? '';
        const response = await fetch(path, { method: 'POST', headers: { [header]: token, 'content-type': 'application/json' }, body });
        return (await response.json()) as { value?: BookmarkView; error?: unknown };
      },
      { path: apiPath('addBookmark'), header: TOKEN_HEADER, body: JSON.stringify({ args: [input] }) },
    );
    if (!reply.value) throw new Error(`addBookmark: ${JSON.stringify(reply.error)}`);
    await this.page.reload();
    return reply.value;
  }

  /** Search within the bookmarks. */
  async search(text: string): Promise<void> {
    await this.searchInput.fill(text);
  }

  /** Turn a tag filter on or off. */
  async toggleTag(tag: string): Promise<void> {
    await this.tagFilters.getByRole('button', { name: tag, exact: true }).click();
  }

  /** Export in a format (its menu label) and resolve with the downloaded file's name and text. */
  async export(format: 'JSON' | 'Markdown' | 'Web Annotations'): Promise<{ name: string; text: string }> {
    await this.exportButton.click();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.panel.getByRole('button', { name: format, exact: true }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Import a file with the given content. */
  async import(name: string, text: string): Promise<void> {
    await this.importInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** A choice in a group of the reading settings ("Theme", "Font", "Line spacing", "Margins"…). */
  settingChoice(group: string, choice: string): Locator {
    return this.settingsDialog.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: choice, exact: true });
  }

  /** Choose in a group of the reading settings, opening them first if need be. */
  async chooseSetting(group: string, choice: string): Promise<void> {
    if ((await this.settingsButton.getAttribute('aria-expanded')) !== 'true') await this.settingsButton.click();
    await this.settingChoice(group, choice).check();
  }

  /** Choose a theme in the reading settings. */
  async chooseTheme(theme: 'System' | 'Light' | 'Dark' | 'Sepia'): Promise<void> {
    await this.chooseSetting('Theme', theme);
  }
}
