import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUriPart, formatLink, parseLink, parsePlacePath, placePath, type Place } from './links';

/** A place with ids of any well-formed text (a link carries ids as UTF-8). */
const places: fc.Arbitrary<Place> = fc.oneof(
  fc.record({ articleId: fc.string({ unit: 'grapheme', minLength: 1 }) }),
  fc.record({ articleId: fc.string({ unit: 'grapheme', minLength: 1 }), passageId: fc.string({ unit: 'grapheme', minLength: 1 }) }),
  fc.record({ articleId: fc.string({ unit: 'grapheme', minLength: 1 }), sectionId: fc.string({ unit: 'grapheme', minLength: 1 }) }),
);

describe('formatLink and parseLink', () => {
  it('write the documented forms', () => {
    expect(formatLink({ articleId: 'sleep' })).toBe('quire://article/sleep');
    expect(formatLink({ articleId: 'sleep', passageId: 'p-1' })).toBe('quire://article/sleep/p-1');
    expect(formatLink({ articleId: 'sleep', sectionId: 'dose' })).toBe('quire://article/sleep/section/dose');
    expect(formatLink({ articleId: 'a b', passageId: 'x(1)/y' })).toBe('quire://article/a%20b/x%281%29%2Fy');
  });

  it('read back every place they write, whatever its ids hold (property)', () => {
    fc.assert(
      fc.property(places, (place) => {
        const link = formatLink(place);
        expect(link).toMatch(/^quire:\/\/article\/[A-Za-z0-9\-._~%]+(?:\/(?:section\/)?[A-Za-z0-9\-._~%]+)?$/);
        expect(parseLink(link)).toEqual(place);
        expect(parsePlacePath(placePath(place))).toEqual(place);
      }),
    );
  });

  it('tell a section from a passage that happens to be called "section", and refuse what is no place', () => {
    expect(parseLink('quire://article/sleep/section')).toEqual({ articleId: 'sleep', passageId: 'section' });
    for (const text of ['quire://article/', 'quire://article/a/b/c', 'quire://article/a/section/', 'quire://article/%E0%A4%A', 'quire:#/article/a']) {
      expect(parseLink(text)).toBeUndefined();
    }
  });
});

describe('encodeUriPart', () => {
  it("encodes all but RFC 3986's unreserved characters, and a lone surrogate as U+FFFD", () => {
    expect(encodeUriPart("a-b._~!'()*")).toBe('a-b._~%21%27%28%29%2A');
    expect(encodeUriPart('\ud800x')).toBe('%EF%BF%BDx');
  });
});
