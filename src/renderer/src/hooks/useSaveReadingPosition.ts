/**
 * Remembers where the reader is in an article, so that the next launch opens it there.
 */
import { useEffect, type RefObject } from 'react';
import { getApi } from '../api';
import { headerBottom, topPassageId } from '../dom-bookmark';

/** How often, at most, the position is saved while scrolling. */
const SAVE_INTERVAL_MS = 1000;

/**
 * Save the open article and the passage at the top of the view: when it opens, and then at most
 * once a second while the reader scrolls. Failures are ignored: this is a convenience.
 *
 * @example useSaveReadingPosition(contentRef, article?.id);
 */
export function useSaveReadingPosition(container: RefObject<HTMLElement | null>, articleId: string | undefined): void {
  useEffect(() => {
    if (!articleId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = (): void => {
      timer = undefined;
      const el = container.current;
      const passageId = el ? topPassageId(el, headerBottom()) : undefined;
      getApi()
        .saveReadingState(passageId ? { articleId, passageId } : { articleId })
        .catch(() => undefined);
    };
    const onScroll = (): void => {
      timer ??= setTimeout(save, SAVE_INTERVAL_MS);
    };
    timer = setTimeout(save, SAVE_INTERVAL_MS);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [container, articleId]);
}
