/**
 * Bookmarks as they cross the API and as they are exported: the shared shape.
 *
 * A bookmark points at a passage (or a whole section) by id and also carries a text-quote
 * selector (the exact text with a little context, as in the W3C Web Annotation model), so that it
 * can find its passage again when the content changes.
 */
import { z } from 'zod';
import { ArticleIdSchema } from './schemas';

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

/** One bookmark, as stored and exported. */
export const BookmarkSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, _ or -'),
  articleId: ArticleIdSchema,
  /** Passage bookmarked, or the section when `target` is 'section'. */
  target: z.enum(['passage', 'section']),
  targetId: z.string().min(1).max(300),
  quote: TextQuoteSchema,
  note: z.string().max(MAX_NOTE_LENGTH),
  tags: z.array(z.string().trim().min(1).max(64)).max(MAX_TAGS),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Bookmark = z.infer<typeof BookmarkSchema>;

/** Version of the bookmark export format. */
export const BOOKMARK_EXPORT_VERSION = 1;

/** A lossless export: every bookmark, versioned. */
export const BookmarkExportSchema = z.strictObject({
  format: z.literal('quire-bookmarks'),
  version: z.literal(BOOKMARK_EXPORT_VERSION),
  exportedAt: isoDateTime,
  bookmarks: z.array(BookmarkSchema).max(100_000),
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
