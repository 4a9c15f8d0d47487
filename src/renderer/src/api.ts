/**
 * The renderer's one way to reach the engine.
 *
 * Inside Electron the preload exposes the bridge as `window.quire`. In a browser (the web host)
 * the same bridge is built over HTTP: `POST /api/<method>` with `{"args": [...]}` and the
 * per-launch token in a header. Either way the bridge is unwrapped into the plain
 * {@link QuireApi}, whose calls resolve with values or throw {@link ApiError}.
 */
import {
  API_METHODS,
  ApiError,
  perMethod,
  unwrapBridge,
  type ApiArgs,
  type ApiFailure,
  type ApiMethod,
  type ApiResult,
  type ApiResults,
  type QuireApi,
  type QuireBridge,
} from '../../shared/api';
import { apiPath, TOKEN_HEADER, TOKEN_QUERY_PARAM } from '../../shared/wire';

/** Where the token is kept so that reloading the page keeps working. */
const TOKEN_STORAGE_KEY = 'quire.token';

let api: QuireApi | undefined;

/**
 * The API, created on first use.
 *
 * @example const articles = await getApi().listArticles();
 */
export function getApi(): QuireApi {
  api ??= unwrapBridge(window.quire ?? createHttpBridge(takeToken()));
  return api;
}

/** Turn anything a call threw into an {@link ApiError}, so the UI has one kind of error to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}

/**
 * The access token: taken from the page URL on first load (and then removed from the address bar
 * so it is not shared or bookmarked by accident), otherwise from session storage.
 */
function takeToken(): string | undefined {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works until the page is reloaded.
    }
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function failure(code: ApiFailure['error']['code'], message: string): ApiFailure {
  return { ok: false, error: { code, message } };
}

/**
 * A response body is trusted only as far as its envelope shape. A success may lack `value`: JSON
 * drops an undefined one (a method that returns nothing).
 */
function isApiResult(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const { ok } = body as { ok?: unknown };
  if (ok === true) return true;
  if (ok !== false) return false;
  const { error } = body as { error?: unknown };
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** The bridge over the web host's HTTP API. */
function createHttpBridge(token: string | undefined): QuireBridge {
  /** The bridge's function for one method: a POST of all its arguments, the envelope back. */
  const call =
    <M extends ApiMethod>(method: M) =>
    async (...sent: ApiArgs<M>): Promise<ApiResults[M]> => {
      // A failure is every method's result; said once, so TypeScript need not check it per method.
      const failed = (code: ApiFailure['error']['code'], message: string): ApiResults[M] => failure(code, message) as ApiResults[M];
      if (token === undefined) {
        return failed('forbidden', 'No access token: open Quire with the address the web host printed.');
      }
      // JSON turns an omitted optional argument into null; leave trailing ones out instead.
      const args: unknown[] = [...sent];
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      let response: Response;
      try {
        response = await fetch(apiPath(method), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ args }),
        });
      } catch (e) {
        return failed('internal', `Could not reach the Quire web host (${e instanceof Error ? e.message : String(e)}).`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failed('internal', `The web host answered ${response.status} without a readable result.`);
      }
      // Trusted as this method's envelope: the web host ran this method.
      if (isApiResult(body)) return body as ApiResults[M];
      return failed('internal', `The web host answered ${response.status} with an unexpected result.`);
    };
  return perMethod<ApiMethod, ApiResults>(API_METHODS, call);
}
