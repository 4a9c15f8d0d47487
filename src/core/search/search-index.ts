/**
 * The search index: one MiniSearch document per passage, and the one class that reads
 * MiniSearch's internals.
 *
 * MiniSearch builds, serializes and loads the index, and answers its own `search` (exclusions
 * use it). Quire's scorer (scorer.ts) walks the inverted index itself, and the loader writes
 * packed postings straight into it (postings.ts), so both need fields MiniSearch keeps
 * `protected`. {@link SearchIndex} extends MiniSearch and is the only code that touches them:
 * each is read in one getter whose type says what Quire relies on, so `tsc` fails on an upgrade
 * that renames or retypes one, and {@link checkInternals} fails fast, naming the field, where
 * only running can tell (the version is pinned exactly, minisearch 7.2.0).
 *
 * One options constant, {@link INDEX_OPTIONS}, is used to build the index and to load it:
 * MiniSearch.loadJSON must be given the same tokenizer and term processing the index was built
 * with, or loaded indexes silently stop matching.
 */
import MiniSearch, { type Options } from 'minisearch';
import { LEAD_SECTION_ID } from '../../shared/model';
import type { Library, PassageRef } from '../library/library';
import { PackedPostings, POSTINGS_FORMAT, unpackPostings, type SerializedPostings } from './postings';
import { termOf, tokenize } from '../../shared/text';

/** A search document: one passage, with the titles it sits under. */
export interface SearchDoc {
  /** Document number (see {@link Library.doc}). */
  readonly id: number;
  readonly title: string;
  readonly heading: string;
  readonly text: string;
}

/** The options the index is built and loaded with. */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['title', 'heading', 'text'],
  storeFields: [],
  tokenize,
  processTerm: termOf,
  // Typos and completions are matched against the vocabulary (see vocabulary.ts), not here.
  searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
};

/** A term's postings: field id → document number (MiniSearch short id) → count. */
export type Postings = Map<number, Map<number, number>>;

/**
 * The library an index was written with: written into the index file by the build, so that a
 * loader can tell an index from other content (see library/load.ts).
 */
export interface LibraryStamp {
  /** The library's fingerprint (the hash of the content files it was built from). */
  readonly fingerprint: string;
  /** How many search documents (passages) the library has. */
  readonly documents: number;
}

/** MiniSearch's serialized form, as `serializeIndex` writes it (packed postings, a stamp). */
interface IndexJson {
  readonly postingsFormat?: number;
  readonly library?: LibraryStamp;
  readonly index: [string, SerializedPostings | Record<string, Record<string, number>>][];
  readonly [key: string]: unknown;
}

type MiniSearchJs = Parameters<typeof MiniSearch.loadJS>[0];

/**
 * What each MiniSearch internal read here must look like at run time, by field name: checked
 * once per index (see `checkInternals`), because a type cannot see what an upgrade does inside.
 */
const INTERNAL_SHAPES: readonly (readonly [field: string, shape: string, ok: (value: unknown) => boolean])[] = [
  ['_index', 'a radix tree with get and set', (v) => typeof (v as Map<string, unknown>)?.get === 'function' && typeof (v as Map<string, unknown>).set === 'function'],
  ['_fieldIds', 'an object of field ids', (v) => typeof v === 'object' && v !== null && Object.values(v).every((id) => typeof id === 'number')],
  ['_fieldLength', 'a Map of field lengths', (v) => v instanceof Map],
  ['_avgFieldLength', 'an array of mean field lengths', (v) => Array.isArray(v)],
  ['_documentCount', 'a number', (v) => typeof v === 'number'],
  ['_documentIds', 'a Map of document ids', (v) => v instanceof Map],
];

/**
 * Fail fast when a MiniSearch's internals are not what {@link SearchIndex} reads.
 *
 * @throws Error naming the first field that is missing or has another shape
 */
export function checkInternals(index: object): void {
  const fields = index as unknown as Record<string, unknown>;
  for (const [field, shape, ok] of INTERNAL_SHAPES) {
    if (!ok(fields[field])) {
      throw new Error(`search index: MiniSearch's internal field '${field}' is not ${shape}; Quire reads the internals of minisearch 7.2.0 (see search-index.ts)`);
    }
  }
}

/**
 * A MiniSearch index that also answers what Quire's scorer reads: postings, field ids and
 * lengths, document numbers.
 *
 * @example const index = new SearchIndex(INDEX_OPTIONS); index.addAll(searchDocs(library))
 */
export class SearchIndex<T = SearchDoc> extends MiniSearch<T> {
  /** The library the index was written with, when it was loaded from a file that says. */
  readonly writtenWith: LibraryStamp | undefined;

  constructor(options: Options<T>, writtenWith?: LibraryStamp) {
    super(options);
    this.writtenWith = writtenWith;
    checkInternals(this);
  }

  // MiniSearch's internals, each read in exactly one place, with the type Quire relies on.
  private get termTree(): { get(term: string): Postings | undefined; set(term: string, postings: Postings): unknown } & Iterable<[string, Postings]> {
    return this._index;
  }
  private get fieldIds(): Readonly<Record<string, number>> {
    return this._fieldIds;
  }
  private get fieldLengthMap(): ReadonlyMap<number, readonly number[]> {
    return this._fieldLength;
  }
  private get averageFieldLengths(): readonly number[] {
    return this._avgFieldLength;
  }
  private get shortIds(): ReadonlyMap<number, unknown> {
    return this._documentIds;
  }

  /** A term's postings by field id, or undefined when no document has it. */
  postings(term: string): Postings | undefined {
    return this.termTree.get(term);
  }

  /** Every term with its postings (in the index's order). */
  terms(): Iterable<[string, Postings]> {
    return this.termTree;
  }

  /** The id MiniSearch gave a field, or undefined when the index has no such field. */
  fieldId(field: string): number | undefined {
    return this.fieldIds[field];
  }

  /** The mean length, in terms, of a field (by id) over the documents that have it. */
  averageFieldLength(fieldId: number): number | undefined {
    return this.averageFieldLengths[fieldId];
  }

  /** Each document's field lengths (by field id), by document number. */
  fieldLengths(): ReadonlyMap<number, readonly number[]> {
    return this.fieldLengthMap;
  }

  /** Each document's external id (the `idField` value), by document number. */
  documentIds(): ReadonlyMap<number, unknown> {
    return this.shortIds;
  }

  /**
   * Load an index written by `serializeIndex` (or by MiniSearch's own `JSON.stringify`), with
   * the options it was built with: its text, or the object it parses to (an index kept inside
   * another JSON file).
   *
   * @param mutable whether documents will be added and discarded (the reader's own segment): its
   *   postings are then MiniSearch's Maps from the start, not packed arrays decoded on first use
   *
   * @throws Error when the JSON is no MiniSearch index, or MiniSearch's internals have changed
   */
  static loadPacked<T>(json: string | object, options: Options<T>, mutable = false): SearchIndex<T> {
    const { library, ...js } = (typeof json === 'string' ? JSON.parse(json) : json) as IndexJson;
    const packed = js.postingsFormat === POSTINGS_FORMAT;
    // MiniSearch's loader makes a MiniSearch, never a subclass (it calls `new MiniSearch`): its
    // state is moved into one. Packed postings are left out of it and set below, undecoded.
    const plain = MiniSearch.loadJS<T>((packed ? { ...js, index: [] } : js) as unknown as MiniSearchJs, options);
    // Checked before the move: a field MiniSearch no longer sets would leave a fresh one's default.
    checkInternals(plain);
    const index = Object.assign(new SearchIndex<T>(options, library), plain);
    // An index that will change keeps MiniSearch's own Maps, which adding and discarding update;
    // one that never changes keeps its postings packed until a term is first searched.
    if (packed) for (const [term, data] of js.index) index.termTree.set(term, mutable ? unpackPostings(data as SerializedPostings) : new PackedPostings(data as SerializedPostings));
    return index;
  }
}

/** The search documents of a library, in document-number order. */
export function searchDocs(library: Library): SearchDoc[] {
  return library.allDocs().map(searchDoc);
}

/** The search document of one passage, numbered `id`. */
export function searchDoc(ref: PassageRef, id: number): SearchDoc {
  // A question is the heading of its answer: the two are one result, found through the answer.
  if (ref.passage.kind === 'question') return { id, title: '', heading: '', text: '' };
  const heading = ref.section && ref.section.id !== LEAD_SECTION_ID ? ref.section.path.join(' ') : '';
  return { id, title: ref.article.title, heading, text: ref.passage.text };
}

/** Build a fresh index of a library. */
export function buildIndex(library: Library): SearchIndex {
  const index = new SearchIndex<SearchDoc>(INDEX_OPTIONS);
  index.addAll(searchDocs(library));
  return index;
}

/** Load an index written by `serializeIndex` (see postings.ts), with the options it was built with. */
export function loadIndex(json: string): SearchIndex {
  return SearchIndex.loadPacked<SearchDoc>(json, INDEX_OPTIONS);
}
