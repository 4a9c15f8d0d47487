/**
 * The app as a reader uses it: search box, results, library list, article.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class QuirePage {
  readonly searchBox: Locator;
  readonly results: Locator;
  readonly options: Locator;
  readonly library: Locator;
  readonly articleTitle: Locator;
  readonly toc: Locator;

  constructor(readonly page: Page) {
    this.searchBox = page.getByRole('combobox', { name: 'Search the library' });
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.options = this.results.getByRole('option');
    this.library = page.getByRole('navigation', { name: 'Library' });
    this.articleTitle = page.getByRole('heading', { level: 1 });
    this.toc = page.getByRole('navigation', { name: 'Table of contents' });
  }

  /** Type a query one key at a time, as a person does. */
  async search(query: string): Promise<void> {
    await this.searchBox.click();
    await this.searchBox.fill('');
    await this.searchBox.pressSequentially(query);
  }

  /** Open the i-th result (0-based) by clicking it. */
  async openResult(i: number): Promise<void> {
    await this.options.nth(i).click();
  }

  /** Open an article from the library list by its title. */
  async openArticle(title: string): Promise<void> {
    await this.library.getByRole('link', { name: title }).click();
    await expect(this.articleTitle).toHaveText(title);
  }

  /** The element of a passage in the open article. */
  passage(id: string): Locator {
    return this.page.locator(`[data-passage-id="${id}"]`);
  }

  /** The reader-comments region of the open article. */
  comments(count: number): Locator {
    return this.page.getByRole('region', { name: `Reader comments (${count})` });
  }
}
