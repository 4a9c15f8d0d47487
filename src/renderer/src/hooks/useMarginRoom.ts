/**
 * How much room the window leaves beside the article screen, at its inline end, for the margin
 * notes: measured from the layout (the article screen's end to the window's, less a gap each side),
 * so that it follows the sidebar, the table of contents, the reading margins and the text size.
 */
import { useEffect, useState, type RefObject } from 'react';

/** Space kept either side of the margin notes (px). */
const MARGIN_GAP = 8;
/** The narrowest a card may be, in rem: narrower, the notes go under their passages. */
const MIN_CARD_REM = 12;
/** The widest a card is, in rem. */
const MAX_CARD_REM = 20;

/**
 * The width the margin notes may have (px), or 0 when there is not room for them.
 *
 * @example const width = useMarginRoom(content); // 0 at 390 px: the notes go under their passages
 */
export function useMarginRoom(container: RefObject<HTMLElement | null>, active: boolean): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = container.current;
    if (!box || !active) return;
    const measure = (): void => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const room = document.documentElement.clientWidth - box.getBoundingClientRect().right - 2 * MARGIN_GAP;
      setWidth(room >= MIN_CARD_REM * rem ? Math.min(room, MAX_CARD_REM * rem) : 0);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [container, active]);
  return width;
}
