import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../shared/api';
import { MAX_ERROR_MESSAGE_LENGTH } from '../shared/schemas';
import { badCalls } from '../core/testing/bad-calls';
import { TOKEN_HEADER } from '../shared/wire';
import { call, startTestHost, type TestHost } from './testing';

const TOKEN = 'bad-input-token-0123456789';
let t: TestHost;
beforeAll(async () => {
  t = await startTestHost(TOKEN);
});
afterAll(() => t.close());

describe.each(API_METHODS)('the web host given bad %s calls', (method) => {
  it('answers each with a typed error naming the argument or field, and keeps serving', async () => {
    for (const bad of badCalls(method)) {
      // The technical line (the last; a sentence for the person may come before it) names the method.
      const reply = await t.api(method, bad.args);
      const body = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
      expect(typeof body.ok, bad.name).toBe('boolean');
      if (!body.ok) {
        expect([400, 404, 413], bad.name).toContain(reply.status);
        expect(body.error!.code).not.toBe('internal');
        expect(body.error!.message.split('\n').at(-1)!.startsWith(`${method}: `), body.error!.message).toBe(true);
        expect(body.error!.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_LENGTH);
      }
      // A body over the size limit is refused before it is parsed (413); anything else by the schemas.
      if (bad.mustFail && reply.status !== 413) {
        expect(reply.status, bad.name).toBe(400);
        expect(body.error!.message, bad.name).toMatch(new RegExp(`^${method}: ${bad.where.replace(/\./g, '\\.')}\\b`));
      }
      if (bad.mustFail) expect(body.ok, bad.name).toBe(false);
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
    expect((await t.api('getSettings', [])).status).toBe(200);
    expect(t.logged).toEqual([]);
  });

  it('answers invalid UTF-8 in the body with 400, and keeps serving', async () => {
    const body = Buffer.concat([Buffer.from('{"args": ["'), Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"]}')]);
    const reply = await call(t.host.port, 'POST', `/api/${method}`, { headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' }, body });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'invalid-argument', message: `${method}: the request body is not valid UTF-8` } });
    expect((await t.api('getSettings', [])).status).toBe(200);
  });
});

describe('the web host given hostile queries', () => {
  it('answers 100k-character, NUL and lone-surrogate queries', async () => {
    for (const q of ['dry mouth '.repeat(10_000), '\0\0sleep\0', '\ud800sleep\udfff', String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 65536))]) {
      const reply = await t.api('search', [q]);
      expect(reply.status).toBe(200);
      expect((JSON.parse(reply.body) as { ok: boolean }).ok).toBe(true);
    }
    expect((await t.api('search', ['zolpidem', { limit: 1 }])).body).toContain('"articleId":"baclofen-sleep-aid"');
  });
});
