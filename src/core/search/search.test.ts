import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary, LoadedLibrary } from '../content/build';
import { BUNDLED_CONTENT, ROOT } from '../library/paths';
import fc from 'fast-check';
import { serializeIndex } from './postings';
import { loadIndex, makeSnippet, search, SNIPPET_LENGTH, suggest } from './search';
import { termOf } from '../../shared/text';

let loaded: LoadedLibrary;
beforeAll(async () => {
  loaded = await buildLibrary(BUNDLED_CONTENT);
});
const find = (q: string, limit = 10) => search(loaded, q, { limit });

interface RelevanceCases {
  readonly k: number;
  readonly cases: readonly { q: string; expect: readonly (readonly string[])[] }[];
}
const relevance = JSON.parse(readFileSync(join(ROOT, 'src/core/testing/fixtures/relevance/queries.json'), 'utf8')) as RelevanceCases;
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

  it('gives the same answers from a serialized and reloaded index, in either format', () => {
    for (const json of [serializeIndex(loaded.index), JSON.stringify(loaded.index)]) {
      const reloaded = new LoadedLibrary(loaded.library, loadIndex(json));
      for (const q of ['dry mouth', 'swalowing', 'sjogren', 'taper', 'baclofen -sleep', '"dry mouth" in:comments']) {
        expect(search(reloaded, q)).toEqual(search(loaded, q));
      }
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

describe('search query language', () => {
  const kinds = (q: string) => new Set(find(q, 200).results.map((r) => r.kind));

  it('scopes to comments, body, faq and tables', () => {
    expect(kinds('in:comments taper')).toEqual(new Set(['comment']));
    expect(kinds('in:body taper').has('comment')).toBe(false);
    expect([...kinds('in:faq baclofen')].every((k) => k === 'question' || k === 'answer')).toBe(true);
    expect(kinds('in:table sleep')).toEqual(new Set(['table']));
    expect(find('in:comments', 50).results).toHaveLength(12);
  });

  it('scopes to an article by id or by title words', () => {
    const ids = (q: string) => new Set(find(q, 200).results.map((r) => r.articleId));
    expect(ids('article:baclofen-sleep-aid baclofen')).toEqual(new Set(['baclofen-sleep-aid']));
    expect(ids('article:sjogren baclofen')).toEqual(new Set(['baclofen-sjogrens-syndrome']));
    expect(find('article:nonexistent baclofen').results).toEqual([]);
  });

  it('requires quoted phrases in order and excludes -words', () => {
    const phrase = find('"muscle relaxant"', 50).results;
    expect(phrase.length).toBeGreaterThan(0);
    for (const r of phrase) expect(r.text.toLowerCase()).toMatch(/muscle relaxants?/);
    expect(find('"relaxant muscle"').results).toEqual([]);
    const withBotox = find('injections', 50).results.some((r) => /botox/i.test(r.text));
    expect(withBotox).toBe(true);
    expect(find('injections -botox', 50).results.some((r) => /botox/i.test(r.text))).toBe(false);
    // A word of an article's title excludes only passages whose own text has it.
    const notBaclofen = find('swallowing -baclofen', 50).results;
    expect(notBaclofen.length).toBeGreaterThan(0);
    for (const r of notBaclofen) expect(r.text.toLowerCase()).not.toContain('baclofen');
  });

  it('treats OR as alternatives in one place', () => {
    const either = find('pilocarpine OR zolpidem', 50).results;
    expect(either.some((r) => r.text.includes('ilocarpine'))).toBe(true);
    expect(either.some((r) => r.text.includes('zolpidem'))).toBe(true);
  });

  it('never returns nothing just because one word is missing', () => {
    const r = find('what can I do about a dry mouth xylophone').results;
    expect(r[0]?.text).toMatch(/dry mouth/i);
  });

  it('ranks an exact match above a synonym match', () => {
    const results = find('dysphagia', 200).results;
    const firstExact = results.findIndex((r) => /dysphagia/i.test(r.text));
    const firstSynonymOnly = results.findIndex((r) => !/dysphagia/i.test(r.text) && /swallowing problems|trouble swallowing/i.test(r.text));
    expect(firstExact).toBe(0);
    expect(firstSynonymOnly).toBeGreaterThan(firstExact);
    // Synonyms still find passages that never use the word searched.
    expect(find('renal').results.some((r) => r.text.includes('kidney'))).toBe(true);
    expect(find('Lioresal').results.length).toBeGreaterThan(0);
  });

  it('highlights stemmed, fuzzy and synonym matches in snippets and lists them', () => {
    const hit = find('swalowing', 1).results[0]!;
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e).toLowerCase())).toContain('swallowing');
    expect(hit.matches.map((m) => m.toLowerCase())).toContain('swallowing');
    const renal = find('renal', 20).results.find((r) => r.text.includes('kidney'))!;
    expect(renal.matches).toContain('kidney');
  });

  it('counts hits per article and kind before filters, and filters by them', () => {
    const all = search(loaded, 'baclofen', { limit: 5 });
    const sleep = search(loaded, 'baclofen', { limit: 200, articleIds: ['baclofen-sleep-aid'] });
    expect(all.articles.map((a) => a.key).sort()).toEqual(['baclofen-sjogrens-syndrome', 'baclofen-sleep-aid']);
    expect(sleep.articles).toEqual(all.articles);
    expect(sleep.total).toBe(all.articles.find((a) => a.key === 'baclofen-sleep-aid')?.count);
    expect(new Set(sleep.results.map((r) => r.articleId))).toEqual(new Set(['baclofen-sleep-aid']));
    const comments = search(loaded, 'baclofen', { limit: 200, kinds: ['comment'] });
    expect(comments.total).toBe(all.kinds.find((k) => k.key === 'comment')?.count);
    // Each facet applies the other filter: article counts follow the kind chip.
    expect(comments.articles.reduce((n, a) => n + a.count, 0)).toBe(comments.total);
    expect(sleep.kinds.reduce((n, k) => n + k.count, 0)).toBe(sleep.total);
  });

  it('ranks editorial text above a comment when the match is otherwise equal', () => {
    const results = find('taper', 50).results;
    const firstComment = results.findIndex((r) => r.kind === 'comment');
    expect(results[0]?.kind).not.toBe('comment');
    expect(firstComment).toBeGreaterThan(0);
  });

  it('offers a correction when nothing matches', () => {
    const r = find('pilokarpinnee');
    expect(r.results).toEqual([]);
    expect(r.didYouMean).toBe('pilocarpine');
    expect(find(r.didYouMean!).results.length).toBeGreaterThan(0);
    expect(find('qqqqzzzz').didYouMean).toBeUndefined();
  });
});

describe('suggest', () => {
  it('completes the word being typed with library words, keeping the rest', () => {
    expect(suggest(loaded, 'dry mo')).toContain('dry mouth');
    expect(suggest(loaded, 'pilo')).toEqual(['pilocarpine']);
    expect(suggest(loaded, 'dry mouth ')).toEqual([]);
    expect(suggest(loaded, 'x')).toEqual([]);
  });
});

describe('search robustness', () => {
  it('never throws and always answers, whatever the query (property)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom('"', '-', ' ', 'OR', 'in:', 'article:', '*', '(', '[', '\\', '$', '^', '|', '?', '+', '{', '\uD800', '\uDC00', 'swal', 'dry'), maxLength: 80 }),
    );
    fc.assert(
      fc.property(hostile, (q) => {
        const r = search(loaded, q, { limit: 5 });
        expect(r.results.length).toBeLessThanOrEqual(5);
        suggest(loaded, q);
      }),
      { numRuns: 500 },
    );
  });

  it('answers 100k-character, binary and metacharacter queries', () => {
    for (const q of ['sleep '.repeat(20_000), 'a'.repeat(100_000), '\u0000\u0001\uFFFF\uD800', '.*+?^${}()|[]\\', '"'.repeat(1000)]) {
      expect(() => search(loaded, q)).not.toThrow();
    }
  });
});

describe('results that mean what they say', () => {
  const words = (r: { text: string; sectionPath: readonly string[] }): string => `${r.text} ${r.sectionPath.join(' ')}`.toLowerCase();

  it('counts only passages that match in their own text or heading; a title match is the article, once', () => {
    const r = search(loaded, 'dry mouth', { limit: 200 });
    expect(r.total).toBe(r.results.length);
    for (const hit of r.results) expect(words(hit)).toMatch(/\bdry\b|\bmouth|xerostomia/);
    expect(r.articles.reduce((n, a) => n + a.count, 0)).toBe(r.total);
    expect(r.titles.map((t) => t.articleId)).toEqual(['baclofen-sjogrens-syndrome']);
    const [start, end] = r.titles[0]!.highlights[0]!;
    expect(r.titles[0]!.articleTitle.slice(start, end)).toBe('Dry');
  });

  it('says which word a typo was read as, and which synonym carried a word', () => {
    const typo = search(loaded, 'baclofin', { limit: 200 });
    expect(typo.readAs).toEqual({ query: 'baclofen', corrections: [{ typed: 'baclofin', searched: 'baclofen' }], synonyms: [] });
    expect(typo.total).toBeLessThan(loaded.library.allDocs().length);
    for (const hit of typo.results) expect(words(hit)).toContain('baclofen');
    const brand = search(loaded, 'Lioresal', { limit: 200 });
    expect(brand.readAs?.synonyms).toEqual([{ word: 'Lioresal', searched: ['baclofen'], label: 'a brand name of baclofen' }]);
    expect(brand.titles).toHaveLength(2);
    expect(search(loaded, 'baclofen').readAs).toBeUndefined();
  });

  it('gives a question and its answer as one result: the question as its heading', () => {
    const r = search(loaded, 'how long does it take for baclofen to work', { limit: 200 });
    expect(r.results.some((h) => h.kind === 'question')).toBe(false);
    expect(r.results[0]).toMatchObject({ kind: 'answer', sectionTitle: 'How long does it take for baclofen to work for swallowing problems?' });
    expect(r.results[0]?.text).toMatch(/^Most people notice improvement/);
  });

  it('pages through results with offset', () => {
    const all = search(loaded, 'sleep', { limit: 30 }).results.map((h) => h.passageId);
    expect(search(loaded, 'sleep', { limit: 10, offset: 10 }).results.map((h) => h.passageId)).toEqual(all.slice(10, 20));
  });

  it('never completes a word the library already has into a longer one', () => {
    expect(suggest(loaded, 'can baclofen help me sleep')).toEqual([]);
    expect(suggest(loaded, 'can baclofen help me sle')).toContain('can baclofen help me sleep');
  });
});

describe('article facets', () => {
  it('lists the 50 articles with most hits, and a chosen one beyond them, and counts them all', async () => {
    const { tempDir: temp, articleSource: source } = await import('../testing/temp-dir');
    const d = await temp('quire-facets-');
    try {
      for (let i = 0; i < 60; i++) {
        const valves = 'valve '.repeat(60 - i);
        await d.write(`a${i}.md`, source({ id: `a${i}`, front: `id: a${i}\ntitle: "Article ${i}"\nsource: Test.`, body: `## S\n\n${Array.from({ length: 60 - i }, (_, k) => `Passage ${k} on the ${valves.trim().split(' ')[0]}`).join('\n\n')}\n` }));
      }
      const lib = await buildLibrary(d.path);
      const all = search(lib, 'valve', { limit: 5 });
      expect(all.articleTotal).toBe(60);
      expect(all.articles).toHaveLength(50);
      expect(all.articles[0]).toMatchObject({ key: 'a0', count: 60 });
      expect(all.articles.map((a) => a.count)).toEqual(Array.from({ length: 50 }, (_, i) => 60 - i));
      const chosen = search(lib, 'valve', { limit: 5, articleIds: ['a59'] });
      expect(chosen.articles.map((a) => a.key)).toContain('a59');
      expect(chosen.total).toBe(1);
    } finally {
      await d.remove();
    }
  });

  it('lists articles with as many hits in title order', async () => {
    const { tempDir: temp, articleSource: source } = await import('../testing/temp-dir');
    const d = await temp('quire-facet-ties-');
    try {
      for (const [id, title, hits] of [['c', 'Cedar', 2], ['a', 'Alder', 2], ['b', 'Birch', 3], ['d', 'Aspen', 2]] as const) {
        await d.write(`${id}.md`, source({ id, front: `id: ${id}\ntitle: "${title}"\nsource: Test.`, body: `## S\n\n${Array.from({ length: hits }, (_, k) => `Passage ${k} on the valve`).join('\n\n')}\n` }));
      }
      const facets = search(await buildLibrary(d.path), 'valve').articles;
      expect(facets.map((a) => `${a.label} ${a.count}`)).toEqual(['Birch 3', 'Alder 2', 'Aspen 2', 'Cedar 2']);
    } finally {
      await d.remove();
    }
  });
});
