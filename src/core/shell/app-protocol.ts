/**
 * The `app://quire/` protocol the desktop window loads the built renderer from, instead of
 * file://: one origin of its own, secure, and nothing else of the disk reachable through it.
 *
 * `quire://article/…` is something else: the deep links Quire copies for sharing (see
 * src/renderer/src/route.ts). src/main registers the scheme and hands each request here.
 */
import { APP_CSP } from './csp';
import { resolveStaticFile } from './static-files';

/** The scheme the app is served on. */
export const APP_SCHEME = 'app';
/** The one host of that scheme that is the app. */
export const APP_HOST = 'quire';
/** The app's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The address the window loads: the renderer's index.html. */
export const APP_URL = `${APP_ORIGIN}/`;

/**
 * How the scheme is registered (Electron's `protocol.registerSchemesAsPrivileged`): standard, so
 * that relative URLs and origins work as on https; secure, so that it is a secure context. No CSP
 * bypass, no service workers, no cross-origin reads.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/**
 * The headers sent with a file of the renderer: its type, the app's CSP, and no sniffing,
 * caching without revalidation, or referrer.
 */
export function staticHeaders(type: string): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': APP_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    'referrer-policy': 'no-referrer',
  };
}

/** What to answer a request on the app scheme. */
export interface AppProtocolAnswer {
  readonly status: 200 | 400 | 403 | 404 | 405;
  readonly headers: Record<string, string>;
  /** The file to send as the body (200 only). */
  readonly file?: string;
  /** Why it is refused, for logs (never sent). */
  readonly reason?: string;
}

/**
 * Answer one request on the app scheme: which file of `root` to send, with which headers, or a
 * refusal with an empty body.
 *
 * @param url the request's full URL (`app://quire/assets/index.js`)
 * @param method the request method: GET and HEAD only
 * @param root the built renderer folder
 * @example await answerAppRequest('app://quire/', 'GET', 'out/renderer') // { status: 200, file: '…/index.html', headers: {…} }
 */
export async function answerAppRequest(url: string, method: string, root: string): Promise<AppProtocolAnswer> {
  const refused = (status: AppProtocolAnswer['status'], reason: string): AppProtocolAnswer => ({
    status,
    headers: staticHeaders('text/plain; charset=utf-8'),
    reason: `app-protocol: ${reason}`,
  });
  if (method !== 'GET' && method !== 'HEAD') return refused(405, `method ${method} not allowed for ${url}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused(400, `'${url}' is not a URL`);
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return refused(404, `'${url}' is not on ${APP_ORIGIN}`);
  const file = await resolveStaticFile(root, parsed.pathname);
  if (!file.ok) return refused(file.status, file.reason);
  return { status: 200, headers: staticHeaders(file.type), file: file.path };
}
