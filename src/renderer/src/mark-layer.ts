/**
 * Highlights laid over the rendered article: `<mark>` elements wrapped round runs of its text
 * nodes, and taken off again exactly.
 *
 * Only text nodes are touched, and only by splitting them into text and `<mark>` nodes built with
 * the DOM API (never HTML): attributes and the engine's markup stay as they were. Taking a layer
 * off puts the very text nodes it replaced back in place, so the DOM React rendered is the DOM it
 * finds again. A run is found within one text node; text split across elements (half a word in
 * `<em>`) is not matched.
 */
import type { TextRange } from './text-match';

/** Marks laid over a part of the page, and the way to take them off. */
export interface MarkSet {
  /** The marks, in document order. */
  readonly marks: readonly HTMLElement[];
  /** Take the marks off, restoring the original text nodes. */
  readonly clear: () => void;
}

/** Elements whose text is never marked (it is not reading text). */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'BUTTON', 'SELECT']);

/** One text node replaced by its pieces. */
interface Patch {
  readonly original: Text;
  readonly pieces: readonly Node[];
}

/** The text nodes under `roots` worth searching, in document order. */
function textNodes(roots: Iterable<Element>): Text[] {
  const nodes: Text[] = [];
  for (const root of roots) {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeValue?.trim() && !(node.parentElement && SKIP.has(node.parentElement.tagName)) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  }
  return nodes;
}

/**
 * Wrap the runs `find` reports in each text node under `roots` in `<mark class={className}>`.
 *
 * @param roots Elements to search, in document order, none inside another.
 * @param find The runs to mark in one text node's text: sorted, not overlapping.
 * @example const set = markText([body], (t) => findOccurrences(t, 'baclofen'), 'find-hit'); set.clear();
 */
export function markText(roots: Iterable<Element>, find: (text: string) => readonly TextRange[], className: string): MarkSet {
  const patches: Patch[] = [];
  const marks: HTMLElement[] = [];
  for (const node of textNodes(roots)) {
    const text = node.data;
    const ranges = find(text);
    if (ranges.length === 0) continue;
    const doc = node.ownerDocument;
    const pieces: Node[] = [];
    let at = 0;
    for (const [start, end] of ranges) {
      if (start < at || end <= start) continue;
      if (start > at) pieces.push(doc.createTextNode(text.slice(at, start)));
      const mark = doc.createElement('mark');
      mark.className = className;
      mark.textContent = text.slice(start, end);
      pieces.push(mark);
      marks.push(mark);
      at = end;
    }
    if (at < text.length) pieces.push(doc.createTextNode(text.slice(at)));
    node.replaceWith(...pieces);
    patches.push({ original: node, pieces });
  }
  return {
    marks,
    clear: () => {
      for (let i = patches.length - 1; i >= 0; i--) {
        const { original, pieces } = patches[i] as Patch;
        const first = pieces[0];
        const parent = first?.parentNode;
        // Gone already (the article was replaced): nothing to restore.
        if (!first || !parent) continue;
        parent.insertBefore(original, first);
        for (const piece of pieces) piece.parentNode?.removeChild(piece);
      }
      patches.length = 0;
    },
  };
}

/**
 * The parts of a rendered article whose text may be marked: its title, headings and passages
 * (comments included), in document order; not its metadata, table of contents or controls.
 */
export function markableRoots(container: Element): Element[] {
  const roots: Element[] = [];
  for (const el of container.querySelectorAll('.article__title, .section__heading, [data-passage-id]')) {
    const last = roots[roots.length - 1];
    if (!last?.contains(el)) roots.push(el);
  }
  return roots;
}
