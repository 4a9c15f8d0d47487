/**
 * One whole article, fetched whenever the id changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Article } from '../../../shared/model';
import { getApi, toApiError } from '../api';
import { LOADING, type Loadable } from '../loadable';

/** What {@link useArticle} gives. */
export interface ArticleState {
  readonly article: Loadable<Article>;
  /** Fetch the article again (after an error). */
  readonly retry: () => void;
}

/**
 * The article with this id; a response for an id no longer wanted is dropped.
 *
 * @example const { article } = useArticle(route.articleId);
 */
export function useArticle(id: string): ArticleState {
  const [attempt, setAttempt] = useState(0);
  const key = `${attempt}:${id}`;
  const [result, setResult] = useState<{ key: string; state: Loadable<Article> }>();
  useEffect(() => {
    let live = true;
    const key = `${attempt}:${id}`;
    getApi()
      .getArticle(id)
      .then(
        (value) => live && setResult({ key, state: { status: 'ready', value } }),
        (e: unknown) => live && setResult({ key, state: { status: 'error', error: toApiError(e) } }),
      );
    return () => {
      live = false;
    };
  }, [id, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { article: result?.key === key ? result.state : LOADING, retry };
}
