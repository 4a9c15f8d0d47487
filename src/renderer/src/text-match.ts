/**
 * Finding words and phrases in plain text, for highlighting in the open article: whole words of a
 * search (case-insensitive) and find-in-article occurrences (case- and accent-insensitive).
 *
 * Everything here works on strings and returns `[start, end)` UTF-16 offsets into the text as
 * given; applying the ranges to the page is mark-layer.ts's job.
 */

/** A run of text, as [start, end) UTF-16 offsets. */
export type TextRange = readonly [number, number];

/** Text folded for matching, with the way back to the original's offsets. */
export interface FoldedText {
  /** Lower case, accents removed, curly quotes made straight. */
  readonly folded: string;
  /**
   * For each UTF-16 unit of `folded`, the offset in the original of the character it came from;
   * one more entry at the end holds the original's length.
   */
  readonly origin: readonly number[];
}

const COMBINING_MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Quotes folded to their plain forms, so that typing ' finds ’. */
const QUOTES: Readonly<Record<string, string>> = { '‘': "'", '’': "'", 'ʼ': "'", '“': '"', '”': '"' };

/** Fold one character (a whole code point). */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Plain ASCII is by far the commonest case and needs no normalization.
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  return QUOTES[ch] ?? ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Fold text for matching: lower case, without accents, with straight quotes.
 *
 * @example foldText('Sjögren').folded // 'sjogren'
 */
export function foldText(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const piece = foldChar(text.slice(i, i + width));
    folded += piece;
    for (let k = 0; k < piece.length; k++) origin.push(i);
    i += width;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** The plain folded form of a string (for needles: no offsets needed). */
function fold(text: string): string {
  return foldText(text).folded;
}

/** Whether the UTF-16 unit at `i` is part of a word (false outside the text). */
function isWordChar(text: string, i: number): boolean {
  const ch = text[i];
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Sort ranges and merge those that overlap or touch. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Every occurrence of `needle` in `text`, ignoring case and accents, left to right and not
 * overlapping. A needle of only white space finds nothing.
 *
 * @example findOccurrences('Baclofen, baclofén', 'baclofen') // [[0, 8], [10, 18]]
 */
export function findOccurrences(text: string, needle: string): TextRange[] {
  if (needle.trim() === '') return [];
  const target = fold(needle);
  if (target === '') return [];
  const { folded, origin } = foldText(text);
  const found: TextRange[] = [];
  for (let at = folded.indexOf(target); at !== -1; at = folded.indexOf(target, at + target.length)) {
    found.push([origin[at] ?? 0, origin[at + target.length] ?? text.length]);
  }
  return found;
}

/**
 * Every whole-word occurrence of any of `words` in `text`, ignoring case and accents; ranges
 * come sorted, with overlaps merged. A match must not be part of a longer word: "tape" does not
 * match in "tapering", but "baclofen" does in "baclofen's".
 *
 * @example findWholeWords('Taper slowly; tapering helps', ['taper']) // [[0, 5]]
 */
export function findWholeWords(text: string, words: Iterable<string>): TextRange[] {
  const targets = new Set<string>();
  for (const word of words) {
    const f = fold(word.trim());
    if (f !== '') targets.add(f);
  }
  if (targets.size === 0) return [];
  const { folded, origin } = foldText(text);
  const found: TextRange[] = [];
  for (const target of targets) {
    for (let at = folded.indexOf(target); at !== -1; at = folded.indexOf(target, at + 1)) {
      const start = origin[at] ?? 0;
      const end = origin[at + target.length] ?? text.length;
      if (!isWordChar(text, start - 1) && !isWordChar(text, end)) found.push([start, end]);
    }
  }
  return mergeRanges(found);
}
