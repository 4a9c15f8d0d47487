/**
 * Where the selection toolbar goes: beside the words selected, above them, or below them when
 * there is no room above (near the top of the view, under the header), always inside the view,
 * never over the words. On a narrow window it docks to the bottom of the view (or, when the words
 * are down there, to the top, under the header).
 */

/** A box on screen, in CSS pixels from the view's top left (as getBoundingClientRect gives). */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

/** Where the toolbar is drawn: beside the words, or docked to an edge of the view (full width). */
export type Placement =
  | { readonly kind: 'beside'; readonly top: number; readonly left: number; readonly side: 'above' | 'below' }
  | { readonly kind: 'docked'; readonly edge: 'bottom' | 'top' };

/** The view: its size, and where its content starts (under the sticky header). */
export interface View {
  readonly width: number;
  readonly height: number;
  readonly top: number;
}

/** The space kept between the toolbar and the words, and between it and the view's edges. */
export const TOOLBAR_GAP = 8;
/** Windows narrower than this dock the toolbar instead of floating it beside the words. */
export const DOCK_BELOW = 600;

/**
 * Where to draw a toolbar of size `toolbar` for words whose first line is `first` and last line
 * is `last` (the same box for one line).
 *
 * @example placeToolbar({ top: 300, left: 100, width: 80, height: 20 }, same, { width: 300, height: 40 }, { width: 1280, height: 800, top: 56 })
 */
export function placeToolbar(first: Box, last: Box, toolbar: { width: number; height: number }, view: View): Placement {
  const lastBottom = last.top + last.height;
  if (view.width < DOCK_BELOW) {
    // At the bottom, unless the words reach down under it.
    return { kind: 'docked', edge: lastBottom > view.height - toolbar.height - TOOLBAR_GAP ? 'top' : 'bottom' };
  }
  const clampLeft = (x: number): number => Math.max(TOOLBAR_GAP, Math.min(x, view.width - toolbar.width - TOOLBAR_GAP));
  const above = first.top - TOOLBAR_GAP - toolbar.height;
  if (above >= view.top + TOOLBAR_GAP) {
    return { kind: 'beside', side: 'above', top: above, left: clampLeft(first.left + first.width / 2 - toolbar.width / 2) };
  }
  const below = lastBottom + TOOLBAR_GAP;
  if (below + toolbar.height <= view.height - TOOLBAR_GAP) {
    return { kind: 'beside', side: 'below', top: below, left: clampLeft(last.left + last.width / 2 - toolbar.width / 2) };
  }
  // Words taller than the view: beside them is on them, so dock where the fewest of them are.
  return { kind: 'docked', edge: 'bottom' };
}
