import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';

const words = (q: string) => parseQuery(q).clauses.map((c) => c.alternatives.map((a) => (a.quoted ? `"${a.words.join(' ')}"` : a.words.join(' '))).join(' | '));

describe('parseQuery', () => {
  it('reads words, phrases, exclusions, OR and scopes', () => {
    const p = parseQuery('dry "muscle relaxant" -botox taper OR wean article:sleep in:faq in:comments');
    expect(words('dry "muscle relaxant" -botox taper OR wean article:sleep in:faq in:comments')).toEqual(['dry', '"muscle relaxant"', 'taper | wean']);
    expect(p.excludes).toEqual([['botox']]);
    expect(p.articles).toEqual(['sleep']);
    expect(p.scopes).toEqual(['faq', 'comments']);
  });

  it('marks the last word as being typed only when nothing follows it', () => {
    expect(parseQuery('dry mou').typing).toBe(true);
    expect(parseQuery('dry mouth ').typing).toBe(false);
    expect(parseQuery('"dry mouth"').typing).toBe(false);
  });

  it('degrades malformed input to plain words', () => {
    expect(words('"unbalanced quote')).toEqual(['unbalanced', 'quote']);
    expect(words('- lone dash')).toEqual(['lone', 'dash']);
    expect(words('OR sleep OR')).toEqual(['sleep']);
    expect(words('in:nowhere sleep')).toEqual(['in nowhere', 'sleep']);
    expect(words('((sleep)) [a-z]+ .*')).toEqual(['sleep', 'a z']);
    expect(parseQuery('-"negated phrase" x').excludes).toEqual([['negated', 'phrase']]);
  });

  it('never throws, whatever the input (property)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.string({ unit: fc.constantFrom('"', '-', ' ', 'O', 'R', ':', 'in', 'article', '\\', '(', '*', '?', '[', '$', '\uD800', '\uDFFF', 'é'), maxLength: 200 }),
    );
    fc.assert(
      fc.property(hostile, (q) => {
        const p = parseQuery(q);
        expect(Array.isArray(p.clauses)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(() => parseQuery('a'.repeat(100_000))).not.toThrow();
    expect(() => parseQuery('"'.repeat(100_000))).not.toThrow();
  });
});
