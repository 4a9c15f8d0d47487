/**
 * How far through the open article the reader is, measured as the view scrolls.
 */
import { useEffect, useState, type RefObject } from 'react';
import { headerBottom } from '../dom-bookmark';
import { measureFraction, percentOf } from '../reading-progress';

/**
 * The percentage of the article read (0 to 100, see {@link percentOf}), measured once per frame
 * while scrolling or resizing. Whole percents, so that the component showing it is drawn again at
 * most a hundred times over a whole article.
 *
 * @param article the `<article>` element
 * @param key changes when another article is shown (measured again at once)
 */
export function useReadingProgress(article: RefObject<Element | null>, key: string): number {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    let frame: number | undefined;
    const measure = (): void => {
      frame = undefined;
      const el = article.current;
      if (el) setPercent(percentOf(measureFraction(el, headerBottom())));
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
  return percent;
}
