/**
 * The open article's find bar: its state (find-model.ts), opening it with focus in its field, and
 * closing it with focus left where the reader found something.
 */
import { useCallback, useReducer, useRef, type RefObject } from 'react';
import { FIND_CLOSED, findReducer, findText, type FindState } from '../find-model';

/** What {@link useFindBar} gives. */
export interface FindBarControls {
  /** Whether the bar is open, what is typed in it, and which occurrence is asked for. */
  readonly state: FindState;
  /** The text to mark in the article: nothing while the bar is closed. */
  readonly text: string;
  /** The bar's text field. */
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** Open the bar (its field takes focus as it mounts), or focus and select its text if open. Stable. */
  readonly openFind: () => void;
  /** The reader typed `query`. */
  readonly type: (query: string) => void;
  /** Go to the next (1) or previous (-1) of `total` occurrences. */
  readonly step: (by: 1 | -1, total: number) => void;
  /** Close the bar, leaving focus at `found` (the current occurrence) or where it was before. */
  readonly close: (found: Element | undefined) => void;
}

/** How the bar fits into its screen. */
export interface FindBarOptions {
  /** The element id that takes focus on closing when neither an occurrence nor the earlier focus can. */
  readonly fallbackFocusId: string;
  /** Told just before the current occurrence changes (typing, a step, closing), while it is still current. */
  readonly onMove?: () => void;
}

/**
 * The find bar's state and the focus moves around it.
 *
 * @example const find = useFindBar({ fallbackFocusId: 'article-title' }); useArticleMarks(ref, id, terms, find.text);
 */
export function useFindBar({ fallbackFocusId, onMove }: FindBarOptions): FindBarControls {
  const [state, dispatch] = useReducer(findReducer, FIND_CLOSED);
  const inputRef = useRef<HTMLInputElement>(null);
  // Where focus was before the bar opened, to go back to when it closes.
  const focusBefore = useRef<Element | null>(null);
  const openFind = useCallback(() => {
    const input = inputRef.current;
    if (input) {
      input.focus();
      input.select();
      return;
    }
    focusBefore.current = document.activeElement;
    // The bar's input takes focus as it mounts (autoFocus).
    dispatch({ type: 'open' });
  }, []);
  const type = (query: string): void => {
    onMove?.();
    dispatch({ type: 'type', query });
  };
  const step = (by: 1 | -1, total: number): void => {
    onMove?.();
    dispatch({ type: 'step', by, total });
  };
  const close = (found: Element | undefined): void => {
    onMove?.();
    // Leave focus where the reader found something, or else where it was before.
    const landing = found?.closest<HTMLElement>('[tabindex="-1"]');
    const before = focusBefore.current;
    dispatch({ type: 'close' });
    if (landing) landing.focus({ preventScroll: true });
    else if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    else document.getElementById(fallbackFocusId)?.focus({ preventScroll: true });
  };
  return { state, text: findText(state), inputRef, openFind, type, step, close };
}
