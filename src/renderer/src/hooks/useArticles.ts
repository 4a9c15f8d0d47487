/**
 * The library's article list, fetched once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model';
import { getApi, toApiError } from '../api';
import { LOADING, type Loadable } from '../loadable';

/** What {@link useArticles} gives. */
export interface ArticlesState {
  readonly articles: Loadable<readonly ArticleSummary[]>;
  /** Fetch the list again (after an error). */
  readonly retry: () => void;
}

/**
 * All articles, newest first.
 *
 * @example const { articles } = useArticles(); if (articles.status === 'ready') …
 */
export function useArticles(): ArticlesState {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ attempt: number; state: Loadable<readonly ArticleSummary[]> }>();
  useEffect(() => {
    let live = true;
    getApi()
      .listArticles()
      .then(
        (value) => live && setResult({ attempt, state: { status: 'ready', value } }),
        (e: unknown) => live && setResult({ attempt, state: { status: 'error', error: toApiError(e) } }),
      );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { articles: result?.attempt === attempt ? result.state : LOADING, retry };
}
