/**
 * Completions of what is being typed, asked for on every change; the newest answer wins.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { getApi } from '../api';

/** Suggestions asked for per change. */
export const SUGGESTION_LIMIT = 5;

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
  const sequence = useRef(0);
  const [latest, setLatest] = useState<{ text: string; suggestions: readonly string[] }>();
  useEffect(() => {
    const mine = ++sequence.current;
    if (!text) return;
    getApi()
      .suggest(text, limit)
      .then(
        (suggestions) => mine === sequence.current && setLatest({ text, suggestions }),
        () => mine === sequence.current && setLatest({ text, suggestions: NONE }),
      );
  }, [text, limit]);
  return useMemo(() => {
    if (!text) return { suggestions: NONE, pending: false };
    if (latest?.text === text) return { suggestions: latest.suggestions, pending: false };
    // Until the answer for this text arrives, keep the earlier completions that still complete
    // it (typing along a suggestion), so that the list does not flicker with every key.
    const lower = text.toLowerCase();
    const still = latest?.suggestions.filter((s) => s.toLowerCase().startsWith(lower)) ?? [];
    return { suggestions: still.length > 0 ? still : NONE, pending: true };
  }, [text, latest]);
}
