import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiErrorCode, type ApiMethod, type ApiResult, type QuireApi } from '../../shared/api';
import { MAX_ERROR_MESSAGE_LENGTH, parseArgs } from '../../shared/schemas';
import { badCalls, HUGE_STRING_LENGTH, MORE_VALID_ARGS, PROTOTYPE_KEYS, VALID_ARGS } from '../testing/bad-calls';
import { parseImport } from '../user/bookmark-io';
import { buildLibrary, type LoadedLibrary } from '../content/build';
import { dispatch } from './dispatch';
import { BUNDLED_CONTENT } from '../library/paths';
import { search, suggest } from '../search/search';
import { createService } from './service';
import { openStore, type UserStore } from '../user/store';
import { largeExport, tempDir, type TempDir } from '../testing/temp-dir';

let loaded: LoadedLibrary;
let api: QuireApi;
let store: UserStore;
let dir: TempDir;
const logged: string[] = [];
const log = (m: string): void => void logged.push(m);
beforeAll(async () => {
  loaded = await buildLibrary(BUNDLED_CONTENT);
  dir = await tempDir();
  store = (await openStore(dir.path)).store;
  api = createService(loaded, store);
  const sleep = loaded.library.article('baclofen-sleep-aid')!;
  await api.addBookmark({ articleId: sleep.id, target: 'passage', targetId: sleep.passages[3]!.id, note: 'kept', tags: ['keep'] });
});
afterAll(() => dir.remove());

const CODES: readonly ApiErrorCode[] = ['invalid-argument', 'not-found', 'forbidden', 'unsupported', 'internal'];

/**
 * A well-formed envelope; failures carry a known code and a short message whose technical line
 * (the last; a sentence for the person may come before it) names the method.
 */
function expectEnvelope(result: ApiResult<unknown>, method: string): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(CODES).toContain(result.error.code);
  expect(result.error.code).not.toBe('internal');
  expect(result.error.message.split('\n').at(-1)!.startsWith(`${method}: `), result.error.message).toBe(true);
  expect(result.error.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_LENGTH);
}

const storeBytes = (): Buffer => readFileSync(store.path);

describe('the valid calls the bad ones are made from', () => {
  it('pass validation, for every method of the contract', () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(parseArgs(method, VALID_ARGS[method]), method).toMatchObject({ ok: true });
    for (const [method, calls] of Object.entries(MORE_VALID_ARGS)) for (const args of calls) expect(parseArgs(method as ApiMethod, args), method).toMatchObject({ ok: true });
  });
});

describe.each(API_METHODS)('dispatch of bad %s calls', (method) => {
  it('answers each with a typed error naming the argument or field, and keeps serving', async () => {
    const calls = badCalls(method);
    expect(calls.length).toBeGreaterThan(3);
    for (const call of calls) {
      const result = await dispatch(api, method, call.args, log);
      expectEnvelope(result, method);
      if (call.mustFail) {
        expect(result, call.name).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
        if (!result.ok) expect(result.error.message, call.name).toMatch(new RegExp(`^${method}: ${call.where.replace(/\./g, '\\.')}\\b`));
      }
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
    }
    expect(await dispatch(api, 'getSettings', [], log)).toMatchObject({ ok: true });
    expect(logged).toEqual([]);
  });
});

describe('dispatch of prototype keys', () => {
  it('leaves Object.prototype untouched, whatever key an object argument carries', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const key of PROTOTYPE_KEYS) {
      const patch = JSON.parse(`{"theme": "dark", "${key}": {"polluted": true, "theme": "light"}}`) as unknown;
      expect(await dispatch(api, 'updateSettings', [patch], log)).toMatchObject({ ok: false, error: { message: `updateSettings: argument 0: Unrecognized key: "${key}"` } });
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await api.getSettings()).theme).toBe('system');
  });
});

describe('dispatch of odd method names', () => {
  it('answers a typed error for names that are not strings, even ones String() cannot print', async () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    for (const name of [deep, Object.create(null), Symbol('x'), null, 'x'.repeat(HUGE_STRING_LENGTH)]) {
      const result = await dispatch(api, name, [], log);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^unknown method /) } });
      if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
    }
  });

  it('answers deeply nested arguments without running out of stack', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 200_000; i++) deep = { note: deep };
    for (const method of API_METHODS) expectEnvelope(await dispatch(api, method, [deep, deep], log), method);
    expectEnvelope(await dispatch(api, 'updateBookmark', ['bad-input-bookmark', deep], log), 'updateBookmark');
  });
});

describe('dispatch of arbitrary JSON (property)', () => {
  it('never throws and always answers a typed envelope, for every method', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS), fc.array(fc.jsonValue(), { maxLength: 3 }), async (method, args) => {
        expectEnvelope(await dispatch(api, method, args, log), method);
      }),
      { numRuns: 500 },
    );
  });

  it('answers every one-field change of a valid call with a typed envelope', async () => {
    const changed = fc
      .constantFrom(...API_METHODS.filter((m) => VALID_ARGS[m].length > 0))
      .chain((method) => fc.tuple(fc.constant(method), fc.nat(VALID_ARGS[method].length - 1), fc.jsonValue()));
    await fc.assert(
      fc.asyncProperty(changed, async ([method, at, value]) => {
        const args = [...VALID_ARGS[method]] as unknown[];
        args[at] = value;
        expectEnvelope(await dispatch(api, method, args, log), method);
      }),
      { numRuns: 500 },
    );
    expect(logged).toEqual([]);
  });
});

describe('search with hostile queries', () => {
  const binary = (): string => String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 65536));
  const queries = [
    ['100k characters of words', 'dry mouth taper sleep '.repeat(5000).slice(0, 100_000)],
    ['100k characters of one word', 'z'.repeat(100_000)],
    ['NULs', '\0'.repeat(1000) + 'sleep\0\0'],
    ['lone surrogates', '\ud800sleep\udfff\ud83d'],
    ['every UTF-16 unit', binary()],
    ['random bytes as Latin-1', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)).toString('latin1')],
  ] as const;

  it.each(queries)('the core engine answers %s', (_name, q) => {
    expect(search(loaded, q, { limit: 20 }).results.length).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(suggest(loaded, q, 5))).toBe(true);
  });

  it.each(queries)('dispatch answers %s, and the next search still finds', async (_name, q) => {
    expect(await dispatch(api, 'search', [q, { limit: 20 }], log)).toMatchObject({ ok: true, value: { query: expect.any(String) } });
    expect(await dispatch(api, 'suggest', [q], log)).toMatchObject({ ok: true });
    expect(await dispatch(api, 'addRecentSearch', [q], log)).toMatchObject({ ok: true });
    const next = await dispatch(api, 'search', ['zolpidem', { limit: 1 }], log);
    expect(next).toMatchObject({ ok: true, value: { results: [{ articleId: 'baclofen-sleep-aid' }] } });
  });
});

describe('a 50 MB import', () => {
  it('is refused before parsing, naming its size and the limit, and the store file is unchanged', async () => {
    const text = largeExport(50 * 1024 * 1024);
    const size = 50 * 1024 * 1024;
    expect(Buffer.byteLength(text)).toBe(size);
    const before = storeBytes();
    expect(await dispatch(api, 'importBookmarks', [text], log)).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'importBookmarks: argument 0: the import is 50 MB (52428800 bytes), over the 10 MB limit' },
    });
    expect(storeBytes().equals(before)).toBe(true);
    expect(() => parseImport(text)).toThrow(
      'This file is 50 MB, larger than a bookmark file can be (10 MB). Nothing was imported: your bookmarks are as they were.',
    );
    expect(() => parseImport(text)).toThrow('\nthe import is 50 MB (52428800 bytes), over the 10 MB limit');
    // The same file cut to the limit is a valid export: it is the size alone that refuses it.
    const small = largeExport(1024 * 1024);
    const count = (JSON.parse(small) as { bookmarks: unknown[] }).bookmarks.length;
    expect(await dispatch(api, 'importBookmarks', [small], log)).toMatchObject({ ok: true, value: { added: count } });
  });
});
