/**
 * The app as a reader uses it: search box and its panel (suggestions, recent searches, grouped
 * results, filter chips, help), library list, article, find bar.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class QuirePage {
  readonly searchBox: Locator;
  /** The search landmark (box, panel and help). */
  readonly searchArea: Locator;
  /** The search panel's status line ("N results", "No results for …"). */
  readonly searchStatus: Locator;
  /** The combobox's listbox. */
  readonly results: Locator;
  /** The result options (passages), in the order shown. */
  readonly options: Locator;
  /** The suggestion options. */
  readonly suggestions: Locator;
  /** The recent-search options. */
  readonly recentSearches: Locator;
  readonly clearRecentButton: Locator;
  readonly showMoreButton: Locator;
  /** The filter chips' group. */
  readonly filters: Locator;
  readonly clearFiltersButton: Locator;
  readonly helpButton: Locator;
  readonly helpDialog: Locator;
  readonly library: Locator;
  readonly articleTitle: Locator;
  readonly toc: Locator;
  readonly findBar: Locator;
  readonly findInput: Locator;
  /** The find bar's "N of M". */
  readonly findCount: Locator;
  /** Find-in-article highlights. */
  readonly findHits: Locator;
  readonly currentFindHit: Locator;
  /** Highlights of the search an article was opened from. */
  readonly queryTerms: Locator;
  readonly clearHighlightsButton: Locator;

  constructor(readonly page: Page) {
    this.searchBox = page.getByRole('combobox', { name: 'Search the library' });
    this.searchArea = page.getByRole('search').filter({ has: this.searchBox });
    this.searchStatus = this.searchArea.getByRole('status');
    this.results = page.getByRole('listbox', { name: 'Search results' });
    // Only results carry their passage kind; suggestions and recent searches do not.
    this.options = this.results.locator('[role="option"][data-kind]');
    this.suggestions = this.results.getByRole('group', { name: 'Suggestions' }).getByRole('option');
    this.recentSearches = this.results.getByRole('group', { name: 'Recent searches' }).getByRole('option');
    this.clearRecentButton = this.searchArea.getByRole('button', { name: 'Clear recent searches' });
    this.showMoreButton = this.searchArea.getByRole('button', { name: 'Show more results' });
    this.filters = this.searchArea.getByRole('group', { name: 'Filter results' });
    this.clearFiltersButton = this.filters.getByRole('button', { name: 'Clear filters' });
    this.helpButton = page.getByRole('button', { name: 'Search help' });
    this.helpDialog = page.getByRole('dialog', { name: 'Search help' });
    this.library = page.getByRole('navigation', { name: 'Library' });
    this.articleTitle = page.getByRole('heading', { level: 1 });
    this.toc = page.getByRole('navigation', { name: 'Table of contents' });
    this.findBar = page.getByRole('search', { name: 'Find in article' });
    this.findInput = this.findBar.getByRole('textbox', { name: 'Find in article' });
    this.findCount = this.findBar.getByRole('status');
    this.findHits = page.locator('main mark.find-hit');
    this.currentFindHit = page.locator('main mark.find-hit--current');
    this.queryTerms = page.locator('main mark.query-term');
    this.clearHighlightsButton = page.getByRole('button', { name: 'Clear highlights' });
  }

  /** Type a query one key at a time, as a person does. */
  async search(query: string): Promise<void> {
    await this.searchBox.click();
    await this.searchBox.fill('');
    await this.searchBox.pressSequentially(query);
  }

  /** Wait until the answers for what is typed (results and suggestions) have all arrived. */
  async waitForAnswers(): Promise<void> {
    await expect(this.results).toHaveAttribute('aria-busy', 'false');
  }

  /** Open the i-th result (0-based) by clicking it. */
  async openResult(i: number): Promise<void> {
    await this.options.nth(i).click();
  }

  /** Make the i-th result (0-based) the active option with the arrow keys. */
  async moveToResult(i: number): Promise<void> {
    await this.waitForAnswers();
    await expect(this.options.nth(i)).toBeVisible();
    // Suggestions come first in the list; the arrow keys go through them on the way.
    const above = (await this.results.getByRole('option').count()) - (await this.options.count());
    for (let n = 0; n <= above + i; n++) await this.searchBox.press('ArrowDown');
    await expect(this.options.nth(i)).toHaveAttribute('aria-selected', 'true');
  }

  /** The result group of one article, named by its title. */
  resultGroup(title: string): Locator {
    return this.results.getByRole('group', { name: title });
  }

  /** Results of one passage kind. */
  optionsOfKind(kind: string): Locator {
    return this.results.locator(`[role="option"][data-kind="${kind}"]`);
  }

  /** A filter chip, by its label or the start of it (the count follows in its name). */
  chip(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.filters.getByRole('button', { name: new RegExp(`^${escaped}\\s`) });
  }

  /** Turn a filter chip on or off. */
  async toggleChip(label: string): Promise<void> {
    await this.chip(label).click();
  }

  /** Take the "Did you mean" correction. */
  async acceptCorrection(): Promise<void> {
    await this.searchStatus.getByRole('button').click();
  }

  /** Focus the empty search box, where the recent searches show. */
  async showRecentSearches(): Promise<void> {
    await this.searchBox.click();
    await this.searchBox.fill('');
  }

  /** Open an article from the library list by its title. */
  async openArticle(title: string): Promise<void> {
    await this.library.getByRole('link', { name: title }).click();
    await expect(this.articleTitle).toHaveText(title);
  }

  /** Open the find bar with the keyboard shortcut and type into it. */
  async findInArticle(text: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+F');
    await expect(this.findInput).toBeFocused();
    await this.findInput.fill(text);
  }

  /** The element of a passage in the open article. */
  passage(id: string): Locator {
    return this.page.locator(`[data-passage-id="${id}"]`);
  }

  /** The reader-comments region of the open article. */
  comments(count: number): Locator {
    return this.page.getByRole('region', { name: `Reader comments (${count})` });
  }

  /** The button (the region's heading) that shows or folds the reader comments. */
  commentsToggle(count: number): Locator {
    return this.comments(count).getByRole('button', { name: `Reader comments (${count})` });
  }

  /** The "Copy link" button beside a passage (shown on hover or focus). */
  copyLinkButton(passageId: string): Locator {
    return this.page.locator(`.bookmark-row[data-bookmark-id="${passageId}"]`).getByRole('button', { name: /^Copy link to this/ });
  }

  /** The table of contents link marked as the section being read. */
  get currentTocLink(): Locator {
    return this.toc.locator('a[aria-current="location"]');
  }

  /** The short confirmation shown at the foot of the window. */
  toast(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}
