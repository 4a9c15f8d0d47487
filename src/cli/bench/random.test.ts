import { describe, expect, it } from 'vitest';
import { createRandom, weightedSampler, zipfWeights } from './random';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range', () => {
    const r = createRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });
});

describe('weightedSampler', () => {
  it('draws in proportion to the weights and never a zero weight', () => {
    const draw = weightedSampler([3, 0, 1]);
    const r = createRandom(2);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[draw(r)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / counts[2]!).toBeGreaterThan(2.8);
    expect(counts[0]! / counts[2]!).toBeLessThan(3.2);
  });

  it('rejects weights that sum to nothing', () => {
    expect(() => weightedSampler([0, 0])).toThrow(/^bench: /);
    expect(() => weightedSampler([])).toThrow(/^bench: /);
  });
});

describe('zipfWeights', () => {
  it('gives rank r the weight 1 / r^s', () => {
    expect(zipfWeights(3, 1)).toEqual([1, 1 / 2, 1 / 3]);
  });
});
