/**
 * The words of a search as they appear in one article, for highlighting it there.
 */
import { useEffect, useState } from 'react';
import { getApi } from '../api';

/** Hits asked for: every passage of the article that matched, as far as the API allows. */
const TERMS_LIMIT = 200;
const NONE: readonly string[] = [];

/**
 * The words of `articleId`'s passages that `query` matched (exact, stemmed, fuzzy and synonym
 * matches alike, as written in the article): the union of the `matches` of the query's hits in
 * that article. Empty without a query, until the answer comes, and if the search fails (the
 * highlights are a help, not something to report).
 *
 * @example const terms = useQueryTerms('sleep', 'zolpidem'); // ['zolpidem', 'Zolpidem']
 */
export function useQueryTerms(articleId: string | undefined, query: string | undefined): readonly string[] {
  const key = articleId !== undefined && query ? `${articleId}\u0000${query}` : undefined;
  const [result, setResult] = useState<{ key: string; terms: readonly string[] }>();
  useEffect(() => {
    if (articleId === undefined || !query || key === undefined) return;
    let live = true;
    getApi()
      .search(query, { articleIds: [articleId], limit: TERMS_LIMIT })
      .then(
        (response) => {
          if (!live) return;
          const words = new Set<string>();
          for (const hit of response.results) for (const word of hit.matches ?? []) words.add(word);
          setResult({ key, terms: [...words].sort() });
        },
        () => live && setResult({ key, terms: NONE }),
      );
    return () => {
      live = false;
    };
  }, [articleId, query, key]);
  return result !== undefined && result.key === key ? result.terms : NONE;
}
