/**
 * The search index on disk, and its postings as sorted typed arrays once loaded.
 *
 * MiniSearch serializes each term's postings as objects keyed by document number
 * (`{"17": 2, "18": 1}`), and loads them into one Map per term and field. Both are slow for what
 * searching does with them, which is to walk a term's documents in order: a parsed object with
 * numeric keys is enumerated as strings, and a Map costs tens of bytes per entry. So the index
 * is written with each field's postings as one flat array of document-number gaps and counts
 * (`[17, 2, 1, 1]`: document 17 twice, document 18 once), which parses as a packed array of
 * small integers. On a term's first use its arrays are decoded into two typed arrays, which the
 * scorer reads directly; MiniSearch's own Maps are made only if MiniSearch itself asks for them.
 */
import type MiniSearch from 'minisearch';
import type { LibraryStamp } from './search-index';

/** Marks an index written by `serializeIndex` (beside MiniSearch's own serializationVersion). */
export const POSTINGS_FORMAT = 1;

/** One field's postings: document numbers (MiniSearch short ids) in increasing order, and counts. */
export interface FieldPostings {
  readonly docs: Int32Array;
  readonly counts: Uint32Array;
}

/** One term's postings as written: field id → flat [gap, count, gap, count, ...]. */
export type SerializedPostings = Record<string, number[]>;

/**
 * Serialize an index (for `SearchIndex.loadPacked`, search-index.ts), with the library it was
 * built from when given (read back as `writtenWith`).
 *
 * @example SearchIndex.loadPacked(serializeIndex(index), options) // the same index, searchable
 */
export function serializeIndex<T>(index: MiniSearch<T>, library?: LibraryStamp): string {
  const js = index.toJSON() as unknown as { index: [string, Record<string, Record<string, number>>][]; documentIds: Record<string, unknown> };
  // A discarded document's postings stay in MiniSearch's index until it is vacuumed: not written.
  const live = (doc: number): boolean => Object.hasOwn(js.documentIds, doc);
  const packed = js.index.flatMap(([term, fields]): [string, SerializedPostings][] => {
    const out: SerializedPostings = {};
    for (const fieldId of Object.keys(fields)) {
      const freqs = fields[fieldId]!;
      const docs = Object.keys(freqs)
        .map(Number)
        .filter(live)
        .sort((a, b) => a - b);
      if (docs.length === 0) continue;
      const flat: number[] = new Array(docs.length * 2);
      let previous = 0;
      docs.forEach((doc, i) => {
        flat[2 * i] = doc - previous;
        flat[2 * i + 1] = freqs[doc]!;
        previous = doc;
      });
      out[fieldId] = flat;
    }
    return Object.keys(out).length > 0 ? [[term, out]] : [];
  });
  return JSON.stringify({ ...js, index: packed, dirtCount: 0, postingsFormat: POSTINGS_FORMAT, ...(library ? { library } : {}) });
}

/**
 * A term's postings, by field: decoded into typed arrays on first use (`field`), and into
 * MiniSearch's Maps only when MiniSearch's own methods read them.
 */
export class PackedPostings extends Map<number, Map<number, number>> {
  private raw: SerializedPostings | undefined;
  private decoded: Map<number, FieldPostings> | undefined;
  private maps = false;

  constructor(raw: SerializedPostings) {
    super();
    this.raw = raw;
  }

  /** One field's postings, or undefined when the term is not in that field. */
  field(fieldId: number): FieldPostings | undefined {
    return this.arrays().get(fieldId);
  }

  private arrays(): Map<number, FieldPostings> {
    if (this.decoded) return this.decoded;
    const decoded = new Map<number, FieldPostings>();
    const raw = this.raw!;
    for (const key of Object.keys(raw)) {
      const flat = raw[key]!;
      const n = flat.length >> 1;
      const docs = new Int32Array(n);
      const counts = new Uint32Array(n);
      let doc = 0;
      for (let i = 0; i < n; i++) {
        doc += flat[2 * i]!;
        docs[i] = doc;
        counts[i] = flat[2 * i + 1]!;
      }
      decoded.set(Number(key), { docs, counts });
    }
    this.raw = undefined;
    this.decoded = decoded;
    return decoded;
  }

  /** Make MiniSearch's Maps, for MiniSearch's own methods (searching with `index.search`). */
  private ready(): void {
    if (this.maps) return;
    this.maps = true;
    for (const [fieldId, { docs, counts }] of this.arrays()) {
      const map = new Map<number, number>();
      for (let i = 0; i < docs.length; i++) map.set(docs[i]!, counts[i]!);
      super.set(fieldId, map);
    }
  }

  override get(key: number): Map<number, number> | undefined {
    this.ready();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.ready();
    return super.has(key);
  }
  override get size(): number {
    this.ready();
    return super.size;
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.ready();
    return super.entries();
  }
  override keys(): MapIterator<number> {
    this.ready();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.ready();
    return super.values();
  }
  override forEach(callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.ready();
    super.forEach(callback, thisArg);
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    this.ready();
    return super[Symbol.iterator]();
  }
}

/** A term's postings as MiniSearch keeps them in memory, from their packed form: an index that will change. */
export function unpackPostings(raw: SerializedPostings): Map<number, Map<number, number>> {
  const fields = new Map<number, Map<number, number>>();
  for (const key of Object.keys(raw)) {
    const flat = raw[key]!;
    const freqs = new Map<number, number>();
    let doc = 0;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      doc += flat[i]!;
      freqs.set(doc, flat[i + 1]!);
    }
    fields.set(Number(key), freqs);
  }
  return fields;
}

/**
 * A term's postings in one field as sorted arrays: straight from a loaded index, or copied out
 * of MiniSearch's Map (an index built in memory).
 */
export function fieldPostings(postings: Map<number, Map<number, number>>, fieldId: number): FieldPostings | undefined {
  if (postings instanceof PackedPostings) return postings.field(fieldId);
  const freqs = postings.get(fieldId);
  if (!freqs || freqs.size === 0) return undefined;
  const docs = Int32Array.from(freqs.keys()).sort();
  const counts = new Uint32Array(docs.length);
  docs.forEach((doc, i) => (counts[i] = freqs.get(doc)!));
  return { docs, counts };
}

/** Whether sorted document numbers include one (binary search). */
export function includesDoc(docs: Int32Array, doc: number): boolean {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = docs[mid]!;
    if (d === doc) return true;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
