import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { generateQueries, keystrokes, MIN_TYPO_LENGTH, mistype, sentTexts, wordCounts } from './queries';

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const WORDS = wordCounts([
  'Sleep sleep sleep baclofen baclofen muscle swallowing dryness the and of it',
  'Sjögren sleep muscle spasticity placebo',
]);

describe('wordCounts', () => {
  it('counts lower-cased words, most frequent first, without short or function words', () => {
    expect(WORDS.slice(0, 3)).toEqual([
      { word: 'sleep', count: 4 },
      { word: 'baclofen', count: 2 },
      { word: 'muscle', count: 2 },
    ]);
    expect(WORDS.map((w) => w.word)).toContain('sjögren');
    expect(WORDS.map((w) => w.word)).not.toContain('the');
    expect(WORDS.map((w) => w.word)).not.toContain('of');
  });
});

describe('mistype', () => {
  it('makes exactly one edit', () => {
    const r = createRandom(3);
    for (let i = 0; i < 500; i++) {
      const word = r.pick(['swallowing', 'baclofen', 'muscle', 'sleep', 'aabbcc']);
      const typo = mistype(word, r);
      expect(typo).not.toBe(word);
      expect(editDistance(word, typo)).toBe(1);
    }
  });
});

describe('generateQueries', () => {
  it('is deterministic for a seed', () => {
    expect(generateQueries(WORDS, { count: 50, seed: 9 })).toEqual(generateQueries(WORDS, { count: 50, seed: 9 }));
    expect(generateQueries(WORDS, { count: 50, seed: 9 })).not.toEqual(generateQueries(WORDS, { count: 50, seed: 10 }));
  });

  it('draws 1 to 3 distinct words by frequency, and a typo in exactly 20% of queries', () => {
    const queries = generateQueries(WORDS, { count: 1000, seed: 1 });
    expect(queries).toHaveLength(1000);
    expect(queries.filter((q) => q.typo)).toHaveLength(200);
    const known = new Set(WORDS.map((w) => w.word));
    const uses = new Map<string, number>();
    for (const q of queries) {
      const words = q.text.split(' ');
      expect(words.length).toBeGreaterThanOrEqual(1);
      expect(words.length).toBeLessThanOrEqual(3);
      expect(new Set(words).size).toBe(words.length);
      const unknown = words.filter((w) => !known.has(w));
      if (q.typo) {
        expect(unknown).toHaveLength(1);
        expect(WORDS.some((w) => w.word.length >= MIN_TYPO_LENGTH && editDistance(w.word, unknown[0]!) === 1)).toBe(true);
      } else {
        expect(unknown).toEqual([]);
        for (const w of words) uses.set(w, (uses.get(w) ?? 0) + 1);
      }
    }
    // The most frequent word is drawn most often.
    const top = [...uses].sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('sleep');
  });
});

describe('keystrokes', () => {
  it('gives the text after each key, spaces included', () => {
    expect(keystrokes('dry m')).toEqual(['d', 'dr', 'dry', 'dry ', 'dry m']);
    expect(keystrokes('')).toEqual([]);
  });
});

describe('sentTexts', () => {
  it('gives the text as typed after each key, spaces included, never a blank one', () => {
    expect(sentTexts('dry m')).toEqual(['d', 'dr', 'dry', 'dry ', 'dry m']);
    expect(sentTexts(' a  b ')).toEqual([' a', ' a ', ' a  ', ' a  b', ' a  b ']);
    expect(sentTexts('   ')).toEqual([]);
  });
});
