/**
 * Search as you type: every change of the input searches the latest text, with no debounce, and
 * an answer that arrives after a newer search was sent is dropped.
 */
import { useMemo } from 'react';
import type { ApiError, SearchOptions, SearchResponse } from '../../../shared/api';
import { SEARCH_LIMIT } from '../../../shared/search-limits';
import { getApi, toApiError } from '../api';
import { useNewestAnswer } from './useNewestAnswer';

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
  const ask = useMemo(() => (text ? () => getApi().search(text, options) : undefined), [text, options]);
  const { answer, current } = useNewestAnswer(ask);
  // One error object per failed answer, not a new one on every render.
  const error = useMemo(() => (answer && !answer.ok ? toApiError(answer.error) : undefined), [answer]);
  if (!text) return { pending: false };
  return {
    ...(answer?.ok && { response: answer.value }),
    pending: !current,
    ...(current && error && { error }),
  };
}

const DEFAULT_OPTIONS: SearchOptions = { limit: SEARCH_LIMIT };
