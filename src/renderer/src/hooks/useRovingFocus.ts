/**
 * Roving focus over a small group of controls (a toolbar): one Tab stop for the whole group, the
 * arrow keys, Home and End to move within it (WAI-ARIA's toolbar pattern).
 */
import { useCallback, useState, type FocusEvent, type KeyboardEvent } from 'react';

/** The keys that move focus, and where to. */
const STEPS: Readonly<Record<string, (at: number, count: number) => number>> = {
  ArrowDown: (at, n) => (at + 1) % n,
  ArrowRight: (at, n) => (at + 1) % n,
  ArrowUp: (at, n) => (at - 1 + n) % n,
  ArrowLeft: (at, n) => (at - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** What {@link useRovingFocus} gives: the tab index of each control, and the group's handlers. */
export interface RovingFocus {
  /** 0 for the control that is the group's Tab stop, -1 for the others. */
  readonly tabIndexOf: (index: number) => 0 | -1;
  /** On the group: the arrow keys, Home and End move focus among its buttons. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** On the group: the control focused (by click or key) becomes the Tab stop. */
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
}

/** The group's buttons, in order. */
function buttonsOf(group: HTMLElement): HTMLButtonElement[] {
  return [...group.querySelectorAll<HTMLButtonElement>('button')];
}

/**
 * One Tab stop for a group of buttons: the first, or the last one focused.
 *
 * @example const roving = useRovingFocus(); <div role="toolbar" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}><button tabIndex={roving.tabIndexOf(0)} /></div>
 */
export function useRovingFocus(): RovingFocus {
  const [active, setActive] = useState(0);
  const tabIndexOf = useCallback((index: number) => (index === active ? 0 : -1), [active]);
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    const step = STEPS[event.key];
    if (!step || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const buttons = buttonsOf(event.currentTarget);
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0 || buttons.length < 2) return;
    event.preventDefault();
    const next = step(at, buttons.length);
    setActive(next);
    buttons[next]?.focus();
  }, []);
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const at = buttonsOf(event.currentTarget).indexOf(event.target as HTMLButtonElement);
    if (at >= 0) setActive(at);
  }, []);
  return { tabIndexOf, onKeyDown, onFocus };
}
