/**
 * The app's layout at one window size: the header and its parts, the library drawer and the
 * folded table of contents, and measurements (boxes, horizontal scroll, controls outside the
 * window).
 */
import type { Locator, Page } from '@playwright/test';
import { QuirePage } from './QuirePage';

/** The window-size ranges of the layout (styles/tokens.css). */
export type Range = 'narrow' | 'medium' | 'wide';

/** The range a window width falls in: narrow under 700 px, medium to 1099, wide from 1100. */
export function rangeOf(width: number): Range {
  return width < 700 ? 'narrow' : width < 1100 ? 'medium' : 'wide';
}

/** A box on the page, in CSS pixels of the viewport. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Whether two boxes share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export class Layout {
  readonly header: Locator;
  /** The header button that opens the library drawer (windows without the sidebar). */
  readonly libraryToggle: Locator;
  readonly library: Locator;
  /** The search drop-down's panel. */
  readonly searchPanel: Locator;
  readonly toc: Locator;
  /** The button that shows or folds the table of contents (windows without the contents column). */
  readonly tocToggle: Locator;
  readonly article: Locator;
  readonly articleBody: Locator;
  readonly highlightNotice: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.libraryToggle = this.header.getByRole('button', { name: 'Library' });
    this.library = page.getByRole('navigation', { name: 'Library' });
    this.searchPanel = page.locator('.search__panel');
    this.toc = page.getByRole('navigation', { name: 'Table of contents' });
    this.tocToggle = this.toc.getByRole('button', { name: 'Contents' });
    this.article = page.getByRole('article');
    this.articleBody = page.locator('.article__body');
    this.highlightNotice = page.locator('.highlight-notice');
  }

  /** A locator's box (it must be showing). */
  async box(locator: Locator): Promise<Box> {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`layout: ${locator.toString()} has no box`);
    return box;
  }

  /** The document's scroll width and the window's inner width. */
  async widths(): Promise<{ scrollWidth: number; innerWidth: number; clientWidth: number }> {
    return this.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
  }

  /**
   * The controls that show (links, buttons, fields, options; not transparent nor hidden) but lie
   * at least partly to the left or right of the window, as "tag name: left..right". What an
   * ancestor clips away (a scrolled table or list) is left out first.
   */
  async controlsOutsideViewport(): Promise<string[]> {
    return this.page.evaluate(() => {
      const SELECTOR = 'a[href], button, input, select, textarea, summary, [role="option"], [tabindex]:not([tabindex="-1"])';
      const width = document.documentElement.clientWidth;
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const r = el.getBoundingClientRect();
        let [left, right, top, bottom] = [r.left, r.right, r.top, r.bottom];
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const c = a.getBoundingClientRect();
          [left, right, top, bottom] = [Math.max(left, c.left), Math.min(right, c.right), Math.max(top, c.top), Math.min(bottom, c.bottom)];
        }
        if (right - left < 1 || bottom - top < 1) continue;
        if (left < -0.5 || right > width + 0.5) {
          const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
          out.push(`${el.tagName.toLowerCase()} "${name}": ${Math.round(left)}..${Math.round(right)} of ${width}`);
        }
      }
      return out;
    });
  }

  /** Whether a point's topmost element is the given one or inside it (nothing covers it there). */
  async isOnTop(locator: Locator): Promise<boolean> {
    const { x, y, width, height } = await this.box(locator);
    return locator.evaluate((el, [px, py]) => {
      const top = document.elementFromPoint(px ?? 0, py ?? 0);
      return top !== null && el.contains(top);
    }, [x + width / 2, y + height / 2]);
  }

  /** Open an article from the library: the sidebar, or the drawer where there is no sidebar. */
  async openArticle(title: string): Promise<void> {
    await new QuirePage(this.page).openArticle(title);
  }

  /** Whether every library list that shows comes after the article in reading (document) order. */
  async libraryFollowsArticle(): Promise<boolean> {
    return this.page.evaluate(() => {
      const article = document.querySelector('article');
      if (!article) return false;
      const lists = [...document.querySelectorAll('nav')].filter((nav) => nav.textContent?.trim().startsWith('Library') && nav.checkVisibility());
      return lists.every((nav) => (article.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
    });
  }
}
