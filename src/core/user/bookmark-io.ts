/**
 * Bookmark export and import.
 *
 * - JSON: lossless and versioned (`quire-bookmarks`, version 1); the only format imported.
 * - Markdown: for reading: per article, each bookmark's section, quote, note, tags and link.
 * - W3C Web Annotation (JSON-LD): an AnnotationCollection whose items target the article with a
 *   TextQuoteSelector, so other annotation tools can read them.
 *
 * Import is all or nothing: any invalid entry rejects the whole file with a message naming the
 * entry and the field.
 */
import type { z } from 'zod';
import {
  BOOKMARK_EXPORT_VERSION,
  BookmarkExportSchema,
  IMPORT_CHOOSE_EXPORT,
  IMPORT_NOTHING_CHANGED,
  importSizeProblem,
  importTooLargeSummary,
  utf8Length,
  type Bookmark,
  type BookmarkExport,
} from '../../shared/bookmarks';
import type { Article } from '../../shared/model';

/** Looks up an article by id (the library, or the engine worker's copy of it). */
export type ArticleLookup = (id: string) => Article | undefined;


/**
 * An import that cannot be taken; nothing was changed. Its message is two lines: what happened,
 * what was kept and what to do, in words for the person importing; then the technical detail.
 */
export class BookmarkImportError extends Error {
  override readonly name = 'BookmarkImportError';
  constructor(
    /** For the person: what happened, what was kept, what to do. */
    readonly summary: string,
    /** For whoever looks closer: the entry, field and rule. */
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`${summary}\n${detail}`, options);
  }
}

/**
 * The refusal of an import that is too large, or null when its size is accepted.
 *
 * @example importTooLarge(12 * 1024 * 1024)?.summary // 'This file is 12 MB, larger than a bookmark file can be (10 MB). Nothing was imported: …'
 */
export function importTooLarge(bytes: number, name?: string): BookmarkImportError | null {
  const summary = importTooLargeSummary(bytes, name);
  return summary === null ? null : new BookmarkImportError(summary, importSizeProblem(bytes) ?? '');
}

/** Why a parsed file is not an export this version reads, for the person importing it. */
function refusal(error: z.ZodError, data: unknown): BookmarkImportError {
  const detail = describe(error, data);
  const file = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (file.type === 'AnnotationCollection' || file['@context'] !== undefined) {
    return new BookmarkImportError(`This is a Web Annotation file, which Quire cannot import yet. ${IMPORT_NOTHING_CHANGED} ${IMPORT_CHOOSE_EXPORT}`, detail);
  }
  if (file.format !== 'quire-bookmarks') {
    return new BookmarkImportError(`This is not a Quire bookmark file. ${IMPORT_NOTHING_CHANGED} ${IMPORT_CHOOSE_EXPORT}`, detail);
  }
  if (typeof file.version === 'number' && file.version > BOOKMARK_EXPORT_VERSION) {
    return new BookmarkImportError(
      `This file was saved by a newer version of Quire (bookmark format ${file.version}); this one reads format ${BOOKMARK_EXPORT_VERSION}. ${IMPORT_NOTHING_CHANGED} Update Quire, then import it again.`,
      detail,
    );
  }
  const [top, index] = error.issues[0]?.path ?? [];
  const count = Array.isArray(file.bookmarks) ? file.bookmarks.length : 0;
  const which = top === 'bookmarks' && typeof index === 'number' ? `Bookmark ${index + 1} of ${count} in this file is damaged` : 'This bookmark file is damaged';
  return new BookmarkImportError(
    `${which}, so none of it was imported: your bookmarks are as they were. If the file was edited, undo the edit, or export it again from the Quire it came from.`,
    detail,
  );
}

/**
 * Percent-encode every character but RFC 3986's unreserved ones (letters, digits, `-._~`).
 *
 * Stricter than `encodeURIComponent`, which leaves `!'()*`: a parenthesis would end a Markdown
 * link destination. The result is safe as a URI path segment, fragment or URN part.
 */
export function encodeUriPart(text: string): string {
  return encodeURIComponent(text.replaceAll(/[\ud800-\udfff]/gu, '\ufffd')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The app link of a bookmark's target (the renderer's hash route), its ids percent-encoded. */
export function bookmarkLink(b: Bookmark): string {
  const article = `quire:#/article/${encodeUriPart(b.articleId)}`;
  return b.target === 'passage' ? `${article}/${encodeUriPart(b.targetId)}` : article;
}

/** Lossless JSON export. */
export function exportJson(bookmarks: readonly Bookmark[], now: Date = new Date()): string {
  const data: BookmarkExport = { format: 'quire-bookmarks', version: BOOKMARK_EXPORT_VERSION, exportedAt: now.toISOString(), bookmarks: [...bookmarks] };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Markdown export: readable, grouped by article in library order.
 *
 * Every text in it that the export did not write itself (titles, section titles, quotes, notes,
 * tags, ids, dates) goes through `markdownText` or `markdownLines`, so whatever it holds renders
 * as that text in any CommonMark or GFM renderer: never as HTML, a heading, a list, a link, code
 * or a table. Links carry percent-encoded ids.
 */
export function exportMarkdown(bookmarks: readonly Bookmark[], articleOf: ArticleLookup): string {
  const lines = ['# Quire bookmarks', ''];
  const byArticle = new Map<string, Bookmark[]>();
  for (const b of bookmarks) byArticle.set(b.articleId, [...(byArticle.get(b.articleId) ?? []), b]);
  const title = (id: string): string => articleOf(id)?.title ?? id;
  const order = [...byArticle.keys()].sort((a, b) => title(a).localeCompare(title(b), 'en'));
  for (const articleId of order) {
    const article = articleOf(articleId);
    lines.push(`## ${article ? markdownText(article.title) : `${markdownText(articleId)} (no longer in the library)`}`, '');
    for (const b of byArticle.get(articleId)!) {
      const passage = article && [...article.passages, ...article.comments].find((p) => p.id === b.targetId);
      const section = article?.sections.find((s) => s.id === (b.target === 'section' ? b.targetId : passage?.sectionId));
      lines.push(`### ${section ? markdownText(section.title) : passage?.kind === 'comment' ? 'Reader comments' : 'Bookmark'}`, '');
      lines.push(...markdownLines(b.quote.exact).map((l) => `> ${l}`), '');
      const note = markdownLines(b.note);
      if (note.length > 0) lines.push(...note, '');
      const tags = markdownLines(b.tags.join(', '));
      if (tags.length > 0) lines.push(`Tags: ${tags[0]}`, ...tags.slice(1), '');
      lines.push(`[Open in Quire](${bookmarkLink(b)}) · saved ${markdownText(b.createdAt.slice(0, 10))}`, '');
    }
  }
  return lines.join('\n');
}

/**
 * ASCII punctuation that means nothing in CommonMark or GFM wherever it stands, left as is so the
 * file stays readable. Every other ASCII punctuation character is backslash-escaped (CommonMark
 * lets any of them be), except `.`, `:`, `-` and `+`, escaped where they could be syntax.
 */
const INERT_PUNCTUATION = new Set([',', ';', '"', "'", '?', '%', '/', '!']);
// Some escapes are for what renderers add to the specs: `@` (GitHub's mentions), `$` (its math).
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** What a paragraph or heading strips from the start or end of a line: spaces and tabs. */
const EDGE_SPACE = /[ \t]/;

/**
 * One line of text as Markdown inline content that renders as exactly that text.
 *
 * Syntax characters are backslash-escaped: `.` where it could end a list number or join a link's
 * domain (`1.`, `example.com`, `www.`), `:` unless a space follows it (`https:`, `mailto:`,
 * `:emoji:`, `:-:`), `-` and `+` at the start (list items, rules, underlines), and the rest
 * everywhere. Spaces at either end, which Markdown would strip (or read as an
 * indented code block), are written as character references. Line breaks become spaces: use
 * `markdownLines` for text with lines.
 *
 * @example markdownText('1. <b>hi</b>') // '1\\. \\<b\\>hi\\</b\\>'
 */
export function markdownText(text: string): string {
  const line = clean(text).replaceAll('\n', ' ');
  const chars = [...line];
  const first = chars.findIndex((c) => !EDGE_SPACE.test(c));
  const last = chars.findLastIndex((c) => !EDGE_SPACE.test(c));
  let out = '';
  chars.forEach((c, i) => {
    if (i < first || i > last || first === -1) out += `&#x${c.codePointAt(0)!.toString(16)};`;
    else if (!ASCII_PUNCTUATION.test(c) || INERT_PUNCTUATION.has(c)) out += c;
    else if ((c === ':' || (c === '.' && !/^\d+$/.test(line.slice(first, i)))) && (i + 1 >= chars.length || /\s/u.test(chars[i + 1]!))) out += c;
    else if ((c === '-' || c === '+') && i !== first) out += c;
    else out += `\\${c}`;
  });
  return out;
}

/**
 * Text with lines as the lines of one Markdown paragraph that renders as exactly that text, its
 * line breaks as hard breaks (a backslash at the end of a line).
 *
 * Line breaks at the very start or end are left out, as a paragraph cannot end with a hard break;
 * empty text gives no lines.
 */
export function markdownLines(text: string): string[] {
  const trimmed = clean(text).replace(/^\n+|\n+$/g, '');
  if (trimmed === '') return [];
  const lines = trimmed.split('\n').map(markdownText);
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\\` : l));
}

/** Text with CRLF and CR line ends read as LF, and NUL as U+FFFD (as CommonMark reads it). */
function clean(text: string): string {
  return text.replaceAll(/\r\n?/g, '\n').replaceAll('\0', '\ufffd');
}

/**
 * W3C Web Annotation export: an AnnotationCollection of TextQuoteSelector annotations.
 *
 * Texts are JSON strings (notes declared `text/plain`); what must be an IRI or a fragment (ids,
 * the FragmentSelector's value) is percent-encoded, so no id can break out of it.
 */
export function exportAnnotations(bookmarks: readonly Bookmark[], articleOf: ArticleLookup): string {
  const items = bookmarks.map((b) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:quire:bookmark:${encodeUriPart(b.id)}`,
    type: 'Annotation',
    motivation: b.note ? 'commenting' : 'bookmarking',
    created: b.createdAt,
    modified: b.updatedAt,
    ...(b.note || b.tags.length > 0
      ? {
          body: [
            ...(b.note ? [{ type: 'TextualBody', value: b.note, format: 'text/plain', purpose: 'commenting' }] : []),
            ...b.tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging' })),
          ],
        }
      : {}),
    target: {
      source: `urn:quire:article:${encodeUriPart(b.articleId)}`,
      ...(articleOf(b.articleId) ? { title: articleOf(b.articleId)!.title } : {}),
      selector: [
        { type: 'FragmentSelector', value: encodeUriPart(b.targetId) },
        { type: 'TextQuoteSelector', exact: b.quote.exact, prefix: b.quote.prefix, suffix: b.quote.suffix },
      ],
    },
  }));
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Quire bookmarks',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/**
 * Parse a JSON export for import.
 *
 * @throws BookmarkImportError naming the entry and field of the first problem, or the size of
 *   a text over `MAX_IMPORT_BYTES` (checked before parsing)
 */
export function parseImport(text: string): Bookmark[] {
  const tooLarge = importTooLarge(utf8Length(text));
  if (tooLarge) throw tooLarge;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BookmarkImportError(`This is not a Quire bookmark file: it is not JSON. ${IMPORT_NOTHING_CHANGED} ${IMPORT_CHOOSE_EXPORT}`, `not JSON (${(e as Error).message})`, {
      cause: e,
    });
  }
  const result = BookmarkExportSchema.safeParse(data);
  if (!result.success) throw refusal(result.error, data);
  const seen = new Map<string, number>();
  result.data.bookmarks.forEach((b, i) => {
    const first = seen.get(b.id);
    if (first !== undefined) {
      throw new BookmarkImportError(
        `Bookmarks ${first + 1} and ${i + 1} in this file are the same bookmark, so none of it was imported: your bookmarks are as they were. If the file was edited, undo the edit, or export it again.`,
        `bookmarks[${i}] (id ${b.id}): id appears twice in the file`,
      );
    }
    seen.set(b.id, i);
  });
  return result.data.bookmarks;
}

/** A zod error as "bookmarks[3] (id x): field 'quote.exact': message": the technical detail of a refusal. */
function describe(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0]!;
  const [top, index, ...field] = issue.path;
  if (top === 'bookmarks' && typeof index === 'number') {
    const id = (data as { bookmarks: { id?: unknown }[] }).bookmarks[index]?.id;
    const name = typeof id === 'string' ? ` (id ${id.slice(0, 64)})` : '';
    const where = field.length > 0 ? `field '${field.join('.')}'` : 'entry';
    return `bookmarks[${index}]${name}: ${where}: ${issue.message}`;
  }
  return `${issue.path.length > 0 ? `field '${issue.path.join('.')}'` : 'file'}: ${issue.message}`;
}
