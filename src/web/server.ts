/**
 * The web host: Quire's API over loopback HTTP, plus the built renderer, for any browser.
 *
 *   GET  /…               the renderer's static files (index.html for /)
 *   POST /api/<method>    body {"args": [...]}, header x-quire-token; answers an ApiResult
 *                         (the path, header and token parameter: src/shared/wire.ts)
 *
 * It listens on 127.0.0.1 only (there is no option to listen elsewhere), and every API call must
 * carry the per-launch token, compared in constant time and never echoed. Requests whose Host or
 * Origin is not this server's own, or that a browser marks as coming from another site
 * (`Sec-Fetch-Site`), are refused: that defeats DNS rebinding and cross-site requests from other
 * pages open in the same browser. `127.0.0.1:PORT` and `localhost:PORT` are both its own (a
 * browser resolves `localhost` to loopback itself); any other name, or another port, is not.
 *
 * API calls: POST only (405 otherwise), `Content-Type: application/json` (415), a known method
 * (404), a body of at most {@link MAX_BODY_BYTES} ({@link MAX_IMPORT_BODY_BYTES} for
 * importBookmarks, {@link MAX_IMPORT_FILES_BODY_BYTES} for a batch of the reader's files;
 * 413, and the connection is closed without reading the rest), UTF-8 JSON of
 * the form `{"args": [...]}` (400). Every refusal is a typed {@link ApiFailure}.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { resolve } from 'node:path';
import type { ApiErrorCode, ApiFailure, ApiMethod, ApiResult, QuireApi } from '../shared/api';
import { formatBytes, MAX_IMPORT_BYTES } from '../shared/bookmarks';
import { MAX_FILE_NAME_LENGTH, MAX_IMPORT_BATCH_CHARS, MAX_IMPORT_BATCH_FILES } from '../shared/user-library';
import { API_PATH, TOKEN_HEADER, TOKEN_QUERY_PARAM } from '../shared/wire';
import { staticHeaders } from '../core/shell/app-protocol';
import { dispatch, isApiMethod } from '../core/api/dispatch';
import { resolveStaticFile } from '../core/shell/static-files';


/** How long stopping waits for answers in flight before cutting their connections. */
const CLOSE_GRACE_MS = 2_000;
/** Largest accepted request body of an API call. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Largest body of an importBookmarks call: the largest import JSON-escaped (escapes at most
 * double an export's quotes, backslashes and newlines), and room for the envelope.
 */
export const MAX_IMPORT_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 1024;
/** Longest time a client may take to send a whole request, by default. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Largest body of an addImportFiles call: a batch of files at its largest (base64, which JSON
 * carries as it is), with room for the names and the envelope.
 */
export const MAX_IMPORT_FILES_BODY_BYTES = MAX_IMPORT_BATCH_CHARS + MAX_IMPORT_BATCH_FILES * (MAX_FILE_NAME_LENGTH * 6 + 32) + 1024;

/** The largest body a call of this method may send. */
export function bodyLimit(method: ApiMethod): number {
  if (method === 'addImportFiles') return MAX_IMPORT_FILES_BODY_BYTES;
  return method === 'importBookmarks' ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
}

/** `Sec-Fetch-Site` values of requests this server accepts: its own pages, or typed by the user. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

// 507 Insufficient Storage: the store could not make the change durable.
const STATUS: Record<ApiErrorCode, number> = {
  'invalid-argument': 400,
  'not-found': 404,
  forbidden: 403,
  unsupported: 501,
  'not-saved': 507,
  internal: 500,
};

/** How to start a web host. */
export interface WebHostOptions {
  readonly api: QuireApi;
  /** The built renderer folder. */
  readonly staticDir: string;
  /** The secret every API call must present. */
  readonly token: string;
  /** Port to listen on; 0 picks a free one. */
  readonly port?: number;
  /** Where unexpected errors are reported. */
  readonly log?: (message: string) => void;
  /** Longest time a client may take to send a whole request (default {@link REQUEST_TIMEOUT_MS}). */
  readonly requestTimeoutMs?: number;
}

/** A running web host. */
export interface WebHost {
  readonly server: Server;
  readonly port: number;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}): void {
  // The renderer's headers (CSP, no sniffing, no referrer), but API answers are never cached.
  res.writeHead(status, { ...extra, ...staticHeaders(type), 'cache-control': 'no-store' });
  res.end(body);
}

function sendResult(res: ServerResponse, result: ApiResult<unknown>): void {
  send(res, result.ok ? 200 : (STATUS[result.error.code] ?? 500), JSON.stringify(result));
}

function fail(res: ServerResponse, status: number, code: ApiFailure['error']['code'], message: string, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } } satisfies ApiResult<never>), undefined, extra);
}

/**
 * Whether a presented token is the secret, in constant time: both are hashed first, so neither
 * their contents nor their lengths change how long the comparison takes.
 */
export function sameSecret(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Read a request body of at most `limit` bytes; undefined as soon as it grows past the limit,
 * without reading the rest (the caller answers 413 and the connection is closed).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        resolveBody(undefined);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolveBody(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** A body too large: answered, then the connection is closed so the rest is never read. */
function tooLarge(req: IncomingMessage, res: ServerResponse, method: ApiMethod, limit: number, declared?: number): void {
  res.once('finish', () => req.socket.destroy());
  const size = declared === undefined ? 'over' : `${formatBytes(declared)} (${declared} bytes), over`;
  fail(res, 413, 'invalid-argument', `${method}: request body is ${size} the ${formatBytes(limit)} limit`, { connection: 'close' });
}

/** The media type of a Content-Type header, lowercased, and its charset if one is named. */
function mediaType(header: string | undefined): { type: string; charset?: string } {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/^"|"$/g, '');
  return charset === undefined ? { type } : { type, charset };
}

/**
 * Start a web host on 127.0.0.1.
 *
 * @example const host = await startWebHost({ api, staticDir: 'out/renderer', token }); console.log(host.url);
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { api, token, log = console.error } = options;
  const root = await realpath(resolve(options.staticDir));
  let port = 0;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'invalid-argument', `method ${req.method ?? ''} not allowed`);
    // The one resolver of the renderer's files, shared with the app:// protocol of the desktop app.
    const file = await resolveStaticFile(root, pathname);
    // A path that tries to leave the folder is answered as missing: nothing about the disk is told.
    if (!file.ok) return file.status === 400 ? fail(res, 400, 'invalid-argument', 'malformed path') : fail(res, 404, 'not-found', 'not found');
    res.writeHead(200, staticHeaders(file.type));
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      return fail(res, 403, 'forbidden', 'host not allowed');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
      return fail(res, 403, 'forbidden', 'origin not allowed');
    }
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && !OWN_FETCH_SITES.has(fetchSite)) {
      return fail(res, 403, 'forbidden', 'requests from other sites are not allowed');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname !== API_PATH && !url.pathname.startsWith(`${API_PATH}/`)) return serveStatic(req, res, url.pathname);

    if (req.method !== 'POST') return fail(res, 405, 'invalid-argument', `API calls must be POST, not ${req.method ?? ''}`, { allow: 'POST' });
    const tokenHeader = req.headers[TOKEN_HEADER];
    if (tokenHeader === undefined) return fail(res, 401, 'forbidden', `missing access token (the ${TOKEN_HEADER} header)`);
    if (!sameSecret(tokenHeader, token)) return fail(res, 403, 'forbidden', 'wrong access token');

    let name = url.pathname.slice(`${API_PATH}/`.length);
    try {
      name = decodeURIComponent(name);
    } catch {
      // Not valid percent-encoding: looked up as sent, which names no method.
    }
    if (!isApiMethod(name)) return fail(res, 404, 'not-found', `no API method '${name.slice(0, 100)}'`);
    const { type, charset } = mediaType(req.headers['content-type']);
    if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
      return fail(res, 415, 'invalid-argument', `${name}: the request body must be sent as application/json in UTF-8`);
    }
    const limit = bodyLimit(name);
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    if (declared !== undefined && declared > limit) return tooLarge(req, res, name, limit, declared);
    const body = await readBody(req, limit);
    if (body === undefined) return tooLarge(req, res, name, limit);
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch (e) {
      const what = e instanceof SyntaxError ? 'not valid JSON' : 'not valid UTF-8';
      return fail(res, 400, 'invalid-argument', `${name}: the request body is ${what}`);
    }
    const args = typeof payload === 'object' && payload !== null && Object.hasOwn(payload, 'args') ? (payload as { args: unknown }).args : undefined;
    if (!Array.isArray(args)) return fail(res, 400, 'invalid-argument', `${name}: arguments: the request body must be {"args": [...]}`);
    sendResult(res, await dispatch(api, name, args, log));
  };

  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = createServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout / 2) }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`web: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal', message: 'internal error' } }));
      else res.destroy();
    });
  });
  // Requests Node's parser refuses (malformed, too slow to arrive) get a typed answer too.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (err.code === 'ECONNRESET' || !socket.writable || answering) return void socket.destroy();
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const body = JSON.stringify({
      ok: false,
      error: { code: 'invalid-argument', message: timedOut ? 'the request did not arrive in time' : 'malformed HTTP request' },
    } satisfies ApiResult<never>);
    socket.end(
      `HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // A browser keeps connections open between requests: let the answers in flight finish,
        // then cut what is left, so that stopping never waits for a browser's keep-alive.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}
