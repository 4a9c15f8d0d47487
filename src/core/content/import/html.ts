/**
 * Saved web pages (.html, .htm) and HTML converted whole (an EPUB's chapters).
 *
 * HTML goes through three steps, each in its own module: dom.ts parses it with linkedom into a
 * complete document; sanitize.ts removes everything that runs, loads or hides, and every unsafe
 * link; html-markdown.ts writes what is left as Markdown in the article dialect.
 * {@link htmlToMarkdown} does all three; {@link decodeHtml} turns a file's bytes into the text it
 * takes.
 */
/// <reference lib="dom" />
import { parseDocument } from './dom';
import { toMarkdown } from './html-markdown';
import { safeUrl, sanitize } from './sanitize';

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
 * An HTML fragment or document converted whole, with no extraction (an EPUB chapter):
 * sanitized, then Markdown.
 *
 * @param options.headingBase the level the top heading becomes (3 under a `##` chapter title); 2 by default
 * @param options.baseUrl the address relative links resolve against; without one they become text
 * @example htmlToMarkdown('<h1>Chapter</h1><p>Text</p>', { headingBase: 3 }) // '### Chapter\n\nText\n'
 */
export function htmlToMarkdown(html: string, options: { headingBase?: number; baseUrl?: string } = {}): string {
  const body = parseDocument(html).body;
  sanitize(body, { baseUrl: options.baseUrl === undefined ? undefined : safeUrl(options.baseUrl) });
  return toMarkdown(body, { headingBase: options.headingBase ?? 2 });
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

/** What windows-1252 maps 0x80 to 0x9F to; the rest of its bytes are their own code points. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chars = Array.from(bytes.subarray(start, start + 8192), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : String.fromCharCode(b)));
    chunks.push(chars.join(''));
  }
  return chunks.join('');
}
