/**
 * Small imperative DOM moves the declarative views cannot express: bring an element into view,
 * give it focus, and flash it so the eye finds it.
 */

/** How long a landed-on passage stays highlighted, in milliseconds (matches the CSS animation). */
export const FLASH_MS = 2000;
/** The class that highlights a landed-on passage (see styles/base.css). */
export const FLASH_CLASS = 'is-flashing';

const flashTimers = new WeakMap<Element, number>();

/** Whether the reader asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How {@link landOn} moves. */
export interface LandOptions {
  /** Where the element ends up in the viewport (default `center`). */
  readonly block?: ScrollLogicalPosition;
  /** Glide rather than jump (ignored when the reader prefers reduced motion). */
  readonly smooth?: boolean;
  /** What receives focus, when not the element itself (it needs `tabIndex={-1}`). */
  readonly focus?: HTMLElement;
}

/**
 * Scroll an element into view and move keyboard focus to it (it needs `tabIndex={-1}` unless it
 * is focusable already).
 */
export function landOn(element: HTMLElement, options: LandOptions = {}): void {
  const { block = 'center', smooth = false, focus = element } = options;
  element.scrollIntoView({ block, behavior: smooth && !prefersReducedMotion() ? 'smooth' : 'auto' });
  focus.focus({ preventScroll: true });
}

/**
 * Highlight an element for {@link FLASH_MS}; flashing it again restarts the highlight.
 *
 * The class is toggled directly because React never renders it: the element's own class
 * attribute stays React's, and this one is gone before anything could re-render it.
 */
export function flash(element: HTMLElement): void {
  const pending = flashTimers.get(element);
  if (pending !== undefined) window.clearTimeout(pending);
  element.classList.remove(FLASH_CLASS);
  // Reading layout between remove and add restarts the CSS animation.
  void element.offsetWidth;
  element.classList.add(FLASH_CLASS);
  flashTimers.set(
    element,
    window.setTimeout(() => {
      element.classList.remove(FLASH_CLASS);
      flashTimers.delete(element);
    }, FLASH_MS),
  );
}

/** Whether a click on a link should be left to the browser (new tab, new window, download). */
export function isModifiedClick(event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}
