import { describe, expect, it } from 'vitest';
import { citedSource, formatDate, formatDateTime, formatShortDate, plural, readingMinutes } from './format';

describe('formatDate', () => {
  it('writes day, month name and year whatever the time zone', () => {
    expect(formatDate('2025-11-18')).toBe('18 November 2025');
    expect(formatDate('2025-01-01')).toBe('1 January 2025');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('formatShortDate', () => {
  it('abbreviates the month', () => {
    expect(formatShortDate('2025-11-18')).toBe('18 Nov 2025');
  });
});

describe('formatDateTime', () => {
  it('keeps the wall-clock time as written', () => {
    expect(formatDateTime('2025-11-20T07:08')).toBe('20 November 2025 at 07:08');
  });
});

describe('readingMinutes', () => {
  it('rounds at 230 words a minute, never below one', () => {
    expect(readingMinutes(1342)).toBe(6);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(0)).toBe(1);
  });
});

describe('plural', () => {
  it('picks the form for the count', () => {
    expect(plural(1, 'result')).toBe('1 result');
    expect(plural(1422, 'word')).toBe('1,422 words');
  });
});

describe('citedSource', () => {
  it('names author and publication where known, and says so where neither is', () => {
    expect(citedSource({ author: 'Jane Doe', source: 'Healthline' })).toBe('Jane Doe, Healthline');
    expect(citedSource({ source: 'Healthline' })).toBe('Healthline');
    expect(citedSource({ author: 'Jane Doe' })).toBe('Jane Doe');
    expect(citedSource({})).toBe('not recorded');
  });
});
