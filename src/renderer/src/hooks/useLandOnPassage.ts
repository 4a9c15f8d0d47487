/**
 * After an article is drawn, take the reader to where the address points: a passage or a section
 * (scrolled into view, focused and briefly highlighted) or the top of the article (its title
 * focused). Coming back to a position (back or forward) lands there quietly: at the top of the
 * view, as it was left, without the highlight. Opening an article whose address names no place in
 * it returns, as quietly, to where the reader last left it (its saved position), if anywhere.
 */
import { useEffect, useRef } from 'react';
import { passageDomId, sectionDomId } from '../article-layout';
import { flash, landOn } from '../dom';
import { headerBottom } from '../dom-bookmark';

/** Where to land. */
export interface LandingTarget {
  /** The article now drawn, or undefined while it is not ready. */
  readonly articleId: string | undefined;
  /** The passage to land on. */
  readonly passageId: string | undefined;
  /** The section to land on, when no passage is named. */
  readonly sectionId: string | undefined;
  /** Changes on every navigation, so that opening the same passage again lands on it again. */
  readonly visit: number;
  /** Whether the reader is coming back to a position they left. */
  readonly restoring: boolean;
  /** The element id of the article's title. */
  readonly titleId: string;
  /** Where the reader left the article last time: for an address that names no place in it. */
  readonly resume?: { readonly passageId?: string; readonly fraction: number };
  /** Told as each landing is made (the comments' fold records it: see useCommentsFold). */
  readonly onLanded?: () => void;
}

/** A section's element and what takes focus in it: its heading, or the section itself. */
function sectionTarget(sectionId: string): { element: HTMLElement; focus: HTMLElement } | undefined {
  const element = document.getElementById(sectionDomId(sectionId));
  if (!element) return undefined;
  const heading = element.querySelector<HTMLElement>(':scope > .bookmark-row--heading :is(h2, h3, h4, h5, h6)');
  return { element, focus: heading ?? element };
}

/**
 * Land on the target whenever it (or the visit) changes.
 *
 * @example useLandOnPassage({ articleId, passageId, sectionId, visit, restoring, titleId: 'article-title' });
 */
export function useLandOnPassage({ articleId, passageId, sectionId, visit, restoring, titleId, resume: resumeAt, onLanded }: LandingTarget): void {
  // Read when landing, never a reason to land: the saved position changes as the reader scrolls,
  // and the app's choice of one changes (for the next article) before the address does.
  const latestResume = useRef(resumeAt);
  // Told of a landing, never a reason to land (a new function comes with every render).
  const latestLanded = useRef(onLanded);
  useEffect(() => {
    latestResume.current = resumeAt;
    latestLanded.current = onLanded;
  }, [resumeAt, onLanded]);
  useEffect(() => {
    const resume = latestResume.current;
    if (articleId === undefined) return;
    latestLanded.current?.();
    const passage = passageId ? document.getElementById(passageDomId(passageId)) : null;
    if (passage) {
      landOn(passage, { block: restoring ? 'start' : 'center' });
      if (!restoring) flash(passage);
      return;
    }
    const section = sectionId ? sectionTarget(sectionId) : undefined;
    if (section) {
      landOn(section.element, { block: 'start', smooth: !restoring, focus: section.focus });
      if (!restoring) flash(section.focus);
      return;
    }
    const title = document.getElementById(titleId);
    if (resume && !restoring && !passageId && !sectionId) {
      const left = resume.passageId ? document.getElementById(passageDomId(resume.passageId)) : null;
      if (left) {
        landOn(left, { block: 'start' });
        return;
      }
      // The passage is gone (the article changed): as far through as it was.
      const article = title?.closest('article');
      if (article && resume.fraction > 0) {
        const top = headerBottom();
        const scrollable = article.getBoundingClientRect().height - (window.innerHeight - top);
        window.scrollTo({ top: article.getBoundingClientRect().top + window.scrollY - top + Math.max(0, scrollable) * resume.fraction });
        title?.focus({ preventScroll: true });
        return;
      }
    }
    window.scrollTo({ top: 0 });
    title?.focus({ preventScroll: true });
  }, [articleId, passageId, sectionId, visit, restoring, titleId]);
}
