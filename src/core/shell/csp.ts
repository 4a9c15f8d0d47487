/**
 * The app's Content Security Policy: the header every host sends with the renderer's files, and
 * the checks any policy of Quire's must pass (used on the renderer's meta tag and on this header).
 *
 * The renderer's index.html carries the same policy in a meta tag, for hosts that send no header;
 * a meta tag cannot carry frame-ancestors, so the header adds it.
 */

/** The policy sent as the Content-Security-Policy header with the renderer's files. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A policy as directives, each with its sources in order (directive names lower-cased). */
export type CspDirectives = ReadonlyMap<string, readonly string[]>;

/**
 * Parse a policy into its directives (CSP3 §2.2.1: split on ';', the first name wins).
 *
 * @example parseCsp("default-src 'self'; img-src 'self' data:").get('img-src') // ["'self'", 'data:']
 */
export function parseCsp(policy: string): CspDirectives {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter((t) => t !== '');
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/**
 * The policy of an HTML page's `<meta http-equiv="Content-Security-Policy">`, or undefined.
 *
 * The attributes may come in either order, quoted with ' or ".
 */
export function cspOfHtml(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const m of tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
    }
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') return attributes.get('content');
  }
  return undefined;
}

// Sources that never reach the network nor run injected code: the app's own origin, nothing at
// all, and inline images.
const LOCAL_SOURCES: ReadonlySet<string> = new Set(["'self'", "'none'", 'data:']);

/**
 * Every way a policy falls short of Quire's rules; empty when it passes.
 *
 * The rules: default-src 'self'; script-src present, without 'unsafe-eval' or 'unsafe-inline';
 * object-src 'none'; base-uri 'none'; connect-src 'self' only; and no source anywhere beyond
 * 'self', 'none' and data: (no wildcard, scheme or remote host). data: is allowed for images
 * only.
 *
 * @param label where the policy comes from, named in each problem
 */
export function cspProblems(policy: string, label: string): string[] {
  const directives = parseCsp(policy);
  const problems: string[] = [];
  const expectExactly = (name: string, sources: readonly string[]): void => {
    const actual = directives.get(name);
    if (actual === undefined) problems.push(`${label}: ${name} is missing (expected ${sources.join(' ')})`);
    else if (actual.join(' ') !== sources.join(' ')) problems.push(`${label}: ${name} is '${actual.join(' ')}', expected '${sources.join(' ')}'`);
  };
  expectExactly('default-src', ["'self'"]);
  expectExactly('object-src', ["'none'"]);
  expectExactly('base-uri', ["'none'"]);
  expectExactly('connect-src', ["'self'"]);
  const scripts = directives.get('script-src');
  if (scripts === undefined) problems.push(`${label}: script-src is missing (scripts would fall back to default-src; say so explicitly)`);
  for (const unsafe of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "'unsafe-hashes'"]) {
    if (scripts?.some((s) => s.toLowerCase() === unsafe)) problems.push(`${label}: script-src allows ${unsafe}`);
  }
  for (const [name, sources] of directives) {
    for (const source of sources) {
      const s = source.toLowerCase();
      if (s === 'data:' && name !== 'img-src') problems.push(`${label}: ${name} allows data: (only img-src may)`);
      else if (!LOCAL_SOURCES.has(s) && !s.startsWith("'unsafe-")) problems.push(`${label}: ${name} allows '${source}' (only 'self', 'none' and data: for images)`);
    }
  }
  return problems;
}
