/**
 * The app's addresses: hash routes, so that back and forward work in Electron (a file: URL) and
 * in the browser alike.
 *
 *   #/                                   the library
 *   #/article/<articleId>                an article, from the top
 *   #/article/<articleId>/<passageId>    an article, scrolled to one passage
 */

/** Where the reader is. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'article'; readonly articleId: string; readonly passageId?: string };

/** The library route. */
export const HOME: Route = { name: 'home' };

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * Read a route from a location hash; anything unrecognised is the library.
 *
 * @example parseRoute('#/article/sleep/sleep-2') // { name: 'article', articleId: 'sleep', passageId: 'sleep-2' }
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] !== 'article' || parts.length < 2 || parts.length > 3) return HOME;
  const articleId = decode(parts[1] ?? '');
  if (!articleId) return HOME;
  if (parts.length === 2 || parts[2] === '') return { name: 'article', articleId };
  const passageId = decode(parts[2] ?? '');
  return passageId ? { name: 'article', articleId, passageId } : { name: 'article', articleId };
}

/**
 * Write a route as a location hash (with the leading `#`).
 *
 * @example formatRoute({ name: 'article', articleId: 'sleep' }) // '#/article/sleep'
 */
export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/';
  const base = `#/article/${encodeURIComponent(route.articleId)}`;
  return route.passageId ? `${base}/${encodeURIComponent(route.passageId)}` : base;
}
