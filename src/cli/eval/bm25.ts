/**
 * A plain BM25, the baseline Quire's ranking is measured against.
 *
 * Written apart from Quire's engine so that it shares none of its choices: one field (title and
 * text together), k1 = 1.2, b = 0.75, Lucene's idf, Unicode word tokens, lower case, Lucene's
 * English stop words, and the original Porter stemmer (package `stemmer`). This is the BM25 the
 * BEIR collections' README quotes its figures for.
 */
import { stemmer } from 'stemmer';

/** Lucene's EnglishAnalyzer stop words (ENGLISH_STOP_WORDS_SET). */
const LUCENE_STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

/** BM25's parameters. */
export const BM25_PARAMS = { k1: 1.2, b: 0.75 } as const;

/** The terms of a text: words, lower case, possessive 's dropped, stop words out, Porter stems. */
export function bm25Terms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    const word = m[0].replace(/['’]s$/u, '');
    if (LUCENE_STOP_WORDS.has(word)) continue;
    out.push(stemmer(word));
  }
  return out;
}

/** An in-memory BM25 index over documents with ids. */
export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private avgLength = 0;

  /** Index documents (each one field of text). */
  constructor(docs: Iterable<{ readonly id: string; readonly text: string }>) {
    let total = 0;
    for (const { id, text } of docs) {
      const doc = this.ids.length;
      this.ids.push(id);
      const terms = bm25Terms(text);
      this.lengths.push(terms.length);
      total += terms.length;
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf });
      }
    }
    this.avgLength = this.ids.length > 0 ? total / this.ids.length : 0;
  }

  /**
   * The best `limit` documents for a query, best first (ties by indexing order).
   *
   * @example new Bm25Index([{ id: 'a', text: 'dry mouth' }]).search('mouth', 10) // ['a']
   */
  search(query: string, limit: number): string[] {
    const { k1, b } = BM25_PARAMS;
    const n = this.ids.length;
    const scores = new Map<number, number>();
    // A word repeated in the query counts once for each time it is written, as Lucene does.
    for (const term of bm25Terms(query)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = k1 * (1 - b + (b * this.lengths[doc]!) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / (tf + norm));
      }
    }
    return [...scores]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, limit)
      .map(([doc]) => this.ids[doc]!);
  }
}
