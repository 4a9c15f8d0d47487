import { describe, expect, it } from 'vitest';
import article from '../../../content/baclofen-sleep-aid.md?raw';
import { renderedOffsetOf, textOffsetOf } from './selection-range';

// The DOM half (a selection's range, a highlight's range) runs in Chromium: e2e/highlights.spec.ts.

/** A table as the screen draws it (cells on their own lines) and as its plain text has it. */
const TABLE_RENDERED = '\nDrug\nDose\n\nBaclofen\n10 mg\n';
const TABLE_TEXT = 'Drug | Dose\nBaclofen | 10 mg';

describe('textOffsetOf', () => {
  it('takes a start to the next letter and an end to after the last, never the cell separator', () => {
    const dose = TABLE_RENDERED.indexOf('Dose');
    expect(textOffsetOf(TABLE_RENDERED, TABLE_TEXT, dose, 'start')).toBe(TABLE_TEXT.indexOf('Dose'));
    // The end just after "Drug", before the line break that stands for " | ".
    expect(textOffsetOf(TABLE_RENDERED, TABLE_TEXT, dose - 1, 'end')).toBe('Drug'.length);
  });

  it('keeps offsets within the text for places past the rendered end', () => {
    expect(textOffsetOf(TABLE_RENDERED, TABLE_TEXT, 10_000, 'end')).toBe(TABLE_TEXT.length);
  });
});

describe('renderedOffsetOf', () => {
  it('draws a start at the letter it names, past the line break the screen puts before a cell', () => {
    const at = renderedOffsetOf(TABLE_RENDERED, TABLE_TEXT, TABLE_TEXT.indexOf('Baclofen'), 'start');
    expect(TABLE_RENDERED.slice(at, at + 'Baclofen'.length)).toBe('Baclofen');
  });

  it('draws an end just after the last letter it takes', () => {
    const at = renderedOffsetOf(TABLE_RENDERED, TABLE_TEXT, TABLE_TEXT.indexOf(' | 10'), 'end');
    expect(TABLE_RENDERED.slice(0, at).endsWith('Baclofen')).toBe(true);
  });

  it('is the inverse of textOffsetOf at every letter of a cell table', () => {
    for (let t = 0; t < TABLE_TEXT.length; t++) {
      if (/[\s|]/.test(TABLE_TEXT[t]!)) continue;
      const start = renderedOffsetOf(TABLE_RENDERED, TABLE_TEXT, t, 'start');
      expect(TABLE_RENDERED[start], `letter ${t}`).toBe(TABLE_TEXT[t]);
      expect(textOffsetOf(TABLE_RENDERED, TABLE_TEXT, start, 'start')).toBe(t);
      const end = renderedOffsetOf(TABLE_RENDERED, TABLE_TEXT, t + 1, 'end');
      expect(textOffsetOf(TABLE_RENDERED, TABLE_TEXT, end, 'end')).toBe(t + 1);
    }
  });

  it('round-trips every word of a bundled article drawn with different white space', () => {
    const text = article.split('\n---\n').at(-1)!.replace(/[|\s]+/g, ' ').trim().slice(0, 4_000);
    expect(text.length).toBeGreaterThan(1_000);
    // The screen lays the same words out with line breaks and doubled spaces (the table pipes,
    // which the screen never shows, are left to the table test above).
    const rendered = `\n  ${text.replace(/ /g, '\n  ')}\n`;
    for (const match of text.matchAll(/\S+/g)) {
      const start = renderedOffsetOf(rendered, text, match.index, 'start');
      const end = renderedOffsetOf(rendered, text, match.index + match[0].length, 'end');
      expect(rendered.slice(start, end)).toBe(match[0]);
    }
  });
});
