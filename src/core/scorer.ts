/**
 * BM25 scoring straight over MiniSearch's inverted index, into flat arrays.
 *
 * MiniSearch builds, serializes and loads the index; its `search` is general but materializes a
 * result object (with Maps and arrays) for every matching document, then sorts them all, which
 * dominates the time of a query matching tens of thousands of passages. This scorer reads the
 * same postings and adds BM25 scores, with MiniSearch's own formula and parameters, into typed
 * arrays; the caller then keeps only the best few. It depends on MiniSearch's internal fields,
 * so the version is pinned exactly and the shape is checked when a scorer is made.
 */
import type MiniSearch from 'minisearch';

/** BM25 parameters: MiniSearch's defaults. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

type Postings = Map<number, Map<number, number>>;

/** The parts of a MiniSearch instance the scorer reads. */
interface Internals {
  _index: { get(term: string): Postings | undefined };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, unknown>;
}

/** One weighted index term of a query. */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

/** A group of terms that must all be present (one word's expansions are alternatives inside). */
export type TermGroup = readonly (readonly WeightedTerm[])[];

/** What a query asks: clauses (each counts toward coordination) and extra groups (synonyms). */
export interface ScoringQuery {
  /** Each clause: alternatives; each alternative: words that must all match; each word: weighted terms. */
  readonly clauses: readonly (readonly TermGroup[])[];
  /** Groups that add score without counting as a matched clause. */
  readonly extras: readonly TermGroup[];
}

/** Scores of every matching document, as parallel arrays. */
export interface Scored {
  /** Document numbers (MiniSearch external ids) that matched. */
  readonly docs: number[];
  /** Score of each, in the same order. */
  readonly scores: number[];
}

/** Scores queries over one index. Not re-entrant: one query at a time (JavaScript is). */
export class Scorer {
  private readonly internals: Internals;
  private readonly fields: { id: number; boost: number }[];
  private readonly external: Int32Array;
  private readonly shortOf = new Map<number, number>();
  private readonly lengths: Float64Array[];
  private readonly acc: Float64Array;
  private readonly clauseMark: Int32Array;
  private readonly clauseHits: Uint16Array;
  private readonly groupMark: Int32Array;
  private readonly groupWords: Uint16Array;
  private readonly groupAcc: Float64Array;
  private stamp = 0;

  constructor(index: MiniSearch<unknown>, boosts: Readonly<Record<string, number>>) {
    const internals = index as unknown as Internals;
    if (
      typeof internals._index?.get !== 'function' ||
      !(internals._fieldLength instanceof Map) ||
      !(internals._documentIds instanceof Map) ||
      !Array.isArray(internals._avgFieldLength)
    ) {
      throw new Error('scorer: this MiniSearch version has an unexpected index layout (pin minisearch 7.2.0)');
    }
    this.internals = internals;
    this.fields = Object.entries(boosts).map(([field, boost]) => {
      const id = internals._fieldIds[field];
      if (id === undefined) throw new Error(`scorer: the index has no field '${field}'`);
      return { id, boost };
    });
    let max = 0;
    for (const short of internals._documentIds.keys()) max = Math.max(max, short + 1);
    this.external = new Int32Array(max).fill(-1);
    for (const [short, id] of internals._documentIds) {
      this.external[short] = id as number;
      this.shortOf.set(id as number, short);
    }
    this.lengths = this.fields.map(() => new Float64Array(max));
    for (const [short, lengths] of internals._fieldLength) {
      this.fields.forEach((f, i) => {
        this.lengths[i]![short] = lengths[f.id] ?? 0;
      });
    }
    this.acc = new Float64Array(max);
    this.clauseMark = new Int32Array(max);
    this.clauseHits = new Uint16Array(max);
    this.groupMark = new Int32Array(max);
    this.groupWords = new Uint16Array(max);
    this.groupAcc = new Float64Array(max);
  }

  /**
   * Score a query: BM25 per term and field (times the term's weight and the field's boost),
   * summed per document, times the number of clauses the document matched.
   */
  score(query: ScoringQuery): Scored {
    const touched: number[] = [];
    const { acc, clauseMark, clauseHits } = this;
    query.clauses.forEach((alternatives, ci) => {
      for (const group of alternatives) {
        this.addGroup(group, (short, s) => {
          if (acc[short] === 0 && clauseHits[short] === 0) touched.push(short);
          acc[short] = acc[short]! + s;
          if (clauseMark[short] !== ci + 1) {
            clauseMark[short] = ci + 1;
            clauseHits[short] = clauseHits[short]! + 1;
          }
        });
      }
    });
    for (const group of query.extras) {
      this.addGroup(group, (short, s) => {
        if (acc[short] === 0 && clauseHits[short] === 0) touched.push(short);
        acc[short] = acc[short]! + s;
      });
    }
    const docs: number[] = [];
    const scores: number[] = [];
    for (const short of touched) {
      const s = acc[short]! * Math.max(1, clauseHits[short]!);
      if (s > 0) {
        docs.push(this.external[short]!);
        scores.push(s);
      }
      acc[short] = 0;
      clauseMark[short] = 0;
      clauseHits[short] = 0;
    }
    return { docs, scores };
  }

  /** Whether a document (by document number) has a term in any scored field. */
  has(doc: number, term: string): boolean {
    const postings = this.internals._index.get(term);
    const short = this.shortOf.get(doc);
    if (!postings || short === undefined) return false;
    for (const f of this.fields) if (postings.get(f.id)?.has(short)) return true;
    return false;
  }

  /** Add a group's score to every document having all its words; `emit(short, score)`. */
  private addGroup(group: TermGroup, emit: (short: number, score: number) => void): void {
    if (group.length === 1) {
      for (const t of group[0]!) this.addTerm(t, emit);
      return;
    }
    // Several words: a document counts only if every word matched (one stamp per call).
    const stamp = ++this.stamp;
    const { groupMark, groupWords, groupAcc } = this;
    const seen: number[] = [];
    group.forEach((word, wi) => {
      for (const t of word) {
        this.addTerm(t, (short, s) => {
          if (groupMark[short] !== stamp) {
            groupMark[short] = stamp;
            groupWords[short] = 0;
            groupAcc[short] = 0;
            seen.push(short);
          }
          groupAcc[short] = groupAcc[short]! + s;
          // Bit per word (groups are short phrases).
          groupWords[short] = groupWords[short]! | (1 << Math.min(wi, 15));
        });
      }
    });
    const all = (1 << Math.min(group.length, 16)) - 1;
    for (const short of seen) if (groupWords[short] === all) emit(short, groupAcc[short]!);
  }

  private addTerm({ term, weight }: WeightedTerm, emit: (short: number, score: number) => void): void {
    const postings = this.internals._index.get(term);
    if (!postings) return;
    const n = this.internals._documentCount;
    this.fields.forEach((field, fi) => {
      const freqs = postings.get(field.id);
      if (!freqs) return;
      const df = freqs.size;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const avg = this.internals._avgFieldLength[field.id]!;
      const lengths = this.lengths[fi]!;
      const factor = weight * field.boost * idf;
      const norm = BM25.k * (1 - BM25.b);
      const slope = (BM25.k * BM25.b) / avg;
      for (const [short, tf] of freqs) {
        if (this.external[short] === -1) continue;
        emit(short, factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm + slope * lengths[short]!)));
      }
    });
  }
}
