/**
 * The app's addresses: hash routes, so that back and forward work in Electron (served from app://quire/) and
 * in the browser alike.
 *
 *   #/                                   the library
 *   #/article/<articleId>                an article, from the top
 *   #/article/<articleId>/<passageId>    an article, scrolled to one passage
 *   #/article/<articleId>/section/<id>   an article, scrolled to one section
 *   #/search?q=<query>[&offset=N][&article=<id>…][&kind=<kind>…]
 *                                        every result of a search, one page of them
 *
 * The same places, written `quire://article/…`, are the links Quire copies for sharing and writes
 * in every bookmark export: src/shared/links.ts writes and reads both forms' article part.
 */

import { LINK_SCHEME, formatLink as formatPlaceLink, parseLink as parsePlaceLink, parsePlacePath, placePath } from '../../shared/links';
import { PASSAGE_KINDS, type PassageKind } from '../../shared/model';

/** Where the reader is. */
export type Route =
  | { readonly name: 'home' }
  | {
      readonly name: 'results';
      /** The search, as typed. */
      readonly query: string;
      /** Results skipped (the page); 0 when absent. */
      readonly offset?: number;
      /** The article filter. */
      readonly articleIds?: readonly string[];
      /** The passage-kind filter. */
      readonly kinds?: readonly PassageKind[];
    }
  | {
      readonly name: 'article';
      readonly articleId: string;
      /** The passage to land on. */
      readonly passageId?: string;
      /** The section to land on (when no passage is named). */
      readonly sectionId?: string;
    };

/** The library route. */
export const HOME: Route = { name: 'home' };

/**
 * Read a route from a location hash; anything unrecognised is the library.
 *
 * @example parseRoute('#/article/sleep/sleep-2') // { name: 'article', articleId: 'sleep', passageId: 'sleep-2' }
 */
export function parseRoute(hash: string): Route {
  const search = /^#?\/?search\?(.*)$/.exec(hash);
  if (search) return parseResults(search[1] ?? '');
  const place = parsePlacePath(hash.replace(/^#\/?/, ''));
  return place ? { name: 'article', ...place } : HOME;
}

/**
 * Write a route as a location hash (with the leading `#`).
 *
 * @example formatRoute({ name: 'article', articleId: 'sleep' }) // '#/article/sleep'
 */
export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/';
  if (route.name === 'results') {
    const params = new URLSearchParams({ q: route.query });
    if (route.offset) params.set('offset', String(route.offset));
    for (const id of route.articleIds ?? []) params.append('article', id);
    for (const kind of route.kinds ?? []) params.append('kind', kind);
    return `#/search?${params.toString()}`;
  }
  return `#/${placePath(route)}`;
}

/** The results route from its query string; the library when it names no query. */
function parseResults(query: string): Route {
  const params = new URLSearchParams(query);
  // The query as typed (a trailing space is the engine's to read); a blank one names none.
  const q = params.get('q');
  if (!q?.trim()) return HOME;
  const offset = Number(params.get('offset') ?? 0);
  const articleIds = params.getAll('article').filter((id) => id !== '');
  const kinds = PASSAGE_KINDS.filter((k) => params.getAll('kind').includes(k));
  return {
    name: 'results',
    query: q,
    ...(Number.isSafeInteger(offset) && offset > 0 && { offset }),
    ...(articleIds.length > 0 && { articleIds }),
    ...(kinds.length > 0 && { kinds }),
  };
}

/**
 * A place as a shareable link, the same wherever the app runs (the library, which is no place in
 * an article, is `quire://`).
 *
 * @example formatLink({ name: 'article', articleId: 'sleep', passageId: 'p-1' }) // 'quire://article/sleep/p-1'
 */
export function formatLink(route: Route): string {
  return route.name === 'article' ? formatPlaceLink(route) : formatRoute(route).replace(/^#\//, `${LINK_SCHEME}//`);
}

/**
 * Read a shareable link (surrounding spaces and angle brackets allowed, as links are often
 * pasted); undefined when the text is not a link to a place in Quire.
 *
 * @example parseLink('quire://article/sleep/p-1') // { name: 'article', articleId: 'sleep', passageId: 'p-1' }
 */
export function parseLink(text: string): Route | undefined {
  const place = parsePlaceLink(text);
  return place ? { name: 'article', ...place } : undefined;
}
