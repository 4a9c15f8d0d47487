/**
 * Reading a PDF the way a person reads paper: its text page by page, with poppler's pdftotext,
 * and the fonts it is set in, with pdffonts (Debian poppler-utils, installed by .ci/run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A printed document's text. */
export interface PdfText {
  /** Each page's text, words separated by single spaces. */
  readonly pages: readonly string[];
  /** All pages, in order, likewise. */
  readonly all: string;
}

/** Words separated by single spaces (line breaks, tabs and runs of spaces become one space). */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text of every page of a PDF.
 *
 * @example const { pages } = readPdf(await printToPdf()); expect(pages[0]).toContain('Page 1 of');
 */
export function readPdf(pdf: Buffer): PdfText {
  const dir = mkdtempSync(join(tmpdir(), 'quire-pdf-'));
  try {
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    if (count === 0) throw new Error(`pdf: no pages in the print (pdfinfo said: ${info})`);
    const pages = Array.from({ length: count }, (_, i) =>
      normalize(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })),
    );
    return { pages, all: pages.join(' ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A font a PDF uses, as pdffonts lists it. */
export interface PdfFont {
  /** Its name without the subset prefix, or '[none]' (Chromium embeds variable web fonts as unnamed Type 3 outlines). */
  readonly name: string;
  /** 'CID TrueType', 'Type 3'… */
  readonly type: string;
}

/**
 * The fonts a PDF uses.
 *
 * @example expect(pdfFonts(await printToPdf()).some((f) => f.type === 'Type 3')).toBe(true);
 */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const dir = mkdtempSync(join(tmpdir(), 'quire-pdf-'));
  try {
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    // Two header lines, then one font a line: name, type, encoding, then yes/no columns and the object id.
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
    return lines.flatMap((line) => {
      const m = /^(\S+)\s+(.+?)\s{2,}\S+\s+(?:yes|no)\s/.exec(line);
      return m ? [{ name: (m[1] ?? '').replace(/^[A-Z]{6}\+/, ''), type: m[2] ?? '' }] : [];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Where each text is found in `haystack`, each after the previous; throws naming the first text
 * missing or out of order.
 */
export function expectInOrder(haystack: string, texts: readonly string[]): void {
  let from = 0;
  for (const text of texts) {
    const at = haystack.indexOf(text, from);
    if (at < 0) {
      const anywhere = haystack.indexOf(text);
      throw new Error(anywhere < 0 ? `pdf: missing ${JSON.stringify(text)}` : `pdf: out of order ${JSON.stringify(text)} (found before the text that precedes it)`);
    }
    from = at + text.length;
  }
}
