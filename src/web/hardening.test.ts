import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../shared/bookmarks';
import { ROOT } from '../core/library/paths';
import { largeExport } from '../core/testing/temp-dir';
import { MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES, MAX_IMPORT_FILES_BODY_BYTES, sameSecret } from './server';
import { MAX_IMPORT_BATCH_CHARS } from '../shared/user-library';
import { TOKEN_HEADER } from '../shared/wire';
import { call, rawExchange, type Reply, startTestHost, type TestHost } from './testing';

const TOKEN = 'Hardening-Token_0123456789abcdef';
let t: TestHost;
beforeAll(async () => {
  t = await startTestHost(TOKEN);
});
afterAll(() => t.close());

const port = (): number => t.host.port;
const json = (reply: Reply): { ok: boolean; error?: { code: string; message: string } } => JSON.parse(reply.body) as never;
const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> =>
  call(port(), 'POST', path, { headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json', ...headers }, body });

/** The connection accepts a valid call after whatever a test did. */
async function stillServing(): Promise<void> {
  const reply = await t.api('getSettings', []);
  expect(reply.status).toBe(200);
  expect(json(reply).ok).toBe(true);
}

describe('web host address', () => {
  it('is bound to 127.0.0.1 over IPv4 only', async () => {
    expect(t.host.server.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port: port() });
    // The rest of 127/8 and ::1 are loopback too, but not where it listens: it is not bound to a wildcard.
    for (const host of ['127.0.0.2', '::1']) {
      const refused = await new Promise<string>((resolve) => {
        const socket = connect(port(), host);
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(refused, host).not.toBe('connected');
    }
  });

  it('refuses a --host option on the command line', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/web/main.ts'), '--host', '0.0.0.0'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Unknown option '--host'/);
    expect(r.stdout).toBe('');
  });
});

describe('web host token', () => {
  it('compares in constant time by digest, whatever the lengths', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    for (const wrong of [undefined, ['x'], '', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toLowerCase(), TOKEN.toUpperCase(), ` ${TOKEN}`]) {
      expect(sameSecret(wrong, TOKEN)).toBe(false);
    }
  });

  it('answers 401 without a token and 403 with a wrong one, never echoing either', async () => {
    const missing = await call(port(), 'POST', '/api/getSettings', { headers: { 'content-type': 'application/json' }, body: '{"args":[]}' });
    expect(missing.status).toBe(401);
    expect(json(missing).error).toEqual({ code: 'forbidden', message: `missing access token (the ${TOKEN_HEADER} header)` });
    for (const wrong of [TOKEN.toLowerCase(), TOKEN.toUpperCase(), TOKEN.slice(1), `_${TOKEN}`, `${TOKEN}, ${TOKEN}`, 'x']) {
      const reply = await t.api('getSettings', [], { [TOKEN_HEADER]: wrong });
      expect(reply.status, wrong).toBe(403);
      expect(json(reply).error).toEqual({ code: 'forbidden', message: 'wrong access token' });
    }
    // In the query string, as the page's address carries it, it does not open the API.
    expect((await call(port(), 'POST', `/api/getSettings?token=${TOKEN}`, { headers: { 'content-type': 'application/json' }, body: '{"args":[]}' })).status).toBe(401);
  });
});

describe('web host Host, Origin and Sec-Fetch-Site checks', () => {
  it.each([
    ['a rebound name with the right port', { host: `evil.example:${12345}` }],
    ['a rebound name', { host: 'evil.example' }],
    ['loopback without the port', { host: '127.0.0.1' }],
    ['localhost without the port', { host: 'localhost' }],
    ['loopback on another port', { host: '127.0.0.1:1' }],
    ['an Origin of another site', { origin: 'http://evil.example' }],
    ['an Origin of another port', { origin: 'http://127.0.0.1:1' }],
    ['an Origin over https', { origin: 'https://127.0.0.1' }],
    ['an Origin of null (sandboxed frames, files)', { origin: 'null' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site (another port of localhost)', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s with 403', async (_what, headers) => {
    const withPort = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('12345', String(port()))]));
    for (const reply of [await t.api('getSettings', [], withPort), await call(port(), 'GET', '/', { headers: withPort })]) {
      expect(reply.status).toBe(403);
      expect(json(reply).error?.code).toBe('forbidden');
    }
  });

  it('serves its own names: 127.0.0.1 and localhost with its port, same-origin and typed-in requests', async () => {
    const own: Record<string, string>[] = [
      { host: `localhost:${port()}`, origin: `http://localhost:${port()}` },
      { origin: `http://127.0.0.1:${port()}`, 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of own) {
      expect((await t.api('getSettings', [], headers)).status).toBe(200);
    }
  });
});

describe('web host request shape', () => {
  it('answers other HTTP methods on the API with 405 and Allow: POST', async () => {
    for (const [method, path] of [['GET', '/api'], ['GET', '/api/'], ['GET', '/api/getSettings'], ['PUT', '/api/getSettings'], ['DELETE', '/api/listBookmarks'], ['OPTIONS', '/api/getSettings']] as const) {
      const reply = await call(port(), method, path, { headers: { [TOKEN_HEADER]: TOKEN } });
      expect(reply.status, `${method} ${path}`).toBe(405);
      expect(reply.headers.allow).toBe('POST');
      expect(json(reply).error?.code).toBe('invalid-argument');
    }
  });

  it('answers unknown API methods with 404 not-found', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'hasOwnProperty', '', 'getSettings/extra', '%E0%A4%A', encodeURIComponent('x'.repeat(5000))]) {
      const reply = await post(`/api/${name}`, '{"args":[]}');
      expect(reply.status, name).toBe(404);
      expect(json(reply).error?.code).toBe('not-found');
      expect(json(reply).error?.message.length).toBeLessThan(200);
    }
  });

  it('answers a body not sent as UTF-8 JSON with 415', async () => {
    for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonx']) {
      const headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN, ...(type ? { 'content-type': type } : {}) };
      const reply = await call(port(), 'POST', '/api/getSettings', { headers, body: '{"args":[]}' });
      expect(reply.status, String(type)).toBe(415);
      expect(json(reply).error).toEqual({ code: 'invalid-argument', message: 'getSettings: the request body must be sent as application/json in UTF-8' });
    }
    expect((await post('/api/getSettings', '{"args":[]}', { 'content-type': 'Application/JSON; Charset="UTF-8"' })).status).toBe(200);
  });

  it.each([
    ['not JSON', '{"args": [', 'not valid JSON'],
    ['empty', '', 'not valid JSON'],
    ['invalid UTF-8', Buffer.from('{"args": ["\xff\xfe"]}', 'latin1'), 'not valid UTF-8'],
    ['an overlong UTF-8 slash', Buffer.concat([Buffer.from('{"args": ["'), Buffer.from([0xc0, 0xaf]), Buffer.from('"]}')]), 'not valid UTF-8'],
    ['a UTF-8 encoded surrogate', Buffer.concat([Buffer.from('{"args": ["'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"]}')]), 'not valid UTF-8'],
  ])('answers a body that is %s with 400, naming the method', async (_what, body, what) => {
    const reply = await post('/api/search', body);
    expect(reply.status).toBe(400);
    expect(json(reply)).toEqual({ ok: false, error: { code: 'invalid-argument', message: `search: the request body is ${what}` } });
    await stillServing();
  });

  it.each([['an array', '[]'], ['null', 'null'], ['args not an array', '{"args": {"0": "x"}}'], ['args inherited', '{"__proto__": {"args": []}}']])(
    'answers a body that is %s with 400',
    async (_what, body) => {
      const reply = await post('/api/getSettings', body);
      expect(reply.status).toBe(400);
      expect(json(reply).error).toEqual({ code: 'invalid-argument', message: 'getSettings: arguments: the request body must be {"args": [...]}' });
    },
  );

  it('parses deeply nested JSON without running out of stack', async () => {
    const depth = 200_000;
    for (const method of ['getSettings', 'search', 'updateSettings']) {
      const reply = await post(`/api/${method}`, `{"args":[${'['.repeat(depth)}${']'.repeat(depth)}]}`);
      expect(reply.status, method).toBe(400);
      expect(json(reply).error?.code).toBe('invalid-argument');
    }
    await stillServing();
  });
});

describe('web host body limits', () => {
  it('refuses a declared Content-Length over the limit at once, naming the size and the limit', async () => {
    const { answer } = await rawExchange(
      port(),
      `POST /api/search HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n${TOKEN_HEADER}: ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\n\r\n`,
      Buffer.alloc(0),
      0,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('"message":"search: request body is 50 MB (52428800 bytes), over the 1 MB limit"');
    await stillServing();
  });

  it.each([
    ['sent in chunks with no length', 'Transfer-Encoding: chunked', (c: Buffer) => Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')])],
    ['under a lying small Content-Length', `Content-Length: ${MAX_BODY_BYTES}`, (c: Buffer) => c],
  ])('cuts the connection of a 200 MB body %s without reading it', async (_what, framing, frame) => {
    const total = 200 * 1024 * 1024;
    const { written, answer } = await rawExchange(
      port(),
      `POST /api/search HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n${TOKEN_HEADER}: ${TOKEN}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`,
      frame(Buffer.alloc(64 * 1024, 0x20)),
      total,
    );
    // The server stopped taking bytes long before the end: at most the limit and the sockets' buffers.
    expect(written).toBeLessThan(total / 4);
    expect(answer).toMatch(/^HTTP\/1\.1 (413|400) /);
    expect(answer).toContain('{"ok":false,"error":{"code":"invalid-argument"');
    await stillServing();
  });

  it('times out a body shorter than its Content-Length, and keeps serving', async () => {
    const slow = await startTestHost(TOKEN, { requestTimeoutMs: 300 });
    try {
      const { answer } = await rawExchange(
        slow.host.port,
        `POST /api/search HTTP/1.1\r\nHost: 127.0.0.1:${slow.host.port}\r\n${TOKEN_HEADER}: ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"args": [`,
        Buffer.alloc(0),
        0,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/\r\n\r\n\{"ok":false,"error":\{"code":"invalid-argument","message":"the request did not arrive in time"\}\}$/);
      expect((await slow.api('getSettings', [])).status).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it('takes an import up to its own larger limit, and refuses a 50 MB one by size with the store unchanged', async () => {
    expect(MAX_IMPORT_BODY_BYTES).toBeGreaterThan(2 * MAX_IMPORT_BYTES);
    const before = t.store.bookmarks();
    const body = JSON.stringify({ args: [largeExport(50 * 1024 * 1024)] });
    const big = await post('/api/importBookmarks', body, { 'content-length': String(Buffer.byteLength(body)) });
    expect(big.status).toBe(413);
    expect(json(big).error?.message).toBe(`importBookmarks: request body is 50.2 MB (${Buffer.byteLength(body)} bytes), over the 20 MB limit`);
    const over = await t.api('importBookmarks', [largeExport(MAX_IMPORT_BYTES + 1)]);
    expect(over.status).toBe(400);
    expect(json(over).error?.message).toBe(`importBookmarks: argument 0: the import is 10 MB (${MAX_IMPORT_BYTES + 1} bytes), over the 10 MB limit`);
    expect(t.store.bookmarks()).toEqual(before);
    const fits = await t.api('importBookmarks', [largeExport(2 * 1024 * 1024)]);
    expect(fits.status).toBe(200);
  });
});

describe('web host uploads of the reader’s files', () => {
  it('takes a batch of files up to its own limit, and refuses a larger body by size before reading it', async () => {
    expect(MAX_IMPORT_FILES_BODY_BYTES).toBeGreaterThan(MAX_IMPORT_BATCH_CHARS);
    const id = (JSON.parse((await t.api('startImport', [2])).body) as { value: { id: string } }).value.id;
    // A file of 20 MB (the size of a book with its pictures): within the batch limit, past the API's usual one.
    const book = { name: 'big.txt', data: Buffer.alloc(20 * 1024 * 1024, 'Sleep came late. ').toString('base64') };
    const taken = await t.api('addImportFiles', [id, [book]]);
    expect(taken.status).toBe(200);
    const body = JSON.stringify({ args: [id, [{ name: 'huge.txt', data: 'A'.repeat(MAX_IMPORT_FILES_BODY_BYTES) }]] });
    const refused = await post('/api/addImportFiles', body, { 'content-length': String(Buffer.byteLength(body)) });
    expect(refused.status).toBe(413);
    expect(json(refused).error?.message).toMatch(/^addImportFiles: request body is .* over the .* limit$/);
    expect(MAX_BODY_BYTES).toBeLessThan(Buffer.byteLength(JSON.stringify({ args: [id, [book]] })));
  });
});

describe('web host secrecy', () => {
  it('never writes the token to a log', () => {
    expect(t.logged.filter((line) => line.includes(TOKEN))).toEqual([]);
  });
});
