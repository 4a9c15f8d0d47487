import { describe, expect, it } from 'vitest';
import {
  commentsShown,
  currentOccurrence,
  FIND_CLOSED,
  findReducer,
  findText,
  FOLDED,
  recordFold,
  type FindAction,
  type FindState,
  type FoldContext,
} from './find-model';

/** The state after each action in turn, from the closed bar. */
function run(...actions: FindAction[]): FindState {
  return actions.reduce(findReducer, FIND_CLOSED);
}

describe('findReducer', () => {
  it('opens with nothing typed, and keeps what is typed when asked to open again', () => {
    expect(run({ type: 'open' })).toEqual({ open: true, query: '', index: 0 });
    const typed = run({ type: 'open' }, { type: 'type', query: 'sleep' });
    expect(findReducer(typed, { type: 'open' })).toBe(typed);
  });

  it('clears the text on closing, so the bar opens empty next time', () => {
    const reopened = run({ type: 'open' }, { type: 'type', query: 'sleep' }, { type: 'close' }, { type: 'open' });
    expect(reopened.query).toBe('');
    expect(findText(reopened)).toBe('');
  });

  it('starts again from the first occurrence when the text changes', () => {
    const s = run({ type: 'open' }, { type: 'type', query: 'sl' }, { type: 'step', by: 1, total: 5 }, { type: 'step', by: 1, total: 5 });
    expect(s.index).toBe(2);
    expect(findReducer(s, { type: 'type', query: 'sle' }).index).toBe(0);
  });

  it('wraps round at both ends', () => {
    const first = run({ type: 'open' }, { type: 'type', query: 'a' });
    expect(findReducer(first, { type: 'step', by: -1, total: 3 }).index).toBe(2);
    const last = { ...first, index: 2 };
    expect(findReducer(last, { type: 'step', by: 1, total: 3 }).index).toBe(0);
  });

  it('steps from the occurrence shown when fewer are found than the one asked for', () => {
    // Asked for the 5th, but the page now has 3: the 3rd is shown, and Next goes to the 1st.
    const s: FindState = { open: true, query: 'a', index: 4 };
    expect(currentOccurrence(s, 3)).toBe(2);
    expect(findReducer(s, { type: 'step', by: 1, total: 3 }).index).toBe(0);
    expect(findReducer(s, { type: 'step', by: -1, total: 3 }).index).toBe(1);
  });

  it('does nothing on a step with no occurrences', () => {
    const s = run({ type: 'open' }, { type: 'type', query: 'zzz' });
    expect(findReducer(s, { type: 'step', by: 1, total: 0 })).toBe(s);
    expect(currentOccurrence(s, 0)).toBe(-1);
  });

  it('marks what is typed only while the bar is open', () => {
    const s = run({ type: 'open' }, { type: 'type', query: 'sleep' });
    expect(findText(s)).toBe('sleep');
    expect(findText({ ...s, open: false })).toBe('');
  });
});

describe('commentsShown', () => {
  const at = (landing: string, more: Partial<FoldContext<string>> = {}): FoldContext<string> => ({
    landing,
    landsInComments: false,
    hit: undefined,
    hitInComments: false,
    ...more,
  });

  it('keeps the comments folded at first, and for a landing outside them', () => {
    expect(commentsShown(FOLDED, at(''))).toBe(false);
    expect(commentsShown(FOLDED, at('a/1/p1'))).toBe(false);
  });

  it('unfolds them for a landing on a comment, and keeps them unfolded once that is recorded', () => {
    const onComment = at('a/1/c1', { landsInComments: true });
    expect(commentsShown(FOLDED, onComment)).toBe(true);
    const recorded = recordFold(FOLDED, onComment);
    // The reader then goes to a section of the same article: the comments stay as they were.
    expect(commentsShown(recorded, at('a/2/'))).toBe(true);
  });

  it('lets the reader fold them again at the landing that unfolded them', () => {
    const onComment = at('a/1/c1', { landsInComments: true });
    const folded = recordFold(recordFold(FOLDED, onComment), onComment, false);
    expect(commentsShown(folded, onComment)).toBe(false);
    // Landing on the same comment again (a new visit) unfolds them again.
    expect(commentsShown(folded, at('a/2/c1', { landsInComments: true }))).toBe(true);
  });

  it('unfolds them for a find occurrence in them, once for each occurrence', () => {
    const found = at('a/1/', { hit: 'mark 7', hitInComments: true });
    expect(commentsShown(FOLDED, found)).toBe(true);
    expect(commentsShown(FOLDED, at('a/1/', { hit: 'mark 2', hitInComments: false }))).toBe(false);
    const folded = recordFold(FOLDED, found, false);
    expect(commentsShown(folded, found)).toBe(false);
    expect(commentsShown(folded, at('a/1/', { hit: 'mark 8', hitInComments: true }))).toBe(true);
  });

  it('keeps them unfolded after the find bar moves on, once recorded before the move', () => {
    const found = at('a/1/', { hit: 'mark 7', hitInComments: true });
    const recorded = recordFold(FOLDED, found);
    expect(commentsShown(recorded, at('a/1/', { hit: 'mark 1', hitInComments: false }))).toBe(true);
    expect(commentsShown(recorded, at('a/1/'))).toBe(true);
  });
});

describe('recordFold', () => {
  it('gives the same fold when nothing changes, so that recording draws nothing again', () => {
    const now: FoldContext<string> = { landing: 'a/1/', landsInComments: false, hit: undefined, hitInComments: false };
    const recorded = recordFold(FOLDED, now);
    expect(recordFold(recorded, now)).toBe(recorded);
  });

  it('records the reader’s choice over what a landing says', () => {
    const onComment: FoldContext<string> = { landing: 'a/1/c1', landsInComments: true, hit: undefined, hitInComments: false };
    expect(recordFold(FOLDED, onComment, false).open).toBe(false);
    expect(recordFold(FOLDED, onComment).open).toBe(true);
  });
});
