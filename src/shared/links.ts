/**
 * Quire's links to places in the library: one form for Copy link, the app's hash routes and every
 * bookmark export.
 *
 *   quire://article/<articleId>                an article, from the top
 *   quire://article/<articleId>/<passageId>    one passage of it
 *   quire://article/<articleId>/section/<id>   one section of it
 *
 * The part after `quire://` is also the app's hash route (`#/article/…`), so a link is a place
 * whatever serves the app (a file, a custom protocol, a loopback port and token). Ids are
 * percent-encoded with {@link encodeUriPart}, so no id can break out of its path segment, nor end a
 * Markdown link, nor an IRI in JSON-LD.
 */

/** A place in an article: the article, one passage of it, or one section of it. */
export interface Place {
  readonly articleId: string;
  /** The passage (absent for the article itself or a section). */
  readonly passageId?: string;
  /** The section (when no passage is named). */
  readonly sectionId?: string;
}

/** The scheme of Quire's links. */
export const LINK_SCHEME = 'quire:';

/**
 * Percent-encode every character but RFC 3986's unreserved ones (letters, digits, `-._~`).
 *
 * Stricter than `encodeURIComponent`, which leaves `!'()*`: a parenthesis would end a Markdown
 * link destination. A lone surrogate (which `encodeURIComponent` throws on) is written as U+FFFD.
 * The result is safe as a URI path segment, fragment or URN part.
 */
export function encodeUriPart(text: string): string {
  return encodeURIComponent(text.replaceAll(/[\ud800-\udfff]/gu, '\ufffd')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * A place as a path, `article/<articleId>[/<passageId> | /section/<sectionId>]`: the link and the
 * hash route without their prefix. A passage wins over a section when both are named.
 *
 * @example placePath({ articleId: 'sleep', sectionId: 'dose' }) // 'article/sleep/section/dose'
 */
export function placePath(place: Place): string {
  const base = `article/${encodeUriPart(place.articleId)}`;
  if (place.passageId) return `${base}/${encodeUriPart(place.passageId)}`;
  return place.sectionId ? `${base}/section/${encodeUriPart(place.sectionId)}` : base;
}

/**
 * Read a path written by {@link placePath} (a trailing slash after the article allowed); undefined
 * when it names no place.
 *
 * @example parsePlacePath('article/sleep/p-1') // { articleId: 'sleep', passageId: 'p-1' }
 */
export function parsePlacePath(path: string): Place | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'article' || parts.length < 2 || parts.length > 4) return undefined;
  const articleId = decode(parts[1] ?? '');
  if (!articleId) return undefined;
  if (parts.length === 4) {
    const sectionId = parts[2] === 'section' ? decode(parts[3] ?? '') : undefined;
    return sectionId ? { articleId, sectionId } : undefined;
  }
  if (parts.length === 2 || parts[2] === '') return { articleId };
  const passageId = decode(parts[2] ?? '');
  return passageId ? { articleId, passageId } : { articleId };
}

/**
 * A place as a link, the same wherever the app runs.
 *
 * @example formatLink({ articleId: 'sleep', passageId: 'p-1' }) // 'quire://article/sleep/p-1'
 */
export function formatLink(place: Place): string {
  return `${LINK_SCHEME}//${placePath(place)}`;
}

/**
 * Read a link (surrounding spaces and angle brackets allowed, as links are often pasted);
 * undefined when the text is not a link to a place in Quire.
 *
 * @example parseLink('quire://article/sleep/p-1') // { articleId: 'sleep', passageId: 'p-1' }
 */
export function parseLink(text: string): Place | undefined {
  const match = /^\s*<?quire:\/\/(article\/[^\s<>]*)>?\s*$/i.exec(text);
  return match ? parsePlacePath(match[1] ?? '') : undefined;
}
