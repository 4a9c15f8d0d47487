/**
 * The reader's find-in-article and reader-comments fold, as plain data: the find bar's state
 * machine (open, text, current occurrence) and the rule for when the folded comments unfold (a
 * landing on a comment, or a find occurrence in them). Hooks hold the state; nothing here touches
 * the DOM.
 */

/** The state of the find bar. */
export interface FindState {
  /** The bar is showing. */
  readonly open: boolean;
  /** The text to find, as typed. */
  readonly query: string;
  /** The current occurrence, as asked for (see {@link currentOccurrence} for the one shown). */
  readonly index: number;
}

/** The bar closed, with nothing typed. */
export const FIND_CLOSED: FindState = { open: false, query: '', index: 0 };

/** What the reader does in the find bar. */
export type FindAction =
  | { readonly type: 'open' }
  | { readonly type: 'close' }
  | { readonly type: 'type'; readonly query: string }
  /** Go to the next (1) or previous (-1) of `total` occurrences, wrapping round. */
  | { readonly type: 'step'; readonly by: 1 | -1; readonly total: number };

/**
 * The find bar after `action`.
 *
 * Opening keeps what was typed (closing clears it), typing starts again from the first
 * occurrence, and a step from the occurrence shown wraps round at either end; with no occurrences
 * a step does nothing.
 *
 * @example findReducer({ open: true, query: 'sleep', index: 0 }, { type: 'step', by: -1, total: 3 }).index // 2
 */
export function findReducer(state: FindState, action: FindAction): FindState {
  switch (action.type) {
    case 'open':
      return state.open ? state : { ...state, open: true };
    case 'close':
      return FIND_CLOSED;
    case 'type':
      return { ...state, query: action.query, index: 0 };
    case 'step': {
      const { by, total } = action;
      if (total === 0) return state;
      return { ...state, index: (currentOccurrence(state, total) + by + total) % total };
    }
  }
}

/**
 * The occurrence shown as current, of `total` found: the one asked for, or the last when fewer
 * are found now (the text changed under it), or -1 when there are none.
 */
export function currentOccurrence(state: FindState, total: number): number {
  return total > 0 ? Math.min(state.index, total - 1) : -1;
}

/** The text the article is searched for: what is typed while the bar is open, else nothing. */
export function findText(state: FindState): string {
  return state.open ? state.query : '';
}

/**
 * The reader comments' fold as last recorded, and when: at which landing and which current find
 * occurrence. A landing or an occurrence that came after it may unfold the comments.
 */
export interface CommentsFold<Hit> {
  /** The comments were shown. */
  readonly open: boolean;
  /** The landing (article, visit and passage) current when this was recorded. */
  readonly landing: string;
  /** The find occurrence current when this was recorded. */
  readonly hit: Hit | undefined;
}

/** Where the reader is now, for the fold. */
export interface FoldContext<Hit> {
  /** The current landing (article, visit and passage); '' while no article is drawn. */
  readonly landing: string;
  /** The landing is on a reader comment. */
  readonly landsInComments: boolean;
  /** The current find occurrence, if any. */
  readonly hit: Hit | undefined;
  /** That occurrence is in the reader comments. */
  readonly hitInComments: boolean;
}

/** The comments start folded. */
export const FOLDED: CommentsFold<never> = { open: false, landing: '', hit: undefined };

/**
 * Whether the comments are shown: as recorded, unless a landing on a comment or a find occurrence
 * in them came since, which unfolds them (once each: the reader may fold them again, and a fold
 * recorded at that landing and occurrence stays folded).
 *
 * @example commentsShown(FOLDED, { landing: 'a/2/c1', landsInComments: true, hit: undefined, hitInComments: false }) // true
 */
export function commentsShown<Hit>(fold: CommentsFold<Hit>, now: FoldContext<Hit>): boolean {
  const landed = now.landsInComments && now.landing !== fold.landing;
  const found = now.hit !== undefined && now.hitInComments && now.hit !== fold.hit;
  return fold.open || landed || found;
}

/**
 * The fold recorded now: `open` (the reader's choice), or else what {@link commentsShown} says,
 * so that an unfolding outlasts the landing or occurrence that caused it. The same object when
 * nothing changes.
 */
export function recordFold<Hit>(fold: CommentsFold<Hit>, now: FoldContext<Hit>, open = commentsShown(fold, now)): CommentsFold<Hit> {
  if (fold.open === open && fold.landing === now.landing && fold.hit === now.hit) return fold;
  return { open, landing: now.landing, hit: now.hit };
}
