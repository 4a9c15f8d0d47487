/**
 * The library's article list: fetched once, and again when the library changes (the reader added
 * or removed articles).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model';
import { getApi, toApiError } from '../api';
import { LOADING, type Loadable } from '../loadable';

/** What {@link useArticles} gives. */
export interface ArticlesState {
  readonly articles: Loadable<readonly ArticleSummary[]>;
  /** Fetch the list again after an error (it shows as loading meanwhile). */
  readonly retry: () => void;
  /**
   * Fetch the list again because the library changed: the list shown stays until the new one
   * arrives, and stays should that fail.
   */
  readonly refresh: () => void;
}

/** One fetch of the list: its number, and whether the list shown stays while it runs. */
interface Request {
  readonly n: number;
  readonly quiet: boolean;
}

/**
 * All articles, newest first.
 *
 * @example const { articles, refresh } = useArticles(); if (articles.status === 'ready') …
 */
export function useArticles(): ArticlesState {
  const [request, setRequest] = useState<Request>({ n: 0, quiet: false });
  const [result, setResult] = useState<{ n: number; state: Loadable<readonly ArticleSummary[]> }>();
  useEffect(() => {
    let live = true;
    getApi()
      .listArticles()
      .then(
        (value) => live && setResult({ n: request.n, state: { status: 'ready', value } }),
        (e: unknown) =>
          live &&
          // A quiet refresh that fails keeps the list shown: it is still the best there is.
          setResult((previous) =>
            request.quiet && previous?.state.status === 'ready' ? { ...previous, n: request.n } : { n: request.n, state: { status: 'error', error: toApiError(e) } },
          ),
      );
    return () => {
      live = false;
    };
  }, [request]);
  const retry = useCallback(() => setRequest((r) => ({ n: r.n + 1, quiet: false })), []);
  const refresh = useCallback(() => setRequest((r) => ({ n: r.n + 1, quiet: true })), []);
  const articles = result?.n === request.n || (request.quiet && result?.state.status === 'ready') ? (result?.state ?? LOADING) : LOADING;
  return { articles, retry, refresh };
}
