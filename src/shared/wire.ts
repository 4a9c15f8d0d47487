/**
 * The API over HTTP, as the web host serves it and its clients call it: the renderer in a
 * browser, the bench and the tests.
 *
 *   POST /api/<method>   header x-quire-token: <token>   body {"args": [...]}   answers an ApiResult
 *
 * The web host prints the page's address with the token in the URL's query
 * ({@link TOKEN_QUERY_PARAM}); the renderer takes it from there and sends it in
 * {@link TOKEN_HEADER} with every call.
 */
import type { ApiMethod } from './api';

/** The path every API call goes under: `POST /api/<method>`. */
export const API_PATH = '/api';

/** The header that carries the access token (lower case, as Node gives request headers). */
export const TOKEN_HEADER = 'x-quire-token';

/** The page URL's query parameter the web host passes the access token in. */
export const TOKEN_QUERY_PARAM = 'token';

/**
 * The path of one API call.
 *
 * @example apiPath('listArticles') // '/api/listArticles'
 */
export function apiPath(method: ApiMethod): string {
  return `${API_PATH}/${method}`;
}
