/**
 * Anchoring: finding a bookmark's passage again after the content changed.
 *
 * A bookmark keeps its passage id and a text-quote selector (exact text, with the end of the
 * passage before it as prefix and the start of the one after as suffix). The id is tried first;
 * when it no longer resolves, or its text no longer holds the quote, the quote is looked for in
 * the article, exactly (context breaking ties), then fuzzily by shared word pairs. When nothing
 * is close enough the bookmark is orphaned: kept, and shown with its quote, never dropped.
 *
 * A highlight (target 'text') marks words, not a whole passage: it is found again by its range
 * selectors, with src/core/user/text-range.ts.
 */
import type { AnchorStatus, Bookmark, TextQuote } from '../../shared/bookmarks';
import { EXCERPT_LENGTH, QUOTE_CONTEXT } from '../../shared/bookmarks';
import type { Article, Passage } from '../../shared/model';
import type { RangeSelector, TextRange } from '../../shared/ranges';
import { foldWord, tokenize, truncate } from '../../shared/text';
import { anchorRange } from './text-range';

/** Least similarity (Dice coefficient of word pairs) for a fuzzy re-anchor. */
export const FUZZY_ANCHOR_THRESHOLD = 0.6;

/** Where a bookmark points now. */
export interface Anchor {
  readonly status: AnchorStatus;
  /** The passage or section id it resolves to, a highlight's first passage (absent when orphaned). */
  readonly targetId?: string;
  /** The words a highlight marks now (absent when orphaned, and for other bookmarks). */
  readonly range?: TextRange;
}

/** A highlight's range selectors, as text-range.ts reads them. */
export function highlightSelector(b: Bookmark): RangeSelector | undefined {
  if (b.target !== 'text' || !b.position) return undefined;
  return { startPassageId: b.targetId, endPassageId: b.endId ?? b.targetId, position: b.position, quote: b.quote };
}

/** Whitespace folded, so reflowed text still matches. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Every passage of an article in reading order, comments last. */
function passagesOf(article: Article): readonly Passage[] {
  return [...article.passages, ...article.comments];
}

/**
 * The quote selector of a passage: its text, with the tail of the passage before and the head of
 * the one after as context.
 *
 * @returns undefined when the article has no such passage
 */
export function quotePassage(article: Article, passageId: string): TextQuote | undefined {
  const all = passagesOf(article);
  const i = all.findIndex((p) => p.id === passageId);
  if (i === -1) return undefined;
  return {
    exact: all[i]!.text,
    prefix: squash(all[i - 1]?.text ?? '').slice(-QUOTE_CONTEXT),
    suffix: squash(all[i + 1]?.text ?? '').slice(0, QUOTE_CONTEXT),
  };
}

/** The quote selector of a section: its title, with the article title as prefix. */
export function quoteSection(article: Article, sectionId: string): TextQuote | undefined {
  const section = article.sections.find((s) => s.id === sectionId);
  return section ? { exact: section.title, prefix: article.title.slice(-QUOTE_CONTEXT), suffix: '' } : undefined;
}

/**
 * A section's opening lines, as a section bookmark shows them: the text of its first passage
 * (or, when its heading is followed at once by a subheading, of its first subsection's) that is
 * not its heading again, cut at a word to about `max` characters.
 *
 * Taken from the article as it is now each time, never stored: a bookmark's quote of a section is
 * its title, and stays so (anchoring follows the title).
 *
 * @returns undefined when the article has no such section, or the section no text
 * @example sectionExcerpt(article, 'what-about-side-effects') // 'Baclofen is generally well-tolerated, but…'
 */
export function sectionExcerpt(article: Article, sectionId: string, max = EXCERPT_LENGTH): string | undefined {
  const at = article.sections.findIndex((s) => s.id === sectionId);
  if (at === -1) return undefined;
  // Sections are listed in reading order: its subsections are those after it, up to the next
  // heading at its level or above.
  const { level, title } = article.sections[at]!;
  const end = article.sections.findIndex((s, i) => i > at && s.level <= level);
  const within = new Set(article.sections.slice(at, end === -1 ? undefined : end).map((s) => s.id));
  // A question's first passage is the question, its heading again: what it says is the answer.
  const first = article.passages.find((p) => within.has(p.sectionId) && squash(p.text) !== squash(title));
  return first ? truncate(first.text, max) : undefined;
}

/** Word pairs of a text, folded, for similarity. */
function wordPairs(text: string): Map<string, number> {
  const words = tokenize(text).map(foldWord);
  const pairs = new Map<string, number>();
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  if (words.length === 1) pairs.set(words[0]!, 1);
  return pairs;
}

/**
 * Similarity of two texts from 0 to 1: the Dice coefficient of their word pairs.
 *
 * @example similarity('the cat sat', 'the cat sat down') // 0.8
 */
export function similarity(a: string, b: string): number {
  const pa = wordPairs(a);
  const pb = wordPairs(b);
  let total = 0;
  let shared = 0;
  for (const n of pa.values()) total += n;
  for (const [pair, n] of pb) {
    total += n;
    shared += Math.min(n, pa.get(pair) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** How well a candidate's neighbours match the quote's context (0 to 2). */
function contextScore(all: readonly Passage[], i: number, quote: TextQuote): number {
  let score = 0;
  if (quote.prefix && squash(all[i - 1]?.text ?? '').endsWith(quote.prefix)) score++;
  if (quote.suffix && squash(all[i + 1]?.text ?? '').startsWith(quote.suffix)) score++;
  return score;
}

/**
 * Resolve a bookmark against the current version of its article.
 *
 * @example anchor(bookmark, library.article(bookmark.articleId)) // { status: 'anchored', targetId: 'lead-1' }
 */
export function anchor(bookmark: Bookmark, article: Article | undefined): Anchor {
  if (!article) return { status: 'orphaned' };
  const selector = highlightSelector(bookmark);
  if (selector) {
    const found = anchorRange(selector, article);
    return found.range ? { status: found.status, targetId: found.range.start.passageId, range: found.range } : { status: 'orphaned' };
  }
  const exact = squash(bookmark.quote.exact);
  if (bookmark.target === 'section') {
    const same = article.sections.find((s) => s.id === bookmark.targetId);
    if (same && squash(same.title) === exact) return { status: 'anchored', targetId: same.id };
    const byTitle = article.sections.find((s) => squash(s.title) === exact);
    if (byTitle) return { status: 'reanchored', targetId: byTitle.id };
    if (same) return { status: 'reanchored', targetId: same.id };
    return best(article.sections.map((s) => ({ id: s.id, text: s.title })), exact);
  }
  const all = passagesOf(article);
  const same = all.find((p) => p.id === bookmark.targetId);
  if (same && squash(same.text).includes(exact)) return { status: 'anchored', targetId: same.id };
  // The quote word for word elsewhere: where its context matches best.
  const exactHits = all.flatMap((p, i) => (squash(p.text).includes(exact) ? [i] : []));
  if (exactHits.length > 0) {
    const i = exactHits.reduce((a, b) => (contextScore(all, b, bookmark.quote) > contextScore(all, a, bookmark.quote) ? b : a));
    return { status: 'reanchored', targetId: all[i]!.id };
  }
  return best(all.map((p) => ({ id: p.id, text: p.text })), exact);
}

/** The most similar candidate, if similar enough. */
function best(candidates: readonly { id: string; text: string }[], exact: string): Anchor {
  let top: { id: string; score: number } | undefined;
  for (const c of candidates) {
    const score = similarity(exact, c.text);
    if (!top || score > top.score) top = { id: c.id, score };
  }
  return top && top.score >= FUZZY_ANCHOR_THRESHOLD ? { status: 'reanchored', targetId: top.id } : { status: 'orphaned' };
}
