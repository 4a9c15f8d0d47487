/**
 * Ranges of an article's text: the exact words a highlight marks, as both sides of the bridge
 * name them. The engine makes and re-anchors them (src/core/user/text-range.ts); the renderer
 * turns the reader's selection into one, lining its text up with {@link renderedToText}.
 */
import type { TextQuote } from './bookmarks';

/** A place in an article's text: an offset (in UTF-16 code units) into one passage's plain text. */
export interface TextPoint {
  readonly passageId: string;
  readonly offset: number;
}

/** The words between two places, the start before the end in reading order. */
export interface TextRange {
  readonly start: TextPoint;
  readonly end: TextPoint;
}

/** W3C TextPositionSelector: where the words are in the text of the range's passages. */
export interface TextPosition {
  readonly start: number;
  readonly end: number;
}

/**
 * What a highlight keeps to find its words again: W3C TextQuote and TextPosition selectors, with
 * the ids of the first and last passage the words are in.
 *
 * Positions count in the range's own text: its passages, first to last in reading order (body,
 * then reader comments), joined by {@link PASSAGE_SEPARATOR}. Within one passage that is the
 * passage's text, so `start` and `end` are plain offsets into it.
 */
export interface RangeSelector {
  /** The first and the last passage the words are in (the same one for most highlights). */
  readonly startPassageId: string;
  readonly endPassageId: string;
  readonly position: TextPosition;
  readonly quote: TextQuote;
}

/** What joins two passages in a range's text. */
export const PASSAGE_SEPARATOR = '\n';

/** White space and the separators the plain text adds between table cells: never on screen as such. */
const LAYOUT = /[\s|]/;

/**
 * For each offset of the rendered text (0 to its length), the offset of the plain text it falls
 * on: the same letters in the same order, white space and cell separators apart. Between two
 * cells there are two such places: a range's start takes the one before the next letter, its end
 * the one after the last letter, so that neither takes in the separator.
 *
 * @example renderedToText('\nA\nB\n', 'A | B', 'start') // [0, 0, 4, 4, 5, 5]
 * @example renderedToText('\nA\nB\n', 'A | B', 'end') // [0, 0, 1, 1, 5, 5]
 */
export function renderedToText(rendered: string, text: string, side: 'start' | 'end'): number[] {
  const map: number[] = [];
  let j = 0;
  let afterLast = 0;
  for (let i = 0; i < rendered.length; i++) {
    const ch = rendered[i]!;
    // Plain-text layout the screen does not have: skip it, unless this very character is next.
    while (j < text.length && text[j] !== ch && LAYOUT.test(text[j]!)) j++;
    map.push(side === 'start' ? j : afterLast);
    if (j < text.length && text[j] === ch) afterLast = ++j;
  }
  map.push(side === 'start' ? j : afterLast);
  return map;
}

