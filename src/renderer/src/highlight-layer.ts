/**
 * The reader's highlights drawn over the open article with the CSS Custom Highlight API: one
 * Highlight per colour (`::highlight(quire-yellow)` and so on, in SelectionToolbar.css), each
 * holding the DOM ranges of the highlights in that colour. Nothing in the DOM changes, so
 * find-in-article, the search-word marks (mark-layer.ts) and copy see the text as it is.
 */
import { HIGHLIGHT_COLORS, isHighlight, type BookmarkView, type HighlightColor } from '../../shared/bookmarks';
import { domRangeOf, type PassageText } from './selection-range';

/** A highlight of the open article with the DOM range that draws its words now. */
export interface DrawnHighlight {
  readonly bookmark: BookmarkView;
  readonly range: Range;
}

/** The name a colour's Highlight is registered under in `CSS.highlights`. */
export function highlightName(color: HighlightColor): string {
  return `quire-${color}`;
}

/** Whether this browser draws custom highlights (Chromium 105 on; Electron has it). */
function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * The DOM ranges of an article's highlights that resolve now (orphans are not drawn: the
 * bookmarks panel shows them), in the order listed.
 *
 * @param root the article, whose passages carry `data-passage-id`
 * @param textOf the plain text of a passage of the article, by id
 */
export function locateHighlights(bookmarks: readonly BookmarkView[], articleId: string, root: ParentNode, textOf: PassageText): DrawnHighlight[] {
  return bookmarks.flatMap((bookmark) => {
    if (bookmark.articleId !== articleId || !isHighlight(bookmark) || bookmark.status === 'orphaned' || !bookmark.resolvedRange) return [];
    const range = domRangeOf(bookmark.resolvedRange, root, textOf);
    return range ? [{ bookmark, range }] : [];
  });
}

/**
 * Draw highlights, one Highlight per colour, replacing those drawn before.
 *
 * @returns take them off again
 */
export function paintHighlights(drawn: readonly DrawnHighlight[]): () => void {
  if (!supported()) return () => undefined;
  for (const color of HIGHLIGHT_COLORS) {
    const ranges = drawn.filter((d) => d.bookmark.color === color).map((d) => d.range);
    const highlight = new Highlight(...ranges);
    // Under the find and search marks (which are elements, drawn with the text) whatever the order.
    highlight.priority = 0;
    CSS.highlights.set(highlightName(color), highlight);
  }
  return () => {
    for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(highlightName(color));
  };
}

/**
 * The highlight that holds a DOM range (a caret, a click, a selection) entirely, if any; the
 * shortest when they nest, being the one the reader most likely means.
 */
export function highlightAround(drawn: readonly DrawnHighlight[], range: Range): DrawnHighlight | undefined {
  const around = drawn.filter(
    (d) => d.range.compareBoundaryPoints(Range.START_TO_START, range) <= 0 && d.range.compareBoundaryPoints(Range.END_TO_END, range) >= 0,
  );
  return around.sort((a, b) => a.range.toString().length - b.range.toString().length)[0];
}

/** The class of a highlight as printed (see PrintDocument.css). */
export const PRINTED_HIGHLIGHT_CLASS = 'print-highlight';

/**
 * Highlights as the print has them: its own document, which the Custom Highlight API does not
 * print from a preview's copy reliably and which black-and-white printers flatten, so each run
 * of a highlight's text is wrapped in `<mark class="print-highlight" data-color>` (a light tint
 * and an underline of the colour's own style). Text nodes are split as mark-layer.ts splits
 * them, and put back exactly.
 *
 * @returns take the marks off again
 */
export function markHighlights(drawn: readonly DrawnHighlight[]): () => void {
  const patches: { original: Text; pieces: Node[] }[] = [];
  for (const { bookmark, range } of drawn) {
    const root = range.commonAncestorContainer;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = root instanceof Text ? root : walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) nodes.push(n as Text);
    for (const node of nodes) {
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end <= start || !node.data.slice(start, end).trim()) continue;
      const mark = document.createElement('mark');
      mark.className = PRINTED_HIGHLIGHT_CLASS;
      mark.dataset.color = bookmark.color;
      mark.textContent = node.data.slice(start, end);
      const pieces = [document.createTextNode(node.data.slice(0, start)), mark, document.createTextNode(node.data.slice(end))];
      node.replaceWith(...pieces);
      patches.push({ original: node, pieces });
    }
  }
  return () => {
    for (const { original, pieces } of patches.reverse()) {
      const first = pieces[0];
      if (!first?.parentNode) continue;
      first.parentNode.insertBefore(original, first);
      for (const piece of pieces) piece.parentNode?.removeChild(piece);
    }
  };
}
