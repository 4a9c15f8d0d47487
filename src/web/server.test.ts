import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary } from '../core/content/build';
import { BUNDLED_CONTENT } from '../core/library/paths';
import { createService } from '../core/api/service';
import { openStore } from '../core/user/store';
import { tempDir, type TempDir } from '../core/testing/temp-dir';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from './server';
import { TOKEN_HEADER } from '../shared/wire';
import { call as rawCall, type Reply } from './testing';

let host: WebHost;
let site: TempDir;
let secret: TempDir;
const TOKEN = 'test-token-123';

beforeAll(async () => {
  site = await tempDir('quire-site-');
  secret = await tempDir('quire-secret-');
  await site.write('index.html', '<!doctype html><title>Quire</title>');
  await site.write('assets/app.js', 'console.log(1)');
  await secret.write('secret.txt', 'do not serve');
  await symlink(join(secret.path, 'secret.txt'), join(site.path, 'link.txt'));
  const api = createService(await buildLibrary(BUNDLED_CONTENT), (await openStore((await tempDir()).path)).store);
  host = await startWebHost({ api, staticDir: site.path, token: TOKEN, log: () => {} });
});
afterAll(async () => {
  await host.close();
  await site.remove();
  await secret.remove();
});

/** A raw HTTP request to the host, so tests control every header. */
const call = (method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> =>
  rawCall(host.port, method, path, options);
const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  call('POST', `/api/${method}`, { headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ args }) });

describe('web host', () => {
  it('listens on loopback and prints a URL with the token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers API calls with result envelopes', async () => {
    const list = await api('listArticles', []);
    expect(list.status).toBe(200);
    expect((JSON.parse(list.body) as { value: { id: string }[] }).value.map((a) => a.id)).toContain('baclofen-sleep-aid');
    const found = await api('search', ['zolpidem', { limit: 1 }]);
    expect(JSON.parse(found.body)).toMatchObject({ ok: true, value: { query: 'zolpidem', results: [{ articleId: 'baclofen-sleep-aid' }] } });
  });

  it('maps failures to HTTP statuses with a typed error', async () => {
    expect(await api('getArticle', ['missing'])).toMatchObject({ status: 404 });
    const bad = await api('getArticle', [1]);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await api('__proto__', [])).toMatchObject({ status: 404, body: expect.stringContaining('"code":"not-found"') });
  });

  it('answers the print calls with 501 unsupported: the browser prints and saves PDFs itself', async () => {
    for (const [method, args] of [['printPage', []], ['savePdf', ['baclofen.pdf']]] as const) {
      const reply = await api(method, args);
      expect(reply.status).toBe(501);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('print dialog') } });
    }
    expect((await api('savePdf', ['../escape.pdf'])).status).toBe(400);
  });

  it('requires the token', async () => {
    expect((await api('listArticles', [], { [TOKEN_HEADER]: 'wrong' })).status).toBe(403);
    const none = await call('POST', '/api/listArticles', { body: '{"args":[]}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses foreign Host and Origin headers', async () => {
    expect((await api('listArticles', [], { host: 'evil.example:80' })).status).toBe(403);
    expect((await call('GET', '/', { headers: { host: 'rebound.example' } })).status).toBe(403);
    expect((await api('listArticles', [], { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('listArticles', [], { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('answers malformed and oversized bodies with 400 and 413', async () => {
    const headers = { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' };
    expect((await call('POST', '/api/listArticles', { headers, body: '{not json' })).status).toBe(400);
    expect((await call('POST', '/api/listArticles', { headers, body: Buffer.from([0x7b, 0xff, 0x7d]) })).status).toBe(400);
    expect((await call('POST', '/api/listArticles', { headers, body: '[1,2]' })).status).toBe(400);
    expect((await call('POST', '/api/listArticles', { headers, body: 'x'.repeat(MAX_BODY_BYTES + 1) })).status).toBe(413);
    expect((await call('GET', '/api/listArticles', { headers })).status).toBe(405);
  });

  it('serves the app with a strict CSP, and nothing outside its folder', async () => {
    const index = await call('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await call('GET', '/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '//etc/passwd', '/link.txt', '/%00', '/assets']) {
      const res = await call('GET', path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('do not serve');
    }
  });
});
