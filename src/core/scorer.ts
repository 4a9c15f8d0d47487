/**
 * BM25F scoring straight over MiniSearch's inverted index, into flat arrays.
 *
 * MiniSearch builds, serializes and loads the index; its `search` scores each field as a
 * separate BM25 and adds the results, and materializes a result object for every matching
 * document. Adding per-field BM25 scores is the known flaw BM25F fixes (Robertson, Zaragoza and
 * Taylor, 2004): each field gets its own inverse document frequency, so a word rare in titles but
 * common in text counts as rare, and each field saturates on its own, so a word in the title and
 * the text counts almost twice. BM25F instead adds a term's field-weighted, length-normalised
 * frequencies into one frequency, saturates that once, and weighs it by one idf over whole
 * documents. This scorer does that over the same postings, into typed arrays; the caller keeps
 * only the best few. It reads MiniSearch's internal fields, so the version is pinned exactly and
 * the shape is checked when a scorer is made.
 */
import type MiniSearch from 'minisearch';

/** How one field counts: its weight (a match there counts as `weight` matches in text) and b. */
export interface FieldWeight {
  readonly weight: number;
  /** Length normalisation: 0 ignores the field's length, 1 divides by it relative to the mean. */
  readonly b: number;
}

/** The scoring parameters. */
export interface ScoringParams {
  /** Term-frequency saturation (BM25's k1). */
  readonly k1: number;
  /** Per field, by index field name. */
  readonly fields: Readonly<Record<string, FieldWeight>>;
}

type Postings = Map<number, Map<number, number>>;

/** Terms whose document frequency is remembered. */
const DF_MEMO_SIZE = 50_000;

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

/**
 * One word of a query: the index terms it may match (its stem, and typo or completion
 * expansions with lower weights). A document scores the best of them, not their sum: variants
 * of one word are one piece of evidence.
 */
export type WordTerms = readonly WeightedTerm[];

/** Words that must all be present in a document (a synonym phrase). */
export type TermGroup = readonly WordTerms[];

/** What a query asks. */
export interface ScoringQuery {
  /** Words whose scores add up; none is required. */
  readonly words: readonly WordTerms[];
  /** Groups that add score only where all their words are present (synonym phrases). */
  readonly groups: readonly TermGroup[];
}

/** Scores of every matching document, as parallel arrays. */
export interface Scored {
  /** Document numbers (MiniSearch external ids) that matched. */
  readonly docs: number[];
  /** Score of each, in the same order. */
  readonly scores: number[];
  /**
   * What each document matched with: 1 when only its `titleField` did (the words found are
   * in the title every passage of an article shares), 0 when its own fields did.
   */
  readonly titleOnly: Uint8Array;
  /** The score of the title field alone, per document (0 where the title did not match). */
  readonly titleScores: number[];
}

/** Scores queries over one index. Not re-entrant: one query at a time (JavaScript is). */
export class Scorer {
  private readonly internals: Internals;
  private readonly fields: { id: number; weight: number; b: number; title: boolean }[];
  private readonly k1: number;
  private readonly external: Int32Array;
  private readonly shortOf = new Map<number, number>();
  private readonly lengths: Float64Array[];
  /** Per document: sum of the query's scores so far. */
  private readonly acc: Float64Array;
  /** Per document: score of the title field alone. */
  private readonly titleAcc: Float64Array;
  /** Per document: 1 once a field other than the title matched. */
  private readonly own: Uint8Array;
  /** Per document, for the term being scored: its BM25F frequency (and title part). */
  private readonly tf: Float64Array;
  private readonly tfTitle: Float64Array;
  /** Per document, for the word being scored: its best term's score so far. */
  private readonly wordBest: Float64Array;
  private readonly wordTitleBest: Float64Array;
  private readonly wordMark: Int32Array;
  private readonly wordOwn: Uint8Array;
  private readonly termMark: Int32Array;
  private readonly groupMark: Int32Array;
  private readonly groupWords: Uint16Array;
  private readonly groupAcc: Float64Array;
  private stamp = 0;
  private readonly dfMemo = new Map<string, number>();

  /**
   * @param titleField the field every passage of an article shares (its title), whose matches
   *   alone do not make a passage a result
   */
  constructor(index: MiniSearch<unknown>, params: ScoringParams, titleField?: string) {
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
    this.k1 = params.k1;
    this.fields = Object.entries(params.fields).map(([field, { weight, b }]) => {
      const id = internals._fieldIds[field];
      if (id === undefined) throw new Error(`scorer: the index has no field '${field}'`);
      return { id, weight, b, title: field === titleField };
    });
    let max = 0;
    for (const short of internals._documentIds.keys()) max = Math.max(max, short + 1);
    this.external = new Int32Array(max).fill(-1);
    for (const [short, id] of internals._documentIds) {
      this.external[short] = id as number;
      this.shortOf.set(id as number, short);
    }
    // Each field's length factor, 1 - b + b·length/mean, computed once per document.
    this.lengths = this.fields.map(() => new Float64Array(max));
    for (const [short, lengths] of internals._fieldLength) {
      this.fields.forEach((f, i) => {
        const avg = internals._avgFieldLength[f.id] || 1;
        this.lengths[i]![short] = 1 - f.b + (f.b * (lengths[f.id] ?? 0)) / avg;
      });
    }
    this.acc = new Float64Array(max);
    this.titleAcc = new Float64Array(max);
    this.own = new Uint8Array(max);
    this.tf = new Float64Array(max);
    this.tfTitle = new Float64Array(max);
    this.wordBest = new Float64Array(max);
    this.wordTitleBest = new Float64Array(max);
    this.wordMark = new Int32Array(max);
    this.wordOwn = new Uint8Array(max);
    this.termMark = new Int32Array(max);
    this.groupMark = new Int32Array(max);
    this.groupWords = new Uint16Array(max);
    this.groupAcc = new Float64Array(max);
  }

  /** The mean length, in terms, of a field over the documents that have it. */
  averageLength(field: string): number {
    const id = this.internals._fieldIds[field];
    return (id === undefined ? 0 : this.internals._avgFieldLength[id]) || 1;
  }

  /** The number of documents the index has. */
  get documentCount(): number {
    return this.internals._documentCount;
  }

  /**
   * How many documents have a term in any scored field.
   *
   * @example scorer.documentFrequency('sleep') // 41
   */
  documentFrequency(term: string): number {
    const known = this.dfMemo.get(term);
    if (known !== undefined) return known;
    const df = this.countDocuments(term);
    // The index never changes: remember the answer (cleared whole when full, as other memos are).
    if (this.dfMemo.size >= DF_MEMO_SIZE) this.dfMemo.clear();
    this.dfMemo.set(term, df);
    return df;
  }

  private countDocuments(term: string): number {
    const postings = this.internals._index.get(term);
    if (!postings) return 0;
    const fields = this.fields.filter((f) => postings.get(f.id)?.size);
    if (fields.length === 1) return postings.get(fields[0]!.id)!.size;
    const stamp = ++this.stamp;
    let df = 0;
    for (const f of fields) {
      for (const short of postings.get(f.id)!.keys()) {
        if (this.termMark[short] !== stamp) {
          this.termMark[short] = stamp;
          df++;
        }
      }
    }
    return df;
  }

  /** Inverse document frequency of a term found in `df` documents (Lucene's, never negative). */
  idf(df: number): number {
    const n = this.internals._documentCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Score a query: per word, the best BM25F score of its terms; summed per document. */
  score(query: ScoringQuery): Scored {
    const touched: number[] = [];
    const { acc, titleAcc, own } = this;
    const visit = (short: number): void => {
      if (acc[short] === 0 && titleAcc[short] === 0 && own[short] === 0) touched.push(short);
    };
    for (const word of query.words) {
      this.addWord(word, (short, s, title, ownMatch) => {
        visit(short);
        acc[short] = acc[short]! + s;
        titleAcc[short] = titleAcc[short]! + title;
        if (ownMatch) own[short] = 1;
      });
    }
    for (const group of query.groups) {
      this.addGroup(group, (short, s, title, ownMatch) => {
        visit(short);
        acc[short] = acc[short]! + s;
        titleAcc[short] = titleAcc[short]! + title;
        if (ownMatch) own[short] = 1;
      });
    }
    const docs: number[] = [];
    const scores: number[] = [];
    const titleScores: number[] = [];
    const titleOnly = new Uint8Array(touched.length);
    for (const short of touched) {
      const s = acc[short]!;
      if (s > 0) {
        titleOnly[docs.length] = own[short] === 1 ? 0 : 1;
        docs.push(this.external[short]!);
        scores.push(s);
        titleScores.push(titleAcc[short]!);
      }
      acc[short] = 0;
      titleAcc[short] = 0;
      own[short] = 0;
    }
    return { docs, scores, titleOnly: titleOnly.subarray(0, docs.length), titleScores };
  }

  /** Whether a document (by document number) has a term in any scored field. */
  has(doc: number, term: string): boolean {
    const postings = this.internals._index.get(term);
    const short = this.shortOf.get(doc);
    if (!postings || short === undefined) return false;
    for (const f of this.fields) if (postings.get(f.id)?.has(short)) return true;
    return false;
  }

  /** Emit, per document, the best score among a word's terms. */
  private addWord(word: WordTerms, emit: (short: number, score: number, title: number, own: boolean) => void): void {
    if (word.length === 1) {
      this.addTerm(word[0]!, emit);
      return;
    }
    const stamp = ++this.stamp;
    const { wordMark, wordBest, wordTitleBest, wordOwn } = this;
    const seen: number[] = [];
    for (const t of word) {
      this.addTerm(t, (short, s, title, ownMatch) => {
        if (wordMark[short] !== stamp) {
          wordMark[short] = stamp;
          wordBest[short] = 0;
          wordTitleBest[short] = 0;
          wordOwn[short] = 0;
          seen.push(short);
        }
        if (s > wordBest[short]!) wordBest[short] = s;
        if (title > wordTitleBest[short]!) wordTitleBest[short] = title;
        if (ownMatch) wordOwn[short] = 1;
      });
    }
    for (const short of seen) emit(short, wordBest[short]!, wordTitleBest[short]!, wordOwn[short] === 1);
  }

  /** Add a group's score to every document having all its words. */
  private addGroup(group: TermGroup, emit: (short: number, score: number, title: number, own: boolean) => void): void {
    if (group.length === 1) {
      this.addWord(group[0]!, emit);
      return;
    }
    // Several words: a document counts only if every word matched (one stamp per call).
    const stamp = ++this.stamp;
    const { groupMark, groupWords, groupAcc } = this;
    const seen: number[] = [];
    const titles = new Map<number, number>();
    const owns = new Set<number>();
    group.forEach((word, wi) => {
      this.addWord(word, (short, s, title, ownMatch) => {
        if (groupMark[short] !== stamp) {
          groupMark[short] = stamp;
          groupWords[short] = 0;
          groupAcc[short] = 0;
          seen.push(short);
        }
        groupAcc[short] = groupAcc[short]! + s;
        if (title > 0) titles.set(short, (titles.get(short) ?? 0) + title);
        if (ownMatch) owns.add(short);
        // Bit per word (groups are short phrases).
        groupWords[short] = groupWords[short]! | (1 << Math.min(wi, 15));
      });
    });
    const all = (1 << Math.min(group.length, 16)) - 1;
    for (const short of seen) if (groupWords[short] === all) emit(short, groupAcc[short]!, titles.get(short) ?? 0, owns.has(short));
  }

  /**
   * One term's BM25F score in every document having it:
   * idf · tf~ · (k1 + 1) / (k1 + tf~), with tf~ = Σ over fields of weight · tf / (1 − b + b · len / mean).
   */
  private addTerm({ term, weight }: WeightedTerm, emit: (short: number, score: number, title: number, own: boolean) => void): void {
    const postings = this.internals._index.get(term);
    if (!postings) return;
    const { tf, tfTitle, k1 } = this;
    const seen: number[] = [];
    const stamp = ++this.stamp;
    const mark = this.termMark;
    this.fields.forEach((field, fi) => {
      const freqs = postings.get(field.id);
      if (!freqs) return;
      const lengths = this.lengths[fi]!;
      for (const [short, count] of freqs) {
        if (this.external[short] === -1) continue;
        if (mark[short] !== stamp) {
          mark[short] = stamp;
          tf[short] = 0;
          tfTitle[short] = 0;
          seen.push(short);
        }
        const part = (field.weight * count) / lengths[short]!;
        tf[short] = tf[short]! + part;
        if (field.title) tfTitle[short] = tfTitle[short]! + part;
      }
    });
    if (seen.length === 0) return;
    const factor = weight * this.idf(seen.length) * (k1 + 1);
    for (const short of seen) {
      const f = tf[short]!;
      const t = tfTitle[short]!;
      emit(short, (factor * f) / (k1 + f), t > 0 ? (factor * t) / (k1 + t) : 0, f > t);
    }
  }
}
