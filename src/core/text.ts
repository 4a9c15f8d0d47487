/**
 * Text processing shared by indexing, searching and highlighting.
 *
 * One tokenizer and one term normaliser serve all three, so a word highlighted in a snippet is
 * exactly a word the index matched.
 */

/** A word of a text and where it stands, as [start, end) UTF-16 offsets. */
export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// Letters, digits and combining marks: a decomposed "ö" stays one word; punctuation and
// apostrophes split words, so "Sjögren’s" yields "Sjögren" and "s" whichever apostrophe is used.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;

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
 * Normalise a word for indexing and matching: lower case, diacritics removed.
 *
 * @example normalizeTerm('Sjögren') // 'sjogren'
 */
export function normalizeTerm(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * Turn a heading or name into a URL- and id-safe slug.
 *
 * @example slugify('What Is Baclofen?') // 'what-is-baclofen'
 */
export function slugify(text: string): string {
  return normalizeTerm(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Count the words of a text. */
export function countWords(text: string): number {
  return tokenize(text).length;
}
