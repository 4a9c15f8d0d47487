/**
 * The order the home screen lists the library in, kept across launches in the window's local
 * storage.
 *
 * Local storage rather than the reading settings: the order is a view preference of this window,
 * not reading data (the store holds what the reader made and how the text is shown), and it needs
 * no new field in the store's schema. The desktop app's origin (`app://quire`) never changes, so
 * the choice lasts; a browser keeps it per address, so a web host started on another port starts
 * from the default order.
 */
import { useCallback, useState } from 'react';
import { isLibrarySort, type LibrarySort } from '../library-order';

const KEY = 'quire.librarySort';
/** The order until the reader picks another: the library's own, newest first. */
export const DEFAULT_LIBRARY_SORT: LibrarySort = 'date';

function stored(): LibrarySort {
  try {
    const value = localStorage.getItem(KEY);
    return isLibrarySort(value) ? value : DEFAULT_LIBRARY_SORT;
  } catch {
    return DEFAULT_LIBRARY_SORT;
  }
}

/**
 * The library's order and a way to change it (remembered).
 *
 * @example const [sort, setSort] = useLibrarySort();
 */
export function useLibrarySort(): [LibrarySort, (sort: LibrarySort) => void] {
  const [sort, setSortState] = useState<LibrarySort>(stored);
  const setSort = useCallback((next: LibrarySort) => {
    setSortState(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage refused (full, or turned off): the order lasts as long as the window.
    }
  }, []);
  return [sort, setSort];
}
