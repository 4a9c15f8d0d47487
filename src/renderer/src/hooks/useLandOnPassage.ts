/**
 * After an article is drawn, take the reader to where the address points: a passage (scrolled
 * into view, focused and briefly highlighted) or the top of the article (its title focused).
 */
import { useEffect } from 'react';
import { passageDomId } from '../article-layout';
import { flash, landOn } from '../dom';

/** Where to land. */
export interface LandingTarget {
  /** The article now drawn, or undefined while it is not ready. */
  readonly articleId: string | undefined;
  /** The passage to land on; none means the top. */
  readonly passageId: string | undefined;
  /** Changes on every navigation, so that opening the same passage again lands on it again. */
  readonly visit: number;
  /** The element id of the article's title. */
  readonly titleId: string;
}

/**
 * Land on the target whenever it (or the visit) changes.
 *
 * @example useLandOnPassage({ articleId: ready ? id : undefined, passageId, visit, titleId: 'article-title' });
 */
export function useLandOnPassage({ articleId, passageId, visit, titleId }: LandingTarget): void {
  useEffect(() => {
    if (articleId === undefined) return;
    const passage = passageId ? document.getElementById(passageDomId(passageId)) : null;
    if (passage) {
      landOn(passage);
      flash(passage);
      return;
    }
    const title = document.getElementById(titleId);
    window.scrollTo({ top: 0 });
    title?.focus({ preventScroll: true });
  }, [articleId, passageId, visit, titleId]);
}
