/**
 * The reader's recent searches, kept by the host: read when wanted, added to when a search is
 * used, and cleared on request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getApi } from '../api';

/** What {@link useRecentSearches} gives. */
export interface RecentSearchesState {
  /** Newest first; empty until loaded (or when the host cannot keep them). */
  readonly recent: readonly string[];
  /** Read the list again from the host. */
  readonly refresh: () => void;
  /** Remember a search (blank ones are ignored). */
  readonly add: (query: string) => void;
  /** Forget them all. */
  readonly clear: () => void;
}

/**
 * Recent searches. Failures leave the list as it was: recent searches are a convenience, and a
 * host that cannot keep them should not get in the way of searching.
 *
 * @example const { recent, add } = useRecentSearches(); add('dry mouth');
 */
export function useRecentSearches(): RecentSearchesState {
  const [recent, setRecent] = useState<readonly string[]>([]);
  // Answers can arrive out of order (a refresh racing an add); keep the newest call's.
  const sequence = useRef(0);
  const run = useCallback((call: () => Promise<readonly string[] | void>) => {
    const mine = ++sequence.current;
    call().then(
      (list) => {
        if (mine === sequence.current) setRecent(list ?? []);
      },
      () => undefined,
    );
  }, []);
  const refresh = useCallback(() => run(() => getApi().recentSearches()), [run]);
  const add = useCallback(
    (query: string) => {
      const text = query.trim();
      if (text) run(() => getApi().addRecentSearch(text));
    },
    [run],
  );
  const clear = useCallback(() => run(() => getApi().clearRecentSearches()), [run]);
  useEffect(refresh, [refresh]);
  return { recent, refresh, add, clear };
}
