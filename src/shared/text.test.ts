import { describe, expect, it } from 'vitest';
import { foldWord, slugify, termOf, tokenize, tokenizeWithOffsets, truncate } from './text';

describe('foldWord', () => {
  it('folds case, diacritics, apostrophe variants and the possessive', () => {
    expect(['Sjögren’s', "Sjögren's", 'SJOGREN', 'sjögren'].map(foldWord)).toEqual(['sjogren', 'sjogren', 'sjogren', 'sjogren']);
    expect(foldWord('don’t')).toBe('dont');
  });
});

describe('termOf', () => {
  it('stems inflections together (Porter2)', () => {
    expect(new Set(['sedative', 'sedating', 'sedatives', 'sedation'].map(termOf)).size).toBe(1);
    expect(new Set(['swallow', 'swallowing', 'swallows', 'Swallowed'].map(termOf)).size).toBe(1);
    expect(termOf('Sjogrens')).toBe(termOf('Sjögren’s'));
  });
  it('drops stop words and keeps numbers whole', () => {
    expect(['the', 'and', 'with', 'of'].map(termOf)).toEqual([null, null, null, null]);
    expect(termOf('5mg')).toBe('5mg');
    expect(termOf('2018')).toBe('2018');
  });
});

describe('tokenize', () => {
  it('keeps apostrophes inside words and reports offsets', () => {
    expect(tokenize('Sjögren’s dry-mouth, 10-20 mg')).toEqual(['Sjögren’s', 'dry', 'mouth', '10', '20', 'mg']);
    const text = 'A “quoted” word';
    for (const t of tokenizeWithOffsets(text)) expect(text.slice(t.start, t.end)).toBe(t.word);
  });
});

describe('slugify', () => {
  it('makes stable ids from headings', () => {
    expect(slugify('What is Sjögren’s Syndrome?')).toBe('what-is-sjogren-s-syndrome');
  });
});

describe('truncate', () => {
  it('keeps a short text whole, its spaces folded', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate(' two\n  words ', 10)).toBe('two words');
  });
  it('cuts at the last space before the limit, with an ellipsis, never inside a word', () => {
    expect(truncate('the  quick brown fox', 12)).toBe('the quick…');
    expect(truncate('Most people tolerate baclofen', 24)).toBe('Most people tolerate…');
    expect(truncate('dizziness, drowsiness', 15)).toBe('dizziness…');
  });
  it('keeps a first word longer than the limit whole', () => {
    expect(truncate('pneumonoultramicroscopic silicovolcanoconiosis', 10)).toBe('pneumonoultramicroscopic…');
    expect(truncate('pneumonoultramicroscopicsilicovolcanoconiosis', 10)).toBe('pneumonoultramicroscopicsilicovolcanoconiosis');
  });
  it('never changes a word it keeps', () => {
    const text = 'Baclofen may cause drowsiness, dizziness or weakness; these usually ease within a week or two.';
    for (let max = 1; max <= text.length + 1; max++) {
      const cut = truncate(text, max).replace(/…$/, '');
      expect(text.startsWith(cut)).toBe(true);
      expect(text.length === cut.length || /[\s,;:]/.test(text.charAt(cut.length))).toBe(true);
    }
  });
});
