import { describe, expect, it } from 'vitest';
import { historyKey, isEcho } from './history';

const NONE = { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false };

describe('historyKey', () => {
  it('reads Alt+Left as back and Alt+Right as forward everywhere', () => {
    for (const apple of [false, true]) {
      expect(historyKey({ ...NONE, key: 'ArrowLeft', altKey: true }, apple)).toBe(-1);
      expect(historyKey({ ...NONE, key: 'ArrowRight', altKey: true }, apple)).toBe(1);
    }
  });

  it('reads Cmd+[ and Cmd+] on Apple systems only', () => {
    expect(historyKey({ ...NONE, key: '[', metaKey: true }, true)).toBe(-1);
    expect(historyKey({ ...NONE, key: ']', metaKey: true }, true)).toBe(1);
    expect(historyKey({ ...NONE, key: '[', metaKey: true }, false)).toBeUndefined();
  });

  it('leaves other keys and chords alone', () => {
    expect(historyKey({ ...NONE, key: 'ArrowLeft' }, false)).toBeUndefined();
    expect(historyKey({ ...NONE, key: 'ArrowLeft', altKey: true, shiftKey: true }, false)).toBeUndefined();
    expect(historyKey({ ...NONE, key: 'ArrowLeft', altKey: true, ctrlKey: true }, false)).toBeUndefined();
    expect(historyKey({ ...NONE, key: 'ArrowUp', altKey: true }, false)).toBeUndefined();
    expect(historyKey({ ...NONE, key: '[', metaKey: true, altKey: true }, true)).toBeUndefined();
  });
});

describe('isEcho', () => {
  it('takes one press reported by two sources as one step', () => {
    expect(isEcho({ direction: -1, source: 'key', at: 1000 }, { direction: -1, source: 'menu', at: 1040 })).toBe(true);
    expect(isEcho({ direction: 1, source: 'mouse', at: 1000 }, { direction: 1, source: 'menu', at: 1100 })).toBe(true);
  });

  it('takes quick presses of the same key, other directions and later requests as steps', () => {
    expect(isEcho({ direction: -1, source: 'key', at: 1000 }, { direction: -1, source: 'key', at: 1010 })).toBe(false);
    expect(isEcho({ direction: -1, source: 'key', at: 1000 }, { direction: 1, source: 'menu', at: 1010 })).toBe(false);
    expect(isEcho({ direction: -1, source: 'key', at: 1000 }, { direction: -1, source: 'menu', at: 1200 })).toBe(false);
    expect(isEcho({ direction: 0, at: -Infinity }, { direction: -1, source: 'menu', at: 0 })).toBe(false);
  });
});
