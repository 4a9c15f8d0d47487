/**
 * The app as a reader uses it: search box and its panel (suggestions, recent searches, grouped
 * results, filter chips behind their toggle, help), the full results view, library list,
 * article, find bar.
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
  /** The options that are articles found by their titles. */
  readonly titleOptions: Locator;
  /** The suggestion options. */
  readonly suggestions: Locator;
  /** The recent-search options. */
  readonly recentSearches: Locator;
  readonly clearRecentButton: Locator;
  /** "Show all N results" at the foot of the drop-down. */
  readonly showAllButton: Locator;
  /** "Filters (n)", which shows or folds the drop-down's filter chips. */
  readonly filtersToggle: Locator;
  /** The filter chips' group (in the drop-down, or in the full results view when it shows). */
  readonly filters: Locator;
  /** The full results view in the main pane. */
  readonly resultsView: Locator;
  readonly resultsHeading: Locator;
  /** The full view's status line (counts, how the query was read). */
  readonly resultsStatus: Locator;
  /** "Results 1–50 of 137". */
  readonly resultsRange: Locator;
  /** Every result link of the full view (titles and passages), in order. */
  readonly resultLinks: Locator;
  /** The full view's passage links. */
  readonly passageLinks: Locator;
  /** The full view's article-title links. */
  readonly titleLinks: Locator;
  readonly nextPageButton: Locator;
  readonly previousPageButton: Locator;
  readonly backButton: Locator;
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
    this.titleOptions = this.results.locator('[role="option"][data-result="title"]');
    this.suggestions = this.results.getByRole('group', { name: 'Suggestions' }).getByRole('option');
    this.recentSearches = this.results.getByRole('group', { name: 'Recent searches' }).getByRole('option');
    this.clearRecentButton = this.searchArea.getByRole('button', { name: 'Clear recent searches' });
    this.showAllButton = this.searchArea.getByRole('button', { name: /^Show all [\d,]+ results$/ });
    this.filtersToggle = this.searchArea.getByRole('button', { name: /^Filters( \(\d+\))?$/ });
    this.resultsView = page.getByRole('region', { name: /^Results for/ });
    this.filters = this.searchArea.or(this.resultsView).getByRole('group', { name: 'Filter results' });
    this.resultsHeading = this.resultsView.getByRole('heading', { level: 1 });
    this.resultsStatus = this.resultsView.getByRole('status');
    this.resultsRange = this.resultsView.locator('.results__range');
    this.resultLinks = this.resultsView.locator('a[data-result]');
    this.passageLinks = this.resultsView.locator('a[data-result="passage"]');
    this.titleLinks = this.resultsView.locator('a[data-result="title"]');
    this.nextPageButton = this.resultsView.getByRole('button', { name: 'Next page' });
    this.previousPageButton = this.resultsView.getByRole('button', { name: 'Previous page' });
    this.backButton = this.resultsView.getByRole('button', { name: 'Back' });
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
    const target = this.options.nth(i);
    await expect(target).toBeVisible();
    // Suggestions and article titles come before passages; the arrow keys go through them on the way.
    const all = this.results.getByRole('option');
    const id = await target.getAttribute('id');
    const ids = await all.evaluateAll((els) => els.map((el) => el.id));
    for (let n = 0; n <= ids.indexOf(id ?? ''); n++) await this.searchBox.press('ArrowDown');
    await expect(target).toHaveAttribute('aria-selected', 'true');
  }

  /** Open the full results view of what is typed with Enter. */
  async showAllResults(): Promise<void> {
    await this.waitForAnswers();
    await this.searchBox.press('Enter');
    await expect(this.resultsView).toBeVisible();
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

  /** Turn a filter chip on or off (unfolding the drop-down's chips first when they are folded). */
  async toggleChip(label: string): Promise<void> {
    if ((await this.resultsView.count()) === 0 && (await this.filtersToggle.getAttribute('aria-expanded')) === 'false') {
      await this.filtersToggle.click();
    }
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

  /** Open an article from the library list by its title: the sidebar, or the drawer where there is no sidebar. */
  async openArticle(title: string): Promise<void> {
    const drawer = this.page.getByRole('banner').getByRole('button', { name: 'Library' });
    if (await drawer.isVisible()) {
      await drawer.click();
      await expect(this.library).toBeVisible();
    }
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
