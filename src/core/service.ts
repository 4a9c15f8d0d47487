/**
 * The engine behind the API: {@link QuireApi} implemented over a loaded library and the store.
 *
 * The library half is read-only and can run anywhere, a worker thread included; the store half
 * stays with the process that owns the store file.
 */
import type { ApiErrorCode, QuireApi } from '../shared/api';
import type { LoadedLibrary } from './load';
import { search, suggest } from './search';
import type { UserStore } from './store';

/** An API call that names something that does not exist. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A failure with an API error code, carried across a thread boundary. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The API calls answered from the library alone. */
export type LibraryApi = Pick<QuireApi, 'listArticles' | 'getArticle' | 'search' | 'suggest'>;
/** The API calls answered from the user's store. */
export type StoreApi = Omit<QuireApi, keyof LibraryApi>;

/** The library half of the API. */
export function libraryService(loaded: LoadedLibrary): LibraryApi {
  const { library } = loaded;
  return {
    listArticles: async () => library.summaries(),
    getArticle: async (id) => {
      const article = library.article(id);
      if (!article) throw new NotFoundError(`getArticle: no article with id '${id}'`);
      return article;
    },
    search: async (query, options) => search(loaded, query, options),
    suggest: async (query, limit) => suggest(loaded, query, limit),
  };
}

/** The store half of the API. */
export function storeService(store: UserStore): StoreApi {
  return {
    recentSearches: async () => store.recentSearches(),
    addRecentSearch: async (query) => store.addRecentSearch(query),
    clearRecentSearches: async () => store.clearRecentSearches(),
  };
}

/**
 * Create the whole API. Arguments are assumed valid: {@link dispatch} parses them.
 *
 * @example const api = createService(await loadLibrary('out/library'), openStore(dir).store);
 */
export function createService(loaded: LoadedLibrary, store: UserStore): QuireApi {
  return { ...libraryService(loaded), ...storeService(store) };
}
