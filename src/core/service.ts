/**
 * The engine behind the API: {@link QuireApi} implemented over a loaded library and the store.
 */
import type { QuireApi } from '../shared/api';
import type { LoadedLibrary } from './load';
import { search, suggest } from './search';
import type { UserStore } from './store';

/** An API call that names something that does not exist. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/**
 * Create the API. Arguments are assumed valid: {@link dispatch} parses them.
 *
 * @example const api = createService(await loadLibrary('out/library'), openStore(dir).store);
 */
export function createService(loaded: LoadedLibrary, store: UserStore): QuireApi {
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
    recentSearches: async () => store.recentSearches(),
    addRecentSearch: async (query) => store.addRecentSearch(query),
    clearRecentSearches: async () => store.clearRecentSearches(),
  };
}
