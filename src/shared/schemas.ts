/**
 * Argument schemas for every API method.
 *
 * Every call crosses the boundary as `unknown` and is parsed here before it reaches the engine,
 * whichever transport carried it (IPC or HTTP).
 */
import { z } from 'zod';
import type { ApiArgs, ApiMethod } from './api';
import { ArticleIdSchema } from './ids';
import {
  BookmarkIdSchema,
  BookmarkPatchSchema,
  BookmarkSchema,
  EXPORT_FORMATS,
  ImportTextSchema,
  NewBookmarkSchema,
  ReaderSettingsSchema,
  ReadingStateSchema,
} from './bookmarks';
import { PASSAGE_KINDS, type PassageKind } from './model';
import { PositionInputSchema } from './positions';
import { SEARCH_LIMIT } from './search-limits';
import { ImportBatchSchema, ImportIdSchema, ImportTotalSchema } from './user-library';

/** Longest accepted search query, in UTF-16 code units. Longer input is cut, not rejected. */
export const MAX_QUERY_LENGTH = 1000;
/** Most results one search may return. */
export const MAX_SEARCH_LIMIT = 200;
/** Results returned when no limit is given: as many as the search box asks for. */
export const DEFAULT_SEARCH_LIMIT = SEARCH_LIMIT;
/** Furthest a page of results may start (`offset`): past every passage of a very large library. */
export const MAX_SEARCH_OFFSET = 10_000_000;

export { ArticleIdSchema };

/** Most recent searches kept. */
export const MAX_RECENT_SEARCHES = 20;
/** Most suggestions one call may return. */
export const MAX_SUGGESTIONS = 20;

const PassageKindSchema = z.enum(PASSAGE_KINDS as [PassageKind, ...PassageKind[]]);

const SearchOptionsSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
    offset: z.number().int().min(0).max(MAX_SEARCH_OFFSET).optional(),
    articleIds: z.array(ArticleIdSchema).max(1000).optional(),
    kinds: z.array(PassageKindSchema).max(PASSAGE_KINDS.length * 2).optional(),
  })
  .optional();

/** A query as it arrives: any string, cut to the longest accepted length. */
const QuerySchema = z.string().transform((q) => q.slice(0, MAX_QUERY_LENGTH));

/** Longest message a refused call answers with: room for a sentence for the person and the technical line. */
export const MAX_ERROR_MESSAGE_LENGTH = 600;

/** Longest PDF file name `savePdf` accepts. */
export const MAX_PDF_FILE_NAME_LENGTH = 200;

/**
 * A PDF file name as `savePdf` offers it in the save dialog: a plain name (no folder, no `..`),
 * ending in `.pdf`.
 */
export const PdfFileNameSchema = z
  .string()
  .min(1, 'file name is empty')
  .max(MAX_PDF_FILE_NAME_LENGTH, `file name is longer than ${MAX_PDF_FILE_NAME_LENGTH} characters`)
  .refine((name) => !/[/\\\0]/.test(name), 'file name must not contain /, \\ or NUL')
  .refine((name) => !name.includes('..'), 'file name must not contain ..')
  .refine((name) => /\.pdf$/i.test(name), 'file name must end in .pdf');

/** The argument tuple schema of each method. */
export const ARG_SCHEMAS = {
  listArticles: z.tuple([]),
  getArticle: z.tuple([ArticleIdSchema]),
  search: z.tuple([QuerySchema, SearchOptionsSchema]),
  suggest: z.tuple([QuerySchema, z.number().int().min(1).max(MAX_SUGGESTIONS).optional()]),
  recentSearches: z.tuple([]),
  addRecentSearch: z.tuple([QuerySchema]),
  clearRecentSearches: z.tuple([]),
  listBookmarks: z.tuple([]),
  addBookmark: z.tuple([NewBookmarkSchema]),
  updateBookmark: z.tuple([BookmarkIdSchema, BookmarkPatchSchema]),
  removeBookmark: z.tuple([BookmarkIdSchema]),
  restoreBookmark: z.tuple([BookmarkSchema]),
  exportBookmarks: z.tuple([z.enum(EXPORT_FORMATS)]),
  importBookmarks: z.tuple([ImportTextSchema]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([ReaderSettingsSchema.partial()]),
  getReadingState: z.tuple([]),
  saveReadingState: z.tuple([ReadingStateSchema]),
  listPositions: z.tuple([]),
  savePosition: z.tuple([PositionInputSchema]),
  storeNotice: z.tuple([]),
  startImport: z.tuple([ImportTotalSchema]),
  addImportFiles: z.tuple([ImportIdSchema, ImportBatchSchema]),
  importProgress: z.tuple([ImportIdSchema]),
  cancelImport: z.tuple([ImportIdSchema]),
  removeArticle: z.tuple([ArticleIdSchema]),
  restoreArticle: z.tuple([ArticleIdSchema]),
  printPage: z.tuple([]),
  savePdf: z.tuple([PdfFileNameSchema]),
} satisfies { [M in ApiMethod]: z.ZodType<ApiArgs<M>, unknown> };

/** The outcome of parsing a call's arguments. */
export type ParsedArgs<M extends ApiMethod> =
  | { readonly ok: true; readonly args: ApiArgs<M> }
  | { readonly ok: false; readonly message: string };

/**
 * Parse the raw arguments of a call, naming the argument and the problem on failure.
 *
 * @example parseArgs('getArticle', ['sleep']) // { ok: true, args: ['sleep'] }
 */
export function parseArgs<M extends ApiMethod>(method: M, raw: unknown): ParsedArgs<M> {
  const schema = ARG_SCHEMAS[method] as unknown as z.ZodType<ApiArgs<M>>;
  // Trailing undefined (an omitted optional argument) arrives as a shorter array over IPC.
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, args: result.data };
  const issue = result.error.issues[0];
  const count = Array.isArray(raw) ? raw.length : 0;
  let message: string;
  if (issue?.path.length === 0 && issue.code === 'too_small' && Array.isArray(raw)) {
    message = `argument ${count} is missing (${count} of ${String(issue.minimum)} given)`;
  } else if (issue?.path.length === 0 && issue.code === 'too_big' && Array.isArray(raw)) {
    message = `argument ${String(issue.maximum)} is one too many (it takes at most ${String(issue.maximum)})`;
  } else {
    const where = issue && issue.path.length > 0 ? `argument ${issue.path.map(String).join('.')}` : 'arguments';
    message = `${where}: ${issue?.message ?? 'invalid'}`;
  }
  // A message may quote the input (an unknown key's name): keep it short whatever arrived.
  const full = `${method}: ${message}`;
  return { ok: false, message: full.length > MAX_ERROR_MESSAGE_LENGTH ? `${full.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…` : full };
}
