/**
 * The queries the benchmark types: words of the corpus drawn by frequency, some with a typo, and
 * every prefix of them as a person types it.
 */
import { createRandom, type Random, weightedSampler } from './random';

/** A word of a corpus and how often it occurs. */
export interface WordCount {
  readonly word: string;
  readonly count: number;
}

/** One benchmark query. */
export interface BenchQuery {
  readonly text: string;
  /** One of its words was mistyped. */
  readonly typo: boolean;
}

/** How queries are drawn. */
export interface QueryOptions {
  readonly count: number;
  readonly seed: number;
  /** Share of queries with one typo (exactly this share, rounded: every n-th query). */
  readonly typoRate?: number;
  /** Most words per query (at least one). */
  readonly maxWords?: number;
}

/** Shortest word that gets a typo: engines tolerate typos from five letters on. */
export const MIN_TYPO_LENGTH = 5;
/** Shortest word drawn into a query. */
const MIN_QUERY_WORD = 3;

/**
 * English function words nobody searches for. Real text (the bundled library) is full of them;
 * the synthetic vocabulary has none.
 */
const FUNCTION_WORDS = new Set(
  ('the and for are but not you all any can had her was one our out has him his how its may new now old see ' +
    'two who did get let put say she too use that with have this will your from they been were said each ' +
    'which their them then than these some would other into more could what when there also only such ' +
    'about after very most just like over both those while where does being well even much many because ' +
    'through before should might often without between same still though every here own dont isnt').split(' '),
);

/**
 * Count the words of texts (lower case, letters only), most frequent first, ties by word.
 *
 * Words shorter than three letters and function words are left out: they are not what people
 * type into a search box.
 */
export function wordCounts(texts: Iterable<string>): WordCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
      if (w.length >= MIN_QUERY_WORD && !FUNCTION_WORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

const TYPO_KINDS = ['substitution', 'deletion', 'transposition'] as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Mistype a word once: replace, drop, or swap two neighbouring letters (at any position).
 *
 * @example mistype('swallowing', random) // e.g. 'swalowing'
 */
export function mistype(word: string, random: Random): string {
  const chars = [...word];
  if (chars.length < 2) throw new Error(`bench: cannot mistype '${word}'`);
  const kind = random.pick(TYPO_KINDS);
  if (kind === 'deletion') {
    chars.splice(random.int(0, chars.length - 1), 1);
    return chars.join('');
  }
  if (kind === 'transposition') {
    const swappable = chars.slice(0, -1).flatMap((c, i) => (c !== chars[i + 1] ? [i] : []));
    if (swappable.length > 0) {
      const i = random.pick(swappable);
      [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
      return chars.join('');
    }
  }
  const i = random.int(0, chars.length - 1);
  const others = [...LETTERS].filter((l) => l !== chars[i]);
  chars[i] = random.pick(others);
  return chars.join('');
}

/**
 * Draw queries of 1 to `maxWords` distinct words, each word with probability proportional to its
 * count, and mistype one word of length ≥ 5 in every n-th query (n = 1 / typoRate).
 *
 * @example generateQueries(wordCounts(texts), { count: 200, seed: 1 })
 */
export function generateQueries(words: readonly WordCount[], options: QueryOptions): BenchQuery[] {
  const { count, seed, typoRate = 0.2, maxWords = 3 } = options;
  if (words.length === 0) throw new Error('bench: no words to draw queries from');
  if (!words.some((w) => w.word.length >= MIN_TYPO_LENGTH) && typoRate > 0) {
    throw new Error(`bench: no word of ${MIN_TYPO_LENGTH} letters or more to mistype`);
  }
  const random = createRandom(seed);
  const draw = weightedSampler(words.map((w) => w.count));
  const every = typoRate > 0 ? Math.round(1 / typoRate) : 0;
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const n = Math.min(random.int(1, maxWords), words.length);
    const picked: string[] = [];
    while (picked.length < n) {
      const word = words[draw(random)]!.word;
      if (!picked.includes(word)) picked.push(word);
    }
    const typo = every > 0 && queries.length % every === every - 1;
    if (typo) {
      const long = picked.flatMap((w, i) => (w.length >= MIN_TYPO_LENGTH ? [i] : []));
      if (long.length === 0) continue; // draw another query for this slot
      const i = random.pick(long);
      picked[i] = mistype(picked[i]!, random);
    }
    queries.push({ text: picked.join(' '), typo });
  }
  return queries;
}

/**
 * What the search box holds after each key of a query: "s", "sl", "sle", … the whole query.
 *
 * @example keystrokes('dry m') // ['d', 'dr', 'dry', 'dry ', 'dry m']
 */
export function keystrokes(query: string): string[] {
  const chars = [...query];
  return chars.map((_, i) => chars.slice(0, i + 1).join(''));
}

/**
 * What the renderer sends after each key of a query: the box's text as typed, whenever it is not
 * blank (the search and suggestion hooks send the text untrimmed, so a space typed after a word
 * is sent too: it tells the engine the word is finished).
 *
 * @example sentTexts('dry m') // ['d', 'dr', 'dry', 'dry ', 'dry m']
 */
export function sentTexts(query: string): string[] {
  return keystrokes(query).filter((text) => text.trim() !== '');
}
