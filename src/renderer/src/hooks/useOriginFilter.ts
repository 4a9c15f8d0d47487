/**
 * Which articles the home screen lists by where they come from (all, the reader's own, or those
 * Quire came with), kept across launches in the window's local storage, like the order (see
 * useLibrarySort for why local storage).
 */
import { useCallback, useState } from 'react';
import { isOriginFilter, type OriginFilter } from '../library-order';

const KEY = 'quire.libraryOrigin';

function stored(): OriginFilter {
  try {
    const value = localStorage.getItem(KEY);
    return isOriginFilter(value) ? value : 'all';
  } catch {
    return 'all';
  }
}

/**
 * The origin filter and a way to change it (remembered).
 *
 * @example const [origin, setOrigin] = useOriginFilter();
 */
export function useOriginFilter(): [OriginFilter, (origin: OriginFilter) => void] {
  const [origin, setOriginState] = useState<OriginFilter>(stored);
  const setOrigin = useCallback((next: OriginFilter) => {
    setOriginState(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage refused: the choice lasts as long as the window.
    }
  }, []);
  return [origin, setOrigin];
}
