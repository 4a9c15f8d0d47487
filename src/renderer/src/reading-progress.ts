/**
 * How far through an article the reader is, and how long the rest takes to read.
 */
import { WORDS_PER_MINUTE } from './format';

/**
 * How far through an element the view is: 0 while its top is at the top of the view, 1 once its
 * end is in view (also for an element that fits in the view whole).
 *
 * @param top where the element's top is, relative to the view's top (below any sticky header)
 * @param height the element's height
 * @param viewHeight the height of the view below the sticky header
 * @example scrollFraction(-500, 2000, 1000) // 0.5
 */
export function scrollFraction(top: number, height: number, viewHeight: number): number {
  const scrollable = height - viewHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, -top / scrollable));
}

/**
 * Minutes left to read, at {@link WORDS_PER_MINUTE}, rounded as the article's reading time is
 * (so that at the top it is the same figure): at least 1 while any text is left, 0 at the end.
 *
 * @example minutesLeft(2300, 0.5) // 5
 */
export function minutesLeft(words: number, fraction: number): number {
  const left = words * (1 - Math.min(1, Math.max(0, fraction)));
  return left > 0 ? Math.max(1, Math.round(left / WORDS_PER_MINUTE)) : 0;
}

/** A fraction as a whole percentage, 100 only at the very end. */
export function percentOf(fraction: number): number {
  return fraction >= 1 ? 100 : Math.min(99, Math.floor(Math.max(0, fraction) * 100));
}

/**
 * How far through the article element the view is, measured now (the view starts below the
 * app's sticky header).
 *
 * @param article the `<article>` (title, table of contents and text, not the comments after it)
 * @param headerBottom where the sticky header ends, in viewport pixels
 */
export function measureFraction(article: Element, headerBottom: number): number {
  const rect = article.getBoundingClientRect();
  return scrollFraction(rect.top - headerBottom, rect.height, window.innerHeight - headerBottom);
}
