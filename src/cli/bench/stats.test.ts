import { describe, expect, it } from 'vitest';
import { median, percentile, percentiles } from './stats';

describe('percentile', () => {
  it('uses the nearest rank over 1..100', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // unsorted on purpose
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
  });

  it('is always a measured value', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([10, 20], 95)).toBe(20);
    expect(percentile([5], 99)).toBe(5);
  });

  it('does not reorder the samples it is given', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('rejects no samples and percentiles out of range', () => {
    expect(() => percentile([], 50)).toThrow('bench: percentile of no samples');
    expect(() => percentile([1], 0)).toThrow(/^bench: /);
    expect(() => percentile([1], 101)).toThrow(/^bench: /);
  });
});

describe('percentiles', () => {
  it('gives p50, p95 and p99 rounded to microseconds', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => (i + 1) / 3);
    expect(percentiles(samples)).toEqual({ p50Ms: 166.667, p95Ms: 316.667, p99Ms: 330 });
  });
});

describe('median', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/^bench: /);
  });
});
