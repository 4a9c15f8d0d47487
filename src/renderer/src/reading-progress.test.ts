import { describe, expect, it } from 'vitest';
import { readingMinutes } from './format';
import { minutesLeft, percentOf, scrollFraction } from './reading-progress';

describe('scrollFraction', () => {
  it('is 0 at the top, 1 once the end is in view, and in between on the way', () => {
    expect(scrollFraction(0, 3000, 1000)).toBe(0);
    expect(scrollFraction(200, 3000, 1000)).toBe(0);
    expect(scrollFraction(-1000, 3000, 1000)).toBe(0.5);
    expect(scrollFraction(-2000, 3000, 1000)).toBe(1);
    expect(scrollFraction(-2500, 3000, 1000)).toBe(1);
  });

  it('is 1 for an element that fits in the view', () => {
    expect(scrollFraction(0, 800, 1000)).toBe(1);
  });
});

describe('minutesLeft', () => {
  it('counts the words not yet read at 230 a minute, as the reading time rounds, 0 only at the end', () => {
    expect(minutesLeft(2300, 0)).toBe(10);
    expect(minutesLeft(1385, 0)).toBe(readingMinutes(1385));
    expect(minutesLeft(2300, 0.5)).toBe(5);
    expect(minutesLeft(2300, 0.56)).toBe(4);
    expect(minutesLeft(2300, 0.99)).toBe(1);
    expect(minutesLeft(2300, 1)).toBe(0);
  });
});

describe('percentOf', () => {
  it('is a whole percentage, 100 only at the very end', () => {
    expect(percentOf(0)).toBe(0);
    expect(percentOf(0.426)).toBe(42);
    expect(percentOf(0.999)).toBe(99);
    expect(percentOf(1)).toBe(100);
  });
});
