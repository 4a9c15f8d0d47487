/**
 * Text ranges: the exact words a highlight marks, kept through content changes.
 *
 * A range runs from a point in one passage to a point in the same or a later passage (offsets into
 * the passages' plain text, as indexed and quoted). It is kept as the W3C Web Annotation selectors
 * a reader's tools understand ({@link RangeSelector} in src/shared/ranges.ts): a TextQuoteSelector
 * (the exact words, with up to {@link QUOTE_CONTEXT} characters of context each side) and a
 * TextPositionSelector over the text of its passages, with the ids of its first and last passage.
 *
 * Re-anchoring after the content changed tries, in order: the same passages holding the same words
 * at the same place; the words word for word anywhere in the article, where their context matches
 * best (nearest the old place breaking ties); then the closest approximate match (Myers' bit-vector
 * algorithm from approx-string-match, the library Hypothesis anchors with), when close enough. A
 * range that cannot be placed is orphaned: kept with its quote, never dropped.
 */
import approxSearch from 'approx-string-match';
import type { AnchorStatus, TextQuote } from '../../shared/bookmarks';
import { QUOTE_CONTEXT } from '../../shared/bookmarks';
import type { Article, Passage } from '../../shared/model';
import { PASSAGE_SEPARATOR, type RangeSelector, type TextPoint, type TextRange } from '../../shared/ranges';

/** Where a range is now. */
export interface RangeAnchor {
  readonly status: AnchorStatus;
  /** The range it resolves to (absent when orphaned). */
  readonly range?: TextRange;
}

/**
 * Most differences an approximate match may have, per character of the quote: a quarter, so a
 * reworded word or two re-anchors, and a rewritten sentence does not.
 */
export const FUZZY_RANGE_ERROR_RATE = 0.25;

/** Longest quote looked for approximately; a longer one is matched on its head and tail. */
const MAX_FUZZY_QUOTE = 256;

/** An article's text as one string, and where each passage starts in it. */
interface ArticleText {
  readonly passages: readonly Passage[];
  readonly text: string;
  readonly starts: readonly number[];
  readonly indexOf: ReadonlyMap<string, number>;
}

/** Every passage in reading order, body then comments, joined by {@link PASSAGE_SEPARATOR}. */
function articleText(article: Article): ArticleText {
  const passages = [...article.passages, ...article.comments];
  const starts: number[] = [];
  let at = 0;
  for (const p of passages) {
    starts.push(at);
    at += p.text.length + PASSAGE_SEPARATOR.length;
  }
  return {
    passages,
    text: passages.map((p) => p.text).join(PASSAGE_SEPARATOR),
    starts,
    indexOf: new Map(passages.map((p, i) => [p.id, i])),
  };
}

/** The offset in the article's text of a point, or undefined when it is not in the article. */
function streamOffset(all: ArticleText, point: TextPoint): number | undefined {
  const i = all.indexOf.get(point.passageId);
  if (i === undefined) return undefined;
  const length = all.passages[i]!.text.length;
  if (!Number.isInteger(point.offset) || point.offset < 0 || point.offset > length) return undefined;
  return all.starts[i]! + point.offset;
}

/**
 * The point of an offset in the article's text. The end of a passage and the start of the next
 * are one place there: a start takes the next passage's beginning, an end the previous one's end,
 * so that a range never begins or ends on an empty stretch of a passage.
 */
function pointAt(all: ArticleText, offset: number, side: 'start' | 'end'): TextPoint {
  let i = 0;
  // The passage the offset is in; an end at a passage's first character belongs to the one before.
  while (i + 1 < all.starts.length && (side === 'start' ? all.starts[i + 1]! <= offset : all.starts[i + 1]! < offset)) i++;
  const p = all.passages[i]!;
  const within = Math.min(Math.max(0, offset - all.starts[i]!), p.text.length);
  if (side === 'start' && within === p.text.length && i + 1 < all.passages.length) return { passageId: all.passages[i + 1]!.id, offset: 0 };
  return { passageId: p.id, offset: within };
}

/** Selectors of a range in the article's text, from its offsets there. */
function selectorOf(all: ArticleText, from: number, to: number): RangeSelector {
  const start = pointAt(all, from, 'start');
  const end = pointAt(all, to, 'end');
  const base = all.starts[all.indexOf.get(start.passageId)!]!;
  const a = base + start.offset;
  const b = streamOffset(all, end)!;
  return {
    startPassageId: start.passageId,
    endPassageId: end.passageId,
    position: { start: a - base, end: b - base },
    quote: {
      exact: all.text.slice(a, b),
      prefix: all.text.slice(Math.max(0, a - QUOTE_CONTEXT), a),
      suffix: all.text.slice(b, b + QUOTE_CONTEXT),
    },
  };
}

/**
 * The selectors of a range of an article's text.
 *
 * @returns the selectors, or a sentence saying what is wrong with the range (a passage the article
 *   does not have, an offset outside its passage, an end before the start, no words at all)
 * @example selectRange(article, { start: { passageId: 'lead-1', offset: 0 }, end: { passageId: 'lead-1', offset: 8 } })
 */
export function selectRange(article: Article, range: TextRange): RangeSelector | string {
  const all = articleText(article);
  const from = streamOffset(all, range.start);
  const to = streamOffset(all, range.end);
  for (const [name, point, at] of [['start', range.start, from], ['end', range.end, to]] as const) {
    if (at !== undefined) continue;
    return all.indexOf.has(point.passageId)
      ? `the range's ${name} (offset ${point.offset}) is outside passage '${point.passageId}' of '${article.id}'`
      : `the range's ${name} is in passage '${point.passageId}', which '${article.id}' does not have`;
  }
  if (to! < from!) return `the range ends before it starts in '${article.id}'`;
  const selector = selectorOf(all, from!, to!);
  return selector.quote.exact.trim() === '' ? `the range marks no words in '${article.id}'` : selector;
}

/**
 * Find a range's words again in the current version of its article.
 *
 * @example anchorRange(highlight.selector, library.article(highlight.articleId)) // { status: 'anchored', range: { … } }
 */
export function anchorRange(selector: RangeSelector, article: Article | undefined): RangeAnchor {
  if (!article || selector.quote.exact === '') return { status: 'orphaned' };
  const all = articleText(article);
  const { exact } = selector.quote;
  const first = all.indexOf.get(selector.startPassageId);
  const last = all.indexOf.get(selector.endPassageId);
  const base = first === undefined ? undefined : all.starts[first]!;
  const wasAt = base === undefined ? undefined : base + selector.position.start;
  if (wasAt !== undefined && last !== undefined && last >= first!) {
    const to = base! + selector.position.end;
    const endsInLast = to >= all.starts[last]! && to <= all.starts[last]! + all.passages[last]!.text.length;
    if (endsInLast && all.text.slice(wasAt, to) === exact) return { status: 'anchored', range: rangeAt(all, wasAt, to) };
  }
  const found = exactMatch(all.text, selector.quote, wasAt) ?? approximateMatch(all.text, selector.quote, wasAt);
  return found ? { status: 'reanchored', range: rangeAt(all, found.start, found.end) } : { status: 'orphaned' };
}

/** The range between two offsets of the article's text. */
function rangeAt(all: ArticleText, from: number, to: number): TextRange {
  return { start: pointAt(all, from, 'start'), end: pointAt(all, to, 'end') };
}

interface Match {
  readonly start: number;
  readonly end: number;
}

/** How many characters of the quote's context surround a match (more is a better match). */
function contextScore(text: string, quote: TextQuote, m: Match): number {
  let score = 0;
  const before = text.slice(Math.max(0, m.start - quote.prefix.length), m.start);
  for (let i = 1; i <= quote.prefix.length && before.endsWith(quote.prefix.slice(-i)); i++) score++;
  const after = text.slice(m.end, m.end + quote.suffix.length);
  for (let i = 1; i <= quote.suffix.length && after.startsWith(quote.suffix.slice(0, i)); i++) score++;
  return score;
}

/** The best of several matches: most context, then nearest where the words were. */
function bestMatch(text: string, quote: TextQuote, matches: readonly Match[], wasAt: number | undefined): Match | undefined {
  let best: Match | undefined;
  let bestKey: readonly [number, number] = [-1, 0];
  for (const m of matches) {
    const key = [contextScore(text, quote, m), wasAt === undefined ? 0 : -Math.abs(m.start - wasAt)] as const;
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [m, key];
  }
  return best;
}

/** The quote word for word, where its context matches best. */
function exactMatch(text: string, quote: TextQuote, wasAt: number | undefined): Match | undefined {
  const matches: Match[] = [];
  for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) matches.push({ start: i, end: i + quote.exact.length });
  return bestMatch(text, quote, matches, wasAt);
}

/**
 * The closest approximate match, if it has at most {@link FUZZY_RANGE_ERROR_RATE} differences per
 * character. A long quote is looked for by its head and its tail, which must both be found in
 * order and about as far apart as they were.
 */
function approximateMatch(text: string, quote: TextQuote, wasAt: number | undefined): Match | undefined {
  const { exact } = quote;
  if (exact.length <= MAX_FUZZY_QUOTE) return closest(text, exact, quote, wasAt);
  const half = MAX_FUZZY_QUOTE / 2;
  const head = closest(text, exact.slice(0, half), { ...quote, suffix: '' }, wasAt);
  if (!head) return undefined;
  const tail = closest(text, exact.slice(-half), { ...quote, prefix: '' }, head.start + exact.length - half);
  if (!tail || tail.end <= head.start) return undefined;
  const span = tail.end - head.start;
  return Math.abs(span - exact.length) <= exact.length * FUZZY_RANGE_ERROR_RATE ? { start: head.start, end: tail.end } : undefined;
}

/** The approximate matches of `pattern` with fewest errors, the best of them by context and place. */
function closest(text: string, pattern: string, quote: TextQuote, wasAt: number | undefined): Match | undefined {
  const maxErrors = Math.floor(pattern.length * FUZZY_RANGE_ERROR_RATE);
  const matches = approxSearch(text, pattern, maxErrors);
  if (matches.length === 0) return undefined;
  const fewest = Math.min(...matches.map((m) => m.errors));
  return bestMatch(text, quote, matches.filter((m) => m.errors === fewest), wasAt);
}

/**
 * The ids of the passages a range covers, first to last in reading order.
 *
 * @example passagesInRange(article, range) // ['lead-2', 'lead-3']
 */
export function passagesInRange(article: Article, range: TextRange): string[] {
  const all = articleText(article);
  const first = all.indexOf.get(range.start.passageId);
  const last = all.indexOf.get(range.end.passageId);
  if (first === undefined || last === undefined || last < first) return [];
  return all.passages.slice(first, last + 1).map((p) => p.id);
}
