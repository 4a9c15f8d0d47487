/**
 * The web host: Quire's API over loopback HTTP, plus the built renderer, for any browser.
 *
 *   GET  /…               the renderer's static files (index.html for /)
 *   POST /api/<method>    body {"args": [...]}, header x-quire-token; answers an ApiResult
 *
 * It listens on 127.0.0.1 only, and every API call must carry the per-launch token. Requests
 * whose Host or Origin is not this server's own are refused, which defeats DNS rebinding and
 * cross-site requests from other pages open in the same browser.
 */
import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { ApiErrorCode, ApiResult, QuireApi } from '../shared/api';
import { dispatch } from '../core/dispatch';

/** Largest accepted request body. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The header that carries the access token. */
export const TOKEN_HEADER = 'x-quire-token';

/** The same policy as the renderer's meta tag, sent as a header too. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const STATUS: Record<ApiErrorCode, number> = { 'invalid-argument': 400, 'not-found': 404, forbidden: 403, unsupported: 501, internal: 500 };

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
}

/** A running web host. */
export interface WebHost {
  readonly server: Server;
  readonly port: number;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CSP,
  });
  res.end(body);
}

function sendResult(res: ServerResponse, result: ApiResult<unknown>): void {
  send(res, result.ok ? 200 : (STATUS[result.error.code] ?? 500), JSON.stringify(result));
}

function fail(res: ServerResponse, status: number, code: 'invalid-argument' | 'forbidden' | 'not-found', message: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } } satisfies ApiResult<never>));
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
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
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return fail(res, 400, 'invalid-argument', 'malformed path');
    }
    if (decoded.includes('\0')) return fail(res, 400, 'invalid-argument', 'malformed path');
    const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    try {
      // realpath resolves '..' and symlinks alike; what is left must still be inside the root.
      const file = await realpath(join(root, relativePath));
      if (file !== root && !file.startsWith(root + sep)) return fail(res, 404, 'not-found', 'not found');
      if (!(await stat(file)).isFile()) return fail(res, 404, 'not-found', 'not found');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'content-security-policy': CSP,
      });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file).pipe(res);
    } catch {
      fail(res, 404, 'not-found', 'not found');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      return fail(res, 403, 'forbidden', 'host not allowed');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
      return fail(res, 403, 'forbidden', 'origin not allowed');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (!url.pathname.startsWith('/api/')) return serveStatic(req, res, url.pathname);

    if (req.method !== 'POST') return fail(res, 405, 'invalid-argument', 'API calls must be POST');
    const tokenHeader = req.headers[TOKEN_HEADER];
    if (!sameSecret(Array.isArray(tokenHeader) ? tokenHeader[0] : tokenHeader, token)) {
      return fail(res, 403, 'forbidden', 'missing or wrong access token');
    }
    const body = await readBody(req);
    if (body === undefined) return fail(res, 413, 'invalid-argument', `request body over ${MAX_BODY_BYTES} bytes`);
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return fail(res, 400, 'invalid-argument', 'request body is not valid UTF-8 JSON');
    }
    const args = typeof payload === 'object' && payload !== null && Object.hasOwn(payload, 'args') ? (payload as { args: unknown }).args : undefined;
    if (!Array.isArray(args)) return fail(res, 400, 'invalid-argument', "request body must be {\"args\": [...]}");
    sendResult(res, await dispatch(api, url.pathname.slice('/api/'.length), args, log));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`web: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal', message: 'internal error' } }));
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
