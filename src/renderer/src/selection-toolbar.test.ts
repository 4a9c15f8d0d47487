import { describe, expect, it } from 'vitest';
import { placeToolbar, TOOLBAR_GAP, type Box, type Placement } from './selection-toolbar';

const WIDE = { width: 1280, height: 800, top: 56 };
const NARROW = { width: 390, height: 800, top: 56 };
const TOOLBAR = { width: 420, height: 40 };

/** One line of words at y, x. */
function line(top: number, left: number, width = 120): Box {
  return { top, left, width, height: 24 };
}

/** The toolbar's box where it is placed beside the words. */
function boxOf(p: Placement): Box {
  if (p.kind !== 'beside') throw new Error(`expected the toolbar beside the words, got ${JSON.stringify(p)}`);
  return { top: p.top, left: p.left, width: TOOLBAR.width, height: TOOLBAR.height };
}

/** Whether two boxes share any pixel. */
function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('placeToolbar', () => {
  it('goes above the words, centred on them, off them', () => {
    const words = line(400, 500);
    const p = placeToolbar(words, words, TOOLBAR, WIDE);
    expect(p).toMatchObject({ kind: 'beside', side: 'above' });
    const box = boxOf(p);
    expect(box.top + box.height).toBeLessThanOrEqual(words.top - TOOLBAR_GAP);
    expect(box.left + box.width / 2).toBe(words.left + words.width / 2);
  });

  it('flips below the last line when there is no room above under the header', () => {
    const first = line(70, 300);
    const last = line(130, 200);
    const p = placeToolbar(first, last, TOOLBAR, WIDE);
    expect(p).toMatchObject({ kind: 'beside', side: 'below' });
    const box = boxOf(p);
    expect(box.top).toBe(last.top + last.height + TOOLBAR_GAP);
    expect(overlaps(box, first) || overlaps(box, last)).toBe(false);
  });

  it('stays inside the view at either edge', () => {
    for (const words of [line(400, 0, 30), line(400, 1260, 20)]) {
      const box = boxOf(placeToolbar(words, words, TOOLBAR, WIDE));
      expect(box.left).toBeGreaterThanOrEqual(TOOLBAR_GAP);
      expect(box.left + box.width).toBeLessThanOrEqual(WIDE.width - TOOLBAR_GAP);
    }
  });

  it('docks to the bottom of a narrow window, and to the top when the words are down there', () => {
    expect(placeToolbar(line(300, 20), line(300, 20), TOOLBAR, NARROW)).toEqual({ kind: 'docked', edge: 'bottom' });
    expect(placeToolbar(line(760, 20), line(760, 20), TOOLBAR, NARROW)).toEqual({ kind: 'docked', edge: 'top' });
  });

  it('docks when the words fill the view above and below', () => {
    expect(placeToolbar(line(60, 20), line(780, 20), TOOLBAR, WIDE)).toEqual({ kind: 'docked', edge: 'bottom' });
  });
});
