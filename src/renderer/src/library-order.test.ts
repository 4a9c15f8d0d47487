import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/model';
import type { ArticlePosition } from '../../shared/positions';
import { hasOwnArticles, isLibrarySort, isOriginFilter, nextArticle, sortArticles, withOrigin, withTopic } from './library-order';

const summary = (id: string, title: string, published: string | undefined, topics: string[] = []): ArticleSummary => ({
  id,
  title,
  ...(published ? { published } : {}),
  source: 'test',
  topics,
  wordCount: 1000,
  commentCount: 0,
});

// The library's own order: newest first, undated last.
const LIBRARY = [
  summary('zinc', 'Zinc and Sleep', '2026-03-01', ['sleep']),
  summary('eczema', 'Éczema at night', '2025-06-01', ['skin', 'sleep']),
  summary('apnoea', 'apnoea explained', '2024-01-01', ['breathing']),
  summary('undated', 'Baths', undefined, ['sleep']),
];
const ids = (list: readonly ArticleSummary[]): string[] => list.map((a) => a.id);
const read = (articleId: string, readAt: string): ArticlePosition => ({ articleId, fraction: 0.5, readAt });

describe('sortArticles', () => {
  it('keeps the library’s order by date, newest first and undated last', () => {
    expect(ids(sortArticles(LIBRARY, 'date'))).toEqual(['zinc', 'eczema', 'apnoea', 'undated']);
  });

  it('orders by title ignoring case and accents', () => {
    expect(ids(sortArticles(LIBRARY, 'title'))).toEqual(['apnoea', 'undated', 'eczema', 'zinc']);
  });

  it('puts the most recently read first, then the unread in the library’s order', () => {
    const positions = [read('apnoea', '2026-12-01T10:00:00Z'), read('undated', '2026-11-30T10:00:00Z')];
    expect(ids(sortArticles(LIBRARY, 'recent', positions))).toEqual(['apnoea', 'undated', 'zinc', 'eczema']);
  });

  it('does not change the list it is given', () => {
    sortArticles(LIBRARY, 'title');
    expect(ids(LIBRARY)).toEqual(['zinc', 'eczema', 'apnoea', 'undated']);
  });
});

describe('withTopic', () => {
  it('keeps the articles with the topic, all of them without one', () => {
    expect(ids(withTopic(LIBRARY, 'sleep'))).toEqual(['zinc', 'eczema', 'undated']);
    expect(ids(withTopic(LIBRARY, undefined))).toEqual(ids(LIBRARY));
  });
});

describe('withOrigin', () => {
  const mine = { ...summary('notes', 'My notes', undefined), origin: 'user' as const };
  const mixed = [{ ...LIBRARY[0]!, origin: 'bundled' as const }, mine, LIBRARY[1]!];

  it('keeps the reader’s own, or the bundled ones (an article of no stated origin among them), or all', () => {
    expect(ids(withOrigin(mixed, 'user'))).toEqual(['notes']);
    expect(ids(withOrigin(mixed, 'bundled'))).toEqual(['zinc', 'eczema']);
    expect(withOrigin(mixed, 'all')).toBe(mixed);
  });

  it('tells whether the reader has articles of their own', () => {
    expect(hasOwnArticles(mixed)).toBe(true);
    expect(hasOwnArticles(LIBRARY)).toBe(false);
  });

  it('reads back only the filters it knows', () => {
    expect(['all', 'user', 'bundled'].every(isOriginFilter)).toBe(true);
    expect(['mine', null, 1].some(isOriginFilter)).toBe(false);
  });
});

describe('nextArticle', () => {
  it('is the next in the library’s order, and none after the last', () => {
    expect(nextArticle(LIBRARY, 'zinc')?.id).toBe('eczema');
    expect(nextArticle(LIBRARY, 'undated')).toBeUndefined();
    expect(nextArticle(LIBRARY, 'unknown')).toBeUndefined();
  });
});

describe('isLibrarySort', () => {
  it('accepts the orders and nothing else', () => {
    expect(['date', 'title', 'recent'].every(isLibrarySort)).toBe(true);
    expect([null, 'Title', 3, undefined].some(isLibrarySort)).toBe(false);
  });
});
