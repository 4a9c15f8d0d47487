/**
 * Plain text files: decoded whatever their encoding, and written as Markdown that shows every
 * character exactly as the file has it.
 *
 * A text file has no markup, so nothing in it may turn into any: a line "# Notes" is not a
 * heading, "1. first" not a list, `*stars*` not emphasis, `&amp;` not an ampersand. Every
 * character Markdown could read as syntax is escaped with a backslash, which markdown-it removes
 * again, so a passage's text is the file's paragraph. Paragraphs are separated by blank lines;
 * the lines of one paragraph stay one paragraph and read with a space between them, as
 * markdown-it joins them.
 */
import { ImportFileError, type Imported } from './imported';
import { collapseWhitespace, decodeWindows1252, titleFromFileName } from './meta';

/** The longest first line that is taken as the title (a longer one is the start of the text). */
export const MAX_TITLE_LINE = 120;

/**
 * Decode a text file: by its byte order mark when it has one (UTF-8, UTF-16 LE or BE), else as
 * UTF-8 when it is valid UTF-8, else as windows-1252 (what Windows Notepad wrote for decades).
 *
 * Every byte sequence decodes: windows-1252 gives a character for every byte.
 *
 * @example decodeText(new Uint8Array([0x93, 0x68, 0x69, 0x94])) // '“hi”'
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * A plain text file as an imported article: paragraphs at blank lines, every character shown
 * as written.
 *
 * The title is the file name made readable ("sleep_notes-2024.txt" gives "sleep notes 2024"),
 * unless the text starts with a single short line (at most {@link MAX_TITLE_LINE} characters)
 * standing alone before a blank line and more text: that line is the title, and is not
 * repeated in the body. Within a paragraph, runs of spaces and tabs read as one space, as they
 * would in any paragraph. (A NUL character reads as U+FFFD: markdown-it replaces it, as
 * CommonMark says to.)
 *
 * @throws ImportFileError when the file has no text (empty or only whitespace)
 * @example importText('Sleep\n\nSleep is *good*.\n', 'notes.txt').body // 'Sleep is \\*good\\*.\n'
 */
export function importText(text: string, fileName: string): Imported {
  const lines = text.split(/\r\n?|\n/);
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    const flat = collapseWhitespace(line);
    if (flat) current.push(flat);
    else if (current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  if (paragraphs.length === 0) throw new ImportFileError('the file has no text');

  const first = paragraphs[0]!;
  const titled = paragraphs.length > 1 && first.length === 1 && first[0]!.length <= MAX_TITLE_LINE;
  const title = titled ? first[0]! : titleFromFileName(fileName);
  const body = (titled ? paragraphs.slice(1) : paragraphs).map((p) => p.map(escapeLine).join('\n')).join('\n\n');
  return { format: 'text', meta: { title }, body: `${body}\n` };
}

/**
 * A line (trimmed, whitespace collapsed) escaped so that Markdown reads it as plain text.
 *
 * Escaped everywhere: what opens inline syntax (`\` `` ` `` `*` `_` `[` `<` `&`). Escaped at
 * the start of the line only: what opens a block there (any ASCII punctuation: `#` heading,
 * `>` quote, `-` `+` list, `=` `-` heading underline, `|` `:` table, `:::` container, ``` ```
 * and `~~~` fences), and the `.` or `)` after a number that would start an ordered list. A
 * line never starts with a space, so it is never indented code.
 */
export function escapeLine(line: string): string {
  const inline = line.replace(/[\\`*_[<&]/g, '\\$&');
  if (/^[!-/:-@[-`{-~]/.test(inline) && !inline.startsWith('\\')) return `\\${inline}`;
  return inline.replace(/^(\d{1,9})([.)])/, '$1\\$2');
}
