/**
 * The sanitizer: what of a page may be read at all, applied before anything else reads it.
 *
 * A saved page is someone else's HTML, and some pages are hostile. Before Readability or the
 * Markdown writer sees a page (or an EPUB chapter), {@link sanitize} takes out in place:
 *
 * - everything that runs, loads, embeds or asks for input: scripts, styles, frames, objects,
 *   SVG and canvas, audio and video, forms and their controls, templates, links, `<base>`, and
 *   `<meta>` once the page's metadata has been read;
 * - what the reader could not see: elements marked `hidden` or styled `display: none`;
 * - every `on…` handler, `style` and `srcset`;
 * - the address of every link that is not http, https or mailto (javascript:, data:,
 *   vbscript:, file: among them), and of every relative link when the page states no address of
 *   its own: such links are written as their text;
 * - every image: nothing is ever fetched, so an image is its description (alt text), and an
 *   image without one is left out.
 *
 * What is left is text in structure (headings, paragraphs, lists, tables, quotes, links, code),
 * which is all the Markdown writer reads. The article it becomes is rendered by markdown-it with
 * raw HTML off, so this is the first of two walls, not the only one.
 */
/// <reference lib="dom" />
import { ELEMENT_NODE, collapse, elementsNamed, plainText, unwrap } from './dom';

/** How relative links resolve, and whether Readability still needs the page's metadata. */
export interface SanitizeOptions {
  /** The page's own address (http or https); relative links resolve against it, or become text without it. */
  readonly baseUrl?: string;
  /** Keep `<meta name|property|itemprop>` so that Readability can read the page's metadata. */
  readonly keepMeta?: boolean;
}

/** Elements dropped with everything in them. */
const DROPPED = [
  'script', 'style', 'noscript', 'template',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal',
  'svg', 'canvas', 'audio', 'video', 'source', 'track', 'area',
  'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'keygen',
  'link', 'base',
];

/** Attributes removed from every element (with every `on…` handler). */
const STRIPPED_ATTRIBUTES: ReadonlySet<string> = new Set(['style', 'srcset']);

/** The only schemes a link may keep. */
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** An inline style that hides the element. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Node types that carry no text: comments and processing instructions. */
const COMMENT_NODE = 8;
const PROCESSING_INSTRUCTION_NODE = 7;

/**
 * Sanitize a document or an element's subtree in place.
 *
 * @example sanitize(doc, { baseUrl: 'https://news.example/story', keepMeta: true });
 */
export function sanitize(root: Document | Element, options: SanitizeOptions = {}): void {
  dropElements(root, options.keepMeta ?? false);
  // Before styles go: they are how a page hides what it does not show.
  dropHidden(root);
  dropForms(root);
  stripAttributes(root);
  rewriteLinks(root, options.baseUrl);
  replaceImages(root);
  dropComments(root);
}

/**
 * A link's address if it may stay a link: http, https or mailto, resolved against `base`.
 *
 * A relative address without a base, a fragment of the same page, or any other scheme is
 * undefined: the link becomes its text.
 *
 * @example safeUrl('  JaVaScRiPt:alert(1)') // undefined
 * @example safeUrl('/world', 'https://news.example/a') // 'https://news.example/world'
 */
export function safeUrl(href: string, base?: string): string | undefined {
  const raw = href.trim();
  if (!raw || raw.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  return LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
}

function dropElements(root: ParentNode, keepMeta: boolean): void {
  for (const el of elementsNamed(root, DROPPED)) el.remove();
  for (const meta of elementsNamed(root, ['meta'])) {
    const metadata = meta.hasAttribute('name') || meta.hasAttribute('property') || meta.hasAttribute('itemprop');
    // http-equiv (refresh, set-cookie) is an instruction to a browser, never metadata.
    if (!keepMeta || !metadata || meta.hasAttribute('http-equiv')) meta.remove();
  }
  // A <title> outside the head is not shown by a browser.
  for (const title of elementsNamed(root, ['title'])) {
    if (title.parentElement?.nodeName !== 'HEAD') title.remove();
  }
}

function dropHidden(root: ParentNode): void {
  for (const el of [...root.querySelectorAll('[hidden], [style]')]) {
    if (el.hasAttribute('hidden') || HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) el.remove();
  }
}

/**
 * Forms go with what is in them (sign-ups, searches, comment boxes), except a form that holds
 * most of the page: some sites wrap the whole page in one, and it is the page.
 */
function dropForms(root: Document | Element): void {
  const page = 'body' in root ? root.body : root;
  const pageLength = plainText(page).length;
  for (const form of elementsNamed(root, ['form'])) {
    if (plainText(form).length * 2 > pageLength) unwrap(form);
    else form.remove();
  }
}

function stripAttributes(root: Document | Element): void {
  const elements = [...('body' in root ? [] : [root]), ...root.querySelectorAll('*')];
  for (const el of elements) {
    for (const name of el.getAttributeNames()) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || STRIPPED_ATTRIBUTES.has(lower)) el.removeAttribute(name);
    }
  }
}

/**
 * Links keep a safe absolute address or lose it. A link without one is written as its text; it
 * stays an element until then, since Readability tells navigation from prose by its links.
 */
function rewriteLinks(root: ParentNode, base: string | undefined): void {
  for (const a of elementsNamed(root, ['a'])) {
    const href = a.getAttribute('href');
    const url = href === null ? undefined : safeUrl(href, base);
    if (url) a.setAttribute('href', url);
    else a.removeAttribute('href');
  }
}

/** An image becomes its alt text, set apart by spaces as the picture set it apart; without alt text, a space. */
function replaceImages(root: ParentNode): void {
  for (const img of elementsNamed(root, ['img'])) {
    const alt = collapse(img.getAttribute('alt') ?? '');
    img.replaceWith(img.ownerDocument.createTextNode(alt ? ` ${alt} ` : ' '));
  }
}

function dropComments(root: Node): void {
  for (const node of [...root.childNodes]) {
    if (node.nodeType === COMMENT_NODE || node.nodeType === PROCESSING_INSTRUCTION_NODE) node.remove();
    else if (node.nodeType === ELEMENT_NODE) dropComments(node);
  }
}
