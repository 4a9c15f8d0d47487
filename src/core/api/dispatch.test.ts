import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type QuireApi } from '../../shared/api';
import { MAX_PDF_FILE_NAME_LENGTH, MAX_QUERY_LENGTH, parseArgs } from '../../shared/schemas';
import { buildLibrary } from '../content/build';
import { dispatch, isApiMethod } from './dispatch';
import { BUNDLED_CONTENT } from '../library/paths';
import { createService } from './service';
import { openStore } from '../user/store';
import { tempDir } from '../testing/temp-dir';

let api: QuireApi;
beforeAll(async () => {
  api = createService(await buildLibrary(BUNDLED_CONTENT), (await openStore((await tempDir()).path)).store);
});
const silent = (): void => {};

describe('dispatch', () => {
  it('runs valid calls', async () => {
    const list = await dispatch(api, 'listArticles', [], silent);
    expect(list.ok && (list.value as unknown[]).length).toBe(2);
    const article = await dispatch(api, 'getArticle', ['baclofen-sleep-aid'], silent);
    expect(article.ok && (article.value as { title: string }).title).toMatch(/^Can Baclofen Help You Sleep/);
    const found = await dispatch(api, 'search', ['taper', { limit: 2 }], silent);
    expect(found.ok && (found.value as { results: unknown[] }).results).toHaveLength(2);
  });

  it('names the argument and the problem of an invalid call', async () => {
    expect(await dispatch(api, 'getArticle', [42], silent)).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'getArticle: argument 0: Invalid input: expected string, received number' },
    });
    expect(await dispatch(api, 'search', ['x', { limit: 0 }], silent)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/^search: argument 1\.limit: /) },
    });
    expect(await dispatch(api, 'search', ['x', { limit: 5, extra: true }], silent)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch(api, 'listArticles', 'not an array', silent)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('answers not-found for an unknown article', async () => {
    expect(await dispatch(api, 'getArticle', ['no-such-article'], silent)).toEqual({
      ok: false,
      error: { code: 'not-found', message: "getArticle: no article with id 'no-such-article'" },
    });
  });

  it('refuses unknown and inherited method names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42]) {
      expect(isApiMethod(name)).toBe(false);
      expect(await dispatch(api, name, [], silent)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });

  it('turns an engine failure into an internal error without its details', async () => {
    const broken: QuireApi = { ...api, listArticles: () => Promise.reject(new Error('disk on fire')) };
    const logged: string[] = [];
    expect(await dispatch(broken, 'listArticles', [], (m) => logged.push(m))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'listArticles: internal error' },
    });
    expect(logged.join()).toContain('disk on fire');
  });

  it('cuts queries longer than the limit instead of failing', async () => {
    const result = await dispatch(api, 'search', ['sleep '.repeat(50_000)], silent);
    expect(result.ok).toBe(true);
    expect(MAX_QUERY_LENGTH).toBeLessThan(300_000);
  });

  it('never throws and always answers an envelope, whatever arrives (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS, 'bogus'), fc.anything(), async (method, args) => {
        const result = await dispatch(api, method, args, silent);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('searches any string without failing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (q) => {
        const result = await dispatch(api, 'search', [q], silent);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** A plain PDF file name: no folder separators, NUL or dots before the extension. */
const plainPdfName = fc
  .tuple(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((stem) => stem.replace(/[./\\\0]/g, '_')),
    fc.constantFrom('.pdf', '.PDF', '.Pdf'),
  )
  .map(([stem, extension]) => stem + extension)
  .filter((name) => name.length <= MAX_PDF_FILE_NAME_LENGTH);

describe('dispatch of the print calls', () => {
  it('rejects file names that are not plain .pdf names, naming the argument', async () => {
    for (const name of ['', 'notes', 'notes.txt', 'notes.pdf.txt', '../notes.pdf', 'a/b.pdf', 'a\\b.pdf', 'a\0b.pdf', 'a..pdf', `${'x'.repeat(197)}.pdf`]) {
      const result = await dispatch(api, 'savePdf', [name], silent);
      expect(result, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^savePdf: argument 0: file name /) } });
    }
    expect(await dispatch(api, 'savePdf', [42], silent)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^savePdf: argument 0: /) } });
    expect(await dispatch(api, 'savePdf', [], silent)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch(api, 'printPage', ['extra'], silent)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('accepts any plain .pdf name up to the longest (property)', () => {
    expect(parseArgs('savePdf', ['v1.2 Sjögren’s notes.pdf']).ok).toBe(true);
    expect(parseArgs('savePdf', [`${'x'.repeat(MAX_PDF_FILE_NAME_LENGTH - 4)}.pdf`]).ok).toBe(true);
    fc.assert(
      fc.property(plainPdfName, (name) => {
        expect(parseArgs('savePdf', [name])).toEqual({ ok: true, args: [name] });
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a plain name with a separator, NUL or .. put anywhere in it (property)', () => {
    fc.assert(
      fc.property(plainPdfName, fc.constantFrom('/', '\\', '\0', '..'), fc.nat(), (name, bad, at) => {
        const i = at % (name.length + 1);
        const parsed = parseArgs('savePdf', [name.slice(0, i) + bad + name.slice(i)]);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.message).toMatch(/^savePdf: argument 0: /);
      }),
      { numRuns: 300 },
    );
  });

  it('answers valid calls with unsupported on the web host, pointing to the browser’s print dialog', async () => {
    for (const [method, args] of [['printPage', []], ['savePdf', ['baclofen.pdf']]] as const) {
      expect(await dispatch(api, method, args, silent)).toMatchObject({
        ok: false,
        error: { code: 'unsupported', message: expect.stringMatching(new RegExp(`^${method}: .*print dialog.*Save as PDF`)) },
      });
    }
  });
});

describe('dispatch of the reading and print settings', () => {
  it('accepts the font, line spacing and sepia theme and returns them with the other settings', async () => {
    const result = await dispatch(api, 'updateSettings', [{ theme: 'sepia', fontFamily: 'sans', lineSpacing: 'relaxed' }], silent);
    expect(result).toMatchObject({ ok: true, value: { theme: 'sepia', fontFamily: 'sans', lineSpacing: 'relaxed', margins: 'normal' } });
    await dispatch(api, 'updateSettings', [{ theme: 'system', fontFamily: 'serif', lineSpacing: 'normal' }], silent);
  });

  it('accepts the print choices and returns them with the other settings', async () => {
    const result = await dispatch(api, 'updateSettings', [{ printComments: true, paper: 'Letter', margins: 'wide' }], silent);
    expect(result).toMatchObject({ ok: true, value: { printComments: true, paper: 'Letter', margins: 'wide', theme: 'system' } });
    await dispatch(api, 'updateSettings', [{ printComments: false, paper: 'A4', margins: 'normal' }], silent);
  });

  it.each([
    ['printComments', 'yes'],
    ['paper', 'A3'],
    ['margins', 'none'],
    ['paper', null],
    ['fontFamily', 'comic-sans'],
    ['fontFamily', ''],
    ['lineSpacing', 1.5],
    ['lineSpacing', 'double'],
    ['theme', 'solarized'],
  ])('rejects %s: %j, naming the field', async (field, value) => {
    expect(await dispatch(api, 'updateSettings', [{ [field]: value }], silent)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(new RegExp(`^updateSettings: argument 0\\.${field}: `)) },
    });
  });
});
