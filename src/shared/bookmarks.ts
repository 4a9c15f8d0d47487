/**
 * Bookmarks as they cross the API and as they are exported: the shared shape.
 *
 * A bookmark points at a passage (or a whole section) by id and also carries a text-quote
 * selector (the exact text with a little context, as in the W3C Web Annotation model), so that it
 * can find its passage again when the content changes.
 *
 * A highlight is a bookmark of a third kind, `target: 'text'`: the exact words a reader selected,
 * from a place in one passage to a place in the same or a later one, in one of
 * {@link HIGHLIGHT_COLORS}. It keeps the W3C TextQuoteSelector (`quote`), a TextPositionSelector
 * (`position`, counted in the text of its passages) and the ids of its first and last passage
 * (`targetId`, `endId`); src/core/user/text-range.ts makes and re-anchors them. Notes and tags
 * are the same for all three kinds.
 */
import { z } from 'zod';
import { ArticleIdSchema, BookmarkIdSchema } from './ids';
import { MARGIN_SIZES, PAPER_SIZES } from './print';
import type { TextRange } from './ranges';

export { BookmarkIdSchema };

/** Characters of context kept before and after a quote. */
export const QUOTE_CONTEXT = 32;
/** Longest quote kept (a whole table or comment can be long). */
export const MAX_QUOTE_LENGTH = 20_000;
/** Longest note. */
export const MAX_NOTE_LENGTH = 10_000;
/** Most tags on one bookmark. */
export const MAX_TAGS = 32;

/** The W3C Web Annotation TextQuoteSelector: exact text, with what comes before and after. */
export const TextQuoteSchema = z.strictObject({
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(QUOTE_CONTEXT * 4),
  suffix: z.string().max(QUOTE_CONTEXT * 4),
});
export type TextQuote = z.infer<typeof TextQuoteSchema>;

const isoDateTime = z.string().datetime({ offset: true });

/** What a bookmark marks: a passage, a whole section, or words selected in the text (a highlight). */
export const BOOKMARK_TARGETS = ['passage', 'section', 'text'] as const;
export type BookmarkTarget = (typeof BOOKMARK_TARGETS)[number];

/**
 * The colours of highlights. Each has a name, said by screen readers and shown beside the swatch,
 * so that a colour is never told by its hue alone.
 */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
/** The name of each highlight colour, as a person reads it. */
export const HIGHLIGHT_COLOR_NAMES: Readonly<Record<HighlightColor, string>> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };
/** The colour a highlight takes when none is chosen. */
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

/** Offsets are into texts of at most a few megabytes. */
const offset = z.number().int().min(0).max(100_000_000);

/** The W3C TextPositionSelector: where the words are, counted in the text of their passages. */
export const TextPositionSchema = z
  .strictObject({ start: offset, end: offset })
  .refine((p) => p.start < p.end, { message: 'start must come before end' });

const PassageIdField = z.string().min(1).max(300);

/** A place in an article's text: an offset into one passage's plain text. */
export const TextPointSchema = z.strictObject({ passageId: PassageIdField, offset });
/** The words between two places, the start before the end in reading order. */
export const TextRangeSchema = z.strictObject({ start: TextPointSchema, end: TextPointSchema });

const bookmarkFields = {
  id: BookmarkIdSchema,
  articleId: ArticleIdSchema,
  /** Passage bookmarked; the section when `target` is 'section'; a highlight's first passage. */
  target: z.enum(BOOKMARK_TARGETS),
  targetId: PassageIdField,
  /** A highlight's last passage (its first, `targetId`, for most). */
  endId: PassageIdField.optional(),
  /** A highlight's TextPositionSelector, in the text of its passages `targetId` to `endId`. */
  position: TextPositionSchema.optional(),
  /** A highlight's colour. */
  color: z.enum(HIGHLIGHT_COLORS).optional(),
  quote: TextQuoteSchema,
  note: z.string().max(MAX_NOTE_LENGTH),
  tags: z.array(z.string().trim().min(1).max(64)).max(MAX_TAGS),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};

/**
 * A highlight has its last passage, its position and its colour; a passage or section bookmark
 * has none of them. Checked wherever a bookmark is read (store, restore, import).
 */
function checkKind(b: { target: BookmarkTarget; endId?: string; position?: unknown; color?: string }, ctx: z.RefinementCtx): void {
  const highlight = b.target === 'text';
  for (const field of ['endId', 'position', 'color'] as const) {
    if (highlight && b[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `a highlight (target 'text') needs its ${field}` });
    if (!highlight && b[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `only a highlight (target 'text') has a ${field}, not a ${b.target} bookmark` });
  }
}

/** One bookmark or highlight, as stored and exported. */
export const BookmarkSchema = z.strictObject(bookmarkFields).superRefine(checkKind);
export type Bookmark = z.infer<typeof BookmarkSchema>;

/** Whether a bookmark is a highlight of words, with the fields every highlight has. */
export function isHighlight(b: Bookmark): b is Bookmark & { target: 'text'; endId: string; position: { start: number; end: number }; color: HighlightColor } {
  return b.target === 'text';
}

/**
 * Version of the bookmark JSON export written: 2 added each bookmark's `link`, 3 highlights
 * (`target: 'text'` with `endId`, `position` and `color`). Older files are read as well; a newer
 * version is refused by name, never half read.
 */
export const BOOKMARK_EXPORT_VERSION = 3;

/** Most entries (bookmarks or annotations) in one import file. */
export const MAX_IMPORT_ENTRIES = 100_000;

/**
 * One bookmark in a JSON export: the bookmark, and (from version 2) the link Copy link writes for
 * its target. The ids are what an import reads; a link that names another place than they do
 * marks the entry damaged. A highlight's link names its first passage.
 *
 * Highlights joined this shape in version 3 without changing any field's meaning: a Quire that
 * cannot show them refuses the file by its version rather than dropping them.
 */
export const ExportedBookmarkSchema = z.strictObject({ ...bookmarkFields, link: z.string().max(2_000).optional() }).superRefine(checkKind);

/** A lossless export: every bookmark, versioned. */
export const BookmarkExportSchema = z.strictObject({
  format: z.literal('quire-bookmarks'),
  version: z.union([z.literal(1), z.literal(2), z.literal(BOOKMARK_EXPORT_VERSION)]),
  exportedAt: isoDateTime,
  bookmarks: z.array(ExportedBookmarkSchema).max(MAX_IMPORT_ENTRIES),
});
export type BookmarkExport = z.infer<typeof BookmarkExportSchema>;

/** Where a bookmark points now. */
export type AnchorStatus =
  /** The id resolves and the passage still holds the quote. */
  | 'anchored'
  /** Found again by its quote (the id moved, or the text changed a little). */
  | 'reanchored'
  /** Nothing matches any more; kept and shown with its quote. */
  | 'orphaned';

/** A bookmark with where it points now, as the UI shows it. */
export interface BookmarkView extends Bookmark {
  readonly status: AnchorStatus;
  /** The passage or section it resolves to now, a highlight's first passage (absent when orphaned). */
  readonly resolvedId?: string;
  /** The words a highlight marks now, in the article as it is (absent when orphaned). */
  readonly resolvedRange?: TextRange;
  /** Title of its article, when the article is in the library. */
  readonly articleTitle?: string;
  /** Title of the section it is in, when resolved. */
  readonly sectionTitle?: string;
  /**
   * A section bookmark's opening lines: the text of the section's first passage as the article
   * has it now, cut at a word to about {@link EXCERPT_LENGTH} characters with `…` where cut.
   * Derived when the bookmark is listed, never stored; absent for a passage bookmark (its quote
   * is its text), an orphaned one, and a section with no text of its own.
   */
  readonly excerpt?: string;
}

/** About how long a section bookmark's {@link BookmarkView.excerpt} is, in characters. */
export const EXCERPT_LENGTH = 200;

const NoteField = z.string().max(MAX_NOTE_LENGTH);
const TagsField = z.array(z.string().trim().min(1).max(64)).max(MAX_TAGS);

/** What a new passage or section bookmark needs; the engine takes the quote from the current text. */
export const NewPlaceBookmarkSchema = z.strictObject({
  articleId: ArticleIdSchema,
  target: z.enum(['passage', 'section']),
  targetId: PassageIdField,
  note: NoteField.optional(),
  tags: TagsField.optional(),
});

/**
 * What a new highlight needs: the words, as a range of the article's text (the renderer maps the
 * reader's selection onto it), and a colour. The engine makes the selectors from the text.
 */
export const NewHighlightSchema = z.strictObject({
  articleId: ArticleIdSchema,
  target: z.literal('text'),
  range: TextRangeSchema,
  color: z.enum(HIGHLIGHT_COLORS).optional(),
  note: NoteField.optional(),
  tags: TagsField.optional(),
});
export type NewHighlight = z.infer<typeof NewHighlightSchema>;

/** What a new bookmark or highlight needs. */
export const NewBookmarkSchema = z.discriminatedUnion('target', [NewPlaceBookmarkSchema, NewHighlightSchema]);
export type NewBookmark = z.infer<typeof NewBookmarkSchema>;

/** A change to a bookmark's note or tags, or a highlight's colour. */
export const BookmarkPatchSchema = z.strictObject({
  note: NoteField.optional(),
  tags: TagsField.optional(),
  color: z.enum(HIGHLIGHT_COLORS).optional(),
});
export type BookmarkPatch = z.infer<typeof BookmarkPatchSchema>;

/** Export formats. */
export const EXPORT_FORMATS = ['json', 'markdown', 'annotations'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export, ready to save as a file. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
}

/** What an import did. */
export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /**
   * How many of the file's bookmarks and highlights point at nothing in the articles as they are
   * now (another library's, or words since edited away): kept, and shown as orphaned.
   */
  readonly orphaned: number;
}

/**
 * Largest bookmark import accepted, in UTF-8 bytes: 10 MB, room for about ten thousand bookmarks
 * with notes. Checked before the file is parsed, by the API's schema and by the CLI before it
 * reads the file, so an oversized file never reaches the JSON parser nor the store.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Bytes as a reader sees them: "10 MB", "50.5 MB", "900 KB", "12 bytes" (1 MB = 1024 KB). */
export function formatBytes(bytes: number): string {
  const round = (x: number): string => String(Math.round(x * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * The UTF-8 length of a string, without encoding it (a lone surrogate counts as the three bytes
 * of U+FFFD, which is what an encoder writes for it).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Why an import of this many bytes is refused, or null when its size is accepted.
 *
 * @example importSizeProblem(50 * 1024 * 1024) // 'the import is 50 MB (52428800 bytes), over the 10 MB limit'
 */
export function importSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `the import is ${formatBytes(bytes)} (${bytes} bytes), over the ${formatBytes(MAX_IMPORT_BYTES)} limit`;
}

/** What every refused import leaves as it was, in the words the person importing reads. */
export const IMPORT_NOTHING_CHANGED = 'Nothing was imported: your bookmarks are as they were.';
/** The way forward when a file is not one Quire can import. */
export const IMPORT_CHOOSE_EXPORT = "Choose a file saved with Export → JSON or Export → Web Annotations in Quire's bookmarks panel.";

/**
 * Why an import of this many bytes is refused, for the person importing it (the app checks the
 * file's size before sending it; the core the text's); null when its size is accepted.
 *
 * @example importTooLargeSummary(12 * 1024 * 1024) // 'This file is 12 MB, larger than a bookmark file can be (10 MB). Nothing was imported: …'
 */
export function importTooLargeSummary(bytes: number, name?: string): string | null {
  if (importSizeProblem(bytes) === null) return null;
  const what = name ? `${name} is` : 'This file is';
  return `${what} ${formatBytes(bytes)}, larger than a bookmark file can be (${formatBytes(MAX_IMPORT_BYTES)}). ${IMPORT_NOTHING_CHANGED} ${IMPORT_CHOOSE_EXPORT}`;
}

/** An import file's text, refused by its UTF-8 size before anything parses it. */
export const ImportTextSchema = z.string().superRefine((text, ctx) => {
  const problem = importSizeProblem(utf8Length(text));
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Colour themes: the system's light or dark, or one chosen whatever the system says. */
export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Faces for the reading text: the bundled serif (Source Serif 4), the bundled sans (Atkinson
 * Hyperlegible Next), or the operating system's own interface font.
 */
export const FONT_FAMILIES = ['serif', 'sans', 'system'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

/** Space between the lines of the reading text. */
export const LINE_SPACINGS = ['compact', 'normal', 'relaxed'] as const;
export type LineSpacing = (typeof LINE_SPACINGS)[number];

/**
 * How a copied quote is cited: Quire's own plain form (title, source, date, link), APA 7th
 * edition, or MLA. The styles are CSL, formatted by citation-js (src/renderer/src/citation.ts).
 */
export const CITATION_STYLES = ['plain', 'apa', 'mla'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** Reading settings, persisted, and the last print choices. */
export const ReaderSettingsSchema = z.strictObject({
  theme: z.enum(THEMES),
  /** Reading text size, in percent of the default. */
  fontSize: z.number().int().min(75).max(200),
  lineWidth: z.enum(['narrow', 'medium', 'wide']),
  /** Face of the reading text (article, its tables, prints). */
  fontFamily: z.enum(FONT_FAMILIES),
  /** Line spacing of the reading text (article, its tables, prints). */
  lineSpacing: z.enum(LINE_SPACINGS),
  /** Whether prints include the reader comments. */
  printComments: z.boolean(),
  /** Paper size of prints and PDFs. */
  paper: z.enum(PAPER_SIZES),
  /** Margins around the text: on screen beside the article, on paper around the page. */
  margins: z.enum(MARGIN_SIZES),
  /** How "Copy with citation" cites the words it copies. */
  citationStyle: z.enum(CITATION_STYLES),
  /** Whether Ctrl/Cmd+C of a selection in an article adds the citation. */
  copyWithCitation: z.boolean(),
});
export type ReaderSettings = z.infer<typeof ReaderSettingsSchema>;

/**
 * Reading settings as stored: the fields added after the first release may be missing (a file
 * written before them); reading the settings fills them from {@link DEFAULT_SETTINGS}.
 */
export const StoredSettingsSchema = ReaderSettingsSchema.partial({
  fontFamily: true,
  lineSpacing: true,
  printComments: true,
  paper: true,
  margins: true,
  citationStyle: true,
  copyWithCitation: true,
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/** Defaults of {@link ReaderSettings}. */
export const DEFAULT_SETTINGS: ReaderSettings = {
  theme: 'system',
  fontSize: 100,
  lineWidth: 'medium',
  fontFamily: 'serif',
  lineSpacing: 'normal',
  printComments: false,
  paper: 'A4',
  margins: 'normal',
  citationStyle: 'plain',
  copyWithCitation: false,
};

/** Where the reader was: restored at launch. */
export const ReadingStateSchema = z.strictObject({
  articleId: ArticleIdSchema,
  /** The passage at the top of the view. */
  passageId: z.string().min(1).max(300).optional(),
});
export type ReadingState = z.infer<typeof ReadingStateSchema>;
