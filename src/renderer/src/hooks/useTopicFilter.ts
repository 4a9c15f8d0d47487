/**
 * The topic the home screen's library is filtered by, kept in the window's session storage so
 * that it is still set on coming back from an article (and forgotten when the window closes).
 */
import { useCallback, useState } from 'react';

const KEY = 'quire.libraryTopic';

function stored(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The topic filter and a way to set or (undefined) remove it.
 *
 * @example const [topic, setTopic] = useTopicFilter();
 */
export function useTopicFilter(): [string | undefined, (topic: string | undefined) => void] {
  const [topic, setTopicState] = useState<string | undefined>(stored);
  const setTopic = useCallback((next: string | undefined) => {
    setTopicState(next);
    try {
      if (next === undefined) sessionStorage.removeItem(KEY);
      else sessionStorage.setItem(KEY, next);
    } catch {
      // Storage refused: the filter lasts as long as the home screen.
    }
  }, []);
  return [topic, setTopic];
}
