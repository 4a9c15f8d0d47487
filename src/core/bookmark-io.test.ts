import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bookmark } from '../shared/bookmarks';
import { quotePassage } from './anchoring';
import { BookmarkImportError, exportAnnotations, exportJson, exportMarkdown, parseImport } from './bookmark-io';
import { buildLibrary, type LoadedLibrary } from './build';
import { BUNDLED_CONTENT } from './paths';

let loaded: LoadedLibrary;
let bookmarks: Bookmark[];
beforeAll(async () => {
  loaded = await buildLibrary(BUNDLED_CONTENT);
  const sleep = loaded.library.article('baclofen-sleep-aid')!;
  const table = sleep.passages.find((p) => p.kind === 'table')!;
  const quote = sleep.passages.find((p) => p.kind === 'quote')!;
  const at = '2026-11-22T07:00:00.000Z';
  bookmarks = [
    { id: 'bookmark-table', articleId: sleep.id, target: 'passage', targetId: table.id, quote: quotePassage(sleep, table.id)!, note: 'the numbers', tags: ['study'], createdAt: at, updatedAt: at },
    { id: 'bookmark-quote', articleId: sleep.id, target: 'passage', targetId: quote.id, quote: quotePassage(sleep, quote.id)!, note: '', tags: [], createdAt: at, updatedAt: at },
  ];
});

describe('JSON export and import', () => {
  it('round-trips losslessly', () => {
    const text = exportJson(bookmarks, new Date('2026-11-22T08:00:00.000Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'quire-bookmarks', version: 1, exportedAt: '2026-11-22T08:00:00.000Z' });
    expect(parseImport(text)).toEqual(bookmarks);
  });

  it('names the entry and field of an invalid bookmark', () => {
    const data = JSON.parse(exportJson(bookmarks)) as { bookmarks: Record<string, unknown>[] };
    data.bookmarks[1]!.quote = { exact: '', prefix: '', suffix: '' };
    expect(() => parseImport(JSON.stringify(data))).toThrow("import: bookmarks[1] (id bookmark-quote): field 'quote.exact': Too small: expected string to have >=1 characters");
    data.bookmarks[1] = { ...bookmarks[0]! };
    expect(() => parseImport(JSON.stringify(data))).toThrow('import: bookmarks[1] (id bookmark-table): id appears twice in the file');
  });

  it('rejects files that are not exports', () => {
    expect(() => parseImport('{"format": "other"}')).toThrow(BookmarkImportError);
    expect(() => parseImport('not json')).toThrow(/^import: not JSON/);
    expect(() => parseImport('{"__proto__": {"x": 1}, "format": "quire-bookmarks"}')).toThrow(BookmarkImportError);
  });

  it('never throws anything but an import error, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ format: 'quire-bookmarks', version: 1, exportedAt: '2026-01-01T00:00:00Z', bookmarks: [v] }))), (text) => {
        try {
          parseImport(text);
        } catch (e) {
          expect(e).toBeInstanceOf(BookmarkImportError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('Markdown export', () => {
  it('lists article, section, quote, note, tags and link', () => {
    const md = exportMarkdown(bookmarks, (id) => loaded.library.article(id));
    expect(md).toContain('## Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid');
    expect(md).toContain('### What the Numbers Say: Digging Into Sleep Latency, Quality, and Duration');
    expect(md).toContain('> Sleep Latency | 24 min | 41 min');
    expect(md).toContain('the numbers');
    expect(md).toContain('Tags: study');
    expect(md).toContain(`(quire:#/article/baclofen-sleep-aid/${bookmarks[0]!.targetId})`);
  });
});

describe('Web Annotation export', () => {
  it('writes an AnnotationCollection with TextQuoteSelectors', () => {
    const data = JSON.parse(exportAnnotations(bookmarks, (id) => loaded.library.article(id))) as {
      type: string;
      total: number;
      first: { items: { type: string; motivation: string; body?: { value: string; purpose: string }[]; target: { selector: { type: string; exact?: string }[] } }[] };
    };
    expect(data.type).toBe('AnnotationCollection');
    expect(data.total).toBe(2);
    const [table, quote] = data.first.items;
    expect(table?.type).toBe('Annotation');
    expect(table?.motivation).toBe('commenting');
    expect(table?.body).toEqual([
      { type: 'TextualBody', value: 'the numbers', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'study', purpose: 'tagging' },
    ]);
    expect(quote?.motivation).toBe('bookmarking');
    expect(table?.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(bookmarks[0]!.quote.exact);
  });
});
