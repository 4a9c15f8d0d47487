/**
 * Sanitized HTML to the Markdown `parseArticle` reads, with every word kept.
 *
 * turndown writes the Markdown; this module decides what it is given and how it writes the
 * parts the article dialect is strict about. {@link prepare} first restores the structure
 * Markdown can carry: inline elements without a Markdown form become their text (so that text
 * nodes are whole and escaping sees where a line starts), headings are levelled under the
 * article's title and emptied ones dropped, empty list items dropped, tables made rectangular
 * with their cells' text kept, code made plain text, and spaces and line breaks moved off the
 * edges of links and emphasis (so that their delimiters meet known characters). Then turndown
 * writes it with rules
 * of our own for headings, tables, links, emphasis and code, and an escaping that covers what
 * turndown's own misses, so that text shows exactly as written:
 *
 * - `|`, `<` and an `&` that starts an entity, anywhere; `:::` anywhere, so no line can open
 *   a container; `#`, `+` and `1.` or `1)` alone at the start of a text; a `!` that ends a
 *   text, since a link may follow it and make an image;
 * - emphasis only where CommonMark reads its delimiters as such ({@link canDelimit}), else its
 *   text plain.
 *
 * turndown never keeps a tag: an element without a rule becomes its content, so no raw HTML is
 * written (and the article's renderer has raw HTML off besides).
 */
/// <reference lib="dom" />
import TurndownService from 'turndown';
import { ELEMENT_NODE, TEXT_NODE, elementsNamed, plainText, rename, unwrap } from './dom';

/** How a fragment becomes Markdown. */
export interface MarkdownOptions {
  /** The level the top heading becomes, 2 to 6. */
  readonly headingBase: number;
  /** The article's title: a first heading that only repeats it is left out. */
  readonly title?: string;
}

/** turndown's block elements: they start and end a block of Markdown. */
const BLOCKS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'AUDIO', 'BLOCKQUOTE', 'BODY', 'CANVAS', 'CENTER', 'DD', 'DIR', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'FRAMESET', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'HTML', 'ISINDEX', 'LI', 'MAIN', 'MENU', 'NAV', 'NOFRAMES', 'NOSCRIPT', 'OL', 'OUTPUT', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements a browser shows as blocks that turndown does not know: they become `<div>`. */
const BLOCK_LIKE = ['details', 'summary', 'dialog', 'legend', 'search'];

/** Inline elements with a Markdown form, and a table's parts: every other inline element becomes its content. */
const MARKED_INLINE: ReadonlySet<string> = new Set(['A', 'EM', 'I', 'STRONG', 'B', 'CODE', 'BR', 'CAPTION', 'COLGROUP', 'COL']);

const EMPHASIS: ReadonlySet<string> = new Set(['EM', 'I', 'STRONG', 'B']);
/** Inline elements whose edges {@link hoistEdges} clears. */
const HOISTED: ReadonlySet<string> = new Set(['A', ...EMPHASIS]);
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const TABLE_SECTIONS: ReadonlySet<string> = new Set(['THEAD', 'TBODY', 'TFOOT']);
const CELLS: ReadonlySet<string> = new Set(['TD', 'TH']);

/** HTML's own limit on colspan. */
const MAX_COLSPAN = 1000;
/** CommonMark reads at most 9 digits as a list number; a list's numbers stay well under that. */
const LIST_START = /^\d{1,6}$/;

/** Escapes applied after turndown's own, to each text outside code. */
const ESCAPES: readonly (readonly [RegExp, string])[] = [
  [/\|/g, '\\|'],
  [/</g, '\\<'],
  [/&(?=#?[0-9a-z]+;)/gi, '\\&'],
  [/:::/g, '\\:::'],
  [/^(#{1,6})(?=\s|$)/, '\\$1'],
  [/^\+(?=\s|$)/, '\\+'],
  [/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2'],
  [/!$/, '\\!'],
];

/**
 * Markdown for a sanitized element's content, in the dialect `parseArticle` reads.
 *
 * @param root a sanitized element (sanitize.ts); it is changed
 * @returns the Markdown, ending with a newline, or '' when there is no text
 */
export function toMarkdown(root: HTMLElement, options: MarkdownOptions): string {
  prepare(root, options);
  const markdown = createService().turndown(root);
  return markdown ? `${markdown}\n` : '';
}

/** Restore the structure Markdown can carry, in the order each step needs the last. */
function prepare(root: HTMLElement, options: MarkdownOptions): void {
  for (const el of elementsNamed(root, BLOCK_LIKE)) rename(el, 'div');
  unwrapUnmarked(root);
  plainCode(root);
  // Tables first: what their cells hold (headings, lists) is flattened to text and must not be levelled.
  prepareTables(root);
  prepareCodeBlocks(root);
  prepareHeadings(root, options);
  prepareLists(root);
  // After all flattening, which makes spaces: emphasis and links must not begin or end with one.
  hoistEdges(root);
  mergeAdjacentCode(root);
  trimBreaks(root);
  root.normalize();
}

/**
 * Inline elements without a Markdown form (span, font, sup…) become their content, and so do
 * links without an address, links around blocks (a teaser card: its blocks stay,
 * unlinked), and links inside links (which an HTML parser never makes, but htmlparser2 does; in
 * Markdown the outer one would show its address).
 */
function unwrapUnmarked(root: HTMLElement): void {
  for (const el of [...root.querySelectorAll('*')]) {
    const name = el.nodeName;
    const unmarked = !BLOCKS.has(name) && !MARKED_INLINE.has(name);
    const idleLink = name === 'A' && (!el.hasAttribute('href') || hasBlock(el) || el.parentElement?.closest('a'));
    if (unmarked || idleLink) unwrap(el);
  }
  root.normalize();
}

/**
 * Inline code is its text: markup inside it would show as characters. Empty code goes, as it
 * would write no backticks for its neighbours to meet ({@link canDelimit} counts on them); code
 * with a bracket in a link is text, since a line that starts `[\`]:` is read as a link
 * reference definition.
 */
function plainCode(root: HTMLElement): void {
  for (const code of elementsNamed(root, ['code'])) {
    for (const br of elementsNamed(code, ['br'])) br.replaceWith(' ');
    const text = code.textContent ?? '';
    if (!text) code.remove();
    else if (/[[\]]/.test(text) && code.closest('a')) code.replaceWith(text);
    else code.replaceChildren(text);
  }
}

/**
 * Code right after code is one code, as a browser shows it: the backticks of two would run
 * together into one fence.
 */
function mergeAdjacentCode(root: HTMLElement): void {
  root.normalize();
  for (const code of elementsNamed(root, ['code'])) {
    const prev = code.previousSibling;
    if (prev?.nodeName === 'CODE' && code.parentNode?.nodeName !== 'PRE') {
      prev.textContent += code.textContent ?? '';
      code.remove();
    }
  }
}

/**
 * A run of line breaks is one break, and whitespace and line breaks at the edges of a link or
 * emphasis move outside it, and so does code at the edges of emphasis.
 *
 * Then no blank line splits a paragraph (or a link or emphasis in it) in two, turndown moves no
 * whitespace across delimiters (its own way of doing that drops a line break at an element's
 * end), {@link canDelimit} knows the characters on either side, and no emphasis can end in a
 * backtick that meets another code span's.
 */
function hoistEdges(el: Element): void {
  for (const child of [...el.children]) hoistEdges(child);
  for (const br of [...el.children]) {
    if (br.nodeName !== 'BR') continue;
    let prev = br.previousSibling;
    while (prev?.nodeType === TEXT_NODE && !/\S/.test(prev.textContent ?? '')) prev = prev.previousSibling;
    if (prev?.nodeName === 'BR') br.remove();
  }
  if (!HOISTED.has(el.nodeName)) return;
  const edgeOut = (edge: 'start' | 'end'): boolean => {
    const child = edge === 'start' ? el.firstChild : el.lastChild;
    if (!child) return false;
    const movable = child.nodeName === 'BR' || (child.nodeName === 'CODE' && EMPHASIS.has(el.nodeName));
    if (movable) {
      if (edge === 'start') el.before(child);
      else el.after(child);
      return true;
    }
    if (child.nodeType !== TEXT_NODE) return false;
    const text = child.textContent ?? '';
    if (!text) {
      child.remove();
      return true;
    }
    const [space] = (edge === 'start' ? /^\s+/ : /\s+$/).exec(text) ?? [''];
    if (!space) return false;
    child.textContent = edge === 'start' ? text.slice(space.length) : text.slice(0, text.length - space.length);
    if (edge === 'start') el.before(space);
    else el.after(space);
    if (!child.textContent) child.remove();
    return true;
  };
  while (edgeOut('start'));
  while (edgeOut('end'));
  if (!el.firstChild) el.remove();
}

/** A code block is one `<code>` holding its text, line breaks as newlines. */
function prepareCodeBlocks(root: HTMLElement): void {
  for (const pre of elementsNamed(root, ['pre'])) {
    for (const br of elementsNamed(pre, ['br'])) br.replaceWith('\n');
    const text = pre.textContent ?? '';
    const code = pre.ownerDocument.createElement('code');
    code.textContent = text;
    pre.replaceChildren(code);
  }
}

/**
 * Headings: each one line of text; empty ones dropped; a first heading repeating the title
 * dropped; levels shifted so the top one is `headingBase`, none deeper than 6.
 */
function prepareHeadings(root: HTMLElement, options: MarkdownOptions): void {
  const headings: Element[] = [];
  for (const h of elementsNamed(root, HEADINGS)) {
    flattenToInline(h);
    if (hasText(h)) headings.push(h);
    else h.remove();
  }
  const first = headings[0];
  if (first && options.title !== undefined && sameText(plainText(first), options.title)) {
    first.remove();
    headings.shift();
  }
  const levels = headings.map((h) => Number(h.nodeName.slice(1)));
  const base = Number.isInteger(options.headingBase) ? Math.max(2, Math.min(6, options.headingBase)) : 2;
  const shift = base - Math.min(...levels);
  headings.forEach((h, i) => {
    const level = Math.min(6, levels[i]! + shift);
    if (level !== levels[i]) rename(h, `h${level}`);
  });
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** Empty list items dropped; a list's start kept only when it is a number a list can start at. */
function prepareLists(root: HTMLElement): void {
  for (const li of elementsNamed(root, ['li'])) {
    if (!hasText(li)) li.remove();
  }
  for (const ol of elementsNamed(root, ['ol'])) {
    const start = ol.getAttribute('start');
    if (start !== null && !LIST_START.test(start.trim())) ol.removeAttribute('start');
  }
}

/**
 * Tables: a layout table becomes its cells' content as blocks; a data table keeps only rows of
 * cells holding inline text, its caption set before it as a paragraph, anything else that was
 * inside it (stray text between rows) set before it too.
 */
function prepareTables(root: HTMLElement): void {
  // Outermost first: a layout table's inner tables are then tables of their own.
  for (const table of elementsNamed(root, ['table'])) {
    if (isLayoutTable(table)) unwrapLayoutTable(table);
    else prepareDataTable(table);
  }
}

/** A table used to lay out a page rather than to hold data. */
function isLayoutTable(table: Element): boolean {
  const role = table.getAttribute('role');
  const cells = ownCells(table);
  return role === 'presentation' || role === 'none' || elementsNamed(table, ['table']).length > 0 || cells.length <= 1;
}

function unwrapLayoutTable(table: Element): void {
  for (const el of ownParts(table)) {
    if (CELLS.has(el.nodeName) || el.nodeName === 'CAPTION') rename(el, 'div');
    else if (el.nodeName === 'COLGROUP' || el.nodeName === 'COL') el.remove();
    else unwrap(el);
  }
  rename(table, 'div');
}

function prepareDataTable(table: Element): void {
  const before: Node[] = [];
  for (const part of [table, ...ownParts(table).filter((p) => TABLE_SECTIONS.has(p.nodeName))]) {
    for (const child of [...part.childNodes]) {
      if (child.nodeName === 'TR' || TABLE_SECTIONS.has(child.nodeName)) continue;
      if (child.nodeName === 'CAPTION') before.push(rename(child as Element, 'p'));
      else if (/\S/.test(child.textContent ?? '')) before.push(child);
    }
  }
  table.before(...before);
  for (const row of tableRows(table)) {
    for (const child of [...row.childNodes]) {
      if (CELLS.has(child.nodeName)) continue;
      if (/\S/.test(child.textContent ?? '')) {
        const cell = table.ownerDocument.createElement('td');
        child.replaceWith(cell);
        cell.append(child);
      } else child.remove();
    }
  }
  for (const cell of ownCells(table)) flattenToInline(cell);
}

/** The rows, sections and cells that belong to this table, not to one nested in it. */
function ownParts(table: Element): Element[] {
  return elementsNamed(table, ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col']).filter(
    (el) => el.parentElement?.closest('table') === table,
  );
}

function ownCells(table: Element): Element[] {
  return ownParts(table).filter((el) => CELLS.has(el.nodeName));
}

/** A table's rows in order: its own, and those of its head, bodies and foot. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of [...table.children]) {
    if (child.nodeName === 'TR') rows.push(child);
    else if (TABLE_SECTIONS.has(child.nodeName)) rows.push(...[...child.children].filter((r) => r.nodeName === 'TR'));
  }
  return rows;
}

/** Blocks and line breaks inside an element become spaces around their content: one line of text. */
function flattenToInline(el: Element): void {
  for (const inner of [...el.querySelectorAll('*')]) {
    if (inner.nodeName === 'BR') inner.replaceWith(' ');
    else if (BLOCKS.has(inner.nodeName)) inner.replaceWith(' ', ...inner.childNodes, ' ');
  }
}

/**
 * Line breaks at the start or end of a block are dropped: they break no line of text, and one
 * at the start of a list item would leave the item's first line empty, which ends the item.
 */
function trimBreaks(root: HTMLElement): void {
  for (const block of [root, ...root.querySelectorAll('*')]) {
    if (!BLOCKS.has(block.nodeName)) continue;
    dropEdgeBreaks(block, 'start');
    dropEdgeBreaks(block, 'end');
  }
}

/** Drop the line breaks before an element's first text (or after its last); true once text is met. */
function dropEdgeBreaks(el: Element, edge: 'start' | 'end'): boolean {
  const children = [...el.childNodes];
  if (edge === 'end') children.reverse();
  for (const child of children) {
    // turndown collapses these characters only; any other character is text.
    if (child.nodeType === TEXT_NODE && /[^ \t\n\r]/.test(child.textContent ?? '')) return true;
    if (child.nodeName === 'BR') child.remove();
    else if (child.nodeType === ELEMENT_NODE && (BLOCKS.has(child.nodeName) || dropEdgeBreaks(child as Element, edge))) return true;
  }
  return false;
}

/** Whether an element has text other than whitespace, as parseArticle judges a heading or item empty. */
function hasText(el: Element): boolean {
  return (el.textContent ?? '').trim() !== '';
}

function hasBlock(el: Element): boolean {
  return [...el.querySelectorAll('*')].some((inner) => BLOCKS.has(inner.nodeName));
}

/** turndown as the article dialect needs it. */
function createService(): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', strongDelimiter: '**' });
  const turndownEscape = service.escape.bind(service);
  service.escape = (text: string): string => ESCAPES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), turndownEscape(text));
  service.addRule('heading', { filter: HEADINGS as TurndownService.TagName[], replacement: heading });
  service.addRule('table', { filter: 'table', replacement: (_content, node) => table(node, service) });
  service.addRule('link', { filter: (node) => node.nodeName === 'A' && node.hasAttribute('href'), replacement: link });
  service.addRule('emphasis', { filter: ['em', 'i'], replacement: (content, node) => delimit(content, node, '*') });
  service.addRule('strong', { filter: ['strong', 'b'], replacement: (content, node) => delimit(content, node, '**') });
  service.addRule('codeBlock', { filter: 'pre', replacement: (_content, node) => codeBlock(node.textContent ?? '') });
  service.addRule('code', { filter: (node) => node.nodeName === 'CODE' && node.parentNode?.nodeName !== 'PRE', replacement: code });
  return service;
}

/** A fenced code block, its fence longer than any run of backticks in it (indented or not). */
function codeBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `\n\n${fence}\n${text.replace(/\n$/, '')}\n${fence}\n\n`;
}

/** `## Heading`, with a trailing run of `#` escaped so that it is not read as a closing sequence. */
function heading(content: string, node: HTMLElement): string {
  const text = content.trim().replace(/(^|\s)(#+)$/, '$1\\$2');
  return `\n\n${'#'.repeat(Number(node.nodeName.slice(1)))} ${text}\n\n`;
}

/** `[text](address)`, the address escaped so that no character of it ends the link early. */
function link(content: string, node: HTMLElement): string {
  const href = (node.getAttribute('href') ?? '').replace(/[\\()<>|\s]/g, (c) => (/\s/.test(c) ? encodeURIComponent(c) : `\\${c}`));
  return `[${content}](${href})`;
}

/** Inline code, as turndown writes it, with `|` escaped inside a table cell. */
function code(content: string, node: HTMLElement): string {
  let text = content.replace(/\r?\n|\r/g, ' ');
  if (node.closest('td, th')) text = text.replace(/\|/g, '\\|');
  const pad = /^`|^ .*?[^ ].* $|`$/.test(text) ? ' ' : '';
  let fence = '`';
  const runs: readonly string[] = text.match(/`+/g) ?? [];
  while (runs.includes(fence)) fence += '`';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Emphasis or strong emphasis around the content when CommonMark reads it so; else the content. */
function delimit(content: string, node: HTMLElement, delimiter: string): string {
  return canDelimit(content, node) ? `${delimiter}${content}${delimiter}` : content;
}

/**
 * Whether `*` or `**` around this content open and close emphasis as CommonMark reads them, and
 * can do nothing else.
 *
 * The opening delimiter must be left-flanking and not right-flanking, so that it cannot close an
 * emphasis opened before it: preceded by whitespace, or by punctuation when the content starts
 * with a letter or digit. The closing delimiter is the mirror. Neither may touch another `*`,
 * whose run it would join. A character whose class is in doubt counts against: the cost of a
 * wrong "no" is plain text (emphasis inside a word is written so), of a wrong "yes" stray stars.
 * {@link hoistEdges} has left no whitespace at the content's edges for turndown to move.
 */
function canDelimit(content: string, node: HTMLElement): boolean {
  const before = charBefore(node);
  const after = charAfter(node);
  if (before === '*' || after === '*') return false;
  const chars = [...content];
  const unambiguous = (outside: string, inside: string): boolean =>
    (SURE_SPACE.test(outside) && !WHITESPACE.test(inside)) || (ASCII_PUNCTUATION.test(outside) && WORD_CHARACTER.test(inside));
  return unambiguous(before, chars[0] ?? ' ') && unambiguous(after, chars.at(-1) ?? ' ');
}

const WHITESPACE = /^\s$/u;
const SURE_SPACE = /^[ \t\n]$/;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/** The Markdown character just before an inline element: a line start counts as a space. */
function charBefore(node: Node): string {
  const prev = node.previousSibling;
  if (prev) return edgeChar(prev, 'end');
  const parent = node.parentNode;
  if (!parent || parent.nodeType !== ELEMENT_NODE || BLOCKS.has(parent.nodeName)) return ' ';
  return INLINE_OPENERS[parent.nodeName] ?? charBefore(parent);
}

/** The Markdown character just after an inline element: a line end counts as a space. */
function charAfter(node: Node): string {
  const next = node.nextSibling;
  if (next) return edgeChar(next, 'start');
  const parent = node.parentNode;
  if (!parent || parent.nodeType !== ELEMENT_NODE || BLOCKS.has(parent.nodeName)) return ' ';
  return INLINE_CLOSERS[parent.nodeName] ?? charAfter(parent);
}

/** What an inline element writes before its content, and after it. */
const INLINE_OPENERS: Readonly<Record<string, string>> = { EM: '*', I: '*', STRONG: '*', B: '*', A: '[', CODE: '`' };
const INLINE_CLOSERS: Readonly<Record<string, string>> = { EM: '*', I: '*', STRONG: '*', B: '*', A: ']', CODE: '`' };

/** The first or last Markdown character a sibling writes, as far as can be known beforehand. */
function edgeChar(node: Node, edge: 'start' | 'end'): string {
  const chars = [...(node.textContent ?? '')];
  const char = (edge === 'start' ? chars[0] : chars.at(-1)) ?? '';
  if (node.nodeType === TEXT_NODE) return char || ' ';
  if (node.nodeName === 'BR' || BLOCKS.has(node.nodeName)) return ' ';
  const marks = edge === 'start' ? INLINE_OPENERS : LINK_END;
  return marks[node.nodeName] ?? char;
}

/** What an inline element writes last: a link ends with its address. */
const LINK_END: Readonly<Record<string, string>> = { ...INLINE_CLOSERS, A: ')' };

/**
 * A data table as a Markdown table: every row as wide as the widest, a spanned cell's text in
 * its first slot and the slots it spans empty, the first row the header when it is one (in
 * `<thead>`, or all `<th>`), else an empty header row.
 */
function table(node: HTMLElement, service: TurndownService): string {
  const rows = tableRows(node);
  const grid = cellGrid(rows, (cell) => service.turndown(cell));
  const width = Math.max(0, ...grid.map((r) => r.length));
  const filled = grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  if (!filled.some((r) => r.some(Boolean))) return '';
  const first = rows[0];
  const isHeader = first !== undefined && (first.parentElement?.nodeName === 'THEAD' || [...first.children].every((c) => c.nodeName === 'TH'));
  const [header, body] = isHeader ? [filled[0]!, filled.slice(1)] : [Array<string>(width).fill(''), filled];
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return `\n\n${[line(header), line(Array<string>(width).fill('---')), ...body.map(line)].join('\n')}\n\n`;
}

/** The rows' cells laid out on a grid, colspan and rowspan taken into account. */
function cellGrid(rows: readonly Element[], text: (cell: HTMLElement) => string): string[][] {
  const grid: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of [...row.children]) {
      if (!CELLS.has(cell.nodeName)) continue;
      while (grid[r]![c] !== undefined) c++;
      const colspan = span(cell.getAttribute('colspan'), MAX_COLSPAN);
      // rowspan="0" reaches the last row.
      const rowspan = cell.getAttribute('rowspan')?.trim() === '0' ? rows.length - r : span(cell.getAttribute('rowspan'), rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? text(cell as HTMLElement) : '';
      }
      c += colspan;
    }
  });
  return grid;
}

/** A colspan or rowspan as a count from 1 to `max`. */
function span(value: string | null, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}
