/**
 * The DOM that saved pages and EPUB chapters are read with: linkedom, a small DOM for Node.
 *
 * linkedom parses with htmlparser2, which does not build the tree an HTML5 parser would: a
 * document without its `<html>`, `<head>` and `<body>` (an EPUB chapter's fragment, a page saved
 * without them) comes back with no body at all. {@link parseDocument} puts every page into that
 * skeleton, so that the sanitizer, Readability and the Markdown writer all start from the same
 * shape. Nothing here fetches or runs anything: linkedom has no network and no script engine.
 *
 * The types are lib.dom's, which linkedom implements; the globals that go with them (`document`,
 * `Node`) do not exist in Node, so node types are compared with the numbers below.
 */
/// <reference lib="dom" />
import { parseHTML } from 'linkedom';
import { ImportFileError } from './imported';

/** `Node.ELEMENT_NODE`. */
export const ELEMENT_NODE = 1;
/** `Node.TEXT_NODE`. */
export const TEXT_NODE = 3;

/**
 * Deepest nesting of elements read. Real pages stay well under 100; Readability's time grows
 * with the cube of the depth (seconds at 500 levels, minutes at 2000), and turndown recurses
 * once per level.
 */
export const MAX_DEPTH = 256;

/** Elements that belong in `<head>` when a page leaves its head out. */
const HEAD_ELEMENTS: ReadonlySet<string> = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE', 'SCRIPT']);

/**
 * Parse a page or a fragment into a document that has an `<html>` with a `<head>` and a `<body>`.
 *
 * Line ends are normalized first, as an HTML parser's input stream does, and NUL characters
 * dropped, as a browser ignores them in text (markdown-it would show them as U+FFFD).
 *
 * @throws ImportFileError when elements are nested deeper than {@link MAX_DEPTH}
 * @example parseDocument('<p>Hello</p>').body.textContent // 'Hello'
 */
export function parseDocument(html: string): Document {
  const source = html.replace(/\r\n?/g, '\n').replace(/\0/g, '');
  const parsed = parseHTML(source).document;
  if (depthOf(parsed) > MAX_DEPTH) throw new ImportFileError(`its HTML is nested more than ${MAX_DEPTH} levels deep, too deep to be read`);
  if (isComplete(parsed)) return parsed;
  const head: string[] = [];
  const body: string[] = [];
  collect(parsed.childNodes, head, body);
  return parseHTML(`<!DOCTYPE html><html><head>${head.join('')}</head><body>${body.join('')}</body></html>`).document;
}

/** How many elements deep a tree's nesting goes, found without recursion. */
function depthOf(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    deepest = Math.max(deepest, depth);
    for (const child of node.childNodes) if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The document has the skeleton, and nothing outside it that would be lost. */
function isComplete(doc: Document): boolean {
  const root = doc.documentElement as Element | null;
  if (root?.nodeName !== 'HTML') return false;
  const outside = [...doc.childNodes].some((n) => n !== root && (n.nodeType === ELEMENT_NODE || (n.nodeType === TEXT_NODE && /\S/.test(n.textContent ?? ''))));
  const names = [...root.children].map((c) => c.nodeName).join(',');
  return !outside && names === 'HEAD,BODY';
}

/** Sort a parse's nodes into head and body markup, in order, unwrapping any html, head and body. */
function collect(nodes: NodeListOf<ChildNode>, head: string[], body: string[]): void {
  for (const node of nodes) {
    if (node.nodeType === TEXT_NODE) body.push(escapeText(node.textContent ?? ''));
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (el.nodeName === 'HTML') collect(el.childNodes, head, body);
    else if (el.nodeName === 'HEAD') head.push(el.innerHTML);
    else if (el.nodeName === 'BODY') body.push(el.innerHTML);
    // A <title> or <meta> after the body has begun is the body's, as an HTML parser would have it.
    else if (HEAD_ELEMENTS.has(el.nodeName) && body.length === 0) head.push(el.outerHTML);
    else body.push(el.outerHTML);
  }
}

/** Text as HTML source. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Every element under `root` (not `root` itself) with one of these tag names, in document order. */
export function elementsNamed(root: ParentNode, names: readonly string[]): Element[] {
  return [...root.querySelectorAll(names.join(','))];
}

/** Replace an element by its children. */
export function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

/** Replace an element by a new one named `name`, with the same children. */
export function rename(el: Element, name: string): Element {
  const renamed = el.ownerDocument.createElement(name);
  renamed.append(...el.childNodes);
  el.replaceWith(renamed);
  return renamed;
}

/** An element's text with whitespace runs made one space, trimmed. */
export function plainText(node: Node): string {
  return collapse(node.textContent ?? '');
}

/** Whitespace runs made one space and control characters dropped, trimmed. */
export function collapse(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}
