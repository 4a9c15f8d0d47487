import { describe, expect, it } from 'vitest';
import { paintedKeystrokes } from './paint';

describe('paintedKeystrokes', () => {
  it('skips keys that leave the trimmed text unchanged', () => {
    expect(paintedKeystrokes('dry m')).toEqual(['d', 'dr', 'dry', 'dry m']);
    expect(paintedKeystrokes('a  b')).toEqual(['a', 'a  b']);
    expect(paintedKeystrokes(' x')).toEqual([' x']);
  });
});
