import { describe, expect, it } from 'vitest';
import { foldWord, slugify, termOf, tokenize, tokenizeWithOffsets } from './text';

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
