/**
 * The home screen (Continue reading, the library with its topic filter and order) and what the
 * open article shows of the reader's progress (the bar, the time left, its end and Next article).
 */
import type { Locator, Page } from '@playwright/test';

export class HomeScreen {
  readonly continueReading: Locator;
  /** The titles listed under Continue reading, in order. */
  readonly continueTitles: Locator;
  /** The items under Continue reading. */
  readonly continueItems: Locator;
  readonly library: Locator;
  /** The titles of the library's cards, in order. */
  readonly cardTitles: Locator;
  readonly sortSelect: Locator;
  /** How many articles are shown and on which topic. */
  readonly filterStatus: Locator;
  readonly removeFilterButton: Locator;
  /** The open article's progress bar. */
  readonly progressBar: Locator;
  /** "42% read · 5 min left" in the article's header. */
  readonly timeLeft: Locator;
  /** The end of the open article. */
  readonly articleEnd: Locator;
  readonly nextArticleLink: Locator;

  constructor(readonly page: Page) {
    this.continueReading = page.getByRole('region', { name: 'Continue reading' });
    this.continueItems = this.continueReading.getByRole('listitem');
    this.continueTitles = this.continueItems.getByRole('link');
    this.library = page.getByRole('region', { name: 'All articles' });
    this.cardTitles = this.library.getByRole('heading', { level: 3 });
    this.sortSelect = this.library.getByLabel('Sort by');
    this.filterStatus = this.library.getByRole('status');
    this.removeFilterButton = this.library.getByRole('button', { name: /^Remove the filter/ });
    this.progressBar = page.getByRole('progressbar', { name: 'Reading progress' });
    this.timeLeft = page.locator('.article__meta .reading-time-left');
    this.articleEnd = page.getByRole('region', { name: 'End of the article' });
    this.nextArticleLink = this.articleEnd.getByRole('link', { name: /^Next article/ });
  }

  /** A topic's filter button on the first card that has it. */
  topic(name: string): Locator {
    return this.library.getByRole('button', { name, exact: true }).first();
  }

  /** The progress bar's value (0 to 100). */
  async progress(): Promise<number> {
    return Number(await this.progressBar.getAttribute('value'));
  }

  /** Go to the home screen (by its address, as the header's link does). */
  async goHome(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/';
    });
    await this.library.waitFor();
  }
}
