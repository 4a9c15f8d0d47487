import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, pathSegments, resolveStaticFile, type StaticResult } from './static-files';

// A served folder beside a secret, in a temp dir: real files and real symlinks.
let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'quire-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'assets', '%2e%2e'), 'a file with an odd name');
  await writeFile(join(root, 'data.bin'), 'bytes');
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  await mkdir(join(base, 'outside'));
  await writeFile(join(base, 'outside', 'x.txt'), 'do not serve');
  await symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
  await symlink(join(base, 'outside'), join(root, 'linked-dir'));
  await symlink(join(root, 'assets', 'app.js'), join(root, 'inner-link.js'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function status(result: StaticResult): number {
  return result.ok ? 200 : result.status;
}

describe('resolveStaticFile', () => {
  it('serves index.html for / and files by their type', async () => {
    expect(await resolveStaticFile(root, '/')).toMatchObject({ ok: true, path: join(root, 'index.html'), type: 'text/html; charset=utf-8' });
    expect(await resolveStaticFile(root, '/assets/app.js')).toMatchObject({ ok: true, type: 'text/javascript; charset=utf-8' });
    expect(await resolveStaticFile(root, '/assets/app.css')).toMatchObject({ ok: true, type: 'text/css; charset=utf-8' });
    expect(await resolveStaticFile(root, '/data.bin')).toMatchObject({ ok: true, type: 'application/octet-stream' });
    // Empty segments are ignored, percent-encoded names decoded once.
    expect(await resolveStaticFile(root, '//assets//app.js')).toMatchObject({ ok: true, path: join(root, 'assets', 'app.js') });
    expect(await resolveStaticFile(root, '/assets/%61pp.js')).toMatchObject({ ok: true, path: join(root, 'assets', 'app.js') });
  });

  it('follows a symlink that stays inside the root', async () => {
    expect(await resolveStaticFile(root, '/inner-link.js')).toMatchObject({ ok: true, path: join(root, 'assets', 'app.js') });
  });

  it.each([
    ['/../secret.txt', 403],
    ['/assets/../../secret.txt', 403],
    ['/assets/../index.html', 403],
    ['/./index.html', 403],
    ['/%2e%2e/secret.txt', 403],
    ['/%2E%2E/secret.txt', 403],
    ['/.%2e/secret.txt', 403],
    ['/..%2fsecret.txt', 403],
    ['/%2e%2e%2fsecret.txt', 403],
    ['/..%5csecret.txt', 403],
    ['/..%5C..%5Csecret.txt', 403],
    ['/..\\secret.txt', 403],
    ['/assets\\app.js', 403],
    ['/C:/Windows/win.ini', 403],
    ['/index.html::$DATA', 403],
    ['/link.txt', 403],
    ['/linked-dir/x.txt', 403],
    ['/index.html%00.js', 400],
    ['/%00', 400],
    ['/%', 400],
    ['/%e0%a4%a', 400],
    ['../secret.txt', 400],
    ['secret.txt', 400],
    ['', 400],
    // Absolute paths name files under the root, never the file system's own.
    ['//etc/passwd', 404],
    ['/%2fetc%2fpasswd', 404],
    [`/${join(process.cwd(), 'package.json')}`, 404],
    // Decoded once only: '%252e%252e' is the literal name '%2e%2e'.
    ['/%252e%252e/secret.txt', 404],
    ['/assets/%252e%252e', 200],
    ['/missing.js', 404],
    ['/assets', 404],
    ['/assets/', 404],
  ])('answers %j with %i', async (path, expected) => {
    const result = await resolveStaticFile(root, path);
    expect(status(result), JSON.stringify(result)).toBe(expected);
    if (result.ok) expect(result.path.startsWith(root)).toBe(true);
  });

  it('names the path in its refusal', async () => {
    expect(await resolveStaticFile(root, '/../secret.txt')).toEqual({ ok: false, status: 403, reason: "static-files: path '/../secret.txt' has a '..' segment" });
  });

  it('refuses everything when the root is missing', async () => {
    expect(status(await resolveStaticFile(join(base, 'nope'), '/'))).toBe(404);
  });

  it('never serves a file outside the root, whatever the path', async () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '\\', '%00', 'secret.txt', 'outside', 'x.txt', 'link.txt', 'linked-dir', 'assets', '%252e', ''),
      fc.string({ maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segments) => {
        const result = await resolveStaticFile(root, '/' + segments.join('/'));
        if (result.ok) expect(result.path.startsWith(root + '/')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('pathSegments', () => {
  it('splits a decoded path into names', () => {
    expect(pathSegments('/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
    expect(pathSegments('/')).toEqual([]);
  });
});

describe('mimeType', () => {
  it('knows the renderer file types, case-insensitively', () => {
    expect(mimeType('a.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeType('font.woff2')).toBe('font/woff2');
    expect(mimeType('icon.svg')).toBe('image/svg+xml');
    expect(mimeType('noext')).toBe('application/octet-stream');
  });
});
