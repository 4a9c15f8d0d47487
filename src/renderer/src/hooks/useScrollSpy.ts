/**
 * Which section the reader is in, for the table of contents to mark.
 */
import { useEffect, useState } from 'react';
import { headerBottom } from '../dom-bookmark';

/** How far below the header a section's top must rise to count as the one being read (a fraction of the view). */
const READING_LINE = 0.25;

/**
 * The id of the element the reader is in: the last one (in document order) whose top has risen
 * above a line a quarter of the way down the view (none while the reader is above them all); at
 * the foot of the page, the last one whose top is in view (short closing sections never reach the
 * line).
 *
 * @param elementIds element ids to watch, in document order
 * @example const active = useScrollSpy(sections.map((s) => sectionDomId(s.id)));
 */
export function useScrollSpy(elementIds: readonly string[]): string | undefined {
  const [active, setActive] = useState<string>();
  const key = elementIds.join('\n');
  useEffect(() => {
    const ids = key ? key.split('\n') : [];
    let frame: number | undefined;
    const measure = (): void => {
      frame = undefined;
      const top = headerBottom();
      const line = top + (window.innerHeight - top) * READING_LINE;
      const atFoot = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      let current: string | undefined;
      for (const id of ids) {
        const element = document.getElementById(id);
        if (!element) continue;
        const elementTop = element.getBoundingClientRect().top;
        if (elementTop <= line || (atFoot && elementTop < window.innerHeight)) current = id;
        else if (!atFoot) break;
      }
      setActive(current);
    };
    const schedule = (): void => {
      frame ??= requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [key]);
  return active;
}
