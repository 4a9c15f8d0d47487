/// <reference lib="dom" />
// Scroll positions and computed animations are read in the page: DOM types.
/**
 * prefers-reduced-motion: with it, every jump (a table of contents link, a quire:// link, a
 * bookmark) lands at once, with no scroll position in between, and the flash that marks where it
 * landed does not animate. Without it, a section jump still glides and the flash still fades.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';
import type { QuirePage } from './pages/QuirePage';
import { SLEEP } from './screens';

const NUMBERS = 'What the Numbers Say: Digging Into Sleep Latency, Quality, and Duration';

/** How a jump went: the scroll positions passed through, and how the landed-on element flashed. */
interface Jump {
  /** Distinct scroll positions from the jump until at rest, in order. */
  readonly positions: readonly number[];
  readonly animationName: string;
  readonly animationDuration: string;
  readonly transitionDuration: string;
}

/** Scroll to the top at once, then record every scroll position the page passes through from now on. */
async function startRecording(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as { quireScrolls?: number[] };
    // The page's own scrolling only, not that of a list inside it.
    if (!w.quireScrolls) document.addEventListener('scroll', () => w.quireScrolls?.push(document.scrollingElement?.scrollTop ?? 0));
    window.scrollTo({ top: 0, behavior: 'instant' });
    // The scroll event of that move comes with the next frame; start afresh after it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    w.quireScrolls = [];
  });
}

/** Wait until `target` is focused and the page is at rest, and say how the jump went. */
async function landing(page: Page, target: Locator): Promise<Jump> {
  await expect(target).toBeFocused();
  await expect(target).toHaveClass(/is-flashing/);
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { animationName: s.animationName, animationDuration: s.animationDuration, transitionDuration: s.transitionDuration };
  });
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const y = document.scrollingElement?.scrollTop;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return document.scrollingElement?.scrollTop === y;
      }),
    )
    .toBe(true);
  await expect(target).toBeInViewport();
  const scrolls = await page.evaluate(() => (window as unknown as { quireScrolls: number[] }).quireScrolls);
  return { positions: scrolls.filter((y, i) => y !== scrolls[i - 1]), ...style };
}

/** Jump three ways within the sleep article: a table of contents link, a quire:// link, a bookmark. */
async function jumpThreeWays(page: Page, quire: QuirePage): Promise<Record<'toc' | 'link' | 'bookmark', Jump>> {
  await quire.openArticle(SLEEP);
  const paragraphs = page.locator('.article__body p[data-passage-id]');
  const linked = paragraphs.nth(8);
  const linkedId = (await linked.getAttribute('data-passage-id')) ?? '';
  const bookmarked = paragraphs.last();
  const bookmarkedId = (await bookmarked.getAttribute('data-passage-id')) ?? '';
  const bookmarks = new BookmarksPanel(page);
  await bookmarks.togglePassage(bookmarkedId);
  await expect(bookmarks.toggleOf(bookmarkedId)).toHaveAttribute('aria-pressed', 'true');

  await startRecording(page);
  await quire.toc.getByRole('link', { name: NUMBERS }).click();
  const toc = await landing(page, page.getByRole('heading', { name: NUMBERS }));

  await startRecording(page);
  await quire.searchBox.fill(`quire://article/baclofen-sleep-aid/${linkedId}`);
  await quire.searchBox.press('Enter');
  const link = await landing(page, linked);

  await bookmarks.open();
  await startRecording(page);
  await bookmarks.items.first().getByRole('link').click();
  const bookmark = await landing(page, bookmarked);
  return { toc, link, bookmark };
}

test.describe('reduced motion', () => {
  test('with prefers-reduced-motion, jumps land at once and the flash does not animate', async ({ quire, appPage }) => {
    await appPage.emulateMedia({ reducedMotion: 'reduce' });
    const jumps = await jumpThreeWays(appPage, quire);
    for (const [way, jump] of Object.entries(jumps)) {
      expect(jump.positions.length, `${way}: one scroll position, the final one (${jump.positions.join(', ')})`).toBe(1);
      expect(jump.animationName === 'none' || jump.animationDuration === '0s', `${way}: the flash does not animate (${jump.animationName} ${jump.animationDuration})`).toBe(true);
      expect(jump.transitionDuration.split(', ').every((d) => d === '0s'), `${way}: no transition (${jump.transitionDuration})`).toBe(true);
    }
  });

  test('without it, a section jump glides and the flash fades', async ({ quire, appPage }) => {
    await appPage.emulateMedia({ reducedMotion: 'no-preference' });
    const jumps = await jumpThreeWays(appPage, quire);
    expect(jumps.toc.positions.length, `the section jump glides (${jumps.toc.positions.join(', ')})`).toBeGreaterThan(2);
    // Passages are jumped to at once either way.
    expect(jumps.link.positions).toHaveLength(1);
    expect(jumps.bookmark.positions).toHaveLength(1);
    for (const jump of Object.values(jumps)) expect([jump.animationName, jump.animationDuration]).toEqual(['quire-flash', '2s']);
  });
});
