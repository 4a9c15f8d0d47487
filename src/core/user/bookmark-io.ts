/**
 * Bookmark export and import.
 *
 * - JSON: lossless and versioned (`quire-bookmarks`, version 3: each bookmark or highlight and
 *   its link).
 * - Markdown: for reading, export only: per article, each bookmark's section, quote, note, tags
 *   and link; a highlight's words, with its colour's name.
 * - W3C Web Annotation (JSON-LD): an AnnotationCollection whose items target their passage or
 *   section with its link and a TextQuoteSelector (a highlight adds a TextPositionSelector and a
 *   RangeSelector naming its passages), so other annotation tools can read them; lossless too, so
 *   Quire reads it back. Annotations from other tools are read when their target names a Quire
 *   article and quotes words in it: the quote is placed in the article's text as a highlight, or
 *   kept as an orphaned highlight when it is not there.
 *
 * Every link is the one Copy link writes (src/shared/links.ts). Import reads JSON and Web
 * Annotations, told apart by their content, and is all or nothing: any invalid entry rejects the
 * whole file with a message naming the entry and the field.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  BOOKMARK_EXPORT_VERSION,
  BookmarkSchema,
  MAX_IMPORT_ENTRIES,
  QUOTE_CONTEXT,
  BookmarkExportSchema,
  DEFAULT_HIGHLIGHT_COLOR,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_COLOR_NAMES,
  isHighlight,
  type HighlightColor,
  IMPORT_CHOOSE_EXPORT,
  IMPORT_NOTHING_CHANGED,
  importSizeProblem,
  importTooLargeSummary,
  TextPositionSchema,
  utf8Length,
  type Bookmark,
  type BookmarkExport,
} from '../../shared/bookmarks';
import { encodeUriPart, formatLink, parseLink, type Place } from '../../shared/links';
import type { Article } from '../../shared/model';
import { PASSAGE_SEPARATOR } from '../../shared/ranges';
import { anchor } from './anchoring';
import { anchorRange, selectRange } from './text-range';

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
  const file = isRecord(data) ? data : {};
  if (file.format !== 'quire-bookmarks') {
    return new BookmarkImportError(`This is not a Quire bookmark file. ${IMPORT_NOTHING_CHANGED} ${IMPORT_CHOOSE_EXPORT}`, detail);
  }
  if (typeof file.version === 'number' && file.version > BOOKMARK_EXPORT_VERSION) {
    return new BookmarkImportError(
      `This file was saved by a newer version of Quire (bookmark format ${file.version}); this one reads format ${BOOKMARK_EXPORT_VERSION} and older. ${IMPORT_NOTHING_CHANGED} Update Quire, then import it again.`,
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
 * The link of a bookmark's target, as Copy link writes it: `quire://article/<article>/<passage>`
 * (a highlight's first passage), or `quire://article/<article>/section/<section>` for a section.
 */
export function bookmarkLink(b: Bookmark): string {
  return formatLink(placeOf(b));
}

/** The place a bookmark points at. */
function placeOf(b: Bookmark): Place {
  return b.target === 'section' ? { articleId: b.articleId, sectionId: b.targetId } : { articleId: b.articleId, passageId: b.targetId };
}

/** Lossless JSON export. */
export function exportJson(bookmarks: readonly Bookmark[], now: Date = new Date()): string {
  const data: BookmarkExport = { format: 'quire-bookmarks', version: BOOKMARK_EXPORT_VERSION, exportedAt: now.toISOString(), bookmarks: bookmarks.map((b) => ({ ...b, link: bookmarkLink(b) })) };
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
      lines.push(`### ${section ? markdownText(section.title) : passage?.kind === 'comment' ? 'Reader comments' : isHighlight(b) ? 'Highlight' : 'Bookmark'}`, '');
      lines.push(...markdownLines(b.quote.exact).map((l) => `> ${l}`), '');
      if (isHighlight(b)) lines.push(`${HIGHLIGHT_COLOR_NAMES[b.color]} highlight`, '');
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

/** The JSON-LD context of the W3C Web Annotation data model. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** A Quire bookmark's id as an annotation's IRI. */
const BOOKMARK_URN = 'urn:quire:bookmark:';
/** An article as Web Annotation exports before links named it (read, no longer written). */
const ARTICLE_URN = 'urn:quire:article:';
/** The last change of an annotation that has no dates: the earliest instant. */
const UNDATED = new Date(0).toISOString();

/**
 * W3C Web Annotation export: an AnnotationCollection, one Annotation per bookmark.
 *
 * Each annotation's `target` is a SpecificResource: its `id` is the bookmark's link (the passage,
 * or the section), its `source` the article's link, its selector the bookmark's TextQuoteSelector;
 * the note is a `commenting` TextualBody (`text/plain`), each tag a `tagging` one, and `created`
 * and `modified` its dates. That is every field of a bookmark, so the file imports back as it was.
 *
 * A highlight is an annotation with the `highlighting` motivation. Its target's `id` is its first
 * passage's link, and its `selector` list holds three ways to the same words, as the model has
 * alternatives: the TextQuoteSelector; a TextPositionSelector counted over the whole article's
 * text (its passages, body then comments, joined by a line break; left out when the article is not
 * in the library); and a RangeSelector whose `startSelector` and `endSelector` are
 * FragmentSelectors naming its first and last passage (both included), `refinedBy` the
 * TextPositionSelector within the text of those passages, which is what Quire reads back. Its
 * colour is the target's `styleClass`, `quire-highlight-<colour>`, styled by the annotation's CSS
 * `stylesheet` (the model's way to render a segment); a reader that knows only bookmarks sees an
 * annotation that quotes words in a passage.
 *
 * Texts are JSON strings; ids in IRIs are percent-encoded, so no id can break out of one.
 */
export function exportAnnotations(bookmarks: readonly Bookmark[], articleOf: ArticleLookup): string {
  const items = bookmarks.map((b) => ({
    '@context': ANNOTATION_CONTEXT,
    id: `${BOOKMARK_URN}${encodeUriPart(b.id)}`,
    type: 'Annotation',
    motivation: isHighlight(b) ? 'highlighting' : b.note ? 'commenting' : 'bookmarking',
    ...(isHighlight(b) ? { stylesheet: { type: 'CssStylesheet', value: `.${styleClass(b.color)} { background-color: ${STYLE_COLORS[b.color]}; }` } } : {}),
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
      id: bookmarkLink(b),
      type: 'SpecificResource',
      source: formatLink({ articleId: b.articleId }),
      ...(articleOf(b.articleId) ? { title: articleOf(b.articleId)!.title } : {}),
      ...(isHighlight(b) ? { styleClass: styleClass(b.color) } : {}),
      selector: [{ type: 'TextQuoteSelector', exact: b.quote.exact, prefix: b.quote.prefix, suffix: b.quote.suffix }, ...rangeSelectors(b, articleOf(b.articleId))],
    },
  }));
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Quire bookmarks',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** The `styleClass` of a highlight's colour. */
const styleClass = (color: HighlightColor): string => `quire-highlight-${color}`;
/** The colours a Web Annotation export's stylesheet gives its highlights (Quire draws its own). */
const STYLE_COLORS: Readonly<Record<HighlightColor, string>> = { yellow: '#fff3a3', green: '#c9f2c2', blue: '#cfe3ff', pink: '#ffd6e8' };
/** What a FragmentSelector's value names: an HTML element's id (the passage's). */
const FRAGMENT_CONFORMS_TO = 'http://tools.ietf.org/rfc/rfc3986';

/** A highlight's TextPositionSelector over the whole article and its RangeSelector; none for other bookmarks. */
function rangeSelectors(b: Bookmark, article: Article | undefined): object[] {
  if (!isHighlight(b)) return [];
  const fragment = (id: string): object => ({ type: 'FragmentSelector', conformsTo: FRAGMENT_CONFORMS_TO, value: encodeUriPart(id) });
  const start = article && articleOffset(article, b.targetId);
  return [
    ...(start === undefined ? [] : [{ type: 'TextPositionSelector', start: start + b.position.start, end: start + b.position.end }]),
    { type: 'RangeSelector', startSelector: fragment(b.targetId), endSelector: fragment(b.endId), refinedBy: { type: 'TextPositionSelector', ...b.position } },
  ];
}

/**
 * Where a passage starts in its article's whole text (passages, body then comments, joined as
 * text-range.ts joins them), or undefined when the article has no such passage.
 */
function articleOffset(article: Article, passageId: string): number | undefined {
  let at = 0;
  for (const p of [...article.passages, ...article.comments]) {
    if (p.id === passageId) return at;
    at += p.text.length + PASSAGE_SEPARATOR.length;
  }
  return undefined;
}

/** A bookmark read from an annotation that names its article but not its passage. */
interface Unplaced {
  /** Everything but where it points. */
  readonly bookmark: Omit<Bookmark, 'target' | 'targetId' | 'endId' | 'position' | 'color'>;
  /** A passage or section id the annotation names in a FragmentSelector (an earlier Quire's export). */
  readonly hint?: string;
  /**
   * Words another tool marked, named by no passage: a highlight in this colour, its quote looked
   * for near `position` (a TextPositionSelector over the whole article's text) when it has one.
   */
  readonly highlight?: { readonly color: HighlightColor; readonly position?: { readonly start: number; readonly end: number } };
}

/** The passage id an imported highlight keeps while its words are in no passage (it is orphaned). */
export const UNPLACED_ID = 'unplaced';

/** One entry of an import file, numbered from 1 as the person importing counts them. */
type ImportEntry = { readonly number: number } & ({ readonly bookmark: Bookmark } | { readonly unplaced: Unplaced });

/** An import file, read and checked, some of whose annotations may still need their article. */
export interface ParsedImport {
  /** What the file holds: 'Bookmark' or 'Annotation' (as its messages name an entry). */
  readonly kind: 'Bookmark' | 'Annotation';
  /** How many entries it holds. */
  readonly total: number;
  readonly entries: readonly ImportEntry[];
}

/**
 * Read an import file: a JSON export or a Web Annotation file, told apart by its content.
 *
 * Annotations from other tools that name a Quire article but no passage are kept to be placed by
 * their quote ({@link placeImport}, given the articles {@link articlesToPlace} names).
 *
 * @param now the date of an annotation that has none
 * @throws BookmarkImportError naming the entry and field of the first problem, or the size of
 *   a text over `MAX_IMPORT_BYTES` (checked before parsing)
 */
export function readImport(text: string, now: Date = new Date()): ParsedImport {
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
  const parsed = isAnnotationFile(data) ? readAnnotations(data, now) : readBookmarks(data);
  const seen = new Map<string, number>();
  for (const entry of parsed.entries) {
    const id = 'bookmark' in entry ? entry.bookmark.id : entry.unplaced.bookmark.id;
    const first = seen.get(id);
    if (first !== undefined) {
      const field = parsed.kind === 'Bookmark' ? 'bookmarks' : 'annotations';
      throw new BookmarkImportError(
        `${parsed.kind}s ${first} and ${entry.number} in this file are the same ${parsed.kind === 'Bookmark' ? 'bookmark' : 'annotation'}, so none of it was imported: your bookmarks are as they were. If the file was edited, undo the edit, or export it again.`,
        `${field}[${entry.number - 1}] (id ${id}): id appears twice in the file`,
      );
    }
    seen.set(id, entry.number);
  }
  return parsed;
}

/** The articles an import must look up to place its annotations by their quotes. */
export function articlesToPlace(parsed: ParsedImport): string[] {
  return [...new Set(parsed.entries.flatMap((e) => ('unplaced' in e ? [e.unplaced.bookmark.articleId] : [])))];
}

/**
 * The bookmarks of a read import, each annotation that names no passage placed by its quote in
 * its article. Another tool's annotation becomes a highlight of the words its quote finds in the
 * article's text (by text-range.ts, as a highlight re-anchors: the words at its position, then
 * the words anywhere, context breaking ties, then the closest approximate match). An earlier
 * Quire's bookmark goes to the passage holding its quote, or the passage or section its
 * FragmentSelector names.
 *
 * What cannot be placed is kept, never dropped: a highlight whose words are not in the article is
 * imported orphaned (its passages {@link UNPLACED_ID}, its quote as it was), a bookmark with the
 * passage it named; both are listed as orphaned, with their quote.
 *
 * @throws BookmarkImportError when an annotation's article is not in the library: nothing is
 *   imported
 */
export function placeImport(parsed: ParsedImport, articleOf: ArticleLookup): Bookmark[] {
  return parsed.entries.map((entry) => {
    if ('bookmark' in entry) return entry.bookmark;
    const { bookmark, hint } = entry.unplaced;
    const which = `Annotation ${entry.number} of ${parsed.total} in this file`;
    const where = `annotations[${entry.number - 1}]`;
    const article = articleOf(bookmark.articleId);
    if (!article) {
      throw new BookmarkImportError(
        `${which} is about an article this library does not have (${bookmark.articleId}), so none of it was imported: your bookmarks are as they were.`,
        `${where}: field 'target.source': no article '${bookmark.articleId}' in the library`,
      );
    }
    const passages = [...article.passages, ...article.comments];
    if (hint === undefined) return placeHighlight(bookmark, entry.unplaced.highlight ?? { color: DEFAULT_HIGHLIGHT_COLOR }, article);
    if (article.sections.some((s) => s.id === hint) && !passages.some((p) => p.id === hint)) return { ...bookmark, target: 'section', targetId: hint };
    const found = anchor({ ...bookmark, target: 'passage', targetId: hint }, article);
    return { ...bookmark, target: 'passage', targetId: found.targetId ?? hint };
  });
}

/** Another tool's marked words as a highlight: where its quote is in the article, or orphaned. */
function placeHighlight(bookmark: Unplaced['bookmark'], { color, position }: NonNullable<Unplaced['highlight']>, article: Article): Bookmark {
  const first = article.passages[0] ?? article.comments[0];
  // The position counts over the whole article: as a range's own, from the first passage.
  const found = first && anchorRange({ startPassageId: first.id, endPassageId: first.id, position: position ?? { start: 0, end: 0 }, quote: bookmark.quote }, article);
  const selector = found?.range && selectRange(article, found.range);
  if (selector && typeof selector !== 'string') {
    return { ...bookmark, target: 'text', targetId: selector.startPassageId, endId: selector.endPassageId, position: selector.position, quote: selector.quote, color };
  }
  return { ...bookmark, target: 'text', targetId: UNPLACED_ID, endId: UNPLACED_ID, position: position ?? { start: 0, end: bookmark.quote.exact.length }, color };
}

/**
 * Parse an import file whose entries all name their passage or section (a JSON export, Quire's
 * own Web Annotation export), or whose articles `articleOf` finds.
 *
 * @throws BookmarkImportError naming the entry and field of the first problem
 */
export function parseImport(text: string, articleOf: ArticleLookup = () => undefined, now: Date = new Date()): Bookmark[] {
  return placeImport(readImport(text, now), articleOf);
}

/** A value that is a plain JSON object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON-LD value that may be one item or a list of them, as a list. */
function listOf(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Whether a JSON-LD node is of a type (`type` may be one name or a list). */
function hasType(node: unknown, type: string): boolean {
  return isRecord(node) && listOf(node.type).includes(type);
}

/** Whether a parsed file is Web Annotation: the model's context, or a list of Annotations. */
function isAnnotationFile(data: unknown): boolean {
  if (Array.isArray(data)) return data.length > 0 && data.every((item) => hasType(item, 'Annotation'));
  return isRecord(data) && (listOf(data['@context']).includes(ANNOTATION_CONTEXT) || ['Annotation', 'AnnotationCollection', 'AnnotationPage'].some((t) => hasType(data, t)));
}

/** A JSON export's bookmarks, checked, each link against its ids. */
function readBookmarks(data: unknown): ParsedImport {
  const result = BookmarkExportSchema.safeParse(data);
  if (!result.success) throw refusal(result.error, data);
  const total = result.data.bookmarks.length;
  const entries = result.data.bookmarks.map(({ link, ...bookmark }, i): ImportEntry => {
    // Compared as places, so a link encoded another way still matches (and an id the link cannot
    // carry exactly, a lone surrogate, matches its own link).
    if (link !== undefined && !samePlace(parseLink(link), parseLink(bookmarkLink(bookmark)))) {
      throw new BookmarkImportError(
        `Bookmark ${i + 1} of ${total} in this file is damaged, so none of it was imported: your bookmarks are as they were. If the file was edited, undo the edit, or export it again from the Quire it came from.`,
        `bookmarks[${i}] (id ${bookmark.id}): field 'link': ${link.slice(0, 200)} is not the link of its article and ${bookmark.target} (${bookmarkLink(bookmark)})`,
      );
    }
    return { number: i + 1, bookmark };
  });
  return { kind: 'Bookmark', total, entries };
}

/** Whether two places are the same. */
function samePlace(a: Place | undefined, b: Place | undefined): boolean {
  return a !== undefined && b !== undefined && a.articleId === b.articleId && a.passageId === b.passageId && a.sectionId === b.sectionId;
}

/** Why an annotation cannot be read, as an error naming it. */
class AnnotationProblem extends Error {
  constructor(
    /** For the person, after "Annotation 3 of 5 in this file". */
    readonly summary: string,
    /** The field, and what is wrong with it. */
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** The annotations of a Web Annotation file (a collection, a page, one annotation or a list). */
function annotationsOf(data: unknown): unknown[] {
  const damaged = (detail: string): BookmarkImportError =>
    new BookmarkImportError(`This Web Annotation file is damaged or not complete, so none of it was imported: your bookmarks are as they were. ${IMPORT_CHOOSE_EXPORT}`, detail);
  if (Array.isArray(data)) return data;
  if (!isRecord(data)) throw damaged('file: not a JSON object');
  if (hasType(data, 'Annotation')) return [data];
  if (hasType(data, 'AnnotationPage')) {
    if (!Array.isArray(data.items)) throw damaged("field 'items': the page lists no annotations");
    return data.items;
  }
  if (hasType(data, 'AnnotationCollection')) {
    if (data.first === undefined && (data.total === 0 || data.total === undefined)) return [];
    if (!isRecord(data.first) || !Array.isArray(data.first.items)) throw damaged("field 'first': the collection's annotations are not in the file (a page elsewhere, not its items)");
    if (data.first.next !== undefined) throw damaged("field 'first.next': the collection goes on in pages that are not in the file");
    return data.first.items;
  }
  throw damaged("field 'type': expected Annotation, AnnotationPage or AnnotationCollection");
}

/** A Web Annotation file's annotations as bookmarks, or as quotes to place. */
function readAnnotations(data: unknown, now: Date): ParsedImport {
  const items = annotationsOf(data);
  const total = items.length;
  if (total > MAX_IMPORT_ENTRIES) {
    throw new BookmarkImportError(
      `This file holds ${total} annotations, more than Quire imports at once (${MAX_IMPORT_ENTRIES}). ${IMPORT_NOTHING_CHANGED}`,
      `annotations: ${total} entries, over the limit of ${MAX_IMPORT_ENTRIES}`,
    );
  }
  const entries = items.map((item, i): ImportEntry => {
    try {
      return { number: i + 1, ...readAnnotation(item, now) };
    } catch (e) {
      if (!(e instanceof AnnotationProblem)) throw e;
      const id = isRecord(item) && typeof item.id === 'string' ? ` (id ${item.id.slice(0, 80)})` : '';
      throw new BookmarkImportError(
        `Annotation ${i + 1} of ${total} in this file ${e.summary}, so none of it was imported: your bookmarks are as they were.`,
        `annotations[${i}]${id}: ${e.detail}`,
      );
    }
  });
  return { kind: 'Annotation', total, entries };
}

/** Where a bookmark's fields come from in an annotation, for messages naming them. */
const ANNOTATION_FIELDS: Record<string, string> = {
  id: 'id',
  articleId: 'target.source',
  targetId: 'target.id',
  quote: 'target.selector (TextQuoteSelector)',
  note: 'body (the note)',
  tags: 'body (a tag)',
  endId: 'target.selector (RangeSelector).endSelector',
  position: 'target.selector (RangeSelector).refinedBy',
  createdAt: 'created',
  updatedAt: 'modified',
};

/** One annotation as a bookmark, or (when it names no passage) as a quote to place. */
function readAnnotation(item: unknown, now: Date): { bookmark: Bookmark } | { unplaced: Unplaced } {
  if (!hasType(item, 'Annotation')) throw new AnnotationProblem('is not an annotation', "field 'type': expected Annotation");
  const a = item as Record<string, unknown>;
  const targets = listOf(a.target);
  if (targets.length !== 1) throw new AnnotationProblem(targets.length === 0 ? 'has no target' : 'has more than one target, which a bookmark cannot', `field 'target': ${targets.length} targets, expected 1`);
  const target: Record<string, unknown> = isRecord(targets[0]) ? targets[0] : { source: targets[0] };
  const source = typeof target.source === 'string' ? target.source : undefined;
  const place = (typeof target.id === 'string' ? parseLink(target.id) : undefined) ?? (source === undefined ? undefined : parseLink(source) ?? articleUrn(source));
  if (!place) {
    throw new AnnotationProblem(
      `is about ${source === undefined ? 'nothing it names' : `“${source.slice(0, 80)}”`}, not an article in Quire (Quire reads annotations whose target is a quire://article/… link)`,
      `field 'target.source': ${source === undefined ? 'missing' : `'${source.slice(0, 200)}' is not a quire:// link`}`,
    );
  }
  const selectors = listOf(target.selector);
  const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector')) as Record<string, unknown> | undefined;
  if (!quote) throw new AnnotationProblem('quotes no words to find its place by', "field 'target.selector': no TextQuoteSelector");
  const fragment = selectors.find((s) => hasType(s, 'FragmentSelector')) as Record<string, unknown> | undefined;
  const range = selectors.find((s) => hasType(s, 'RangeSelector')) as Record<string, unknown> | undefined;
  const color = colorOf(target.styleClass);
  // Absent context is none; a value that is not text is left for the schema to name.
  const orEmpty = (value: unknown): unknown => (value === undefined ? '' : value);
  const bodies = [...listOf(a.body), ...(a.bodyValue === undefined ? [] : [{ type: 'TextualBody', value: a.bodyValue }])].filter(
    (b): b is Record<string, unknown> => isRecord(b) && (hasType(b, 'TextualBody') || (b.type === undefined && 'value' in b)),
  );
  // An undated annotation is dated the day it is imported, and its last change the earliest
  // instant: importing the file again is never newer than what is stored, so it never replaces the
  // bookmark, nor a note written in Quire since.
  const created = a.created ?? a.modified ?? now.toISOString();
  const modified = a.modified ?? (a.created === undefined ? UNDATED : created);
  const draft = {
    id: typeof a.id === 'string' && a.id.startsWith(BOOKMARK_URN) ? decodeOr(a.id.slice(BOOKMARK_URN.length)) : derivedId(item),
    articleId: place.articleId,
    ...(range ? rangeFields(range, color) : { target: place.passageId ? 'passage' : 'section', targetId: place.passageId ?? place.sectionId ?? UNPLACED_ID }),
    quote: {
      exact: quote.exact,
      // Another tool's context may be longer than a bookmark keeps: the words nearest the quote.
      prefix: typeof quote.prefix === 'string' ? quote.prefix.slice(-QUOTE_CONTEXT * 4) : orEmpty(quote.prefix),
      suffix: typeof quote.suffix === 'string' ? quote.suffix.slice(0, QUOTE_CONTEXT * 4) : orEmpty(quote.suffix),
    },
    note: joinNotes(bodies.filter((b) => !listOf(b.purpose).includes('tagging')).map((b) => b.value)),
    tags: bodies.filter((b) => listOf(b.purpose).includes('tagging')).map((b) => b.value),
    createdAt: created,
    updatedAt: modified,
  };
  const result = BookmarkSchema.safeParse(draft);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [top, ...rest] = issue.path;
    const name = range && top === 'targetId' ? 'target.selector (RangeSelector).startSelector' : ANNOTATION_FIELDS[String(top)];
    const field = `${name ?? String(top)}${rest.length > 0 && top !== 'tags' ? `.${rest.join('.')}` : ''}`;
    throw new AnnotationProblem('is damaged', `field '${field}': ${issue.message}`);
  }
  if (range || place.passageId || place.sectionId) return { bookmark: result.data };
  const { id, articleId, quote: quoted, note, tags, createdAt, updatedAt } = result.data;
  const bookmark = { id, articleId, quote: quoted, note, tags, createdAt, updatedAt };
  const hint = typeof fragment?.value === 'string' ? decodeOr(fragment.value) : undefined;
  if (hint) return { unplaced: { bookmark, hint } };
  // Another tool's position is a hint only: one that is not a position is let go, not refused.
  const at = TextPositionSchema.safeParse(pick(selectors.find((s) => hasType(s, 'TextPositionSelector')), ['start', 'end']));
  return { unplaced: { bookmark, highlight: { color: color ?? DEFAULT_HIGHLIGHT_COLOR, ...(at.success ? { position: at.data } : {}) } } };
}

/** The colour a target's `styleClass` names (`quire-highlight-<colour>`), if it names one. */
function colorOf(styleClass: unknown): HighlightColor | undefined {
  const names = listOf(styleClass).flatMap((c) => (typeof c === 'string' ? c.split(/\s+/) : []));
  return HIGHLIGHT_COLORS.find((c) => names.includes(`quire-highlight-${c}`));
}

/**
 * A Quire highlight's fields from its RangeSelector: the passages its FragmentSelectors name, its
 * TextPositionSelector within them; values that are not what they should be are left for the
 * schema to name.
 */
function rangeFields(range: Record<string, unknown>, color: HighlightColor | undefined): Record<string, unknown> {
  const idOf = (selector: unknown): unknown => (isRecord(selector) && typeof selector.value === 'string' ? decodeOr(selector.value) : undefined);
  return { target: 'text', targetId: idOf(range.startSelector), endId: idOf(range.endSelector), position: pick(range.refinedBy, ['start', 'end']), color: color ?? DEFAULT_HIGHLIGHT_COLOR };
}

/** Some fields of a JSON object (undefined when it is not one), so a strict schema reads only them. */
function pick(node: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  return isRecord(node) ? Object.fromEntries(keys.map((k) => [k, node[k]])) : undefined;
}

/** Notes from text bodies, one paragraph each; a body whose value is not text is left for the schema to name. */
function joinNotes(values: unknown[]): unknown {
  if (values.length === 1) return values[0];
  return values.every((v) => typeof v === 'string') ? values.join('\n\n') : values.find((v) => typeof v !== 'string');
}

/** The article an `urn:quire:article:<id>` names (Web Annotation exports before links wrote it). */
function articleUrn(iri: string): Place | undefined {
  if (!iri.startsWith(ARTICLE_URN)) return undefined;
  const articleId = decodeOr(iri.slice(ARTICLE_URN.length));
  return articleId ? { articleId } : undefined;
}

/** A percent-encoded text decoded, or as it is when it is not well encoded. */
function decodeOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A bookmark id for an annotation from another tool: a digest of its id (of the whole annotation
 * when it has none), so importing the same file again finds the same bookmarks.
 */
function derivedId(item: unknown): string {
  const key = isRecord(item) && typeof item.id === 'string' ? item.id : JSON.stringify(item);
  return `annotation-${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;
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
