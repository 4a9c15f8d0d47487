/**
 * Snippets: a window of a passage's text around its densest run of matched words, with the
 * matched words marked.
 */
import { matchedSpans, textWords, type TextWords } from './words';

/** Longest snippet, in characters, before it is cut around the best match. */
export const SNIPPET_LENGTH = 220;
/** Characters of context kept before the first highlighted word of a cut snippet. */
const SNIPPET_LEAD = 60;

/**
 * Cut a window of text around the densest run of matched words and mark them.
 *
 * @param terms index terms that matched (MiniSearch's `result.terms`)
 * @param words the text's words, when already known (see WordsMemo)
 * @example makeSnippet('Dry mouth is common', new Set(['mouth'])) // { snippet: 'Dry mouth is common', highlights: [[4, 9]] }
 */
export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
  words: TextWords = textWords(text),
): { snippet: string; highlights: [number, number][] } {
  const marks = matchedSpans(words, terms).map(([start, end]) => ({ start, end }));
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
