import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOccurrences, findWholeWords, foldText, mergeRanges, type TextRange } from './text-match';

/** The text with each range in brackets, to read results at a glance. */
function show(text: string, ranges: readonly TextRange[]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
    at = e;
  }
  return out + text.slice(at);
}

describe('foldText', () => {
  it('lower-cases, strips accents and straightens quotes', () => {
    expect(foldText('Sjögren’s CAFÉ').folded).toBe("sjogren's cafe");
  });

  it('maps every folded unit back to its source offset', () => {
    const text = 'a\u0308b😀C'; // a + combining diaeresis, an astral character, then upper case
    const { folded, origin } = foldText(text);
    expect(folded).toBe('ab😀c');
    expect(origin).toEqual([0, 2, 3, 3, 5, 6]);
  });
});

describe('mergeRanges', () => {
  it('sorts, merges overlapping and touching ranges, and drops empty ones', () => {
    expect(mergeRanges([[5, 8], [0, 2], [1, 3], [8, 9], [4, 4]])).toEqual([[0, 3], [5, 9]]);
  });
});

describe('findOccurrences', () => {
  it('finds every occurrence regardless of case and accents', () => {
    const text = 'Baclofen helps. BACLOFÈN? baclofen';
    expect(show(text, findOccurrences(text, 'baclofen'))).toBe('[Baclofen] helps. [BACLOFÈN]? [baclofen]');
  });

  it('finds inside words and across punctuation', () => {
    expect(show('re-tapering', findOccurrences('re-tapering', 'e-tap'))).toBe('r[e-tap]ering');
  });

  it('matches accented needles against plain text and curly against straight quotes', () => {
    expect(show('Sjogren’s syndrome', findOccurrences('Sjogren’s syndrome', "sjögren's"))).toBe('[Sjogren’s] syndrome');
  });

  it('does not overlap matches', () => {
    expect(findOccurrences('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
  });

  it('finds nothing for an empty or blank needle', () => {
    expect(findOccurrences('some text', '')).toEqual([]);
    expect(findOccurrences('some text', '   ')).toEqual([]);
  });

  it('returns ranges that hold the needle, ignoring case and accents', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), (text, needle) => {
        for (const [s, e] of findOccurrences(text, needle)) {
          expect(foldText(text.slice(s, e)).folded).toBe(foldText(needle).folded);
        }
      }),
    );
  });
});

describe('findWholeWords', () => {
  it('finds whole words only, in any case', () => {
    const text = 'Taper slowly; tapering helps. TAPER again.';
    expect(show(text, findWholeWords(text, ['taper']))).toBe('[Taper] slowly; tapering helps. [TAPER] again.');
  });

  it('treats punctuation, apostrophes and dashes as word edges', () => {
    const text = "baclofen's effect (baclofen) and pre-baclofen";
    expect(show(text, findWholeWords(text, ['Baclofen']))).toBe("[baclofen]'s effect ([baclofen]) and pre-[baclofen]");
  });

  it('finds several words and merges overlapping matches', () => {
    const text = 'dry mouth and dry-mouth';
    expect(show(text, findWholeWords(text, ['dry', 'mouth', 'dry-mouth']))).toBe('[dry] [mouth] and [dry-mouth]');
  });

  it('ignores accents both ways', () => {
    expect(show('Sjögren and Sjogren', findWholeWords('Sjögren and Sjogren', ['sjogren']))).toBe('[Sjögren] and [Sjogren]');
  });

  it('does not match a word inside a longer one', () => {
    expect(findWholeWords('xerostomia', ['stomia', 'xero'])).toEqual([]);
  });

  it('finds nothing without words', () => {
    expect(findWholeWords('text', [])).toEqual([]);
    expect(findWholeWords('text', [' '])).toEqual([]);
  });
});
