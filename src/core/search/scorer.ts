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
 *
 * A library may be several indexes, segments in Lucene's sense: the bundled one, loaded and never
 * changed, and the reader's own, which grows and shrinks as articles are added and removed. The
 * scorer reads them as one: document frequencies, the document count and mean field lengths are
 * summed over the segments, so a passage scores the same whichever segment holds it. Only the
 * last segment may change; {@link Scorer.invalidate} says it did, and what is derived from it is
 * worked out again on the next call.
 */
import { includesDoc, PackedPostings } from './postings';
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

/**
 * One index of a library of several, and where its documents sit in the library's numbering: a
 * document whose id in the index is `id` is the library's document `docBase + id`.
 */
export interface IndexSegment {
  readonly index: IndexReader;
  readonly docBase: number;
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

/** A segment as the scorer lays it out: its short ids follow those of the segments before it. */
interface Laid {
  readonly index: IndexReader;
  readonly docBase: number;
  /** The scorer's number of the segment's short id 0 (MiniSearch's internal document number). */
  shortBase: number;
  /** One past the segment's highest short id when last laid out. */
  shortEnd: number;
  /** The segment's field ids, in the order of the scorer's fields (undefined: not in this index). */
  readonly fieldIds: readonly (number | undefined)[];
}

/** Scores queries over one index, or several read as one. Not re-entrant: one query at a time (JavaScript is). */
export class Scorer {
  private readonly fields: { name: string; weight: number; b: number; title: boolean }[];
  private readonly k1: number;
  private readonly segments: Laid[];
  /** Whether the last segment changed since it was laid out. */
  private stale = true;
  /** Mean length of each field over every segment's documents. */
  private averages: Float64Array;
  private documents = 0;
  /** How many short ids the arrays below have room for. */
  private capacity = 0;
  /** Per short id: the library's document number, or -1 (none, or removed). */
  private external = new Int32Array(0);
  /** Per library document number: its short id, or -1. */
  private shortOfDoc = new Int32Array(0);
  /** Per field, per short id: the field's length in terms. */
  private lengths: Float32Array[] = [];
  /** Per document: sum of the query's scores so far. */
  private acc = new Float64Array(0);
  /** Per document: score of the title field alone. */
  private titleAcc = new Float64Array(0);
  /** Per document: 1 once a field other than the title matched. */
  private own = new Uint8Array(0);
  /** Per document, for the term being scored: its BM25F frequency (and title part). */
  private tf = new Float64Array(0);
  private tfTitle = new Float64Array(0);
  /** Per document, for the word being scored: its best term's score so far. */
  private wordBest = new Float64Array(0);
  private wordTitleBest = new Float64Array(0);
  private wordMark = new Int32Array(0);
  private wordOwn = new Uint8Array(0);
  private termMark = new Int32Array(0);
  private groupMark = new Int32Array(0);
  private groupWords = new Uint16Array(0);
  private groupAcc = new Float64Array(0);
  private stamp = 0;
  private readonly dfMemo = new Map<string, number>();
  private readonly termMemo = new Map<string, TermScores>();
  private termMemoPostings = 0;
  /** Per document: 1 once the query being scored touched it. */
  private queryMark = new Uint8Array(0);
  private outDocs = new Int32Array(0);
  private outScores = new Float64Array(0);
  private outTitleScores = new Float64Array(0);
  private outTitleOnly = new Uint8Array(0);
  /** The documents the query being scored touched, in order. */
  private touched = new Int32Array(0);

  /**
   * @param index one index (its document ids are the library's document numbers), or the
   *   segments of a library, in order; only the last may change (see {@link invalidate})
   * @param titleField the field every passage of an article shares (its title), whose matches
   *   alone do not make a passage a result
   */
  constructor(index: IndexReader | readonly IndexSegment[], params: ScoringParams, titleField?: string) {
    const segments: readonly IndexSegment[] = Array.isArray(index) ? index : [{ index: index as IndexReader, docBase: 0 }];
    if (segments.length === 0) throw new Error('scorer: no index to score');
    this.k1 = params.k1;
    this.fields = Object.entries(params.fields).map(([name, { weight, b }]) => ({ name, weight, b, title: name === titleField }));
    this.segments = segments.map(({ index: reader, docBase }) => ({
      index: reader,
      docBase,
      shortBase: 0,
      shortEnd: 0,
      fieldIds: this.fields.map((f) => reader.fieldId(f.name)),
    }));
    for (const f of this.fields) {
      if (this.segments.every((s) => s.fieldIds[this.fields.indexOf(f)] === undefined)) throw new Error(`scorer: the index has no field '${f.name}'`);
    }
    this.averages = new Float64Array(this.fields.length);
    this.layOut(0);
  }

  /**
   * Say that the last segment changed (documents added or removed): what the scorer derived from
   * it, and every remembered answer, is worked out again on the next call.
   */
  invalidate(): void {
    this.stale = true;
  }

  /** Lay the segments out again from `from` on, if the last one changed. */
  private fresh(): void {
    if (this.stale) this.layOut(this.segments.length - 1);
  }

  /** Number the short ids of segments `from` onwards, and read their documents and lengths. */
  private layOut(from: number): void {
    this.stale = false;
    this.dfMemo.clear();
    this.termMemo.clear();
    this.termMemoPostings = 0;
    let shortBase = from === 0 ? 0 : this.segments[from - 1]!.shortEnd;
    let maxDoc = from === 0 ? 0 : this.shortOfDoc.length;
    const ranges: { short: number; id: number; segment: Laid }[][] = [];
    for (let si = from; si < this.segments.length; si++) {
      const segment = this.segments[si]!;
      let end = 0;
      for (const short of segment.index.documentIds().keys()) if (short + 1 > end) end = short + 1;
      for (const short of segment.index.fieldLengths().keys()) if (short + 1 > end) end = short + 1;
      segment.shortBase = shortBase;
      segment.shortEnd = shortBase + end;
      shortBase = segment.shortEnd;
      const rows: { short: number; id: number; segment: Laid }[] = [];
      for (const [short, id] of segment.index.documentIds()) {
        rows.push({ short, id: id as number, segment });
        maxDoc = Math.max(maxDoc, segment.docBase + (id as number) + 1);
      }
      ranges.push(rows);
    }
    const size = shortBase;
    this.grow(size, maxDoc);
    // The changed segments' short ids are read afresh: removed documents leave -1 behind.
    const firstShort = this.segments[from]!.shortBase;
    this.external.fill(-1, firstShort);
    for (const l of this.lengths) l.fill(0, firstShort);
    // Documents of the changed segments are numbered from their first segment's base onwards.
    this.shortOfDoc.fill(-1, this.segments[from]!.docBase);
    for (const rows of ranges) {
      for (const { short, id, segment } of rows) {
        const global = segment.shortBase + short;
        const doc = segment.docBase + id;
        this.external[global] = doc;
        this.shortOfDoc[doc] = global;
      }
    }
    for (let si = from; si < this.segments.length; si++) {
      const segment = this.segments[si]!;
      for (const [short, lengths] of segment.index.fieldLengths()) {
        const global = segment.shortBase + short;
        if (this.external[global] === -1) continue;
        this.fields.forEach((_, fi) => {
          const id = segment.fieldIds[fi];
          this.lengths[fi]![global] = id === undefined ? 0 : (lengths[id] ?? 0);
        });
      }
    }
    // One mean per field over every segment's documents, as if they were one index.
    this.documents = 0;
    this.averages.fill(0);
    for (const segment of this.segments) {
      const n = segment.index.documentCount;
      this.documents += n;
      this.fields.forEach((_, fi) => {
        const id = segment.fieldIds[fi];
        if (id !== undefined) this.averages[fi] = this.averages[fi]! + n * (segment.index.averageFieldLength(id) ?? 0);
      });
    }
    this.fields.forEach((_, fi) => (this.averages[fi] = this.documents > 0 ? this.averages[fi]! / this.documents : 0));
  }

  /** Make room for `shorts` short ids and `docs` document numbers, keeping what is there. */
  private grow(shorts: number, docs: number): void {
    if (docs > this.shortOfDoc.length) {
      const next = new Int32Array(Math.max(docs, this.shortOfDoc.length === 0 ? docs : Math.ceil(this.shortOfDoc.length * 1.5))).fill(-1);
      next.set(this.shortOfDoc);
      this.shortOfDoc = next;
    }
    if (shorts <= this.capacity) return;
    // A growing segment grows by half again, so that adding articles one by one reallocates rarely.
    const capacity = this.capacity === 0 ? shorts : Math.max(shorts, Math.ceil(this.capacity * 1.5));
    const external = new Int32Array(capacity).fill(-1);
    external.set(this.external);
    this.external = external;
    this.lengths = this.fields.map((_, fi) => {
      const l = new Float32Array(capacity);
      if (this.lengths[fi]) l.set(this.lengths[fi]!);
      return l;
    });
    this.acc = new Float64Array(capacity);
    this.titleAcc = new Float64Array(capacity);
    this.own = new Uint8Array(capacity);
    this.tf = new Float64Array(capacity);
    this.tfTitle = new Float64Array(capacity);
    this.wordBest = new Float64Array(capacity);
    this.wordTitleBest = new Float64Array(capacity);
    this.wordMark = new Int32Array(capacity);
    this.wordOwn = new Uint8Array(capacity);
    this.termMark = new Int32Array(capacity);
    this.queryMark = new Uint8Array(capacity);
    this.outDocs = new Int32Array(capacity);
    this.outScores = new Float64Array(capacity);
    this.outTitleScores = new Float64Array(capacity);
    this.outTitleOnly = new Uint8Array(capacity);
    this.touched = new Int32Array(capacity);
    this.groupMark = new Int32Array(capacity);
    this.groupWords = new Uint16Array(capacity);
    this.groupAcc = new Float64Array(capacity);
    this.capacity = capacity;
  }

  /** The mean length, in terms, of a field over the documents that have it. */
  averageLength(field: string): number {
    this.fresh();
    const fi = this.fields.findIndex((f) => f.name === field);
    if (fi >= 0) return this.averages[fi] || 1;
    // A field the scorer does not weigh: its mean over the segments, as stored.
    let total = 0;
    let n = 0;
    for (const s of this.segments) {
      const id = s.index.fieldId(field);
      if (id === undefined) continue;
      total += s.index.documentCount * (s.index.averageFieldLength(id) ?? 0);
      n += s.index.documentCount;
    }
    return n > 0 ? total / n || 1 : 1;
  }

  /** The number of documents the index has (every segment's). */
  get documentCount(): number {
    this.fresh();
    return this.documents;
  }

  /**
   * How many documents have a term in any scored field.
   *
   * @example scorer.documentFrequency('sleep') // 41
   */
  documentFrequency(term: string): number {
    this.fresh();
    const known = this.dfMemo.get(term);
    if (known !== undefined) return known;
    let df = 0;
    for (const segment of this.segments) df += this.countDocuments(segment, term);
    // Remembered until a segment changes (cleared whole when full, as other memos are).
    if (this.dfMemo.size >= DF_MEMO_SIZE) this.dfMemo.clear();
    this.dfMemo.set(term, df);
    return df;
  }

  /** How many of one segment's live documents have a term in a scored field. */
  private countDocuments(segment: Laid, term: string): number {
    const postings = segment.index.postings(term);
    if (!postings) return 0;
    const stamp = ++this.stamp;
    const { termMark: mark, external } = this;
    const base = segment.shortBase;
    let df = 0;
    this.forEachPosting(segment, postings, (short) => {
      const global = base + short;
      if (mark[global] !== stamp && external[global] !== -1) {
        mark[global] = stamp;
        df++;
      }
    });
    return df;
  }

  /** Every (short id, count) of a term's postings in a segment's scored fields, by field. */
  private forEachPosting(segment: Laid, postings: Map<number, Map<number, number>>, visit: (short: number, count: number, field: number) => void): void {
    this.fields.forEach((_, fi) => {
      const id = segment.fieldIds[fi];
      if (id === undefined) return;
      if (postings instanceof PackedPostings) {
        const found = postings.field(id);
        if (!found) return;
        const { docs, counts } = found;
        for (let i = 0; i < docs.length; i++) visit(docs[i]!, counts[i]!, fi);
        return;
      }
      // A segment built in memory: MiniSearch's own Map, read as it is (no sorting needed to score).
      const freqs = postings.get(id);
      if (freqs) for (const [short, count] of freqs) visit(short, count, fi);
    });
  }

  /** Inverse document frequency of a term found in `df` documents (Lucene's, never negative). */
  idf(df: number): number {
    const n = this.documentCount;
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
    this.fresh();
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
    this.fresh();
    const global = doc >= 0 && doc < this.shortOfDoc.length ? this.shortOfDoc[doc]! : -1;
    if (global < 0) return false;
    const segment = this.segmentOfShort(global);
    const postings = segment.index.postings(term);
    if (!postings) return false;
    const short = global - segment.shortBase;
    for (let fi = 0; fi < this.fields.length; fi++) {
      const id = segment.fieldIds[fi];
      if (id === undefined) continue;
      if (postings instanceof PackedPostings) {
        const field = postings.field(id);
        if (field && includesDoc(field.docs, short)) return true;
      } else if (postings.get(id)?.has(short)) return true;
    }
    return false;
  }

  /** The segment a short id belongs to. */
  private segmentOfShort(global: number): Laid {
    for (let i = this.segments.length - 1; i > 0; i--) if (global >= this.segments[i]!.shortBase) return this.segments[i]!;
    return this.segments[0]!;
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
   * a query's earlier words on every keystroke, and an index changes only between queries.
   *
   * idf · tf~ · (k1 + 1) / (k1 + tf~), with tf~ = Σ over fields of weight · tf / (1 − b + b · len / mean).
   */
  private termScores(term: string): TermScores | undefined {
    const known = this.termMemo.get(term);
    if (known) return known;
    const { tf, tfTitle, k1, external } = this;
    const seen: number[] = [];
    const stamp = ++this.stamp;
    const mark = this.termMark;
    for (const segment of this.segments) {
      const postings = segment.index.postings(term);
      if (!postings) continue;
      const base = segment.shortBase;
      this.fields.forEach((field, fi) => {
        const id = segment.fieldIds[fi];
        if (id === undefined) return;
        const lengths = this.lengths[fi]!;
        const weight = field.weight;
        const { b } = field;
        const scale = b / (this.averages[fi] || 1);
        const add = (short: number, count: number): void => {
          const global = base + short;
          if (external[global] === -1) return;
          if (mark[global] !== stamp) {
            mark[global] = stamp;
            tf[global] = 0;
            tfTitle[global] = 0;
            seen.push(global);
          }
          const part = (weight * count) / (1 - b + scale * lengths[global]!);
          tf[global] = tf[global]! + part;
          if (field.title) tfTitle[global] = tfTitle[global]! + part;
        };
        if (postings instanceof PackedPostings) {
          const found = postings.field(id);
          if (!found) return;
          const { docs, counts } = found;
          // The common case (a loaded index), inlined: the loop every keystroke's new term runs.
          for (let i = 0; i < docs.length; i++) {
            const global = base + docs[i]!;
            if (external[global] === -1) continue;
            if (mark[global] !== stamp) {
              mark[global] = stamp;
              tf[global] = 0;
              tfTitle[global] = 0;
              seen.push(global);
            }
            const part = (weight * counts[i]!) / (1 - b + scale * lengths[global]!);
            tf[global] = tf[global]! + part;
            if (field.title) tfTitle[global] = tfTitle[global]! + part;
          }
        } else {
          const freqs = postings.get(id);
          if (freqs) for (const [short, count] of freqs) add(short, count);
        }
      });
    }
    if (seen.length === 0) return undefined;
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
