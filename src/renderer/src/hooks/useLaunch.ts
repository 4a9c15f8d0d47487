/**
 * What happens once at launch: reopen the last article read (when the address names none) and
 * fetch the store's notice, if it has one.
 */
import { useEffect, useState } from 'react';
import { getApi } from '../api';
import type { Route } from '../route';

/**
 * Reopen where the reader was and read the store notice.
 *
 * @param hasRoute whether the address already names somewhere to go (then it wins)
 * @param navigate how to go to the restored place
 * @returns the store notice (undefined when none) and a way to dismiss it
 */
export function useLaunch(hasRoute: boolean, navigate: (route: Route) => void): { notice: string | undefined; dismiss: () => void } {
  const [notice, setNotice] = useState<string>();
  // Only the launch counts: the values at first render, not later ones.
  const [launch] = useState(() => ({ hasRoute, navigate }));
  useEffect(() => {
    let live = true;
    if (!launch.hasRoute) {
      Promise.all([getApi().getReadingState(), getApi().listArticles()])
        .then(
          ([state, articles]) => {
            // Only to an article still in the library, and only if the reader has not gone
            // anywhere meanwhile.
            const home = ['', '#', '#/'].includes(window.location.hash);
            if (live && state && home && articles.some((a) => a.id === state.articleId)) {
              launch.navigate({ name: 'article', articleId: state.articleId, passageId: state.passageId });
            }
          },
          () => undefined,
        );
    }
    getApi()
      .storeNotice()
      .then(
        (message) => {
          if (live && message) setNotice(message);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [launch]);
  return { notice, dismiss: () => setNotice(undefined) };
}
