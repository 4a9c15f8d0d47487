/**
 * Saved web pages (.html, .htm) into articles, and HTML converted whole (an EPUB's chapters).
 *
 * A page goes through four steps, each in its own module:
 *
 * 1. dom.ts parses it with linkedom into a complete document, and page-meta.ts reads what the
 *    page says about itself (its address, title, author, site, date) while the head and the
 *    JSON-LD are still there;
 * 2. sanitize.ts removes everything that runs, loads or hides, and every unsafe link;
 * 3. extract.ts finds the main content with Readability, or falls back to the body without its
 *    chrome;
 * 4. html-markdown.ts writes the content as Markdown in the article dialect.
 *
 * {@link importWebPage} does all four; {@link htmlToMarkdown} skips the extraction, for HTML that
 * is all content. {@link decodeHtml} turns a file's bytes into the text both take.
 */
/// <reference lib="dom" />
import { tokenize } from '../../../shared/text';
import { collapse, elementsNamed, parseDocument, plainText } from './dom';
import { extractMainContent } from './extract';
import { toMarkdown } from './html-markdown';
import { type Imported, ImportFileError, type ImportedMeta } from './imported';
import { decodeWindows1252, titleFromFileName } from './meta';
import { isAddress, readBodyMeta, readPageMeta } from './page-meta';
import { safeUrl, sanitize } from './sanitize';

/** A saved page's main content before it is written as Markdown, and its metadata. */
export interface WebPageContent {
  readonly meta: ImportedMeta;
  /** The main content, sanitized: the body of a document of its own. */
  readonly content: HTMLElement;
}

/**
 * Decode an HTML file's bytes: BOM, then `<meta charset>` or http-equiv, then UTF-8 if valid,
 * else windows-1252.
 *
 * windows-1252 is decoded here rather than by TextDecoder, which in some Node versions decodes
 * it as ISO-8859-1 and turns curly quotes into control characters.
 *
 * @example decodeHtml(new Uint8Array([0x93, 0x68, 0x69, 0x94])) // '“hi”'
 */
export function decodeHtml(bytes: Uint8Array): string {
  const encoding = bomEncoding(bytes) ?? declaredEncoding(bytes);
  if (encoding) return decode(bytes, encoding);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * A saved web page as an article: the main content found by Readability (navigation, ads,
 * cookie banners, comment sections and footers left out) and the page's metadata.
 *
 * @param fileName the file's name, the title when the page has none
 * @throws ImportFileError when the page has no article text
 * @example const imported = importWebPage(decodeHtml(bytes), 'story.html');
 */
export function importWebPage(html: string, fileName: string): Imported {
  const { meta, content } = extractWebPage(html, fileName);
  const body = toMarkdown(content, { headingBase: 2, title: meta.title });
  // The content may have been its title alone, which the article shows as its title.
  if (tokenize(body).length === 0) throw new ImportFileError('no article text was found in this page');
  return { format: 'html', meta, body };
}

/**
 * An HTML fragment or document converted whole, with no extraction (an EPUB chapter):
 * sanitized, then Markdown.
 *
 * @param options.headingBase the level the top heading becomes (3 under a `##` chapter title); 2 by default
 * @param options.baseUrl the address relative links resolve against; without one they become text
 * @param options.title the title it goes under (a chapter's): a first heading that only repeats it is left out
 * @example htmlToMarkdown('<h1>Chapter</h1><p>Text</p>', { headingBase: 3 }) // '### Chapter\n\nText\n'
 */
export function htmlToMarkdown(html: string, options: { headingBase?: number; baseUrl?: string; title?: string } = {}): string {
  const body = parseDocument(html).body;
  sanitize(body, { baseUrl: options.baseUrl === undefined ? undefined : safeUrl(options.baseUrl) });
  return toMarkdown(body, { headingBase: options.headingBase ?? 2, ...(options.title !== undefined ? { title: options.title } : {}) });
}

/**
 * A saved page's sanitized main content and its metadata: {@link importWebPage} before the
 * Markdown, for checking what the Markdown keeps.
 *
 * @throws ImportFileError when the page has no article text
 */
export function extractWebPage(html: string, fileName: string): WebPageContent {
  const page = parseDocument(html);
  // Before the sanitizer: the canonical link, <base> and JSON-LD are among what it removes.
  const head = readPageMeta(page);
  sanitize(page, { baseUrl: head.baseUrl, keepMeta: true });
  const body = readBodyMeta(page);
  const main = extractMainContent(page);
  const firstParagraph = elementsNamed(main.content, ['p']).map(plainText).find(Boolean) ?? '';
  const title = [main.title, head.ogTitle, head.documentTitle, body.firstHeading].map((t) => collapse(t ?? '')).find(Boolean);
  const fields: Omit<ImportedMeta, 'title'> = {
    author: byline(main.byline) ?? head.author,
    source: head.siteName ?? main.siteName ?? head.applicationName,
    published: head.metaPublished ?? body.time ?? head.jsonLdPublished,
    summary: [main.excerpt, head.description].map((s) => collapse(s ?? '')).find((s) => s && !opens(firstParagraph, s)),
    url: head.url,
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v));
  return { meta: { title: title ?? titleFromFileName(fileName), ...present }, content: main.content };
}

/** A byline as a name: "By Jane Roe" is Jane Roe. */
function byline(text: string | undefined): string | undefined {
  const name = collapse(text ?? '').replace(/^by\s+/i, '');
  return name && !isAddress(name) ? name : undefined;
}

/** Whether a summary is the paragraph's opening words (a description that only repeats the first paragraph). */
function opens(paragraph: string, summary: string): boolean {
  const words = (s: string): string => tokenize(s).join(' ').toLowerCase();
  return words(paragraph).startsWith(words(summary));
}

/** The encoding a byte order mark names. */
function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The encoding a `<meta>` in the first 1024 bytes declares, as the HTML standard's prescan finds it. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024)).replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const label = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)?.[1];
    const encoding = label === undefined ? undefined : encodingOf(label);
    if (encoding) return encoding;
  }
  return undefined;
}

/** The canonical name of an encoding label, as the Encoding standard maps it for a `<meta>`. */
function encodingOf(label: string): string | undefined {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  // A page that says it is UTF-16 in ASCII bytes is not; the standard reads it as UTF-8.
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}

function decode(bytes: Uint8Array, encoding: string): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}
