/**
 * Open and close a drawer: a panel shown by a toggle button (a disclosure), such as the library
 * on windows too narrow for its sidebar.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** What a drawer's toggle and panel need. */
export interface Drawer<B extends HTMLElement, P extends HTMLElement> {
  /** Whether the panel shows. */
  readonly open: boolean;
  /** Open it (focus moves into the panel) or close it (focus stays where it is). */
  readonly toggle: () => void;
  /** Close it; with `returnFocus`, focus goes back to the toggle. */
  readonly close: (returnFocus?: boolean) => void;
  /** The toggle button. */
  readonly buttonRef: RefObject<B | null>;
  /** The panel. */
  readonly panelRef: RefObject<P | null>;
}

/**
 * The element that takes focus when the panel opens: the current item, else the first link (the
 * first article, past the buttons that add more), else the first button.
 */
function landing(panel: HTMLElement): HTMLElement | null {
  return (
    panel.querySelector<HTMLElement>('[aria-current]') ?? panel.querySelector<HTMLElement>('a[href]') ?? panel.querySelector<HTMLElement>('button:not(:disabled)')
  );
}

/**
 * A drawer's state. While it is open, Escape (from the panel or its toggle) closes it and puts
 * focus back on the toggle; a click outside both, or focus moving outside both, closes it.
 *
 * @example const library = useDrawer<HTMLButtonElement, HTMLDivElement>();
 */
export function useDrawer<B extends HTMLElement, P extends HTMLElement>(): Drawer<B, P> {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<B>(null);
  const panelRef = useRef<P>(null);
  const close = useCallback((returnFocus = false) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);
  const toggle = useCallback(() => setOpen((o) => !o), []);

  useEffect(() => {
    const panel = panelRef.current;
    if (!open || !panel) return;
    landing(panel)?.focus({ preventScroll: true });
    const inside = (node: EventTarget | null): boolean =>
      node instanceof Node && (panel.contains(node) || buttonRef.current?.contains(node) === true);
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || !inside(event.target)) return;
      event.preventDefault();
      close(true);
    };
    const onPointerDown = (event: PointerEvent): void => {
      if (!inside(event.target)) close();
    };
    const onFocusIn = (event: FocusEvent): void => {
      if (!inside(event.target)) close();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open, close]);

  return { open, toggle, close, buttonRef, panelRef };
}
