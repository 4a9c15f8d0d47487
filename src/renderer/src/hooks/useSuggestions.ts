/**
 * Completions of what is being typed, asked for on every change; the newest answer wins.
 */
import { useMemo } from 'react';
import { SUGGESTION_LIMIT } from '../../../shared/search-limits';
import { getApi } from '../api';
import { useNewestAnswer } from './useNewestAnswer';

/** What {@link useSuggestions} gives. */
export interface SuggestionsState {
  /** Completions of the current text, best first (empty while none are known). */
  readonly suggestions: readonly string[];
  /** Completions of the current text are on their way. */
  readonly pending: boolean;
}

const NONE: readonly string[] = [];

/**
 * Completions of `query` as typed (none for a blank query; the engine decides what a trailing
 * space means, as for the search). A failed call shows none: the
 * suggestions are a help, never in the way of the results.
 *
 * @example const { suggestions } = useSuggestions(inputValue);
 */
export function useSuggestions(query: string, limit = SUGGESTION_LIMIT): SuggestionsState {
  const text = query.trim() === '' ? '' : query;
  const ask = useMemo(() => (text ? () => getApi().suggest(text, limit) : undefined), [text, limit]);
  const { answer, current } = useNewestAnswer<readonly string[]>(ask);
  return useMemo(() => {
    if (!text) return { suggestions: NONE, pending: false };
    const latest = answer?.ok ? answer.value : NONE;
    if (current) return { suggestions: latest, pending: false };
    // Until the answer for this text arrives, keep the earlier completions that still complete
    // it (typing along a suggestion), so that the list does not flicker with every key.
    const lower = text.toLowerCase();
    const still = latest.filter((s) => s.toLowerCase().startsWith(lower));
    return { suggestions: still.length > 0 ? still : NONE, pending: true };
  }, [text, answer, current]);
}
