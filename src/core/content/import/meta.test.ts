import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isoDay, titleFromFileName } from './meta';

describe('collapseWhitespace', () => {
  it('makes every run of whitespace one space and trims the ends', () => {
    expect(collapseWhitespace(' a \t\n b\u00a0 ')).toBe('a b');
  });
});

describe('titleFromFileName', () => {
  it('drops folders and the extension and reads underscores and dashes as spaces', () => {
    expect(titleFromFileName('sleep_notes-2024.txt')).toBe('sleep notes 2024');
    expect(titleFromFileName('C:\\Users\\me\\My Book.epub')).toBe('My Book');
    expect(titleFromFileName('notes/a__b--c.md')).toBe('a b c');
    expect(titleFromFileName('v1.2 notes.txt')).toBe('v1.2 notes');
  });

  it('is never empty', () => {
    expect(titleFromFileName('___.md')).toBe('___.md');
    expect(titleFromFileName('.txt')).toBe('.txt');
    expect(titleFromFileName('')).toBe('Untitled');
  });
});

describe('isoDay', () => {
  it('reads a day, or the day of a date and time', () => {
    expect(isoDay('2024-03-05')).toBe('2024-03-05');
    expect(isoDay('2024-03-05T10:00:00+01:00')).toBe('2024-03-05');
    expect(isoDay('2024-03-05 10:00')).toBe('2024-03-05');
  });

  it('leaves out what is not a real calendar day', () => {
    expect(isoDay('2024')).toBeUndefined();
    expect(isoDay('2024-03')).toBeUndefined();
    expect(isoDay('2023-02-29')).toBeUndefined();
    expect(isoDay('March 5, 2024')).toBeUndefined();
    expect(isoDay('2024-03-05x')).toBeUndefined();
  });

  it("leaves out years before 1000, calibre's placeholder for an unknown date", () => {
    expect(isoDay('0101-01-01T00:00:00+00:00')).toBeUndefined();
  });
});
