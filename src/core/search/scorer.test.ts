import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary, type LoadedLibrary } from '../content/build';
import { BUNDLED_CONTENT } from '../library/paths';
import { serializeIndex } from './postings';
import { INDEX_OPTIONS, loadIndex, SearchIndex, type SearchDoc } from './search-index';
import { Scorer, type ScoringParams } from './scorer';
import { termsOf } from './synonyms';

/*
 * Quire's scorer and MiniSearch's `search` read the same inverted index, and where their models
 * coincide they must rank alike. They coincide on one field at weight 1: there BM25F is BM25,
 * with the same idf (Lucene's, over the documents having the term in that field) and the same
 * length normalisation (the field's length over its mean). They differ on purpose elsewhere:
 * over several fields MiniSearch adds per-field BM25 scores, which BM25F exists to avoid (one
 * saturation, one idf), and a field weight in BM25F scales the term frequency, not the score. So
 * MiniSearch is configured as the scorer is (the field, k1 as `k`, b, and `d: 0`: plain BM25, not
 * its BM25+ default), and its one deliberate extra is divided out: it multiplies a document's
 * summed score by the number of query terms it matched (`queryTerms.length`).
 */

/** The BM25 settings compared: BM25's usual ones (the ranking's), and others. */
const SETTINGS: readonly { k1: number; b: number }[] = [
  { k1: 1.2, b: 0.75 },
  { k1: 2, b: 0.3 },
  { k1: 0.8, b: 1 },
];
const FIELDS = ['title', 'heading', 'text'] as const;
/** Relative tolerance: the scorer keeps per-term scores as 32-bit floats. */
const TOLERANCE = 1e-5;

interface DocScore {
  readonly doc: number;
  readonly score: number;
}

const bestFirst = (a: DocScore, b: DocScore): number => b.score - a.score || a.doc - b.doc;

/** The scorer's answer to a query of free text, one word per distinct term, best first. */
function scorerRanking(scorer: Scorer, query: string): DocScore[] {
  const terms = [...new Set(termsOf(query))];
  const scored = scorer.score({ words: terms.map((term) => [{ term, weight: 1 }]), groups: [] });
  return Array.from(scored.docs, (doc, i) => ({ doc, score: scored.scores[i]! })).sort(bestFirst);
}

/** MiniSearch's answer, configured as the scorer is, its coordination factor divided out. */
function miniSearchRanking(index: SearchIndex, field: string, { k1, b }: { k1: number; b: number }, query: string): DocScore[] {
  const results = index.search(query, { fields: [field], combineWith: 'OR', prefix: false, fuzzy: false, bm25: { k: k1, b, d: 0 } });
  return results.map((r) => ({ doc: r.id as number, score: r.score / r.queryTerms.length })).sort(bestFirst);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Whether two rankings agree: the same documents, each with the same score, and the same scores
 * place by place (so the same order, up to ties).
 */
function expectAgree(ours: DocScore[], theirs: DocScore[], what: string): void {
  expect(ours.map((d) => d.doc).sort((a, b) => a - b), what).toEqual(theirs.map((d) => d.doc).sort((a, b) => a - b));
  const theirScore = new Map(theirs.map((d) => [d.doc, d.score]));
  for (const d of ours) expect(close(d.score, theirScore.get(d.doc)!), `${what}: document ${d.doc} scores ${d.score}, MiniSearch ${theirScore.get(d.doc)}`).toBe(true);
  ours.forEach((d, i) => expect(close(d.score, theirs[i]!.score), `${what}: place ${i}`).toBe(true));
}

/**
 * Compare the scorer with MiniSearch on every field and setting; how many (query, field,
 * setting) answers had two or more documents with different scores (so that order was tested).
 */
function compareAll(index: SearchIndex, queries: readonly string[]): number {
  let ordered = 0;
  for (const field of FIELDS) {
    for (const setting of SETTINGS) {
      const params: ScoringParams = { k1: setting.k1, fields: { [field]: { weight: 1, b: setting.b } } };
      const scorer = new Scorer(index, params);
      for (const query of queries) {
        const ours = scorerRanking(scorer, query);
        expectAgree(ours, miniSearchRanking(index, field, setting, query), `'${query}' in ${field}, k1 ${setting.k1} b ${setting.b}`);
        if (ours.length > 1 && ours[0]!.score !== ours[ours.length - 1]!.score) ordered++;
      }
    }
  }
  return ordered;
}

/** A seeded pseudo-random generator (mulberry32), so the generated corpus is the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'baclofen sleep mouth saliva muscle spasm nerve tablet dose night pain gland tongue eyes dryness tremor clinic patient study trial dental anxiety relief taper'.split(' ');

/** Documents of random words, Zipf-like (a few words common, most rare), fields of varied length, some empty. */
function generatedDocs(count: number, next: () => number): SearchDoc[] {
  const word = (): string => WORDS[Math.floor(WORDS.length * next() ** 2.5)]!;
  const words = (max: number): string => Array.from({ length: Math.floor(next() * (max + 1)) }, word).join(' ');
  return Array.from({ length: count }, (_, id) => ({ id, title: words(4), heading: words(6), text: words(60) }));
}

/** Queries of one to four distinct words from `words`. */
function queriesFrom(words: readonly string[], count: number, next: () => number): string[] {
  return Array.from({ length: count }, () => {
    const n = 1 + Math.floor(next() * 4);
    return [...new Set(Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!))].join(' ');
  });
}

describe('Scorer agrees with MiniSearch.search', () => {
  let bundled: LoadedLibrary;
  beforeAll(async () => {
    bundled = await buildLibrary(BUNDLED_CONTENT);
  });

  it('on the bundled library, built in memory and loaded from its packed file', () => {
    const next = random(14);
    const vocabulary = Object.entries(bundled.library.vocabulary.toJSON()).map(([, [, , written]]) => written);
    // Single words (where MiniSearch's own order is the scorer's) and phrases of up to four.
    const singles = vocabulary.filter((_, i) => i % Math.ceil(vocabulary.length / 40) === 0);
    const queries = [...singles, 'baclofen sleep', 'dry mouth saliva', 'muscle spasm night', ...queriesFrom(vocabulary, 30, next)];
    for (const index of [bundled.index, loadIndex(serializeIndex(bundled.index))]) {
      expect(compareAll(index, queries)).toBeGreaterThan(100);
    }
  });

  it('on a generated corpus of Zipf-like word counts and varied field lengths', () => {
    const next = random(7);
    const index = new SearchIndex<SearchDoc>(INDEX_OPTIONS);
    index.addAll(generatedDocs(400, next));
    const queries = [...WORDS, ...queriesFrom(WORDS, 60, next)];
    expect(compareAll(index, queries)).toBeGreaterThan(400);
  });
});

describe('Scorer over segments', () => {
  const params: ScoringParams = { k1: 1.2, fields: { title: { weight: 2, b: 0.75 }, heading: { weight: 1.5, b: 0.75 }, text: { weight: 1, b: 0.75 } } };
  /** An index of some documents, numbered from 0 in it (a segment's own numbering). */
  const indexOf = (docs: readonly SearchDoc[], from = 0): SearchIndex => {
    const index = new SearchIndex<SearchDoc>(INDEX_OPTIONS);
    index.addAll(docs.map((d, i) => ({ ...d, id: from + i })));
    return index;
  };
  /** Every score of every query, by document, rounded to the scorer's float precision. */
  const answers = (scorer: Scorer, queries: readonly string[]): string[] =>
    queries.map((q) => JSON.stringify(scorerRanking(scorer, q).map((d) => [d.doc, Math.round(d.score * 1e4)])));

  it('scores documents split over two indexes as one index holding them all', () => {
    const next = random(3);
    const docs = generatedDocs(300, next);
    const queries = [...WORDS, ...queriesFrom(WORDS, 40, next)];
    const whole = new Scorer(indexOf(docs), params, 'title');
    // The second segment's documents are 0.. in its own index, 200.. in the library.
    const split = new Scorer([{ index: loadIndex(serializeIndex(indexOf(docs.slice(0, 200)))), docBase: 0 }, { index: indexOf(docs.slice(200)), docBase: 200 }], params, 'title');
    expect(answers(split, queries)).toEqual(answers(whole, queries));
    expect(split.documentCount).toBe(300);
    expect(split.documentFrequency('sleep')).toBe(whole.documentFrequency('sleep'));
    for (const doc of [0, 199, 200, 299]) for (const term of ['baclofen', 'sleep', 'taper']) expect(split.has(doc, term), `${doc} ${term}`).toBe(whole.has(doc, term));
  });

  it('follows the last segment as documents are added and discarded, once told', () => {
    const next = random(5);
    const docs = generatedDocs(260, next);
    const queries = [...WORDS, ...queriesFrom(WORDS, 30, next)];
    const user = indexOf(docs.slice(200, 220));
    const scorer = new Scorer([{ index: indexOf(docs.slice(0, 200)), docBase: 0 }, { index: user, docBase: 200 }], params, 'title');
    expect(answers(scorer, queries)).toEqual(answers(new Scorer(indexOf(docs.slice(0, 220)), params, 'title'), queries));
    // Forty more in the reader's segment, then the first ten of it removed.
    docs.slice(220, 260).forEach((d, i) => user.add({ ...d, id: 20 + i }));
    for (let id = 0; id < 10; id++) user.discard(id);
    scorer.invalidate();
    const expected = indexOf(docs.slice(0, 200));
    docs.slice(200, 260).forEach((d, i) => expected.add({ ...d, id: 200 + i }));
    for (let id = 200; id < 210; id++) expected.discard(id);
    expect(answers(scorer, queries)).toEqual(answers(new Scorer(expected, params, 'title'), queries));
    expect(scorer.has(205, 'sleep')).toBe(false);
  });
});
