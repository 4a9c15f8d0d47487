import { describe, expect, it } from 'vitest';
import { splitSnippet } from './highlight';

const join = (parts: ReturnType<typeof splitSnippet>): string =>
  parts.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

describe('splitSnippet', () => {
  it('marks the given ranges', () => {
    expect(join(splitSnippet('drinking pickle juice for', [[9, 15], [16, 21]]))).toBe('drinking [pickle] [juice] for');
  });

  it('sorts, merges and clamps ranges', () => {
    expect(join(splitSnippet('abcdef', [[4, 99], [0, 2], [1, 3], [-5, 0], [3, 3]]))).toBe('[abc]d[ef]');
  });

  it('keeps every character exactly once', () => {
    const text = '… someone said ‘reduce inflammation.’ I also tried';
    const parts = splitSnippet(text, [[2, 9], [40, 44]]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('returns the whole text unmarked without ranges', () => {
    expect(splitSnippet('plain', [])).toEqual([{ text: 'plain', marked: false }]);
    expect(splitSnippet('', [[0, 3]])).toEqual([]);
  });
});
