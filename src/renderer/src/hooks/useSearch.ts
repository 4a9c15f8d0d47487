/**
 * Search as you type: every change of the input searches the latest text, with no debounce, and
 * an answer that arrives after a newer search was sent is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiError, SearchOptions, SearchResponse } from '../../../shared/api';
import { getApi, toApiError } from '../api';

/** Results asked for per search at first. */
export const SEARCH_LIMIT = 20;

/** What {@link useSearch} gives. */
export interface SearchState {
  /**
   * The newest answer received. While a search for the current text is on its way this is the
   * previous answer (its `query` says which), so the list does not flicker as you type.
   */
  readonly response?: SearchResponse;
  /** A search for the current text and options is on its way. */
  readonly pending: boolean;
  /** Why the search for the current text failed. */
  readonly error?: ApiError;
}

/**
 * Search the library for `query` as typed, with `options`; a blank query searches nothing. The
 * text is sent untrimmed: the engine reads a space after the last word as that word being
 * finished ("tap " is the word tap), and its absence as a word still being typed (a prefix).
 * Pass the same options object while they do not change (memoize it): a new one searches again.
 *
 * @example const { response, pending } = useSearch(inputValue, options);
 */
export function useSearch(query: string, options: SearchOptions = DEFAULT_OPTIONS): SearchState {
  const text = query.trim() === '' ? '' : query;
  // Each search takes a number; only the answer to the newest one is kept.
  const sequence = useRef(0);
  const [latest, setLatest] = useState<{ text: string; options: SearchOptions; response?: SearchResponse; error?: ApiError }>();
  useEffect(() => {
    const mine = ++sequence.current;
    if (!text) return;
    getApi()
      .search(text, options)
      .then(
        (response) => {
          if (mine === sequence.current) setLatest({ text, options, response });
        },
        (e: unknown) => {
          if (mine === sequence.current) setLatest({ text, options, error: toApiError(e) });
        },
      );
  }, [text, options]);
  if (!text) return { pending: false };
  const current = latest?.text === text && latest.options === options;
  return {
    ...(latest?.response && { response: latest.response }),
    pending: !current,
    ...(current && latest.error && { error: latest.error }),
  };
}

const DEFAULT_OPTIONS: SearchOptions = { limit: SEARCH_LIMIT };
