/**
 * The reader's highlights of the open article, drawn over it (highlight-layer.ts) and drawn again
 * whenever the article's DOM changes under them: the search-word and find marks wrap text in
 * elements, which moves the boundaries of the ranges drawn before.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import type { BookmarkView } from '../../../shared/bookmarks';
import type { Article } from '../../../shared/model';
import { locateHighlights, markHighlights, paintHighlights, type DrawnHighlight } from '../highlight-layer';
import type { PassageText } from '../selection-range';

/**
 * The plain text of each passage and reader comment of an article, by id.
 *
 * @example passageTexts(article)('sleep-3')
 */
export function passageTexts(article: Article | undefined): PassageText {
  const texts = new Map([...(article?.passages ?? []), ...(article?.comments ?? [])].map((p) => [p.id, p.text]));
  return (id) => texts.get(id);
}

/**
 * Draw the highlights of `article` (from `bookmarks`) in `container`, and keep them drawn.
 *
 * @returns the highlights as drawn now (for the selection toolbar: which one a selection is in)
 * @example const drawn = useHighlightLayer(content, article, bookmarks); highlightAround(drawn(), range);
 */
export function useHighlightLayer(container: RefObject<HTMLElement | null>, article: Article | undefined, bookmarks: readonly BookmarkView[]): () => readonly DrawnHighlight[] {
  const drawn = useRef<readonly DrawnHighlight[]>([]);
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || !article) return;
    const textOf = passageTexts(article);
    let clear = (): void => undefined;
    const draw = (): void => {
      clear();
      drawn.current = locateHighlights(bookmarks, article.id, root, textOf);
      clear = paintHighlights(drawn.current);
    };
    draw();
    // Marks are laid and taken off in layout effects, in batches: drawn again once per frame.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      clear();
      drawn.current = [];
    };
  }, [container, article, bookmarks]);
  return useCallback(() => drawn.current, []);
}

/**
 * Mark `highlights` of `article` in a printed copy of it (see markHighlights): drawn in
 * `container` with the same passage elements as on screen.
 *
 * @example usePrintedHighlights(printRoot, article, includeHighlights ? bookmarks : []);
 */
export function usePrintedHighlights(container: RefObject<HTMLElement | null>, article: Article | undefined, highlights: readonly BookmarkView[]): void {
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || !article || highlights.length === 0) return;
    return markHighlights(locateHighlights(highlights, article.id, root, passageTexts(article)));
  });
}
