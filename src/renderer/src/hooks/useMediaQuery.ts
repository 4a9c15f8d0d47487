/**
 * Whether a CSS media query matches the window now, kept in step as the window changes.
 */
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Whether `query` matches.
 *
 * @example const wide = useMediaQuery(WIDE_WINDOW);
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

/** Windows wide enough for the library sidebar (tokens.css: 1100 px and up). */
export const WIDE_WINDOW = '(width >= 68.75rem)';
