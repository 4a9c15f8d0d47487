/**
 * The library's vocabulary: every word as written (folded) with the index term it stems to.
 *
 * The index holds stems, so "sedative", "sedating" and "sedatives" meet. But typos and partly
 * typed words must be matched against words as written, not stems: "hallucinatons" is two edits
 * from "hallucinations" but four from the stem "hallucin", and "sedati" is no prefix of "sedat".
 * So the word typed is matched (exactly, fuzzily, as a prefix) against this vocabulary, and the
 * stems of the words it matches are what the index is asked for.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Article } from '../../shared/model';
import { foldWord, STOP_WORDS, stemWord, tokenize } from '../../shared/text';

/** Weight of a stem reached through a typo, relative to the word typed (MiniSearch's default). */
export const FUZZY_WEIGHT = 0.45;
/** Weight of a stem reached by completing a partly typed word (MiniSearch's default). */
export const PREFIX_WEIGHT = 0.375;
/** Most completions of a partly typed word searched; the shortest are kept. */
export const MAX_PREFIX_EXPANSIONS = 6;

/**
 * Allowed typos by word length: none on short words, one from five letters, two from nine.
 *
 * @example maxTypos('sleep') // 1
 */
export function maxTypos(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Query words whose expansions are remembered (the memo is cleared whole when full). */
const EXPANSION_MEMO_SIZE = 4096;

/** One vocabulary entry: the word's stem, how often it occurs, and how it is first written. */
export type VocabularyEntry = [stem: string, count: number, written: string];

/** The texts of an article whose words the vocabulary holds: its title, headings, passages and comments. */
export function articleTexts(article: Article): string[] {
  return [article.title, ...article.sections.map((s) => s.title), ...[...article.passages, ...article.comments].map((p) => p.text)];
}

/** Collect the vocabulary of some texts: folded word → entry. */
export function collectVocabulary(texts: Iterable<string>): Record<string, VocabularyEntry> {
  const vocab = new Map<string, VocabularyEntry>();
  for (const text of texts) {
    for (const word of tokenize(text)) {
      const folded = foldWord(word);
      if (!folded || STOP_WORDS.has(folded)) continue;
      const entry = vocab.get(folded);
      if (entry) entry[1]++;
      else vocab.set(folded, [stemWord(folded), 1, word.toLowerCase().replace(/['’ʼ]s$/u, '')]);
    }
  }
  return Object.fromEntries(vocab);
}

/** A word of the query expanded to the index terms it should find, each with a weight. */
export type Expansion = Map<string, number>;

/** The vocabulary, searchable by prefix and edit distance. */
export class Vocabulary {
  private readonly map: SearchableMap<VocabularyEntry>;
  private readonly stemCounts = new Map<string, number>();
  private readonly expansions = new Map<string, Expansion>();

  constructor(entries: Readonly<Record<string, VocabularyEntry>>) {
    this.map = SearchableMap.fromObject(entries) as SearchableMap<VocabularyEntry>;
    for (const key in entries) {
      const [stem, count] = entries[key]!;
      this.stemCounts.set(stem, (this.stemCounts.get(stem) ?? 0) + count);
    }
  }

  /**
   * Count the words of some texts in (an article added to the library), or out (`sign` -1: an
   * article removed); a word no text has any more leaves the vocabulary.
   *
   * @param entries what {@link collectVocabulary} collected from the texts
   */
  apply(entries: Readonly<Record<string, VocabularyEntry>>, sign: 1 | -1): void {
    for (const key in entries) {
      const [stem, count, written] = entries[key]!;
      const change = sign * count;
      const known = this.map.get(key);
      const total = (known?.[1] ?? 0) + change;
      if (total > 0) this.map.set(key, [known?.[0] ?? stem, total, known?.[2] ?? written]);
      else if (known) this.map.delete(key);
      const stemTotal = (this.stemCounts.get(stem) ?? 0) + change;
      if (stemTotal > 0) this.stemCounts.set(stem, stemTotal);
      else this.stemCounts.delete(stem);
    }
    // Remembered expansions were of the words as they were.
    this.expansions.clear();
  }

  /** How often words with this stem occur in the library. */
  stemCount(stem: string): number {
    return this.stemCounts.get(stem) ?? 0;
  }

  /** Number of distinct words. */
  get size(): number {
    return this.map.size;
  }

  /** The entry of a folded word, if the library has it. */
  entry(folded: string): VocabularyEntry | undefined {
    return this.map.get(folded);
  }

  /**
   * The index terms a query word should find, each with a weight: its own stem (1); when the
   * library has no word with that stem, stems of words one or two typos away (by length); and,
   * for a word being typed that the library does not have as it stands, stems of its
   * completions.
   *
   * A word the library has is never re-read as another: a typo expansion only stands in for a
   * word that would find nothing. An expansion weighs less the more edits it takes
   * (`FUZZY_WEIGHT` per edit) and the more common the word it reaches (`rarity`, from 1 for a
   * word in one passage down towards 0), so a typo of a rare word is not carried off by a
   * frequent neighbour. The same `rarity` must be given on every call (answers are remembered).
   *
   * @param rarity how rare a stem is, in (0, 1]
   * @example vocab.expand('swalowing', false) // Map { 'swallow' => 0.45 }
   */
  expand(word: string, prefix: boolean, rarity: (stem: string) => number = () => 1): Expansion {
    // Typing repeats the earlier words of a query on every keystroke: remember their expansions.
    const key = `${prefix ? '+' : '-'}${word}`;
    const known = this.expansions.get(key);
    if (known) return known;
    const out = this.expandUncached(word, prefix, rarity);
    if (this.expansions.size >= EXPANSION_MEMO_SIZE) this.expansions.clear();
    this.expansions.set(key, out);
    return out;
  }

  private expandUncached(word: string, prefix: boolean, rarity: (stem: string) => number): Expansion {
    const folded = foldWord(word);
    const out: Expansion = new Map();
    if (!folded || STOP_WORDS.has(folded)) return out;
    const set = (term: string, weight: number): void => {
      if ((out.get(term) ?? 0) < weight) out.set(term, weight);
    };
    const own = stemWord(folded);
    set(own, 1);
    const typos = maxTypos(folded);
    if (typos > 0 && this.stemCount(own) === 0) {
      for (const [surface, [entry, distance]] of this.map.fuzzyGet(folded, typos)) {
        if (surface === folded || distance === 0) continue;
        set(entry[0], FUZZY_WEIGHT ** distance * rarity(entry[0]));
      }
    }
    // A word the library has is read as itself, not as the longer words it begins.
    if (prefix && !this.map.has(folded)) {
      const completions: string[] = [];
      for (const surface of this.map.atPrefix(folded).keys()) if (surface !== folded) completions.push(surface);
      completions.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
      for (const surface of completions.slice(0, MAX_PREFIX_EXPANSIONS)) {
        const stem = this.map.get(surface)![0];
        if (stem !== own) set(stem, PREFIX_WEIGHT * rarity(stem));
      }
    }
    return out;
  }

  /** Whether some longer word of the library starts with this folded prefix. */
  hasPrefix(folded: string): boolean {
    for (const surface of this.map.atPrefix(folded).keys()) if (surface !== folded) return true;
    return false;
  }

  /** Completions of a partly typed word (as written), most frequent first. */
  complete(folded: string, limit: number): string[] {
    const out: VocabularyEntry[] = [];
    for (const [surface, entry] of this.map.atPrefix(folded)) if (surface !== folded) out.push(entry);
    return out.sort((a, b) => b[1] - a[1] || a[2].length - b[2].length).slice(0, limit).map((e) => e[2]);
  }

  /**
   * The closest word to a misspelled one, allowing more typos than search does.
   *
   * @returns the word as written, or undefined when nothing is close
   */
  closest(folded: string, maxDistance: number): string | undefined {
    let best: { entry: VocabularyEntry; distance: number } | undefined;
    for (const [, [entry, distance]] of this.map.fuzzyGet(folded, maxDistance)) {
      if (!best || distance < best.distance || (distance === best.distance && entry[1] > best.entry[1])) best = { entry, distance };
    }
    return best && best.distance > 0 ? best.entry[2] : undefined;
  }

  /** The vocabulary as a plain object (for serializing). */
  toJSON(): Record<string, VocabularyEntry> {
    const out: Record<string, VocabularyEntry> = {};
    for (const [k, v] of this.map) out[k] = v;
    return out;
  }
}
