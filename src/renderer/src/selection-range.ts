/**
 * From what the reader selected on screen to a range of the article's text, for highlights, and
 * back again, to draw a highlight's words.
 *
 * A passage's element shows its HTML, whose text is not always its plain text letter for letter:
 * a table's cells are joined by " | " and its rows by line breaks in the plain text, and the HTML
 * may lay out white space differently. renderedToText (src/shared/ranges.ts) lines the two up, so
 * a place in the element is a place in the passage's text, where the engine's selectors count.
 */
import { renderedToText, type TextPoint, type TextRange } from '../../shared/ranges';

/** The plain text of a passage (or reader comment) of the article shown, by id. */
export type PassageText = (passageId: string) => string | undefined;

/** The attribute every passage element carries (see ArticleSection, CommentsSection). */
const PASSAGE_SELECTOR = '[data-passage-id]';

/**
 * The offset in the plain text a place in the rendered text falls on.
 *
 * @param side a range's start takes the place before the next letter, its end the place after the last
 * @example textOffsetOf('\nA\nB\n', 'A | B', 2, 'start') // 4: just before "B"
 */
export function textOffsetOf(rendered: string, text: string, renderedOffset: number, side: 'start' | 'end'): number {
  const map = renderedToText(rendered, text, side);
  return map[Math.max(0, Math.min(renderedOffset, map.length - 1))]!;
}

/**
 * The place in the rendered text a plain-text offset is drawn at: the inverse of
 * {@link textOffsetOf}, the first rendered place that reaches it.
 *
 * @example renderedOffsetOf('\nA\nB\n', 'A | B', 4, 'start') // 3: "B" starts there
 */
export function renderedOffsetOf(rendered: string, text: string, textOffset: number, side: 'start' | 'end'): number {
  const map = renderedToText(rendered, text, side);
  let at = map.findIndex((t) => t >= textOffset);
  if (at < 0) return rendered.length;
  // A start is drawn at the letter it names, past layout the screen has and the text has not
  // (the line break before a table cell); an end just after the last letter it takes.
  if (side === 'start') {
    while (at < rendered.length && rendered[at] !== text[map[at]!] && map[at + 1] === map[at]) at++;
  }
  return at;
}

/** The element of the passage a DOM node is in (undefined outside any passage). */
function passageElement(node: Node): HTMLElement | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest<HTMLElement>(PASSAGE_SELECTOR) ?? undefined;
}

/**
 * The part of a passage element that draws its text: a reader comment's body, not its header
 * (author and time, which are not in its text); the whole element for every other passage.
 */
function textPart(element: HTMLElement): HTMLElement {
  return element.querySelector<HTMLElement>(':scope .comment__body') ?? element;
}

/**
 * How many characters of an element's text come before a DOM position in its passage: none
 * before the element (a comment's header), all of them after it.
 */
function renderedOffsetAt(element: HTMLElement, node: Node, offset: number): number {
  const whole = document.createRange();
  whole.selectNodeContents(element);
  const where = whole.comparePoint(node, offset);
  if (where !== 0) return where < 0 ? 0 : whole.toString().length;
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The place in its passage's text of a DOM position in a passage element. */
function pointIn(element: HTMLElement, node: Node, offset: number, side: 'start' | 'end', textOf: PassageText): TextPoint | undefined {
  const passageId = element.dataset.passageId;
  const text = passageId === undefined ? undefined : textOf(passageId);
  if (passageId === undefined || text === undefined) return undefined;
  const part = textPart(element);
  return { passageId, offset: textOffsetOf(part.textContent ?? '', text, renderedOffsetAt(part, node, offset), side) };
}

/**
 * The range of the article's text a DOM range covers.
 *
 * An end outside any passage (a heading, the title, a margin control) is clipped to the first or
 * last passage the range reaches into; a range that reaches into none, or covers no letter of
 * the text, gives undefined. Passages outside `root` are never taken.
 *
 * @param root the article: only its passages count
 * @param textOf the plain text of a passage of the article shown, by id
 * @example rangeOfSelection(getSelection()!.getRangeAt(0), article, (id) => passages.get(id)?.text)
 */
export function rangeOfSelection(range: Range, root: Element, textOf: PassageText): TextRange | undefined {
  if (range.collapsed || !root.contains(range.commonAncestorContainer)) return undefined;
  const within = [...root.querySelectorAll<HTMLElement>(PASSAGE_SELECTOR)].filter((el) => range.intersectsNode(el) && textOf(el.dataset.passageId ?? '') !== undefined);
  const first = within[0];
  const last = within.at(-1);
  if (!first || !last) return undefined;
  const startElement = passageElement(range.startContainer);
  const endElement = passageElement(range.endContainer);
  const start = startElement && within.includes(startElement) ? pointIn(startElement, range.startContainer, range.startOffset, 'start', textOf) : pointIn(first, first, 0, 'start', textOf);
  const end = endElement && within.includes(endElement) ? pointIn(endElement, range.endContainer, range.endOffset, 'end', textOf) : pointIn(last, last, last.childNodes.length, 'end', textOf);
  if (!start || !end) return undefined;
  if (start.passageId === end.passageId && start.offset >= end.offset) return undefined;
  return { start, end };
}

/** The DOM position of a place in an element's rendered text, found in its text nodes. */
function domPoint(element: HTMLElement, renderedOffset: number, side: 'start' | 'end'): [Node, number] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Text | undefined;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    // An end at a node's last letter stays in that node; a start there moves on to the next one.
    if (renderedOffset < seen + length || (side === 'end' && renderedOffset === seen + length)) return [node, renderedOffset - seen];
    seen += length;
    last = node;
  }
  return last ? [last, last.data.length] : [element, element.childNodes.length];
}

/**
 * The DOM range that draws a range of the article's text, inside `root`: the inverse of
 * {@link rangeOfSelection}. Undefined when a passage of it is not drawn there.
 *
 * @example domRangeOf(highlight.resolvedRange, article, (id) => passages.get(id)?.text)
 */
export function domRangeOf(range: TextRange, root: ParentNode, textOf: PassageText): Range | undefined {
  const ends = ([range.start, range.end] as const).map((point, i) => {
    const element = root.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(point.passageId)}"]`);
    const text = textOf(point.passageId);
    if (!element || text === undefined) return undefined;
    const side = i === 0 ? 'start' : 'end';
    const part = textPart(element);
    return domPoint(part, renderedOffsetOf(part.textContent ?? '', text, point.offset, side), side);
  });
  const [start, end] = ends;
  if (!start || !end) return undefined;
  const dom = document.createRange();
  dom.setStart(...start);
  dom.setEnd(...end);
  return dom.collapsed ? undefined : dom;
}
