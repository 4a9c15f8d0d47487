import { describe, expect, it } from 'vitest';
import { placePopover, POPOVER_GAP, stackNotes } from './note-layout';

const visible = (width: number) => ({ left: 0, top: 0, width, height: 800 });

describe('placePopover', () => {
  it('goes beside the anchor, tops aligned, when it fits before the end of the window', () => {
    const anchor = { left: 100, top: 500, width: 600, height: 80 };
    expect(placePopover(anchor, visible(1280), 352, 288)).toEqual({ left: 700 + POPOVER_GAP, top: 500, width: 352, side: 'beside' });
  });

  it('is narrower beside the anchor when that is all the room there is, down to its least width', () => {
    const anchor = { left: 100, top: 500, width: 600, height: 80 };
    expect(placePopover(anchor, visible(700 + 2 * POPOVER_GAP + 300), 352, 288)).toMatchObject({ side: 'beside', width: 300 });
  });

  it('goes under the anchor when the room beside it is a pixel short of its least width', () => {
    const anchor = { left: 100, top: 500, width: 600, height: 80 };
    const exact = 700 + 2 * POPOVER_GAP + 288;
    expect(placePopover(anchor, visible(exact), 352, 288).side).toBe('beside');
    expect(placePopover(anchor, visible(exact - 1), 352, 288)).toMatchObject({ side: 'under', top: 580 + POPOVER_GAP });
  });

  it('takes the whole width of a narrow window, inside its edges', () => {
    const anchor = { left: 30, top: 10, width: 352, height: 80 };
    const place = placePopover(anchor, visible(320), 352, 288);
    expect(place).toEqual({ left: POPOVER_GAP, top: 90 + POPOVER_GAP, width: 320 - 2 * POPOVER_GAP, side: 'under' });
  });

  it('is moved in from the end of the window when a short anchor sits near it', () => {
    const anchor = { left: 700, top: 0, width: 40, height: 20 };
    const place = placePopover(anchor, visible(800), 352, 288);
    expect(place.width).toBe(352);
    expect(place.left + place.width).toBe(800 - POPOVER_GAP);
  });

  it('is as wide as a wide anchor it goes under', () => {
    const anchor = { left: 50, top: 0, width: 600, height: 20 };
    expect(placePopover(anchor, visible(800), 352, 288)).toMatchObject({ left: 50, width: 600 });
  });

  it('never leaves the window, at any width from 320 to 1920 px', () => {
    for (let w = 320; w <= 1920; w += 37) {
      for (const left of [0, w / 4, w / 2, w - 60]) {
        const place = placePopover({ left, top: 0, width: Math.min(600, w - left), height: 30 }, visible(w), 352, 288);
        expect(place.left).toBeGreaterThanOrEqual(0);
        expect(place.left + place.width).toBeLessThanOrEqual(w);
      }
    }
  });
});

describe('stackNotes', () => {
  it('keeps each note at its wanted top when they do not overlap', () => {
    expect(stackNotes([{ top: 0, height: 40 }, { top: 100, height: 40 }], 8)).toEqual([0, 100]);
  });

  it('pushes a note that would overlap down below the one before, one after another', () => {
    expect(stackNotes([{ top: 0, height: 50 }, { top: 20, height: 30 }, { top: 30, height: 10 }], 8)).toEqual([0, 58, 96]);
  });
});
