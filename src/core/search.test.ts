import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary, type LoadedLibrary } from './build';
import { BUNDLED_CONTENT, ROOT } from './paths';
import { loadIndex, makeSnippet, search, SNIPPET_LENGTH } from './search';
import { termOf } from './text';

let loaded: LoadedLibrary;
beforeAll(async () => {
  loaded = await buildLibrary(BUNDLED_CONTENT);
});
const find = (q: string, limit = 10) => search(loaded, q, { limit });

interface RelevanceCases {
  readonly k: number;
  readonly cases: readonly { q: string; expect: readonly (readonly string[])[] }[];
}
const relevance = JSON.parse(readFileSync(join(ROOT, 'src/core/fixtures/relevance/queries.json'), 'utf8')) as RelevanceCases;
// As the cases define matching: case-insensitive, punctuation, quotes and whitespace ignored.
const loose = (s: string): string => s.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');

describe('search relevance (shared/relevance/queries.json)', () => {
  it.each(relevance.cases)('finds an expected passage for $q within the first k results', ({ q, expect: alternatives }) => {
    const top = find(q, relevance.k).results.map((r) => loose(r.text));
    const hit = alternatives.some((all) => top.some((text) => all.every((s) => text.includes(loose(s)))));
    expect(hit, `top ${relevance.k} for "${q}":\n${top.join('\n')}`).toBe(true);
  });
});

describe('search', () => {
  it('answers per passage with article and section titles, best first', () => {
    const { results } = find('pilocarpine');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]).toMatchObject({ articleId: 'baclofen-sjogrens-syndrome', kind: expect.any(String) });
    expect(results[0]?.text).toContain('ilocarpine');
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('folds case and diacritics', () => {
    const a = find('SJOGREN').results.map((r) => r.passageId);
    const b = find('sjögren').results.map((r) => r.passageId);
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it('tolerates a typo in a long word and matches the prefix of a word being typed', () => {
    expect(find('hallucinatons').results[0]?.text).toContain('hallucinations');
    expect(find('cevim').results[0]?.text).toContain('cevimeline');
  });

  it('finds reader comments and returns their full text', () => {
    const hit = find('pickle juice').results[0];
    expect(hit?.kind).toBe('comment');
    expect(hit?.sectionTitle).toBe('Reader comments');
    expect(hit?.text).toContain('I also tried drinking pickle juice for my dry mouth.');
  });

  it('returns nothing for an empty or unmatched query, and respects the limit', () => {
    expect(find('   ').results).toEqual([]);
    expect(find('xylophonequartz').results).toEqual([]);
    expect(find('baclofen', 3).results).toHaveLength(3);
    expect(find('baclofen', 3).total).toBeGreaterThan(3);
  });

  it('gives the same answers from a serialized and reloaded index', () => {
    const reloaded = loadIndex(JSON.stringify(loaded.index));
    for (const q of ['dry mouth', 'swalowing', 'sjogren', 'taper']) {
      expect(search({ ...loaded, index: reloaded }, q).results).toEqual(find(q, 20).results);
    }
  });
});

describe('makeSnippet', () => {
  it('marks every matched word of a short text', () => {
    const { snippet, highlights } = makeSnippet('Dry mouth, dry eyes.', new Set([termOf('dry')!]));
    expect(snippet).toBe('Dry mouth, dry eyes.');
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['Dry', 'dry']);
  });

  it('cuts a long text around the match, on word boundaries, with ellipses', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
    words[80] = 'needle';
    const { snippet, highlights } = makeSnippet(words.join(' '), new Set([termOf('needle')!]));
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 4);
    expect(snippet.startsWith('… word')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['needle']);
  });
});
