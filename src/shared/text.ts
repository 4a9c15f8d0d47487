/**
 * Text processing shared by indexing, searching, highlighting and the bookmarks panel's search.
 *
 * One tokenizer and one term pipeline serve them all, so a word highlighted in a snippet is
 * exactly a word the index matched, and the panel finds a bookmark by the same words the main
 * search would find its passage by:
 *
 *   word → fold (case, diacritics, apostrophes, possessive 's) → stop word? → Porter2 stem
 *
 * Porter2 (the Snowball English stemmer, package `porter2`) is used rather than the original
 * Porter algorithm because it conflates forms the original splits (sedative / sedating).
 *
 * It lives in src/shared because it is pure and runs anywhere: both packages are plain
 * JavaScript with no Node modules, so the renderer imports it as the engine does.
 */
import { stem } from 'porter2';
import { eng as ENGLISH_STOP_WORDS } from 'stopword';

/** A word of a text and where it stands, as [start, end) UTF-16 offsets. */
export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// Letters, digits and combining marks, with apostrophes inside a word kept (Sjögren’s, don't).
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ]/g;
const POSSESSIVE = /['’ʼ]s$/u;

/** Words too common to say anything about a passage; dropped from the index and queries. */
export const STOP_WORDS: ReadonlySet<string> = new Set(ENGLISH_STOP_WORDS);

/**
 * Split text into words with their offsets.
 *
 * @example tokenizeWithOffsets('Dry mouth') // [{word:'Dry',start:0,end:3},{word:'mouth',start:4,end:9}]
 */
export function tokenizeWithOffsets(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Split text into words (the tokenizer given to MiniSearch). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Fold a word for comparison: lower case, no diacritics, no possessive 's, no apostrophes.
 *
 * @example foldWord('Sjögren’s') // 'sjogren'
 */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase().replace(POSSESSIVE, '').replace(APOSTROPHES, '');
}

/** Stem a folded word (Porter2). */
export function stemWord(folded: string): string {
  // Numbers and codes (5mg, cbt) are not English words: keep them whole.
  return /\d/.test(folded) ? folded : stem(folded);
}

/**
 * The index term of a word, or null for a stop word: what both indexing and search use.
 *
 * @example termOf('Swallowing') // 'swallow'
 * @example termOf('the') // null
 */
export function termOf(word: string): string | null {
  const known = TERM_MEMO.get(word);
  if (known !== undefined) return known;
  const folded = foldWord(word);
  const term = !folded || STOP_WORDS.has(folded) ? null : stemWord(folded);
  // Re-ranking stems the words of every candidate on every keystroke: remember recent words.
  if (TERM_MEMO.size >= TERM_MEMO_SIZE) TERM_MEMO.clear();
  TERM_MEMO.set(word, term);
  return term;
}

/** Words whose terms are remembered (cleared whole when full: cheap, and words recur). */
const TERM_MEMO_SIZE = 200_000;
const TERM_MEMO = new Map<string, string | null>();

/**
 * Turn a heading or name into a URL- and id-safe slug.
 *
 * @example slugify('What Is Baclofen?') // 'what-is-baclofen'
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Count the words of a text. */
export function countWords(text: string): number {
  return tokenize(text).length;
}

/**
 * Cut a text to about `max` characters at a word boundary, with `…` where cut.
 *
 * Whitespace runs become one space. Words are never changed: the cut falls at the last space
 * before `max`, or, when the text's first word alone is longer than that, after that word.
 *
 * @example truncate('a long sentence', 8) // 'a long…'
 */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const space = flat.lastIndexOf(' ', max);
  const end = space > 0 ? space : flat.indexOf(' ', max);
  return end === -1 ? flat : `${flat.slice(0, end).replace(/[,;:]+$/, '')}…`;
}
