/**
 * The one contract between the UI and the engine.
 *
 * Main implements {@link QuireApi} over IPC, the web host over HTTP, the preload exposes it as
 * {@link QuireBridge}, and the renderer calls it. A method is declared once, in the interface,
 * and listed once at run time, in {@link CHANNELS} (a method missing there fails to compile).
 * Every other type in this file is derived from the interface, and every piece of code written
 * per method (the bridge, the preload, the HTTP and worker clients) is derived from the list
 * through {@link perMethod}.
 */
import type { ArticleSummary, Article, PassageKind } from './model';
import type {
  Bookmark,
  BookmarkPatch,
  BookmarkView,
  ExportedFile,
  ExportFormat,
  ImportResult,
  NewBookmark,
  ReaderSettings,
  ReadingState,
} from './bookmarks';
import type { ArticlePosition, PositionInput } from './positions';
import type { PdfSaveResult } from './print';
import type { ImportFile, ImportProgress, RemovedArticle } from './user-library';

/** Options of a search call. */
export interface SearchOptions {
  /** Most results to return (1 to 200, default 20). */
  readonly limit?: number;
  /** Results to skip first, for pages of a long result list (default 0). */
  readonly offset?: number;
  /** Only passages of these articles (filter chips); combines with `article:` in the query. */
  readonly articleIds?: readonly string[];
  /** Only passages of these kinds (filter chips); combines with `in:` in the query. */
  readonly kinds?: readonly PassageKind[];
}

/** One search hit: a passage, where it sits, and why it matched. */
export interface SearchHit {
  readonly articleId: string;
  readonly articleTitle: string;
  readonly sectionId: string;
  readonly sectionTitle: string;
  /** Enclosing section titles, outermost first. */
  readonly sectionPath: readonly string[];
  readonly passageId: string;
  readonly kind: PassageKind;
  /** The passage's full plain text. */
  readonly text: string;
  /** A window of the text around the best match (with `…` where cut). */
  readonly snippet: string;
  /** Matched words in `snippet`, as [start, end) UTF-16 offsets. */
  readonly highlights: readonly (readonly [number, number])[];
  /**
   * The words of the passage that matched, as written in it (exact, stemmed, fuzzy and synonym
   * matches alike), for highlighting the query in the article.
   */
  readonly matches: readonly string[];
  readonly score: number;
}

/**
 * An article whose title has words of the query. It is one result, the article itself: the
 * passages under that title are results only where their own text or heading matches.
 */
export interface TitleHit {
  readonly articleId: string;
  readonly articleTitle: string;
  /** Matched words in `articleTitle`, as [start, end) UTF-16 offsets. */
  readonly highlights: readonly (readonly [number, number])[];
  /** On the scale of the passages' scores: how well the title alone matches. */
  readonly score: number;
}

/** How many hits one article or one passage kind has (before `limit`). */
export interface SearchFacet<K extends string = string> {
  readonly key: K;
  /** Article title for article facets; the kind for kind facets. */
  readonly label: string;
  readonly count: number;
}

/** The answer to a search call. */
export interface SearchResponse {
  readonly query: string;
  /** Hits found before `offset` and `limit` were applied. */
  readonly total: number;
  /** Passages that match in their own text or heading (or through a synonym), best first. */
  readonly results: readonly SearchHit[];
  /** Articles whose titles match, best first (none when a kind filter is on). */
  readonly titles: readonly TitleHit[];
  /**
   * Hits per article, with the kind filter but before the article filter and `limit`, most hits
   * first: the 50 articles with most hits, and any the article filter names.
   */
  readonly articles: readonly SearchFacet[];
  /** How many articles have hits (with the kind filter), listed in `articles` or not. */
  readonly articleTotal: number;
  /** Hits per passage kind, with the article filter but before the kind filter and `limit`. */
  readonly kinds: readonly SearchFacet<PassageKind>[];
  /** A corrected query when this one found nothing but a near spelling would. */
  readonly didYouMean?: string;
  /**
   * How the query was read, when some of its words were not searched as typed: shown above the
   * results ("Showing results for baclofen (you typed baclofin)", "Lioresal: a brand name of
   * baclofen"). Absent when every word was searched as typed.
   */
  readonly readAs?: QueryReading;
}

/** Words of a query that were searched as something else. */
export interface QueryReading {
  /** The query with each corrected word replaced (what was searched for). */
  readonly query: string;
  /** Words the library does not have, searched as the nearest words it has. */
  readonly corrections: readonly { readonly typed: string; readonly searched: string }[];
  /**
   * Words found only through a synonym: the word as typed, the synonyms searched, and the
   * synonym group's label when synonyms.yaml gives one ("a brand name of baclofen").
   */
  readonly synonyms: readonly { readonly word: string; readonly searched: readonly string[]; readonly label?: string }[];
}

/** Everything the UI can ask of the engine. */
export interface QuireApi {
  /** All articles in the library, newest first, undated last, each saying where it comes from. */
  listArticles(): Promise<readonly ArticleSummary[]>;
  /** One whole article; fails with `not-found` for an unknown id. */
  getArticle(id: string): Promise<Article>;
  /**
   * Full-text search over every passage of every article, best first.
   *
   * The query language: words (every word counts, none is required), "exact phrase",
   * -exclude, a OR b, article:<id or title words>, in:comments, in:body, in:faq, in:table.
   */
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** Completions of a partly typed query, best first (at most `limit`, default 5). */
  suggest(query: string, limit?: number): Promise<readonly string[]>;
  /** Recent searches, newest first. */
  recentSearches(): Promise<readonly string[]>;
  /** Remember a search (moved to the front if already there); returns the new list. */
  addRecentSearch(query: string): Promise<readonly string[]>;
  /** Forget all recent searches. */
  clearRecentSearches(): Promise<void>;

  /** Every bookmark with where it points now (re-anchored by its quote when content changed). */
  listBookmarks(): Promise<readonly BookmarkView[]>;
  /** Bookmark a passage or a section; fails with `not-found` when it does not exist. */
  addBookmark(input: NewBookmark): Promise<BookmarkView>;
  /** Change a bookmark's note or tags. */
  updateBookmark(id: string, patch: BookmarkPatch): Promise<BookmarkView>;
  /** Delete a bookmark; returns it so that the deletion can be undone with restoreBookmark. */
  removeBookmark(id: string): Promise<Bookmark>;
  /** Put back a deleted bookmark (undo). */
  restoreBookmark(bookmark: Bookmark): Promise<BookmarkView>;
  /** Every bookmark as a file: lossless JSON, readable Markdown, or W3C Web Annotations. */
  exportBookmarks(format: ExportFormat): Promise<ExportedFile>;
  /** Merge a JSON export in by id; an invalid file changes nothing and names entry and field. */
  importBookmarks(content: string): Promise<ImportResult>;
  /** The reading settings. */
  getSettings(): Promise<ReaderSettings>;
  /** Change reading settings; returns them all. */
  updateSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings>;
  /** The last article and position read, if any. */
  getReadingState(): Promise<ReadingState | null>;
  /** Remember the article and position being read. */
  saveReadingState(state: ReadingState): Promise<void>;
  /** Each article's reading position, most recently read first (at most 500). */
  listPositions(): Promise<readonly ArticlePosition[]>;
  /**
   * Remember where the reader is in one article, read now; it becomes the last article read.
   * Returns the position as stored.
   */
  savePosition(position: PositionInput): Promise<ArticlePosition>;
  /** A message for the user about the store (an unreadable file set aside at start), if any. */
  storeNotice(): Promise<string | null>;

  /**
   * Start adding the reader's own files: an import of `total` files, given to it in batches by
   * {@link addImportFiles}. Files are converted and added one after another, each article whole
   * or not at all, while searches go on.
   */
  startImport(total: number): Promise<ImportProgress>;
  /**
   * Give an import some of its files (Markdown, text, saved web pages, EPUB books). Answers once
   * they are queued; a long queue makes the next batch wait, so that a large import never holds
   * all its files in memory at once. A file that cannot be read is listed with why; the others go on.
   */
  addImportFiles(importId: string, files: readonly ImportFile[]): Promise<ImportProgress>;
  /** How far an import is: files done, the file being read, time left, each file's outcome. */
  importProgress(importId: string): Promise<ImportProgress>;
  /** Stop an import: the files not yet added are left out; those added stay, each whole. */
  cancelImport(importId: string): Promise<ImportProgress>;
  /** Remove an article the reader added (kept so that {@link restoreArticle} can undo it); its bookmarks are kept. */
  removeArticle(id: string): Promise<RemovedArticle>;
  /** Put back an article the reader removed (undo). */
  restoreArticle(id: string): Promise<ArticleSummary>;

  /**
   * Print the window's current page with the system print dialog (desktop app only).
   *
   * The web host answers `unsupported`: in a browser the renderer calls `window.print()` itself.
   */
  printPage(): Promise<void>;
  /**
   * Save the window's current page as a PDF, asking where with a save dialog (desktop app only).
   *
   * Paper size and margins come from the page's CSS `@page` rules. Answers `{ saved: false }`
   * when the dialog is cancelled. The web host answers `unsupported`: a browser saves PDFs from
   * its own print dialog.
   *
   * @param fileName the name the dialog offers: a plain file name ending in `.pdf`
   */
  savePdf(fileName: string): Promise<PdfSaveResult>;
}

/** The name of one API method. */
export type ApiMethod = keyof QuireApi;

/** IPC channel names, `domain:action`, one per method. */
export const CHANNELS = {
  listArticles: 'articles:list',
  getArticle: 'articles:get',
  search: 'search:query',
  suggest: 'search:suggest',
  recentSearches: 'recent:list',
  addRecentSearch: 'recent:add',
  clearRecentSearches: 'recent:clear',
  listBookmarks: 'bookmarks:list',
  addBookmark: 'bookmarks:add',
  updateBookmark: 'bookmarks:update',
  removeBookmark: 'bookmarks:remove',
  restoreBookmark: 'bookmarks:restore',
  exportBookmarks: 'bookmarks:export',
  importBookmarks: 'bookmarks:import',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  getReadingState: 'reading:get',
  saveReadingState: 'reading:save',
  listPositions: 'positions:list',
  savePosition: 'positions:save',
  storeNotice: 'store:notice',
  startImport: 'imports:start',
  addImportFiles: 'imports:add',
  importProgress: 'imports:progress',
  cancelImport: 'imports:cancel',
  removeArticle: 'articles:remove',
  restoreArticle: 'articles:restore',
  printPage: 'print:page',
  savePdf: 'print:pdf',
} as const satisfies Record<ApiMethod, string>;

/** The method names, in a stable order. */
export const API_METHODS = Object.keys(CHANNELS) as ApiMethod[];

/**
 * Why a call failed. `unsupported`: the host cannot do this (printing through the web host,
 * where the browser's own print dialog does it). `not-saved`: the change could not be made
 * durable (the disk is full, the data folder is not writable); nothing changed, the message says
 * why in words a person understands, and the same call may be sent again.
 *
 * A message is one technical line naming the method ("importBookmarks: argument 0: …"), or, for a
 * failure a person meets in the app, a line for that person (what happened, what was kept, what
 * to do) followed by the technical line. {@link errorLines} splits the two.
 */
export type ApiErrorCode = 'invalid-argument' | 'not-found' | 'forbidden' | 'unsupported' | 'not-saved' | 'internal';

/** A failed call as it crosses the boundary. */
export interface ApiFailure {
  readonly ok: false;
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

/** A call's outcome as it crosses the boundary: errors are values, never thrown across IPC. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | ApiFailure;

/** The arguments of a method. */
export type ApiArgs<M extends ApiMethod> = Parameters<QuireApi[M]>;

/**
 * Each method's resolved value, by method.
 *
 * A map rather than only {@link ApiValue}: code generic in the method (built by
 * {@link perMethod}) type-checks against `ApiValues[M]`, which TypeScript relates across
 * mapped types where it cannot relate `Awaited<ReturnType<QuireApi[M]>>`.
 */
export type ApiValues = { [M in ApiMethod]: Awaited<ReturnType<QuireApi[M]>> };

/** The resolved value of a method. */
export type ApiValue<M extends ApiMethod> = ApiValues[M];

/** Each method's outcome as it crosses the boundary, by method. */
export type ApiResults = { [M in ApiMethod]: ApiResult<ApiValue<M>> };

/**
 * One function per method of `K`, each taking its method's arguments and resolving with `V[M]`.
 *
 * `MethodFunctions<ApiMethod, ApiValues>` is {@link QuireApi} member for member, and
 * `MethodFunctions<ApiMethod, ApiResults>` is the bridge.
 */
export type MethodFunctions<K extends ApiMethod, V extends { [M in K]: unknown }> = {
  readonly [M in K]: (...args: ApiArgs<M>) => Promise<V[M]>;
};

/** What the preload exposes as `window.quire`: each method returns a result envelope. */
export type QuireBridge = MethodFunctions<ApiMethod, ApiResults>;

/**
 * A failure's message as a person reads it: the sentence for them, and the technical detail to
 * show smaller (empty when the message is only technical, which then is the sentence).
 *
 * @example errorLines('Nothing was imported.\nimportBookmarks: argument 0: not JSON') // { text: 'Nothing was imported.', detail: 'importBookmarks: argument 0: not JSON' }
 */
export function errorLines(message: string): { readonly text: string; readonly detail: string } {
  const cut = message.indexOf('\n');
  return cut < 0 ? { text: message, detail: '' } : { text: message.slice(0, cut), detail: message.slice(cut + 1) };
}

/**
 * A failed API call with its code: the one error class on both sides of the contract.
 *
 * The engine's services throw it (`not-found` for an unknown article, `not-saved` when the store
 * could not write), dispatch (src/core/api) turns it into an {@link ApiFailure} with the same
 * code and message, and the clients ({@link unwrapBridge}, the engine worker's client) throw it again from
 * a failure they receive. Any other error thrown by the engine is a bug, answered as `internal`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One function per method of `methods`, each made by `make` for its own method.
 *
 * The one way every side of the contract derives its per-method code from the one list
 * ({@link API_METHODS}, or a part of it) instead of naming the methods again: the bridge, the
 * preload, the HTTP client and the engine worker's client. `make` is checked for every method at
 * once: each function it makes must take that method's arguments and resolve with `V[M]`.
 *
 * @example const api: QuireApi = perMethod<ApiMethod, ApiValues>(API_METHODS, (method) => (...args) => send(method, args));
 */
export function perMethod<K extends ApiMethod, V extends { [M in K]: unknown }>(
  methods: readonly K[],
  make: <M extends K>(method: M) => (...args: ApiArgs<M>) => Promise<V[M]>,
): MethodFunctions<K, V> {
  return Object.fromEntries(methods.map((method) => [method, make(method)])) as MethodFunctions<K, V>;
}

/**
 * A call's value, or its failure thrown as the {@link ApiError} it crossed as.
 *
 * @example const list = resultValue(await window.quire.listArticles());
 */
export function resultValue<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

/**
 * Turn a bridge (envelopes) into the plain API (values or thrown {@link ApiError}).
 *
 * @example const api = unwrapBridge(window.quire); const list = await api.listArticles();
 */
export function unwrapBridge(bridge: QuireBridge): QuireApi {
  const unwrap =
    <M extends ApiMethod>(method: M) =>
    async (...args: ApiArgs<M>): Promise<ApiValue<M>> =>
      resultValue(await bridge[method](...args));
  return perMethod<ApiMethod, ApiValues>(API_METHODS, unwrap);
}
