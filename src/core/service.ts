/**
 * The engine behind the API: {@link QuireApi} implemented over a loaded library.
 */
import type { QuireApi } from '../shared/api';
import type { LoadedLibrary } from './load';
import { search } from './search';

/** An API call that names something that does not exist. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/**
 * Create the API over a loaded library. Arguments are assumed valid: {@link dispatch} parses them.
 *
 * @example const api = createService(await loadLibrary('out/library')); await api.search('sleep');
 */
export function createService({ library, index }: LoadedLibrary): QuireApi {
  return {
    listArticles: async () => library.summaries(),
    getArticle: async (id) => {
      const article = library.article(id);
      if (!article) throw new NotFoundError(`getArticle: no article with id '${id}'`);
      return article;
    },
    search: async (query, options) => search(index, library, query, options),
  };
}
