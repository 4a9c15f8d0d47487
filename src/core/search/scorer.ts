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
 * only the best few. What it reads of MiniSearch's internals it reads through `SearchIndex`
 * (search-index.ts), the one class that touches them.
 */
import { fieldPostings, includesDoc, PackedPostings } from './postings';
import type { SearchIndex } from './search-index';

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

/** Terms whose document frequency is remembered. */
const DF_MEMO_SIZE = 50_000;

/** What the scorer reads of an index (whatever its documents' type). */
export type IndexReader = Pick<SearchIndex<unknown>, 'postings' | 'fieldId' | 'averageFieldLength' | 'fieldLengths' | 'documentIds' | 'documentCount'>;

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

/** Scores of every matching document, as parallel typed arrays (`count` long). */
export interface Scored {
  readonly count: number;
  /** Document numbers (MiniSearch external ids) that matched. */
  readonly docs: Int32Array;
  /** Score of each, in the same order. */
  readonly scores: Float64Array;
  /**
   * What each document matched with: 1 when only the title field did (the words found are in
   * the title every passage of an article shares), 0 when its own fields did.
   */
  readonly titleOnly: Uint8Array;
  /** The score of the title field alone, per document (0 where the title did not match). */
  readonly titleScores: Float64Array;
}

/** One term's BM25F score in every document that has it, at weight 1 (see Scorer.termScores). */
interface TermScores {
  readonly shorts: Int32Array;
  readonly scores: Float32Array;
  readonly titles: Float32Array;
  /** 1 where a field other than the title has the term. */
  readonly own: Uint8Array;
}

/** Postings whose term scores are remembered at most (about 13 bytes each). */
const TERM_MEMO_POSTINGS = 1_500_000;

/** Scores queries over one index. Not re-entrant: one query at a time (JavaScript is). */
export class Scorer {
  private readonly index: IndexReader;
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
  private readonly termMemo = new Map<string, TermScores>();
  private termMemoPostings = 0;
  /** Per document: 1 once the query being scored touched it. */
  private readonly queryMark: Uint8Array;
  private readonly outDocs: Int32Array;
  private readonly outScores: Float64Array;
  private readonly outTitleScores: Float64Array;
  private readonly outTitleOnly: Uint8Array;
  /** The documents the query being scored touched, in order. */
  private readonly touched: Int32Array;

  /**
   * @param titleField the field every passage of an article shares (its title), whose matches
   *   alone do not make a passage a result
   */
  constructor(index: IndexReader, params: ScoringParams, titleField?: string) {
    this.index = index;
    this.k1 = params.k1;
    this.fields = Object.entries(params.fields).map(([field, { weight, b }]) => {
      const id = index.fieldId(field);
      if (id === undefined) throw new Error(`scorer: the index has no field '${field}'`);
      return { id, weight, b, title: field === titleField };
    });
    let max = 0;
    const documentIds = index.documentIds();
    for (const short of documentIds.keys()) max = Math.max(max, short + 1);
    this.external = new Int32Array(max).fill(-1);
    for (const [short, id] of documentIds) {
      this.external[short] = id as number;
      this.shortOf.set(id as number, short);
    }
    // Each field's length factor, 1 - b + b·length/mean, computed once per document.
    this.lengths = this.fields.map(() => new Float64Array(max));
    for (const [short, lengths] of index.fieldLengths()) {
      this.fields.forEach((f, i) => {
        const avg = index.averageFieldLength(f.id) || 1;
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
    this.queryMark = new Uint8Array(max);
    this.outDocs = new Int32Array(max);
    this.outScores = new Float64Array(max);
    this.outTitleScores = new Float64Array(max);
    this.outTitleOnly = new Uint8Array(max);
    this.touched = new Int32Array(max);
    this.groupMark = new Int32Array(max);
    this.groupWords = new Uint16Array(max);
    this.groupAcc = new Float64Array(max);
  }

  /** The mean length, in terms, of a field over the documents that have it. */
  averageLength(field: string): number {
    const id = this.index.fieldId(field);
    return (id === undefined ? 0 : this.index.averageFieldLength(id)) || 1;
  }

  /** The number of documents the index has. */
  get documentCount(): number {
    return this.index.documentCount;
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
    const postings = this.index.postings(term);
    if (!postings) return 0;
    const fields = this.fields.flatMap((f) => fieldPostings(postings, f.id) ?? []);
    if (fields.length === 1) return fields[0]!.docs.length;
    const stamp = ++this.stamp;
    let df = 0;
    for (const { docs } of fields) {
      for (let i = 0; i < docs.length; i++) {
        const short = docs[i]!;
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
    const n = this.index.documentCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * How rare a term is, from 1 (in one document) towards 0 (in every one): its idf over the idf
   * of a term found once. Typo and completion expansions are weighted by it.
   */
  readonly rarity = (term: string): number => Math.max(0, this.idf(Math.max(1, this.documentFrequency(term)))) / this.idf(1);

  /**
   * Score a query: per word, the best BM25F score of its terms; summed per document.
   *
   * The arrays answered are views of buffers the next call reuses: read them before scoring again.
   */
  score(query: ScoringQuery): Scored {
    this.touchedCount = 0;
    for (const word of query.words) this.addWord(word, this.emitToQuery);
    for (const group of query.groups) this.addGroup(group, this.emitToQuery);
    const { acc, titleAcc, own, touched } = this;
    const n = this.touchedCount;
    // The answer lives in buffers reused by the next query: a keystroke allocates no arrays the
    // size of the library, which would otherwise keep the garbage collector busy.
    const { outDocs: docs, outScores: scores, outTitleScores: titleScores, outTitleOnly: titleOnly } = this;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const short = touched[i]!;
      const s = acc[short]!;
      if (s > 0) {
        titleOnly[count] = own[short] === 1 ? 0 : 1;
        docs[count] = this.external[short]!;
        scores[count] = s;
        titleScores[count] = titleAcc[short]!;
        count++;
      }
      acc[short] = 0;
      titleAcc[short] = 0;
      own[short] = 0;
      this.queryMark[short] = 0;
    }
    return { count, docs: docs.subarray(0, count), scores: scores.subarray(0, count), titleOnly: titleOnly.subarray(0, count), titleScores: titleScores.subarray(0, count) };
  }

  private touchedCount = 0;
  private readonly emitToQuery = (short: number, s: number, title: number, ownMatch: boolean): void => {
    if (this.queryMark[short] === 0) {
      this.queryMark[short] = 1;
      this.touched[this.touchedCount++] = short;
    }
    this.acc[short] = this.acc[short]! + s;
    this.titleAcc[short] = this.titleAcc[short]! + title;
    if (ownMatch) this.own[short] = 1;
  };

  /** Whether a document (by document number) has a term in any scored field. */
  has(doc: number, term: string): boolean {
    const postings = this.index.postings(term);
    const short = this.shortOf.get(doc);
    if (!postings || short === undefined) return false;
    for (const f of this.fields) {
      if (postings instanceof PackedPostings) {
        const field = postings.field(f.id);
        if (field && includesDoc(field.docs, short)) return true;
      } else if (postings.get(f.id)?.has(short)) return true;
    }
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

  /** A term's scores at its weight, to every document having it. */
  private addTerm({ term, weight }: WeightedTerm, emit: (short: number, score: number, title: number, own: boolean) => void): void {
    const t = this.termScores(term);
    if (!t) return;
    const { shorts, scores, titles, own } = t;
    if (emit === this.emitToQuery) {
      // The common case, inlined: one word of one term, straight into the query's sums.
      const { acc, titleAcc, queryMark, touched } = this;
      const ownAcc = this.own;
      let n = this.touchedCount;
      for (let i = 0; i < shorts.length; i++) {
        const short = shorts[i]!;
        if (queryMark[short] === 0) {
          queryMark[short] = 1;
          touched[n++] = short;
        }
        acc[short] = acc[short]! + weight * scores[i]!;
        titleAcc[short] = titleAcc[short]! + weight * titles[i]!;
        if (own[i] === 1) ownAcc[short] = 1;
      }
      this.touchedCount = n;
      return;
    }
    for (let i = 0; i < shorts.length; i++) emit(shorts[i]!, weight * scores[i]!, weight * titles[i]!, own[i] === 1);
  }

  /**
   * One term's BM25F score in every document having it, at weight 1, remembered: typing repeats
   * a query's earlier words on every keystroke, and the index never changes.
   *
   * idf · tf~ · (k1 + 1) / (k1 + tf~), with tf~ = Σ over fields of weight · tf / (1 − b + b · len / mean).
   */
  private termScores(term: string): TermScores | undefined {
    const known = this.termMemo.get(term);
    if (known) return known;
    const postings = this.index.postings(term);
    if (!postings) return undefined;
    const { tf, tfTitle, k1 } = this;
    const seen: number[] = [];
    const stamp = ++this.stamp;
    const mark = this.termMark;
    this.fields.forEach((field, fi) => {
      const found = fieldPostings(postings, field.id);
      if (!found) return;
      const { docs, counts } = found;
      const lengths = this.lengths[fi]!;
      const weight = field.weight;
      for (let i = 0; i < docs.length; i++) {
        const short = docs[i]!;
        if (this.external[short] === -1) continue;
        if (mark[short] !== stamp) {
          mark[short] = stamp;
          tf[short] = 0;
          tfTitle[short] = 0;
          seen.push(short);
        }
        const part = (weight * counts[i]!) / lengths[short]!;
        tf[short] = tf[short]! + part;
        if (field.title) tfTitle[short] = tfTitle[short]! + part;
      }
    });
    const n = seen.length;
    const out: TermScores = { shorts: Int32Array.from(seen), scores: new Float32Array(n), titles: new Float32Array(n), own: new Uint8Array(n) };
    const factor = this.idf(n) * (k1 + 1);
    for (let i = 0; i < n; i++) {
      const short = seen[i]!;
      const f = tf[short]!;
      const t = tfTitle[short]!;
      out.scores[i] = (factor * f) / (k1 + f);
      out.titles[i] = t > 0 ? (factor * t) / (k1 + t) : 0;
      out.own[i] = f > t ? 1 : 0;
    }
    if (!this.dfMemo.has(term)) this.dfMemo.set(term, n);
    this.termMemoPostings += n;
    if (this.termMemoPostings > TERM_MEMO_POSTINGS) {
      this.termMemo.clear();
      this.termMemoPostings = n;
    }
    this.termMemo.set(term, out);
    return out;
  }
}
