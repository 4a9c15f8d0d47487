import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';

describe('parseRoute', () => {
  it('reads the library from an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#section-lead')).toEqual({ name: 'home' });
    expect(parseRoute('#/article/')).toEqual({ name: 'home' });
    expect(parseRoute('#/article/a/b/c')).toEqual({ name: 'home' });
    expect(parseRoute('#/article/%E0%A4%A')).toEqual({ name: 'home' });
  });

  it('reads an article and an optional passage', () => {
    expect(parseRoute('#/article/sleep')).toEqual({ name: 'article', articleId: 'sleep' });
    expect(parseRoute('#/article/sleep/')).toEqual({ name: 'article', articleId: 'sleep' });
    expect(parseRoute('#/article/sleep/lead-2')).toEqual({ name: 'article', articleId: 'sleep', passageId: 'lead-2' });
  });
});

describe('formatRoute', () => {
  it('round-trips through parseRoute', () => {
    for (const route of [
      { name: 'home' } as const,
      { name: 'article', articleId: 'baclofen-sleep-aid' } as const,
      { name: 'article', articleId: 'a b/c', passageId: 'comment-x/1' } as const,
    ]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });

  it('writes the documented address forms', () => {
    expect(formatRoute({ name: 'article', articleId: 'sleep', passageId: 'p-1' })).toBe('#/article/sleep/p-1');
  });
});
