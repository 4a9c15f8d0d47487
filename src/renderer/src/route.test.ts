import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLink, formatRoute, parseLink, parseRoute, type Route } from './route';
import { PASSAGE_KINDS } from '../../shared/model';

describe('parseRoute', () => {
  it('reads the library from an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#section-lead')).toEqual({ name: 'home' });
    expect(parseRoute('#/article/')).toEqual({ name: 'home' });
    expect(parseRoute('#/article/a/b/c')).toEqual({ name: 'home' });
    expect(parseRoute('#/article/a/section/')).toEqual({ name: 'home' });
    expect(parseRoute('#/article/a/b/c/d')).toEqual({ name: 'home' });
    expect(parseRoute('#/article/%E0%A4%A')).toEqual({ name: 'home' });
  });

  it('reads an article and an optional passage', () => {
    expect(parseRoute('#/article/sleep')).toEqual({ name: 'article', articleId: 'sleep' });
    expect(parseRoute('#/article/sleep/')).toEqual({ name: 'article', articleId: 'sleep' });
    expect(parseRoute('#/article/sleep/lead-2')).toEqual({ name: 'article', articleId: 'sleep', passageId: 'lead-2' });
  });

  it('reads a section, apart from a passage that happens to be called "section"', () => {
    expect(parseRoute('#/article/sleep/section/dosage')).toEqual({ name: 'article', articleId: 'sleep', sectionId: 'dosage' });
    expect(parseRoute('#/article/sleep/section')).toEqual({ name: 'article', articleId: 'sleep', passageId: 'section' });
  });
});

describe('formatRoute', () => {
  it('round-trips through parseRoute', () => {
    for (const route of [
      { name: 'home' } as const,
      { name: 'article', articleId: 'baclofen-sleep-aid' } as const,
      { name: 'article', articleId: 'a b/c', passageId: 'comment-x/1' } as const,
      { name: 'article', articleId: 'a', sectionId: 'section/x y' } as const,
    ]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });

  it('round-trips a results page with its filters, for any query as typed', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((q) => q.trim() !== ''), // as typed: a trailing space is kept
        fc.nat(10_000),
        fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
        fc.subarray([...PASSAGE_KINDS]),
        (query, offset, articleIds, kinds) => {
          const route: Route = {
            name: 'results',
            query,
            ...(offset > 0 && { offset }),
            ...(articleIds.length > 0 && { articleIds }),
            ...(kinds.length > 0 && { kinds }),
          };
          expect(parseRoute(formatRoute(route))).toEqual(route);
        },
      ),
    );
  });

  it('reads a results address without a query as the library, and ignores unknown kinds', () => {
    expect(parseRoute('#/search?q=%20')).toEqual({ name: 'home' });
    expect(parseRoute('#/search?q=dry+mouth&kind=nope&offset=-3')).toEqual({ name: 'results', query: 'dry mouth' });
  });

  it('writes the documented address forms', () => {
    expect(formatRoute({ name: 'results', query: 'dry mouth', offset: 50, kinds: ['comment'] })).toBe('#/search?q=dry+mouth&offset=50&kind=comment');
    expect(formatRoute({ name: 'article', articleId: 'sleep', passageId: 'p-1' })).toBe('#/article/sleep/p-1');
  });
});

const routes: fc.Arbitrary<Route> = fc.oneof(
  fc.constant<Route>({ name: 'home' }),
  fc.record({ name: fc.constant('article' as const), articleId: fc.string({ minLength: 1 }) }),
  fc.record({ name: fc.constant('article' as const), articleId: fc.string({ minLength: 1 }), passageId: fc.string({ minLength: 1 }) }),
  fc.record({ name: fc.constant('article' as const), articleId: fc.string({ minLength: 1 }), sectionId: fc.string({ minLength: 1 }) }),
);

describe('formatLink', () => {
  it('writes quire:// links that parseLink reads back, for any ids', () => {
    fc.assert(
      fc.property(routes, (route) => {
        const link = formatLink(route);
        expect(link.startsWith('quire://')).toBe(true);
        expect(parseLink(link)).toEqual(route.name === 'home' ? undefined : route);
      }),
    );
  });

  it('writes the documented link forms', () => {
    expect(formatLink({ name: 'article', articleId: 'sleep', passageId: 'p-1' })).toBe('quire://article/sleep/p-1');
    expect(formatLink({ name: 'article', articleId: 'sleep', sectionId: 's' })).toBe('quire://article/sleep/section/s');
  });
});

describe('parseLink', () => {
  it('accepts a pasted link with spaces or angle brackets around it', () => {
    expect(parseLink('  <quire://article/sleep/p-1>\n')).toEqual({ name: 'article', articleId: 'sleep', passageId: 'p-1' });
    expect(parseLink('QUIRE://article/sleep')).toEqual({ name: 'article', articleId: 'sleep' });
  });

  it('refuses anything else', () => {
    for (const text of ['quire://', 'quire://home', 'https://article/sleep', 'see quire://article/sleep', 'quire://article/', 'baclofen sleep']) {
      expect(parseLink(text)).toBeUndefined();
    }
  });
});
