/**
 * The engine behind the API: {@link QuireApi} implemented over a loaded library and the store.
 *
 * This folder is the engine's side of the contract in src/shared/api.ts. This module is the
 * service that answers each call: a library half, read-only, which can run anywhere, a worker
 * thread included; a store half, which stays with the process that owns the store file; and the
 * print calls as a host without a window answers them. dispatch.ts is the one way in from
 * outside (IPC, HTTP, the worker's messages): it parses a call's arguments with the shared
 * schemas, runs it, and turns an {@link ApiError} into a failure with the same code.
 * engine-worker.ts runs the library half in a worker thread behind dispatch, and
 * engine-client.ts is its client in the host process: the same library calls, answered by the
 * worker, and a worker that dies reported as such.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type ApiMethod, type QuireApi } from '../../shared/api';
import { DEFAULT_HIGHLIGHT_COLOR, type Bookmark, type BookmarkView, type ExportFormat, type ExportedFile, type NewHighlight } from '../../shared/bookmarks';
import type { Article, ArticleSummary } from '../../shared/model';
import { anchor, quotePassage, quoteSection, sectionExcerpt } from '../user/anchoring';
import { BookmarkImportError, articlesToPlace, exportAnnotations, exportJson, exportMarkdown, placeImport, readImport } from '../user/bookmark-io';
import type { SearchSource } from '../search/source';
import { search, suggest } from '../search/search';
import { StoreSaveError, UnknownBookmarkError, type UserStore } from '../user/store';
import { selectRange } from '../user/text-range';

/** The API calls answered from the library alone (the engine worker serves these). */
export const LIBRARY_METHODS = ['listArticles', 'getArticle', 'search', 'suggest'] as const satisfies readonly ApiMethod[];
/** The name of a call answered from the library alone. */
export type LibraryMethod = (typeof LIBRARY_METHODS)[number];
/** The API calls answered from the library alone. */
export type LibraryApi = Pick<QuireApi, LibraryMethod>;
/** The API calls that print the window (the desktop app's main process answers them). */
export type PrintApi = Pick<QuireApi, 'printPage' | 'savePdf'>;
/** The API calls that add, remove and put back the reader's own articles. */
export type UserLibraryApi = Pick<QuireApi, 'startImport' | 'addImportFiles' | 'importProgress' | 'cancelImport' | 'removeArticle' | 'restoreArticle'>;
/** The API calls answered from the user's store. */
export type StoreApi = Omit<QuireApi, keyof LibraryApi | keyof PrintApi | keyof UserLibraryApi>;

/**
 * A library as the API serves it: searchable, listing its articles, and, for the live library,
 * told of every call so that it follows changes another process made to the reader's library.
 */
export interface ServedLibrary extends SearchSource {
  /** Every article's metadata, in library order, each with its origin. */
  summaries(): ArticleSummary[];
  /** Notice changes to the reader's library on disk (a stat); called before every library call. */
  noticeChanges?(): void;
}

/** The library half of the API. */
export function libraryService(served: ServedLibrary): LibraryApi {
  const notice = (): void => served.noticeChanges?.();
  return {
    listArticles: async () => {
      notice();
      return served.summaries();
    },
    getArticle: async (id) => {
      notice();
      const article = served.library.article(id);
      if (!article) throw new ApiError('not-found', `getArticle: no article with id '${id}'`);
      return article;
    },
    search: async (query, options) => {
      notice();
      return search(served, query, options);
    },
    suggest: async (query, limit) => {
      notice();
      return suggest(served, query, limit);
    },
  };
}

/** Fetches an article for the store half (from the library, or from the engine worker). */
export type ArticleSource = (id: string) => Promise<Article | undefined>;

/**
 * Which edition of the library bookmarks are anchored in: another value once articles were
 * added, changed or removed (the reader's library). It resolves once the engine serves that
 * edition, so that what is anchored then holds until the next.
 */
export type LibraryEdition = () => Promise<string>;

/** Export file names and types by format. */
const EXPORTS: Record<ExportFormat, { extension: string; mimeType: string }> = {
  json: { extension: 'json', mimeType: 'application/json' },
  markdown: { extension: 'md', mimeType: 'text/markdown' },
  annotations: { extension: 'jsonld', mimeType: 'application/ld+json' },
};

/**
 * The store half of the API: recent searches, bookmarks, settings, reading position.
 *
 * @param articles where bookmarks find their articles, to quote and re-anchor them
 * @param notice a message for the user about the store (a file set aside), if any
 * @param edition the library's edition (a library that never changes has one: the default)
 */
export function storeService(
  store: UserStore,
  articles: ArticleSource,
  notice: string | null = null,
  now: () => Date = () => new Date(),
  edition: LibraryEdition = async () => '',
): StoreApi {
  let anchoredIn: string | undefined;
  /** Forget every anchoring when the articles have changed since (an import, a removal). */
  const sameEdition = async (): Promise<void> => {
    const current = await edition();
    if (current === anchoredIn) return;
    anchoredIn = current;
    views.clear();
    byObject = new WeakMap();
  };
  /** The articles of some bookmarks, fetched once each. */
  const fetchArticles = async (bookmarks: readonly { articleId: string }[]): Promise<Map<string, Article | undefined>> => {
    const ids = [...new Set(bookmarks.map((b) => b.articleId))];
    return new Map(await Promise.all(ids.map(async (id) => [id, await articles(id)] as const)));
  };
  const view = (b: Bookmark, article: Article | undefined): BookmarkView => {
    const where = anchor(b, article);
    const sectionId = b.target === 'section' ? where.targetId : [...(article?.passages ?? []), ...(article?.comments ?? [])].find((p) => p.id === where.targetId)?.sectionId;
    const section = article?.sections.find((s) => s.id === sectionId);
    // A section's quote is its title: what the section says is shown from the article as it is now.
    const excerpt = b.target === 'section' && article && sectionId ? sectionExcerpt(article, sectionId) : undefined;
    const shown: BookmarkView = {
      ...b,
      status: where.status,
      ...(where.targetId ? { resolvedId: where.targetId } : {}),
      ...(where.range ? { resolvedRange: where.range } : {}),
      ...(article ? { articleTitle: article.title } : {}),
      ...(section ? { sectionTitle: section.title } : sectionId === 'comments' ? { sectionTitle: 'Reader comments' } : {}),
      ...(excerpt !== undefined ? { excerpt } : {}),
    };
    views.set(b.id, { key: viewKey(b), view: shown });
    byObject.set(b, shown);
    return shown;
  };
  // Each bookmark is anchored once, then again only when it or the library changes: listing
  // thousands of them must not search their articles on every call.
  const views = new Map<string, { key: string; view: BookmarkView }>();
  const viewKey = (b: Bookmark): string =>
    [b.updatedAt, b.articleId, b.target, b.targetId, b.endId, b.position?.start, b.position?.end, b.color, b.quote.exact].join('\u0000');
  // The store keeps a bookmark's object until it changes: the same object is the same view.
  let byObject = new WeakMap<Bookmark, BookmarkView>();
  const cachedView = (b: Bookmark): BookmarkView | undefined => {
    const same = byObject.get(b);
    if (same) return same;
    // Read again from the file (another process changed it): a new object, perhaps the same bookmark.
    const known = views.get(b.id);
    if (!known || known.key !== viewKey(b)) return undefined;
    byObject.set(b, known.view);
    return known.view;
  };
  const viewOne = async (b: Bookmark): Promise<BookmarkView> => {
    await sameEdition();
    return cachedView(b) ?? view(b, await articles(b.articleId));
  };
  /** Run a store call, its failures as the API's errors. */
  const stored = async <T>(method: keyof StoreApi, f: () => T | Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof UnknownBookmarkError) throw new ApiError('not-found', `${method}: ${e.message}`);
      if (e instanceof StoreSaveError) throw new ApiError('not-saved', e.message);
      throw e;
    }
  };

  /**
   * Highlight words: the selectors come from the article's text. The same words highlighted again
   * are the same highlight, in the colour now chosen.
   */
  const addHighlight = async (input: NewHighlight): Promise<BookmarkView> => {
    const article = await articles(input.articleId);
    if (!article) throw new ApiError('not-found', `addBookmark: no article with id '${input.articleId}'`);
    const selector = selectRange(article, input.range);
    if (typeof selector === 'string') throw new ApiError('invalid-argument', `addBookmark: argument 0: field 'range': ${selector}`);
    const { startPassageId, endPassageId, position, quote } = selector;
    const existing = store
      .bookmarks()
      .find((b) => b.articleId === input.articleId && b.target === 'text' && b.targetId === startPassageId && b.endId === endPassageId && b.position?.start === position.start && b.position.end === position.end);
    if (existing) {
      if (input.color === undefined || input.color === existing.color) return viewOne(existing);
      return viewOne(await stored('addBookmark', () => store.updateBookmark(existing.id, { color: input.color }, now())));
    }
    const at = now().toISOString();
    const highlight: Bookmark = {
      id: randomUUID(),
      articleId: input.articleId,
      target: 'text',
      targetId: startPassageId,
      endId: endPassageId,
      position,
      color: input.color ?? DEFAULT_HIGHLIGHT_COLOR,
      quote,
      note: input.note ?? '',
      tags: input.tags ?? [],
      createdAt: at,
      updatedAt: at,
    };
    return view(await stored('addBookmark', () => store.addBookmark(highlight)), article);
  };

  return {
    recentSearches: async () => store.recentSearches(),
    addRecentSearch: (query) => stored('addRecentSearch', () => store.addRecentSearch(query)),
    clearRecentSearches: () => stored('clearRecentSearches', () => store.clearRecentSearches()),

    listBookmarks: async () => {
      await sameEdition();
      const all = store.bookmarks();
      const missing = all.filter((b) => !cachedView(b));
      const byId = missing.length > 0 ? await fetchArticles(missing) : new Map<string, Article | undefined>();
      const listed = all.map((b) => cachedView(b) ?? view(b, byId.get(b.articleId)));
      if (views.size > all.length) {
        const present = new Set(all.map((b) => b.id));
        for (const id of views.keys()) if (!present.has(id)) views.delete(id);
      }
      return listed;
    },
    addBookmark: async (input) => {
      if (input.target === 'text') return addHighlight(input);
      const existing = store.bookmarks().find((b) => b.articleId === input.articleId && b.target === input.target && b.targetId === input.targetId);
      if (existing) return viewOne(existing);
      const article = await articles(input.articleId);
      if (!article) throw new ApiError('not-found', `addBookmark: no article with id '${input.articleId}'`);
      const quote = input.target === 'passage' ? quotePassage(article, input.targetId) : quoteSection(article, input.targetId);
      if (!quote) throw new ApiError('not-found', `addBookmark: article '${input.articleId}' has no ${input.target} '${input.targetId}'`);
      const at = now().toISOString();
      const bookmark: Bookmark = {
        id: randomUUID(),
        articleId: input.articleId,
        target: input.target,
        targetId: input.targetId,
        quote,
        note: input.note ?? '',
        tags: input.tags ?? [],
        createdAt: at,
        updatedAt: at,
      };
      return view(await stored('addBookmark', () => store.addBookmark(bookmark)), article);
    },
    updateBookmark: async (id, patch) => {
      const old = store.bookmarks().find((b) => b.id === id);
      if (old && patch.color !== undefined && old.target !== 'text') {
        throw new ApiError('invalid-argument', `updateBookmark: argument 1: field 'color': bookmark '${id}' marks a ${old.target}, and only a highlight has a colour`);
      }
      return viewOne(await stored('updateBookmark', () => store.updateBookmark(id, patch, now())));
    },
    removeBookmark: (id) => stored('removeBookmark', () => store.removeBookmark(id)),
    restoreBookmark: async (bookmark) => {
      const existing = store.bookmarks().find((b) => b.id === bookmark.id);
      return viewOne(existing ?? (await stored('restoreBookmark', () => store.addBookmark(bookmark))));
    },
    exportBookmarks: async (format): Promise<ExportedFile> => {
      const all = store.bookmarks();
      const byId = await fetchArticles(all);
      const articleOf = (id: string): Article | undefined => byId.get(id);
      const content = format === 'json' ? exportJson(all, now()) : format === 'markdown' ? exportMarkdown(all, articleOf) : exportAnnotations(all, articleOf);
      const { extension, mimeType } = EXPORTS[format];
      return { fileName: `quire-bookmarks-${now().toISOString().slice(0, 10)}.${extension}`, mimeType, content };
    },
    importBookmarks: async (content) => {
      let incoming: Bookmark[];
      let byId: Map<string, Article | undefined>;
      try {
        const parsed = readImport(content, now());
        // Annotations from other tools name their article only: their quotes find the passage.
        byId = await fetchArticles(articlesToPlace(parsed).map((articleId) => ({ articleId })));
        incoming = placeImport(parsed, (id) => byId.get(id));
      } catch (e) {
        if (e instanceof BookmarkImportError) throw new ApiError('invalid-argument', `${e.summary}\nimportBookmarks: argument 0: ${e.detail}`);
        throw e;
      }
      const outcome = await stored('importBookmarks', () => store.importBookmarks(incoming));
      for (const [id, article] of await fetchArticles(incoming.filter((b) => !byId.has(b.articleId)))) byId.set(id, article);
      return { ...outcome, orphaned: incoming.filter((b) => anchor(b, byId.get(b.articleId)).status === 'orphaned').length };
    },

    getSettings: async () => store.settings(),
    updateSettings: (patch) => stored('updateSettings', () => store.updateSettings(patch)),
    getReadingState: async () => store.readingState(),
    saveReadingState: (state) => stored('saveReadingState', () => store.saveReadingState(state)),
    listPositions: async () => store.positions(),
    savePosition: async (input) => {
      if (!(await articles(input.articleId))) throw new ApiError('not-found', `savePosition: no article with id '${input.articleId}'`);
      const position = { ...input, readAt: now().toISOString() };
      await stored('savePosition', () => store.savePosition(position));
      return position;
    },
    storeNotice: async () => notice,
  };
}

/**
 * The print calls where there is no window to print (the web host): both answer `unsupported`.
 *
 * In a browser the renderer opens the browser's own print dialog instead, whose "Save as PDF"
 * makes the PDF; these answers are the safety net for a renderer that asks anyway.
 */
export function browserPrintService(): PrintApi {
  const unsupported = (method: keyof PrintApi) => async (): Promise<never> => {
    throw new ApiError(
      'unsupported',
      `${method}: not available in the browser: use the browser's own print dialog (Ctrl+P or ⌘+P), whose "Save as PDF" printer saves a PDF`,
    );
  };
  return { printPage: unsupported('printPage'), savePdf: unsupported('savePdf') };
}

/**
 * The reader's-library calls where there is no reader's library to change (a library served
 * read-only, as the tests of the other halves use): every one answers `unsupported`.
 */
export function noUserLibraryService(): UserLibraryApi {
  const unsupported = (method: keyof UserLibraryApi) => async (): Promise<never> => {
    throw new ApiError('unsupported', `${method}: this Quire serves a library of its own and cannot add or remove articles`);
  };
  return {
    startImport: unsupported('startImport'),
    addImportFiles: unsupported('addImportFiles'),
    importProgress: unsupported('importProgress'),
    cancelImport: unsupported('cancelImport'),
    removeArticle: unsupported('removeArticle'),
    restoreArticle: unsupported('restoreArticle'),
  };
}

/**
 * Create the whole API over a library and a store, printing answered by
 * {@link browserPrintService}, and the reader's library by `user` (by default none: see
 * {@link noUserLibraryService}; the hosts compose theirs in host.ts). Arguments are assumed
 * valid: {@link dispatch} parses them.
 *
 * @example const api = createService(await loadLibrary('out/library'), (await openStore(dir)).store);
 */
export function createService(served: ServedLibrary, store: UserStore, notice: string | null = null, user: UserLibraryApi = noUserLibraryService()): QuireApi {
  return { ...libraryService(served), ...storeService(store, async (id) => served.library.article(id), notice), ...user, ...browserPrintService() };
}
