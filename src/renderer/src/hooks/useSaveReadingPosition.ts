/**
 * Remembers where the reader is in each article, so that opening it again (and the next launch)
 * returns there.
 */
import { useEffect, type RefObject } from 'react';
import type { ArticlePosition, PositionInput } from '../../../shared/positions';
import { getApi } from '../api';
import { headerBottom, topPassageId } from '../dom-bookmark';
import { measureFraction } from '../reading-progress';

/** How often, at most, the position is saved while scrolling. */
const SAVE_INTERVAL_MS = 1000;

/** Where the view is in the article now: the passage at its top and how far through. */
function positionNow(container: HTMLElement, articleId: string): PositionInput {
  const top = headerBottom();
  const article = container.querySelector('article');
  const fraction = article ? measureFraction(article, top) : 0;
  // While the title is in view the reader is at the top, not at the first passage.
  const atTop = fraction === 0 && (article?.getBoundingClientRect().top ?? 0) >= top;
  const passageId = atTop ? undefined : topPassageId(container, top);
  return passageId ? { articleId, passageId, fraction } : { articleId, fraction };
}

/**
 * Save the open article's position: when it opens, at most once a second while the reader
 * scrolls, and once more when they leave it (what was read last is not lost to the interval).
 * Failures are ignored: this is a convenience.
 *
 * @param onSaved told of each position the store kept
 * @example useSaveReadingPosition(contentRef, article?.id, positions.remember);
 */
export function useSaveReadingPosition(
  container: RefObject<HTMLElement | null>,
  articleId: string | undefined,
  onSaved: (position: ArticlePosition) => void,
): void {
  useEffect(() => {
    if (!articleId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Measured as the view moves, so that the last position is known after the article is gone.
    let latest: PositionInput | undefined;
    const measure = (): void => {
      const el = container.current;
      if (el) latest = positionNow(el, articleId);
    };
    const save = (): void => {
      timer = undefined;
      measure();
      if (!latest) return;
      getApi()
        .savePosition(latest)
        .then(onSaved, () => undefined);
    };
    const onScroll = (): void => {
      measure();
      timer ??= setTimeout(save, SAVE_INTERVAL_MS);
    };
    timer = setTimeout(save, SAVE_INTERVAL_MS);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (timer === undefined) return;
      clearTimeout(timer);
      if (latest) {
        getApi()
          .savePosition(latest)
          .then(onSaved, () => undefined);
      }
    };
  }, [container, articleId, onSaved]);
}
