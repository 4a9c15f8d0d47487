/**
 * Where notes go beside the text: the note popover, beside its passage when there is room and
 * under it otherwise, always inside the window; and the margin notes, each at the top of its
 * passage and pushed down below the one before when they would overlap.
 */

/** A box, in the coordinates of the element that holds the popover or the notes. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Where the popover goes, and whether beside its anchor or under it. */
export interface PopoverPlace {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly side: 'beside' | 'under';
}

/** Space kept between the popover and its anchor, and between it and the window's edges (px). */
export const POPOVER_GAP = 8;

/**
 * Place the popover: beside the anchor (at its inline end, tops aligned) when at least `minWidth`
 * fits between the anchor and the end of the visible area (as wide as fits, up to `width`); else
 * under it, as wide as the anchor (at least `width`), never wider than the visible area, moved in
 * so that it stays inside it.
 *
 * @param anchor the passage or highlight the popover is about
 * @param visible the part of the window it may use: `left` and `width` matter
 * @param width the popover's preferred width
 * @param minWidth the narrowest it may be beside the anchor
 * @example placePopover({ left: 0, top: 0, width: 300, height: 40 }, { left: 0, top: 0, width: 390, height: 800 }, 352, 288)
 *   // { left: 8, top: 48, width: 374, side: 'under' }
 */
export function placePopover(anchor: Box, visible: Box, width: number, minWidth: number): PopoverPlace {
  const end = visible.left + visible.width;
  const anchorEnd = anchor.left + anchor.width;
  const room = end - anchorEnd - 2 * POPOVER_GAP;
  if (room >= minWidth) {
    return { left: anchorEnd + POPOVER_GAP, top: anchor.top, width: Math.min(width, room), side: 'beside' };
  }
  const w = Math.min(Math.max(width, anchor.width), visible.width - 2 * POPOVER_GAP);
  const left = Math.min(Math.max(anchor.left, visible.left + POPOVER_GAP), end - POPOVER_GAP - w);
  return { left, top: anchor.top + anchor.height + POPOVER_GAP, width: w, side: 'under' };
}

/**
 * The tops of the margin notes: each at the top its passage asks for, or just below the note
 * before it when that would overlap. The notes are taken in the order given (the article's).
 *
 * @param wanted each note's wanted top, with its height
 * @param gap the space between two notes
 * @example stackNotes([{ top: 0, height: 50 }, { top: 20, height: 30 }], 8) // [0, 58]
 */
export function stackNotes(wanted: readonly { top: number; height: number }[], gap: number): number[] {
  const tops: number[] = [];
  let bottom = Number.NEGATIVE_INFINITY;
  for (const note of wanted) {
    const top = Math.max(note.top, bottom + gap);
    tops.push(top);
    bottom = top + note.height;
  }
  return tops;
}
