/**
 * One entry point for calls arriving from outside (IPC or HTTP): parse, call, wrap the outcome.
 *
 * Arguments arrive as `unknown` and are parsed with the shared schemas before the engine sees
 * them. Failures come back as values ({@link ApiFailure}); nothing thrown escapes, so a bad call
 * can never take the host process down.
 */
import { ApiError, CHANNELS, type ApiMethod, type ApiResult, type QuireApi } from '../../shared/api';
import { parseArgs } from '../../shared/schemas';

/** Whether a string names an API method (own keys only: `__proto__` and friends are not). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(CHANNELS, name);
}

/**
 * Validate and run one call.
 *
 * @param log where unexpected failures are reported (their details never reach the caller)
 * @example await dispatch(api, 'getArticle', ['baclofen-sleep-aid']) // { ok: true, value: {...} }
 */
export async function dispatch(
  api: Partial<QuireApi>,
  method: unknown,
  rawArgs: unknown,
  log: (message: string) => void = console.error,
): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    // Named only when it is a string: String() of an arbitrary value can throw or recurse without end.
    const name = typeof method === 'string' ? `'${method.slice(0, 100)}'` : `of type ${method === null ? 'null' : typeof method}`;
    return { ok: false, error: { code: 'invalid-argument', message: `unknown method ${name}` } };
  }
  const parsed = parseArgs(method, rawArgs);
  if (!parsed.ok) return { ok: false, error: { code: 'invalid-argument', message: parsed.message } };
  const fn = api[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
  if (!fn) return { ok: false, error: { code: 'invalid-argument', message: `${method}: not served here` } };
  try {
    return { ok: true, value: await fn(...parsed.args) };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: { code: e.code, message: e.message } };
    log(`${method}: ${(e as Error).stack ?? String(e)}`);
    return { ok: false, error: { code: 'internal', message: `${method}: internal error` } };
  }
}
