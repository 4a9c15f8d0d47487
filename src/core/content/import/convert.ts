/**
 * One file the reader adds, whatever its kind, into an {@link Imported}: the importer is chosen by
 * the file's name, and by its first bytes where the name says nothing Quire knows.
 */
import { IMPORT_EXTENSIONS, MAX_IMPORT_FILE_BYTES } from '../../../shared/user-library';
import { readEpub, type EpubBook } from './epub';
import { decodeHtml, htmlToMarkdown, importWebPage } from './html';
import { ImportFileError, type Imported, type ImportFormat } from './imported';
import { importMarkdown } from './markdown-file';
import { decodeText, importText } from './text';

/** Each extension's format. */
const BY_EXTENSION: Readonly<Record<(typeof IMPORT_EXTENSIONS)[number], ImportFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.epub': 'epub',
};

/** The level a chapter's own headings start at, under its `##` title. */
const CHAPTER_HEADING_BASE = 3;

/**
 * The format of a file, by its extension, else by its first bytes (a zip that says it is an
 * EPUB, an HTML document); undefined for anything else.
 *
 * @example formatOf('Notes.MD', bytes) // 'markdown'
 */
export function formatOf(name: string, bytes: Uint8Array): ImportFormat | undefined {
  const lower = name.toLowerCase();
  const ext = IMPORT_EXTENSIONS.find((e) => lower.endsWith(e));
  if (ext) return BY_EXTENSION[ext];
  // A name without an extension Quire knows: what the bytes say, where they say it clearly.
  if (/\.[a-z0-9]{1,5}$/i.test(name)) return undefined;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && head.includes('mimetypeapplication/epub+zip')) return 'epub';
  if (/^\s*(?:<!doctype html|<html[\s>])/i.test(head.replace(/^\ufeff/, ''))) return 'html';
  return undefined;
}

/**
 * Convert one file.
 *
 * @throws ImportFileError saying why, in words for people, when it is not a kind Quire reads or
 *   cannot be read as one
 */
export function convertFile(name: string, bytes: Uint8Array): Imported {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new ImportFileError(`it is larger than ${Math.round(MAX_IMPORT_FILE_BYTES / 1024 / 1024)} MB, the most Quire reads in one file`);
  }
  if (bytes.length === 0) throw new ImportFileError('the file is empty');
  const format = formatOf(name, bytes);
  switch (format) {
    case 'markdown':
      return importMarkdown(decodeText(bytes), name);
    case 'text':
      return importText(decodeText(bytes), name);
    case 'html':
      return importWebPage(decodeHtml(bytes), name);
    case 'epub':
      return bookArticle(readEpub(bytes, name));
    default: {
      const ext = /\.[^.]+$/.exec(name)?.[0];
      const kind = ext ? `${ext} files` : 'files of this kind';
      throw new ImportFileError(`Quire cannot read ${kind}: add Markdown (.md), text (.txt), saved web pages (.html) or EPUB books (.epub)`);
    }
  }
}

/** Escape text so that Markdown shows it as written in a heading. */
function headingText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~!]/g, (c) => `\\${c}`);
}

/**
 * A book as one article: each chapter in spine order a `##` section titled as the book's table
 * of contents names it, its own headings under that. An untitled chapter with no words (a cover,
 * a page of pictures) adds nothing; one with words the contents do not name is titled by its
 * place ("Chapter 3").
 */
function bookArticle(book: EpubBook): Imported {
  const parts: string[] = [];
  let n = 0;
  for (const chapter of book.chapters) {
    // The chapter's own first heading is often its title again: said once, as the section's title.
    const title = chapter.title?.trim();
    const body = htmlToMarkdown(chapter.xhtml, { headingBase: CHAPTER_HEADING_BASE, ...(title ? { title } : {}) }).trim();
    // A titled chapter stays even when its title is all it says (a part's title page); an
    // untitled one with no words (a cover) adds nothing.
    if (!body && !title) continue;
    n++;
    parts.push(body ? `## ${headingText(title || `Chapter ${n}`)}\n\n${body}` : `## ${headingText(title!)}`);
  }
  if (!parts.some((p) => p.includes('\n'))) throw new ImportFileError('the book has no text Quire can read');
  return { format: 'epub', meta: book.meta, body: `${parts.join('\n\n')}\n` };
}
