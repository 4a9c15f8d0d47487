/**
 * Full-text search over every passage of the library, with MiniSearch.
 *
 * A query is parsed (see query.ts), expanded with synonyms, and run as one MiniSearch query tree:
 * each clause ORed (every word counts, none is required), typo tolerance growing with word
 * length, prefix matching on the word being typed. The best candidates are then re-ranked with
 * what MiniSearch cannot see: exact phrases and proximity, and editorial text before comments.
 *
 * One options constant, {@link INDEX_OPTIONS}, is used to build the index and to load it:
 * MiniSearch.loadJSON must be given the same tokenizer and term processing the index was built
 * with, or loaded indexes silently stop matching.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { SearchFacet, SearchHit, SearchOptions, SearchResponse, TitleHit } from '../../shared/api';
import { LEAD_SECTION_ID, PASSAGE_KINDS, type PassageKind } from '../../shared/model';
import { DEFAULT_SEARCH_LIMIT, MAX_QUERY_LENGTH } from '../../shared/schemas';
import type { Library, PassageRef } from '../library/library';
import type { LoadedLibrary } from '../library/load';
import { loadPackedIndex } from './postings';
import { parseQuery, queryWords, type ParsedQuery, type Scope } from './query';
import { termsOf } from './synonyms';
import { Scorer, type Scored, type TermGroup, type WeightedTerm, type WordTerms } from './scorer';
import { foldWord, termOf, tokenize, tokenizeWithOffsets } from './text';
import { maxTypos } from './vocabulary';
export { maxTypos };

/** A search document: one passage, with the titles it sits under. */
export interface SearchDoc {
  /** Document number (see {@link Library.doc}). */
  readonly id: number;
  readonly title: string;
  readonly heading: string;
  readonly text: string;
}

/**
 * The ranking's parameters, in one place: BM25F over the passage's fields (see scorer.ts).
 *
 * A word in the article title counts as `weight` words of text, and one in a heading likewise:
 * they say what the passage is about, but every passage of an article (or a section) shares
 * them, so their weights stay modest. k1 and b are BM25's usual values.
 */
export const RANKING = {
  k1: 1.2,
  fields: {
    title: { weight: 2, b: 0.75 },
    heading: { weight: 1.5, b: 0.75 },
    text: { weight: 1, b: 0.75 },
  },
  /** Weight of a synonym's match relative to the word searched. */
  synonymWeight: 0.5,
  /** Score factor of a reader comment, so editorial text wins an equal match. */
  commentWeight: 0.85,
  /** Weight of a pair of query words found side by side, in order, against a word's (see rerank). */
  adjacentBonus: 0.2,
  /** Candidates re-ranked for proximity (the rest keep their order). */
  rerankDepth: 50,
};

/** Most article facets an answer lists (besides the chosen ones): the articles with most hits. */
export const MAX_ARTICLE_FACETS = 50;

/** Shortest typed word that is matched as a prefix (shorter prefixes match too much). */
const MIN_PREFIX_LENGTH = 3;

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


/** The search documents of a library, in document-number order. */
export function searchDocs(library: Library): SearchDoc[] {
  return library.allDocs().map((ref, id) => {
    // A question is the heading of its answer: the two are one result, found through the answer.
    if (ref.passage.kind === 'question') return { id, title: '', heading: '', text: '' };
    const heading = ref.section && ref.section.id !== LEAD_SECTION_ID ? ref.section.path.join(' ') : '';
    return { id, title: ref.article.title, heading, text: ref.passage.text };
  });
}

/** Build a fresh index of a library. */
export function buildIndex(library: Library): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  index.addAll(searchDocs(library));
  return index;
}

/**
 * Load an index written by `serializeIndex` (see postings.ts), with the options it was built with.
 */
export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return loadPackedIndex<SearchDoc>(json, INDEX_OPTIONS);
}

/** Which passage kinds each `in:` scope covers. */
const SCOPE_KINDS: Record<Scope, readonly PassageKind[]> = {
  comments: ['comment'],
  body: PASSAGE_KINDS.filter((k) => k !== 'comment'),
  faq: ['question', 'answer'],
  table: ['table'],
};

/** Folded words of a text, for phrase and proximity checks. */
function foldedWords(text: string): string[] {
  return tokenize(text).map(foldWord);
}

/** Whether `words` (folded) stand together, in order, in `hay`. */
function containsSequence(hay: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return true;
  outer: for (let i = 0; i + words.length <= hay.length; i++) {
    for (let k = 0; k < words.length; k++) if (hay[i + k] !== words[k]) continue outer;
    return true;
  }
  return false;
}

/** The scorer of a library's index, made on first use (a library never changes once loaded). */
const scorers = new WeakMap<LoadedLibrary, Scorer>();
function scorerOf(loaded: LoadedLibrary): Scorer {
  let scorer = scorers.get(loaded);
  if (!scorer) scorers.set(loaded, (scorer = new Scorer(loaded.index as MiniSearch<unknown>, RANKING, 'title')));
  return scorer;
}

/** Each passage's article and kind as small integers, by document number. */
class DocTable {
  readonly article: Uint32Array;
  readonly kind: Uint8Array;
  /** Each article's place in title order (localeCompare), so facets sort without comparing text. */
  readonly titleOrder: Uint32Array;
  /** Room for the positions of every passage a query keeps, reused by each search. */
  readonly keptBuffer: Uint32Array;
  private readonly articleIndex: Map<string, number>;

  constructor(library: Library) {
    const docs = library.allDocs();
    this.articleIndex = new Map(library.articles.map((a, i) => [a.id, i]));
    this.titleOrder = new Uint32Array(library.articles.length);
    library.articles
      .map((a, i) => ({ title: a.title, i }))
      .sort((a, b) => a.title.localeCompare(b.title))
      .forEach(({ i }, place) => (this.titleOrder[i] = place));
    this.article = new Uint32Array(docs.length);
    this.kind = new Uint8Array(docs.length);
    this.keptBuffer = new Uint32Array(docs.length);
    docs.forEach((ref, i) => {
      this.article[i] = this.articleIndex.get(ref.article.id)!;
      this.kind[i] = PASSAGE_KINDS.indexOf(ref.passage.kind);
    });
  }

  /** A mask over article indices: 1 for the given ids. */
  articleMask(ids: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.articleIndex.size);
    for (const id of ids) {
      const i = this.articleIndex.get(id);
      if (i !== undefined) mask[i] = 1;
    }
    return mask;
  }

  /** A mask over kind codes: 1 for the given kinds. */
  kindMask(kinds: readonly PassageKind[]): Uint8Array {
    const mask = new Uint8Array(PASSAGE_KINDS.length);
    for (const k of kinds) mask[PASSAGE_KINDS.indexOf(k)] = 1;
    return mask;
  }
}

const COMMENT_KIND = PASSAGE_KINDS.indexOf('comment');
const docTables = new WeakMap<LoadedLibrary, DocTable>();
function docTableOf(loaded: LoadedLibrary): DocTable {
  let table = docTables.get(loaded);
  if (!table) docTables.set(loaded, (table = new DocTable(loaded.library)));
  return table;
}

/**
 * How rare a stem is, from 1 (in one passage) towards 0 (in every one): its idf over the idf of
 * a word found once. Typo and completion expansions are weighted by it.
 */
function rarityOf(loaded: LoadedLibrary): (stem: string) => number {
  const scorer = scorerOf(loaded);
  const top = scorer.idf(1);
  return (stem) => Math.max(0, scorer.idf(Math.max(1, scorer.documentFrequency(stem)))) / top;
}
const rarities = new WeakMap<LoadedLibrary, (stem: string) => number>();

/** The index terms of one word, with weights (typos and, when typing, completions). */
function expandWord(loaded: LoadedLibrary, word: string, prefix: boolean): WeightedTerm[] {
  let rarity = rarities.get(loaded);
  if (!rarity) rarities.set(loaded, (rarity = rarityOf(loaded)));
  const terms = loaded.library.vocabulary.expand(word, prefix && foldWord(word).length >= MIN_PREFIX_LENGTH, rarity);
  return [...terms].map(([term, weight]) => ({ term, weight }));
}

/** What a query asks of the scorer, and how its words were read. */
interface QueryPlan {
  readonly words: WordTerms[];
  readonly groups: TermGroup[];
  readonly reading: { corrections: { typed: string; searched: string }[]; synonyms: { word: string; searched: string[]; label?: string }[] };
}

/** The query's words as typed, with their terms, in order (stop words left out), for synonyms. */
function clauseWords(parsed: ParsedQuery): { written: string; term: string }[] {
  return parsed.clauses.flatMap((c) =>
    (c.alternatives.length === 1 ? c.alternatives[0]!.words : []).flatMap((w) => {
      const term = termOf(w);
      return term === null ? [] : [{ written: w, term }];
    }),
  );
}

/**
 * Plan a query: each word's terms, synonym groups for every run of words that has synonyms,
 * and the words that were searched as something else (corrections and synonyms), to be told.
 *
 * Every word counts on its own, none is required: the parts of a hyphenated word (fast-twitch,
 * IGF-1) are words like any other, brought together by the side-by-side bonus, and a quoted
 * phrase is required by a filter, not by scoring. A word the library lacks is read through its
 * synonyms when it has any there, otherwise through typos.
 */
function planQuery(loaded: LoadedLibrary, parsed: ParsedQuery): QueryPlan {
  const scorer = scorerOf(loaded);
  const { vocabulary, synonyms: table } = loaded.library;
  const present = (terms: readonly string[]): boolean => terms.every((t) => scorer.documentFrequency(t) > 0);
  const plan: QueryPlan = { words: [], groups: [], reading: { corrections: [], synonyms: [] } };

  // Synonyms, for every run of words (longest first) that has some in the library.
  const sequence = clauseWords(parsed);
  const coveredBySynonym = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < sequence.length; i++) {
    for (let n = Math.min(table.longest, sequence.length - i); n >= 1; n--) {
      const run = sequence.slice(i, i + n);
      const found = table.lookup(run.map((w) => w.term)).filter((syn) => present(syn.terms));
      const fresh = found.filter((syn) => !seen.has(syn.terms.join(' ')));
      for (const synonym of fresh) {
        seen.add(synonym.terms.join(' '));
        // A synonym phrase of n words adds n terms' scores: each weighs 1/n² of a synonym, so
        // a phrase never outranks the word searched.
        const weight = RANKING.synonymWeight / synonym.terms.length ** 2;
        plan.groups.push(synonym.terms.map((term) => [{ term, weight }]));
      }
      // Words the library lacks, found through synonyms: say so, with the group's label.
      if (found.length > 0 && !present(run.map((w) => w.term))) {
        const word = run.map((w) => w.written).join(' ');
        if (n === 1) coveredBySynonym.add(run[0]!.written);
        if (!plan.reading.synonyms.some((s) => s.word === word)) {
          const label = found.find((syn) => !syn.fromHead && syn.group.label)?.group.label;
          plan.reading.synonyms.push({ word, searched: [...new Set(found.map((syn) => syn.written))], ...(label ? { label } : {}) });
        }
      }
    }
  }

  const lastClause = parsed.clauses.length - 1;
  parsed.clauses.forEach((clause, ci) =>
    clause.alternatives.forEach((alt, ai) => {
      const typingAlt = parsed.typing && ci === lastClause && ai === clause.alternatives.length - 1;
      const words = alt.words.filter((w) => termOf(w) !== null);
      words.forEach((w, wi) => {
        const typing = typingAlt && wi === words.length - 1;
        if (alt.quoted || coveredBySynonym.has(w)) {
          plan.words.push([{ term: termOf(w)!, weight: 1 }]);
          return;
        }
        const terms = expandWord(loaded, w, typing);
        if (terms.length > 0) plan.words.push(terms);
        // A word the library lacks, read as its nearest words: say so, but not for a word still
        // being typed that its completions account for.
        const folded = foldWord(w);
        if (vocabulary.stemCount(termOf(w)!) === 0 && terms.length > 1 && !(typing && vocabulary.hasPrefix(folded))) {
          const searched = vocabulary.closest(folded, maxTypos(folded));
          if (searched && !plan.reading.corrections.some((c) => c.typed === w)) plan.reading.corrections.push({ typed: w, searched });
        }
      });
    }),
  );
  return plan;
}

/** Article ids an `article:` value names: the id itself, or titles containing its words. */
function resolveArticles(library: Library, values: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const value of values) {
    const v = value.toLowerCase();
    if (library.article(v)) {
      ids.add(v);
      continue;
    }
    const words = queryWords(value.replace(/[-_]/g, ' ')).map(foldWord);
    for (const a of library.articles) {
      const title = new Set(foldedWords(a.title));
      const idWords = new Set(a.id.split('-'));
      if (words.length > 0 && words.every((w) => title.has(w) || idWords.has(w) || [...title].some((t) => t.startsWith(w) && w.length >= 3))) ids.add(a.id);
    }
  }
  return ids;
}

/** A candidate on its way to becoming a hit. */
interface Ranked {
  readonly ref: PassageRef;
  readonly doc: number;
  score: number;
}

/** Every passage a query matches, with scores (parallel typed arrays, `count` long). */
interface Candidates extends Scored {
  /** The index terms the query scored, for telling which matched in a passage. */
  readonly terms: readonly string[];
  /** Words searched as something else. */
  readonly reading: QueryPlan['reading'];
}

/**
 * Search the library.
 *
 * @example search(loaded, 'dry mouth -botox in:faq', { limit: 5 }).results[0]?.passageId
 */
export function search(loaded: LoadedLibrary, query: string, options: SearchOptions = {}): SearchResponse {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const offset = options.offset ?? 0;
  const parsed = parseQuery(q);
  const found = rank(loaded, parsed);
  if (found === undefined) return { query, total: 0, results: [], titles: [], articles: [], articleTotal: 0, kinds: [] };
  const { library } = loaded;

  // Facets as search interfaces count them: each facet's counts apply every filter but its own,
  // so a chip shows how many hits choosing it would give. Counted over flat arrays: a query can
  // match every passage of the library. A passage found only by its article's title is no
  // passage result: the article is, once (see `titles`).
  const table = docTableOf(loaded);
  const articleMask = options.articleIds?.length ? table.articleMask(options.articleIds) : undefined;
  const kindMask = options.kinds?.length ? table.kindMask(options.kinds) : undefined;
  const articleCounts = new Int32Array(library.articles.length);
  const kindCounts = new Int32Array(PASSAGE_KINDS.length);
  const titleScores = new Float64Array(library.articles.length);
  const keptAll = table.keptBuffer;
  let keptCount = 0;
  const { docs: foundDocs, titleOnly, titleScores: foundTitles } = found;
  const articleOf = table.article;
  const kindOf = table.kind;
  for (let i = 0; i < found.count; i++) {
    const doc = foundDocs[i]!;
    const article = articleOf[doc]!;
    const inArticle = articleMask === undefined || articleMask[article] === 1;
    const titleScore = foundTitles[i]!;
    if (titleScore > 0 && inArticle && titleScore > titleScores[article]!) titleScores[article] = titleScore;
    if (titleOnly[i] === 1) continue;
    const kind = kindOf[doc]!;
    const inKind = kindMask === undefined || kindMask[kind] === 1;
    if (inKind) articleCounts[article]!++;
    if (inArticle) kindCounts[kind]!++;
    if (inArticle && inKind) keptAll[keptCount++] = i;
  }
  const kept = keptAll.subarray(0, keptCount);
  const facetArticles: number[] = [];
  for (let i = 0; i < articleCounts.length; i++) if (articleCounts[i]! > 0) facetArticles.push(i);
  const articleTotal = facetArticles.length;
  // A chip per article is useful for a few dozen: beyond that, the articles with most hits, and
  // the chosen ones so that they can be turned off. Thousands would only weigh down the answer.
  // Picked, not sorted: a common word can match thousands of articles on every keystroke.
  const listed = topArticles(facetArticles, articleCounts, table.titleOrder, articleMask);
  const articles: SearchFacet[] = listed.map((i) => ({ key: library.articles[i]!.id, label: library.articles[i]!.title, count: articleCounts[i]! }));
  const kinds: SearchFacet<PassageKind>[] = PASSAGE_KINDS.flatMap((k, i) => (kindCounts[i]! > 0 ? [{ key: k, label: k, count: kindCounts[i]! }] : []));

  // Only the best few become hits: pick them without sorting every match.
  const head = topK(kept, found.scores, Math.max(offset + limit, RANKING.rerankDepth)).map((i) => ({
    ref: library.doc(found.docs[i]!)!,
    doc: found.docs[i]!,
    score: found.scores[i]!,
  }));
  rerank(loaded, head, parsed);
  const scorer = scorerOf(loaded);
  const matchedTerms = new Set(found.terms);
  const response: SearchResponse = {
    query,
    total: kept.length,
    results: head.slice(offset, offset + limit).map((r) => toHit(r, new Set(found.terms.filter((t) => scorer.has(r.doc, t))))),
    // Titles are articles, not passages: a kind filter (passages of a kind) leaves them out.
    titles: kindMask || offset > 0 ? [] : titleHits(library, titleScores, matchedTerms, limit),
    articles,
    articleTotal,
    kinds,
    ...readingOf(q, found.reading),
  };
  if (kept.length === 0 && response.titles.length === 0) {
    const didYouMean = correct(loaded, q);
    if (didYouMean) return { ...response, didYouMean };
  }
  return response;
}

/**
 * The articles to list as facets, most hits first (ties in title order): the `MAX_ARTICLE_FACETS`
 * with most hits, then any chosen ones beyond them.
 */
function topArticles(articles: readonly number[], counts: Int32Array, titleOrder: Uint32Array, chosen: Uint8Array | undefined): number[] {
  // One number orders by hits, then by title: counts times the article count, plus the reverse title place.
  const n = titleOrder.length;
  const key = new Float64Array(n);
  for (const i of articles) key[i] = counts[i]! * n + (n - 1 - titleOrder[i]!);
  const top = topK(articles, key, MAX_ARTICLE_FACETS);
  if (!chosen || articles.length <= MAX_ARTICLE_FACETS) return top;
  const listed = new Set(top);
  const more = articles.filter((i) => chosen[i] === 1 && !listed.has(i)).sort((a, b) => key[b]! - key[a]!);
  return [...top, ...more];
}

/** How the query was read, for the answer: absent when every word was searched as typed. */
function readingOf(q: string, { corrections, synonyms }: QueryPlan['reading']): Pick<SearchResponse, 'readAs'> {
  if (corrections.length === 0 && synonyms.length === 0) return {};
  let read = q;
  for (const c of corrections) read = read.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(c.typed)}(?![\\p{L}\\p{N}])`, 'u'), c.searched);
  return { readAs: { query: read.trim(), corrections, synonyms } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The articles whose titles matched, best first, with the matched words of each title marked. */
function titleHits(library: Library, scores: Float64Array, terms: ReadonlySet<string>, limit: number): TitleHit[] {
  const matched: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) matched.push(i);
  return topK(matched, scores, limit).map((i) => {
    const article = library.articles[i]!;
    return { articleId: article.id, articleTitle: article.title, highlights: matchedSpans(article.title, terms), score: Math.round(scores[i]! * 1000) / 1000 };
  });
}

/** Positions (into `items`) of the k best scores, best first (ties: the earlier position). */
function topK(items: ArrayLike<number>, scores: ArrayLike<number>, k: number): number[] {
  const byScore = (a: number, b: number): number => scores[b]! - scores[a]! || a - b;
  if (items.length <= k * 4) return Array.from(items).sort(byScore).slice(0, k);
  // A min-heap of the best k seen so far; most items fall below its least and cost one compare.
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  let least = -Infinity;
  for (let n = 0; n < items.length; n++) {
    const item = items[n]!;
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
      if (heap.length === k) least = scores[heap[0]!]!;
    } else if (scores[item]! > least) {
      // Items come in increasing position, so an equal score never displaces the heap's least.
      heap[0] = item;
      down(0);
      least = scores[heap[0]!]!;
    }
  }
  return heap.sort(byScore);
}

/** Run a parsed query: every passage it matches, with scores; undefined when it asks nothing. */
function rank(loaded: LoadedLibrary, parsed: ParsedQuery): Candidates | undefined {
  const { library } = loaded;
  const hasScope = parsed.scopes.length > 0 || parsed.articles.length > 0;
  if (parsed.clauses.length === 0 && !hasScope) return undefined;

  const kinds = parsed.scopes.length > 0 ? new Set(parsed.scopes.flatMap((s) => SCOPE_KINDS[s])) : undefined;
  const articleIds = parsed.articles.length > 0 ? resolveArticles(library, parsed.articles) : undefined;
  const excluded = excludedDocs(loaded, parsed);
  const required = parsed.clauses.flatMap((c) => (c.alternatives.every((a) => a.quoted) ? [c.alternatives.map((a) => a.words.map(foldWord))] : []));
  const needsFilter = kinds !== undefined || articleIds !== undefined || excluded.size > 0 || required.length > 0;
  const allowed = (id: number): boolean => {
    const ref = library.doc(id);
    if (!ref || excluded.has(id)) return false;
    if (kinds && !kinds.has(ref.passage.kind)) return false;
    if (articleIds && !articleIds.has(ref.article.id)) return false;
    if (required.length > 0) {
      const words = foldedWords(ref.passage.text);
      if (!required.every((alts) => alts.some((phrase) => containsSequence(words, phrase)))) return false;
    }
    return true;
  };

  const { words, groups, reading } = planQuery(loaded, parsed);
  const terms = [...new Set([...words.flat(), ...groups.flat(2)].map((t) => t.term))];

  const table = docTableOf(loaded);
  let scored: Scored;
  if (parsed.clauses.length === 0) {
    const count = library.allDocs().length;
    scored = { count, docs: Int32Array.from({ length: count }, (_, i) => i), scores: new Float64Array(count).fill(1), titleOnly: new Uint8Array(count), titleScores: new Float64Array(count) };
  } else {
    scored = scorerOf(loaded).score({ words, groups });
  }
  // Filter in place: the scorer's arrays are this query's own.
  const { docs, scores, titleOnly, titleScores } = scored;
  const commentWeight = RANKING.commentWeight;
  let count = 0;
  for (let i = 0; i < scored.count; i++) {
    const doc = docs[i]!;
    if (needsFilter && !allowed(doc)) continue;
    docs[count] = doc;
    // Editorial text wins an otherwise equal match over a reader comment.
    scores[count] = table.kind[doc] === COMMENT_KIND ? scores[i]! * commentWeight : scores[i]!;
    titleOnly[count] = titleOnly[i]!;
    titleScores[count] = titleScores[i]!;
    count++;
  }
  return { count, docs, scores, titleOnly, titleScores, terms, reading };
}

/** Documents an exclusion names: containing the word, or the phrase in order. */
function excludedDocs(loaded: LoadedLibrary, parsed: ParsedQuery): Set<number> {
  const out = new Set<number>();
  for (const words of parsed.excludes) {
    const terms = words.filter((w) => termOf(w) !== null);
    if (terms.length === 0) continue;
    const folded = words.map(foldWord);
    // Only the passage's own text: a word of the article title must not exclude every passage.
    for (const r of loaded.index.search(terms.join(' '), { combineWith: 'AND', fields: ['text'] })) {
      const id = r.id as number;
      if (words.length === 1 || containsSequence(foldedWords(loaded.library.doc(id)?.passage.text ?? ''), folded)) out.add(id);
    }
  }
  return out;
}

/** A text's words as searching sees them: where each stands and its index term. */
interface TextWords {
  /** Start and end offset of each word ([start, end), UTF-16), in order. */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** The index term of each word (null for a stop word). */
  readonly terms: readonly (string | null)[];
  /** The terms without stop words, in order: what adjacency is judged on. */
  readonly sequence: readonly string[];
}

/** Texts whose words are remembered (cleared whole when full, like the term memo). */
const WORDS_MEMO_SIZE = 4_000;
const WORDS_MEMO = new Map<string, TextWords>();

/**
 * The words of a passage's text, tokenized and stemmed once: re-ranking, highlighting and the
 * matched-word list of every keystroke read the same few dozen candidates again and again.
 * Offsets sit in typed arrays so that a remembered text costs little heap.
 */
function wordsOf(text: string): TextWords {
  const known = WORDS_MEMO.get(text);
  if (known) return known;
  const tokens = tokenizeWithOffsets(text);
  const starts = new Uint32Array(tokens.length);
  const ends = new Uint32Array(tokens.length);
  const terms: (string | null)[] = [];
  const sequence: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const term = termOf(token.word);
    starts[i] = token.start;
    ends[i] = token.end;
    terms.push(term);
    if (term !== null) sequence.push(term);
  }
  const words: TextWords = { starts, ends, terms, sequence };
  if (WORDS_MEMO.size >= WORDS_MEMO_SIZE) WORDS_MEMO.clear();
  WORDS_MEMO.set(text, words);
  return words;
}

/** The words of `text` whose term is in `terms`, as [start, end) offsets. */
function matchedSpans(text: string, terms: ReadonlySet<string>): [number, number][] {
  const words = wordsOf(text);
  const spans: [number, number][] = [];
  for (let i = 0; i < words.terms.length; i++) {
    if (terms.has(words.terms[i] ?? '')) spans.push([words.starts[i]!, words.ends[i]!]);
  }
  return spans;
}

/**
 * Re-rank the best candidates by proximity: each pair of query words found side by side, in
 * order, adds a BM25 score of its own, as if the pair were one more term of the query (the
 * ordered-pair feature of Metzler and Croft's sequential dependence model). The pair is at least
 * as rare as the rarer of its words, so it takes that word's idf; its frequency saturates and is
 * normalised by the passage's length like any term's. Adding it, rather than multiplying the
 * whole score, keeps a long query's many pairs from swamping what its words found.
 */
function rerank(loaded: LoadedLibrary, ranked: Ranked[], parsed: ParsedQuery): void {
  const queryTerms = parsed.clauses.flatMap((c) => c.alternatives.flatMap((a) => a.words.map(termOf))).filter((t): t is string => t !== null);
  if (queryTerms.length < 2 || RANKING.adjacentBonus === 0) return;
  const depth = Math.min(ranked.length, RANKING.rerankDepth);
  const scorer = scorerOf(loaded);
  const idfs = queryTerms.map((t) => scorer.idf(scorer.documentFrequency(t)));
  const { k1 } = RANKING;
  const { b } = RANKING.fields.text;
  const mean = scorer.averageLength('text');
  const pairs = queryTerms.slice(1).map((y, k) => [queryTerms[k]!, y] as const);
  for (let i = 0; i < depth; i++) {
    const r = ranked[i]!;
    // A pair can stand together only where both its words are: most candidates of a query being
    // typed lack one, and need not be read word by word.
    if (!pairs.some(([x, y]) => scorer.has(r.doc, x) && scorer.has(r.doc, y))) continue;
    // Stop words between query words do not break adjacency: compare the sequence without them.
    // The passage's own heading counts too (a question is its answer's heading).
    const seq = wordsOf(r.ref.passage.text).sequence;
    const heading = r.ref.section && r.ref.section.id !== LEAD_SECTION_ID ? wordsOf(r.ref.section.title).sequence : [];
    const norm = 1 - b + (b * seq.length) / mean;
    let bonus = 0;
    for (let k = 0; k + 1 < queryTerms.length; k++) {
      const [x, y] = [queryTerms[k]!, queryTerms[k + 1]!];
      let tf = 0;
      for (const words of [seq, heading]) for (let j = 0; j + 1 < words.length; j++) if (words[j] === x && words[j + 1] === y) tf++;
      if (tf > 0) bonus += (Math.max(idfs[k]!, idfs[k + 1]!) * tf * (k1 + 1)) / (tf + k1 * norm);
    }
    r.score += RANKING.adjacentBonus * bonus;
  }
  // Only the re-ranked head moves; sort is stable, so equal scores keep the scorer's order.
  const head = ranked.slice(0, depth).sort((a, b) => b.score - a.score);
  ranked.splice(0, depth, ...head);
}

/** A query whose words are corrected to words of the library, if that finds anything. */
function correct(loaded: LoadedLibrary, query: string): string | undefined {
  const parsed = parseQuery(query);
  const words = parsed.clauses.flatMap((c) => c.alternatives.flatMap((a) => a.words));
  if (words.length === 0) return undefined;
  let changed = false;
  const fixed = words.map((word) => {
    const folded = foldWord(word);
    if (termOf(word) === null || folded.length < 4 || loaded.library.vocabulary.entry(folded)) return word;
    // More typo room than a search allows: a third of the word, at most three edits.
    const closest = loaded.library.vocabulary.closest(folded, Math.min(3, Math.max(1, Math.round(folded.length / 3))));
    if (!closest) return word;
    changed = true;
    return closest;
  });
  if (!changed) return undefined;
  const corrected = fixed.join(' ');
  return rank(loaded, parseQuery(corrected))?.docs.length ? corrected : undefined;
}

/**
 * Complete the word being typed with words of the library (most frequent first), keeping the
 * rest of the query as typed.
 *
 * @example suggest(loaded, 'dry mo') // ['dry mouth', ...]
 */
export function suggest(loaded: LoadedLibrary, query: string, limit = 5): string[] {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  if (!parseQuery(q).typing) return [];
  const last = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*$/u.exec(q);
  const folded = last ? foldWord(last[0]) : '';
  // Completing costs a vocabulary walk only, so it starts a letter earlier than prefix search.
  if (!last || folded.length < MIN_PREFIX_LENGTH - 1) return [];
  // A word the library has is finished as typed: offering longer words would put words in the
  // query that the user did not start ("sleep" is not the start of "sleepy").
  if (loaded.library.vocabulary.entry(folded)) return [];
  const before = q.slice(0, last.index);
  return loaded.library.vocabulary.complete(folded, limit).map((word) => `${before}${word}`);
}

function toHit({ ref, score }: Ranked, matched: ReadonlySet<string>): SearchHit {
  const { article, section, passage } = ref;
  const { snippet, highlights } = makeSnippet(passage.text, matched);
  const matches = [...new Set(matchedSpans(passage.text, matched).map(([start, end]) => passage.text.slice(start, end)))];
  return {
    articleId: article.id,
    articleTitle: article.title,
    sectionId: passage.sectionId,
    sectionTitle: section?.title ?? 'Reader comments',
    sectionPath: section?.path ?? ['Reader comments'],
    passageId: passage.id,
    kind: passage.kind,
    text: passage.text,
    snippet,
    highlights,
    matches,
    score: Math.round(score * 1000) / 1000,
  };
}

/** Longest snippet, in characters, before it is cut around the best match. */
export const SNIPPET_LENGTH = 220;
/** Characters of context kept before the first highlighted word of a cut snippet. */
const SNIPPET_LEAD = 60;

/**
 * Cut a window of text around the densest run of matched words and mark them.
 *
 * @param terms index terms that matched (MiniSearch's `result.terms`)
 * @example makeSnippet('Dry mouth is common', new Set(['mouth'])) // { snippet: 'Dry mouth is common', highlights: [[4, 9]] }
 */
export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
): { snippet: string; highlights: [number, number][] } {
  const marks = matchedSpans(text, terms).map(([start, end]) => ({ start, end }));
  if (text.length <= SNIPPET_LENGTH) {
    return { snippet: text, highlights: marks.map((m) => [m.start, m.end]) };
  }
  // The window start that covers the most matched words.
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < marks.length; i++) {
    while (j < marks.length && marks[j]!.end - marks[i]!.start <= SNIPPET_LENGTH - SNIPPET_LEAD) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = i;
    }
  }
  let start = marks.length > 0 ? Math.max(0, marks[best]!.start - SNIPPET_LEAD) : 0;
  start = Math.min(start, text.length - SNIPPET_LENGTH);
  // Snap to word boundaries so no word is cut in half.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < start + 20 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start + SNIPPET_LENGTH / 2 ? space : end;
  }
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const shift = prefix.length - start;
  return {
    snippet: prefix + text.slice(start, end) + suffix,
    highlights: marks
      .filter((m) => m.start >= start && m.end <= end)
      .map((m) => [m.start + shift, m.end + shift]),
  };
}

/** Terms of free text as the index sees them (exported for tests and the CLI). */
export { termsOf };
