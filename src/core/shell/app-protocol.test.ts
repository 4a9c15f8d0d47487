import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest, APP_SCHEME_PRIVILEGES, APP_URL } from './app-protocol';
import { APP_CSP } from './csp';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quire-app-protocol-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'index.js'), '');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('answerAppRequest', () => {
  it('serves index.html at the app URL, with the CSP and nosniff', async () => {
    const answer = await answerAppRequest(APP_URL, 'GET', root);
    expect(answer).toMatchObject({ status: 200, file: join(root, 'index.html') });
    expect(answer.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
    });
    expect((await answerAppRequest('app://quire/assets/index.js?v=1#x', 'HEAD', root)).file).toBe(join(root, 'assets', 'index.js'));
  });

  it.each([
    ['app://quire/', 'POST', 405],
    ['app://other/', 'GET', 404],
    ['app://quire.example/', 'GET', 404],
    ['quire://article/x', 'GET', 404],
    ['https://quire/', 'GET', 404],
    ['::', 'GET', 400],
    ['app://quire/missing.js', 'GET', 404],
    ['app://quire/..%2f..%2fetc%2fpasswd', 'GET', 403],
    ['app://quire/%00', 'GET', 400],
  ])('answers %s %s with %i and no file, the CSP still sent', async (url, method, status) => {
    const answer = await answerAppRequest(url, method, root);
    expect(answer.status).toBe(status);
    expect(answer.file).toBeUndefined();
    expect(answer.reason).toMatch(/^app-protocol: /);
    expect(answer.headers['content-security-policy']).toBe(APP_CSP);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes the scheme standard and secure, without bypassing the CSP or opening it cross-origin', () => {
    const privileges: Record<string, unknown> = { ...APP_SCHEME_PRIVILEGES.privileges };
    expect(privileges).toMatchObject({ standard: true, secure: true });
    for (const risky of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers']) expect(privileges[risky], risky).toBeUndefined();
  });
});
