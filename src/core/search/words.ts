/**
 * A text's words as searching sees them: folded for phrase checks, and with offsets and index
 * terms for re-ranking and highlighting.
 */
import { foldWord, termOf, tokenize, tokenizeWithOffsets } from '../../shared/text';

/** Folded words of a text, for phrase and proximity checks. */
export function foldedWords(text: string): string[] {
  return tokenize(text).map(foldWord);
}

/** Whether `words` (folded) stand together, in order, in `hay`. */
export function containsSequence(hay: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return true;
  outer: for (let i = 0; i + words.length <= hay.length; i++) {
    for (let k = 0; k < words.length; k++) if (hay[i + k] !== words[k]) continue outer;
    return true;
  }
  return false;
}

/** A text's words as searching sees them: where each stands and its index term. */
export interface TextWords {
  /** Start and end offset of each word ([start, end), UTF-16), in order. */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** The index term of each word (null for a stop word). */
  readonly terms: readonly (string | null)[];
  /** The terms without stop words, in order: what adjacency is judged on. */
  readonly sequence: readonly string[];
}

/**
 * Tokenize and stem a text. Offsets sit in typed arrays so that a remembered text (see
 * {@link WordsMemo}) costs little heap.
 */
export function textWords(text: string): TextWords {
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
  return { starts, ends, terms, sequence };
}

/** Texts whose words are remembered (cleared whole when full, like the term memo). */
const WORDS_MEMO_SIZE = 4_000;

/**
 * The words of a library's texts, tokenized and stemmed once: re-ranking, highlighting and the
 * matched-word list of every keystroke read the same few dozen candidates again and again. One
 * per loaded library (see library/load.ts).
 */
export class WordsMemo {
  private readonly known = new Map<string, TextWords>();

  /** The words of a text, remembered. */
  of(text: string): TextWords {
    const known = this.known.get(text);
    if (known) return known;
    const words = textWords(text);
    if (this.known.size >= WORDS_MEMO_SIZE) this.known.clear();
    this.known.set(text, words);
    return words;
  }
}

/** The words of a text whose term is in `terms`, as [start, end) offsets. */
export function matchedSpans(words: TextWords, terms: ReadonlySet<string>): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < words.terms.length; i++) {
    if (terms.has(words.terms[i] ?? '')) spans.push([words.starts[i]!, words.ends[i]!]);
  }
  return spans;
}
