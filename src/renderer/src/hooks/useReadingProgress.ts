/**
 * How far through the open article the reader is, measured as the view scrolls.
 */
import { useEffect, useState, type RefObject } from 'react';
import { headerBottom } from '../dom-bookmark';
import { measureFraction, percentOf } from '../reading-progress';

/** How far through the article the view is, and where the view begins. */
export interface ReadingProgressState {
  /** The percentage read, 0 to 100. */
  readonly percent: number;
  /** Where the app's sticky header ends, in pixels from the window's top (it wraps on narrow windows). */
  readonly headerBottom: number;
}

/**
 * The percentage of the article read (0 to 100, see {@link percentOf}), measured once per frame
 * while scrolling or resizing. Whole percents, so that the component showing it is drawn again at
 * most a hundred times over a whole article.
 *
 * @param article the `<article>` element
 * @param key changes when another article is shown (measured again at once)
 */
export function useReadingProgress(article: RefObject<Element | null>, key: string): ReadingProgressState {
  const [percent, setPercent] = useState(0);
  const [top, setTop] = useState(0);
  useEffect(() => {
    let frame: number | undefined;
    const measure = (): void => {
      frame = undefined;
      const el = article.current;
      const bottom = Math.round(headerBottom());
      setTop(bottom);
      if (el) setPercent(percentOf(measureFraction(el, bottom)));
    };
    const schedule = (): void => {
      frame ??= requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    // Text size, line width and unfolding change the article's height without a scroll.
    const resized = new ResizeObserver(schedule);
    if (article.current) resized.observe(article.current);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      resized.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [article, key]);
  return { percent, headerBottom: top };
}
