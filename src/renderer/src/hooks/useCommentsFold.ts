/**
 * Whether the open article's reader comments are shown: folded at first, unfolded by the reader,
 * by a landing on a comment (a link, search hit or bookmark) or by a find occurrence in them.
 * Worked out while drawing from the fold last recorded (find-model.ts), so that the comments are
 * already shown when the page lands on one; recorded by the reader's toggle, after each landing
 * and before each find move, so that an unfolding lasts.
 */
import { useState } from 'react';
import { commentsShown, FOLDED, recordFold, type CommentsFold, type FoldContext } from '../find-model';

/** What {@link useCommentsFold} gives. */
export interface CommentsFoldControls {
  /** The comments are shown. */
  readonly open: boolean;
  /** The reader showed or folded them. */
  readonly setOpen: (open: boolean) => void;
  /** Record the fold as it is now (after a landing, before a find move), so that it outlasts its cause. */
  readonly record: () => void;
}

/**
 * The comments' fold, given where the reader is now.
 *
 * @example const fold = useCommentsFold({ landing, landsInComments, hit, hitInComments });
 */
export function useCommentsFold(now: FoldContext<Element>): CommentsFoldControls {
  const [fold, setFold] = useState<CommentsFold<Element>>(FOLDED);
  return {
    open: commentsShown(fold, now),
    setOpen: (open) => setFold((f) => recordFold(f, now, open)),
    record: () => setFold((f) => recordFold(f, now)),
  };
}
