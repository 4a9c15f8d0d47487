import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { BookmarkSchema, HIGHLIGHT_COLORS, HIGHLIGHT_COLOR_NAMES, MAX_IMPORT_ENTRIES, isHighlight, type Bookmark, type HighlightColor } from '../../shared/bookmarks';
import { parseLink } from '../../shared/links';
import type { Article, Passage, Section } from '../../shared/model';
import { PASSAGE_SEPARATOR, type TextRange } from '../../shared/ranges';
import { anchor, quotePassage } from './anchoring';
import { selectRange } from './text-range';
import {
  ANNOTATION_CONTEXT,
  BookmarkImportError,
  bookmarkLink,
  exportAnnotations,
  exportJson,
  exportMarkdown,
  markdownLines,
  markdownText,
  parseImport,
  UNPLACED_ID,
  type ArticleLookup,
} from './bookmark-io';
import { buildLibrary, type LoadedLibrary } from '../content/build';
import { BUNDLED_CONTENT } from '../library/paths';

let loaded: LoadedLibrary;
let bookmarks: Bookmark[];
/** Highlights of real words: across two passages, in a table's cells, in a reader comment. */
let highlights: Bookmark[];

/** A highlight of a range of a bundled article, as addHighlight makes it. */
function highlightOf(article: Article, range: TextRange, fields: { id: string; color: HighlightColor; note?: string; tags?: string[]; at?: string }): Bookmark {
  const selector = selectRange(article, range);
  if (typeof selector === 'string') throw new Error(selector);
  const at = fields.at ?? '2026-11-23T07:00:00.000Z';
  return {
    id: fields.id,
    articleId: article.id,
    target: 'text',
    targetId: selector.startPassageId,
    endId: selector.endPassageId,
    position: selector.position,
    color: fields.color,
    quote: selector.quote,
    note: fields.note ?? '',
    tags: fields.tags ?? [],
    createdAt: at,
    updatedAt: at,
  };
}

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
  const sjogren = loaded.library.article('baclofen-sjogrens-syndrome')!;
  const [p1, p2] = [sleep.passages[1]!, sleep.passages[2]!];
  const comment = sjogren.comments[1]!;
  highlights = [
    highlightOf(sleep, { start: { passageId: p1.id, offset: 20 }, end: { passageId: p2.id, offset: 30 } }, { id: 'highlight-span', color: 'green', note: 'two passages', tags: ['span'] }),
    highlightOf(sleep, { start: { passageId: table.id, offset: table.text.indexOf('24 min') }, end: { passageId: table.id, offset: table.text.indexOf('41 min') + 6 } }, { id: 'highlight-cells', color: 'blue' }),
    highlightOf(sjogren, { start: { passageId: comment.id, offset: 4 }, end: { passageId: comment.id, offset: 40 } }, { id: 'highlight-comment', color: 'pink', note: 'a reader says' }),
  ];
});

describe('JSON export and import', () => {
  it('round-trips losslessly', () => {
    const text = exportJson(bookmarks, new Date('2026-11-22T08:00:00.000Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'quire-bookmarks', version: 3, exportedAt: '2026-11-22T08:00:00.000Z' });
    expect((JSON.parse(text) as { bookmarks: { link: string }[] }).bookmarks.map((b) => b.link)).toEqual(bookmarks.map((b) => `quire://article/baclofen-sleep-aid/${b.targetId}`));
    expect(parseImport(text)).toEqual(bookmarks);
  });

  it('reads a version 1 file (no links), and refuses a link that names another place than its ids', () => {
    const v2 = JSON.parse(exportJson(bookmarks)) as { version: number; bookmarks: Record<string, unknown>[] };
    const v1 = { ...v2, version: 1, bookmarks: bookmarks.map((b) => ({ ...b })) };
    expect(parseImport(JSON.stringify(v1))).toEqual(bookmarks);
    // The same place, encoded another way, is the same link.
    v2.bookmarks[0]!.link = `QUIRE://article/baclofen-sleep-aid/${encodeURIComponent(bookmarks[0]!.targetId).replaceAll('-', '%2D')}`;
    expect(parseImport(JSON.stringify(v2))).toEqual(bookmarks);
    v2.bookmarks[1]!.link = 'quire://article/baclofen-sleep-aid/section/lead';
    const wrong = refusal(JSON.stringify(v2));
    expect(wrong.summary).toMatch(/^Bookmark 2 of 2 in this file is damaged, so none of it was imported/);
    expect(wrong.detail).toBe(
      `bookmarks[1] (id bookmark-quote): field 'link': quire://article/baclofen-sleep-aid/section/lead is not the link of its article and passage (quire://article/baclofen-sleep-aid/${bookmarks[1]!.targetId})`,
    );
  });

  it('carries highlights losslessly, each linked to its first passage, and refuses a highlight whose link names another', () => {
    const all = [...bookmarks, ...highlights];
    const text = exportJson(all);
    const data = JSON.parse(text) as { bookmarks: Record<string, unknown>[] };
    expect(data.bookmarks.slice(2).map((b) => b.link)).toEqual(highlights.map((h) => `quire://article/${h.articleId}/${h.targetId}`));
    expect(data.bookmarks[2]).toMatchObject({ target: 'text', endId: highlights[0]!.endId, position: highlights[0]!.position, color: 'green' });
    expect(parseImport(text)).toEqual(all);
    const span = highlights[0]!;
    expect(span.endId).not.toBe(span.targetId);
    data.bookmarks[2]!.link = `quire://article/${span.articleId}/${span.endId}`;
    const wrong = refusal(JSON.stringify(data));
    expect(wrong.summary).toMatch(/^Bookmark 3 of 5 in this file is damaged, so none of it was imported/);
    expect(wrong.detail).toBe(`bookmarks[2] (id highlight-span): field 'link': quire://article/${span.articleId}/${span.endId} is not the link of its article and text (quire://article/${span.articleId}/${span.targetId})`);
  });

  /** The refusal parseImport throws for `text`. */
  const refusal = (text: string): BookmarkImportError => {
    try {
      parseImport(text);
    } catch (e) {
      if (e instanceof BookmarkImportError) return e;
      throw e;
    }
    throw new Error('parseImport accepted the file');
  };

  it('says which bookmark is damaged and that nothing changed, then names the entry and field', () => {
    const data = JSON.parse(exportJson(bookmarks)) as { bookmarks: Record<string, unknown>[] };
    data.bookmarks[1]!.quote = { exact: '', prefix: '', suffix: '' };
    const damaged = refusal(JSON.stringify(data));
    expect(damaged.summary).toBe(
      `Bookmark 2 of ${bookmarks.length} in this file is damaged, so none of it was imported: your bookmarks are as they were. If the file was edited, undo the edit, or export it again from the Quire it came from.`,
    );
    expect(damaged.detail).toBe("bookmarks[1] (id bookmark-quote): field 'quote.exact': Too small: expected string to have >=1 characters");
    expect(damaged.message).toBe(`${damaged.summary}\n${damaged.detail}`);
    data.bookmarks[1] = { ...bookmarks[0]! };
    const twice = refusal(JSON.stringify(data));
    expect(twice.summary).toMatch(/^Bookmarks 1 and 2 in this file are the same bookmark, so none of it was imported/);
    expect(twice.detail).toBe('bookmarks[1] (id bookmark-table): id appears twice in the file');
  });

  it('tells files of another kind apart, in words for the person importing, each saying nothing changed', () => {
    const valid = JSON.parse(exportJson(bookmarks)) as Record<string, unknown>;
    expect(refusal('not json').summary).toMatch(/^This is not a Quire bookmark file: it is not JSON\. Nothing was imported/);
    expect(refusal('not json').detail).toMatch(/^not JSON \(/);
    expect(refusal('{"format": "other"}').summary).toMatch(/^This is not a Quire bookmark file\. Nothing was imported.*Export → JSON/);
    expect(refusal('{"format": "other"}').detail).toBe("field 'format': Invalid input: expected \"quire-bookmarks\"");
    expect(refusal(JSON.stringify({ ...valid, version: 7 })).summary).toMatch(/^This file was saved by a newer version of Quire \(bookmark format 7\); this one reads format 3 and older\./);
    expect(refusal(JSON.stringify({ ...valid, exportedAt: 'yesterday' })).summary).toMatch(/^This bookmark file is damaged, so none of it was imported/);
    expect(refusal('{"__proto__": {"x": 1}, "format": "quire-bookmarks"}').summary).toMatch(/^This bookmark file is damaged/);
    for (const text of ['[]', 'null', '"x"', '{"format": "other"}']) expect(refusal(text).summary).toContain('your bookmarks are as they were');
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
    const [table, quote] = readRendered(new MarkdownIt().render(md));
    const sleep = loaded.library.article('baclofen-sleep-aid')!;
    expect(table).toEqual({
      article: sleep.title,
      section: 'What the Numbers Say: Digging Into Sleep Latency, Quality, and Duration',
      quote: bookmarks[0]!.quote.exact,
      paragraphs: ['the numbers', 'Tags: study'],
      href: `quire://article/baclofen-sleep-aid/${bookmarks[0]!.targetId}`,
      linkText: 'Open in Quire',
      after: ' · saved 2026-11-22',
    });
    expect(table!.quote).toContain('Sleep Latency | 24 min | 41 min');
    expect(quote!.paragraphs).toEqual([]);
  });

  it("quotes a highlight's exact words with its colour's name, note, tags, section and link", () => {
    const md = exportMarkdown(highlights, (id) => loaded.library.article(id));
    const rendered = readRendered(new MarkdownIt().render(md));
    const sleep = loaded.library.article('baclofen-sleep-aid')!;
    const sjogren = loaded.library.article('baclofen-sjogrens-syndrome')!;
    const [span, cells] = highlights;
    const sectionOf = (passageId: string): string => sleep.sections.find((s) => s.id === sleep.passages.find((p) => p.id === passageId)!.sectionId)!.title;
    expect(rendered).toEqual([
      { article: sleep.title, section: sectionOf(span!.targetId), quote: span!.quote.exact, paragraphs: ['Green highlight', 'two passages', 'Tags: span'], href: bookmarkLink(span!), linkText: 'Open in Quire', after: ' · saved 2026-11-23' },
      { article: sleep.title, section: sectionOf(cells!.targetId), quote: '24 min | 41 min', paragraphs: ['Blue highlight'], href: bookmarkLink(cells!), linkText: 'Open in Quire', after: ' · saved 2026-11-23' },
      { article: sjogren.title, section: 'Reader comments', quote: highlights[2]!.quote.exact, paragraphs: ['Pink highlight', 'a reader says'], href: bookmarkLink(highlights[2]!), linkText: 'Open in Quire', after: ' · saved 2026-11-23' },
    ].sort((a, b) => a.article.localeCompare(b.article, 'en')));
    // Words across two passages are one quote, a line for each passage.
    expect(span!.quote.exact).toContain(PASSAGE_SEPARATOR);
  });
});

/**
 * Two real renderers, each as permissive as it can be set: raw HTML and dangerous protocols
 * allowed, so only the export's escaping can keep user text from becoming markup. markdown-it in
 * its default preset (CommonMark, GFM tables and strikethrough) with linkify (bare domains and
 * addresses become links); micromark with every GFM extension (autolink literals, footnotes,
 * tables, task lists, strikethrough), which follows the CommonMark and GFM specs to the letter.
 */
const RENDERERS: Record<string, (md: string) => string> = {
  'markdown-it': (md) => new MarkdownIt({ html: true, linkify: true }).render(md),
  micromark: (md) => micromark(md, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
};

interface El {
  readonly tag: string;
  readonly attrs: Record<string, string>;
  readonly children: readonly (El | string)[];
}

/** Rendered HTML, parsed by a real HTML parser, as elements and text. */
function htmlTree(html: string): (El | string)[] {
  const convert = (node: DefaultTreeAdapterTypes.ChildNode): El | string => {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
    // A comment or doctype counts as markup too: name it so the checks see it.
    if (!('tagName' in node)) return { tag: node.nodeName, attrs: {}, children: [] };
    return { tag: node.tagName, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])), children: node.childNodes.map(convert) };
  };
  return parseFragment(html).childNodes.map(convert);
}

/** The text a reader sees in an element: `<br>` a line break, the source's newline after it not. */
function textOf(children: readonly (El | string)[]): string {
  let out = '';
  for (const c of children) {
    if (typeof c === 'string') out += c;
    else if (c.tag === 'br') out += '\n\u0000';
    else out += textOf(c.children);
  }
  return out.replaceAll('\u0000\n', '').replaceAll('\u0000', '');
}

/** Every tag name in a tree. */
function tagsOf(nodes: readonly (El | string)[]): string[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [] : [n.tag, ...tagsOf(n.children)]));
}

/** One bookmark as read back from the rendered export. */
interface RenderedBookmark {
  readonly article: string;
  readonly section: string;
  readonly quote: string;
  /** Text of the paragraphs between the quote and the link: the note, then the tags. */
  readonly paragraphs: readonly string[];
  readonly href: string;
  readonly linkText: string;
  readonly after: string;
}

/**
 * Read the rendered export back, requiring exactly the export's own structure: one h1, then per
 * article an h2, then per bookmark an h3, a blockquote of one paragraph, paragraphs of text and
 * the link's paragraph. Anything else (another element, text outside a block) fails the test.
 */
function readRendered(html: string): RenderedBookmark[] {
  const blocks = htmlTree(html).filter((n) => typeof n !== 'string' || n.trim() !== '');
  const expectPlain = (el: El, allowed: readonly string[] = ['br']): void => {
    expect(tagsOf(el.children).filter((t) => !allowed.includes(t)), `unexpected markup in <${el.tag}>: ${html}`).toEqual([]);
  };
  const out: RenderedBookmark[] = [];
  const head = blocks.shift() as El;
  expect(head.tag).toBe('h1');
  expect(textOf(head.children)).toBe('Quire bookmarks');
  let article: string | undefined;
  while (blocks.length > 0) {
    const block = blocks.shift()!;
    expect(typeof block, `text outside any block: ${JSON.stringify(block)}`).toBe('object');
    const el = block as El;
    if (el.tag === 'h2') {
      expectPlain(el, []);
      article = textOf(el.children);
      continue;
    }
    expect(el.tag).toBe('h3');
    expect(article).toBeDefined();
    expectPlain(el, []);
    const quote = blocks.shift() as El;
    expect(quote.tag).toBe('blockquote');
    const inner = quote.children.filter((n) => typeof n !== 'string' || n.trim() !== '') as El[];
    expect(inner.map((n) => n.tag)).toEqual(['p']);
    expectPlain(inner[0]!);
    const paragraphs: string[] = [];
    for (;;) {
      const p = blocks.shift() as El;
      expect(p?.tag).toBe('p');
      const link = p.children[0];
      if (typeof link === 'object' && link.tag === 'a') {
        expectPlain(link, []);
        expect(p.children.slice(1).every((c) => typeof c === 'string')).toBe(true);
        out.push({
          article: article!,
          section: textOf(el.children),
          quote: textOf(inner[0]!.children),
          paragraphs,
          href: link.attrs.href ?? '',
          linkText: textOf(link.children),
          after: textOf(p.children.slice(1)),
        });
        break;
      }
      expectPlain(p);
      paragraphs.push(textOf(p.children));
    }
  }
  return out;
}

/** Text as the export promises to render it: line ends as LF, NUL as U+FFFD (CommonMark's rule). */
const asRendered = (text: string): string => text.replaceAll(/\r\n?/g, '\n').replaceAll('\0', '\ufffd');
/** Text with lines, as a paragraph carries it: no line breaks at either end. */
const asParagraph = (text: string): string => asRendered(text).replace(/^\n+|\n+$/g, '');

/**
 * Hostile text: Markdown and HTML syntax, every ASCII punctuation character, whitespace of every
 * kind (line ends, tabs, no-break and ideographic spaces), control characters, lone surrogates
 * and plain letters, in any order.
 */
const hostileChar = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!-- x -->', '<div>', '&amp;', '&#60;', '&lt;', '&', '#', '## ', '# x #',
    '- ', '* ', '+ ', '1. ', '1) ', '2024.', '> ', '```', '~~~', '    ', '\t', '---', '===', '***', '___', '| a | b |', '|---|', ':-:', '\n| a | b \n| - | - |\n', '\na | b \n:-: | :-:',
    '[a](javascript:alert(1))', '[x]: http://e.com', '![i](x.png)', '<http://e.com>', 'http://e.com', 'https://x.y/z', 'www.e.com', 'e.com',
    'a@b.co', 'mailto:a@b.co', '[^1]', '[ ] ', '~~s~~', '*em*', '_em_', '**b**', '`c`', '\\', '\\\n', '$x$', '$$', ':smile:', '@user', '#12',
    '{x}', '...', '. ', '.', '-', '+', '\n', '\n\n', '\r\n', '\r', '  \n', ' ', '\u00a0', '\u3000', '\u2028', '\u2029', '\ufeff', '\u000b',
    '\u000c', '\u0000', '\u0001', '\u007f', '\u0085', '\ud800', '\udfff', 'é', '日本', '👍', 'a', 'Z', '5', ')', '(', ']', '[',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
  fc.string({ unit: 'binary', maxLength: 2 }),
);
const hostile = (minLength = 0): fc.Arbitrary<string> => fc.array(hostileChar, { minLength, maxLength: 12 }).map((parts) => parts.join(''));
const nonEmpty = hostile(1).filter((t) => t.trim() !== '');

const STAMP = '2026-11-22T07:00:00.000Z';


/** Articles whose titles, section titles and passage ids are hostile text, and bookmarks in them. */
const hostileLibrary = fc
  .record({
    articles: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,8}$/), title: nonEmpty, sections: fc.array(fc.record({ id: nonEmpty, title: hostile() }), { minLength: 1, maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 3,
      selector: (a) => a.id,
    }),
    bookmarks: fc.array(
      fc.record({
        article: fc.nat(),
        section: fc.nat(),
        inLibrary: fc.boolean(),
        target: fc.constantFrom('passage', 'section'),
        targetId: nonEmpty,
        quote: nonEmpty,
        note: hostile(),
        tags: fc.array(nonEmpty.map((t) => t.trim()).filter((t) => t !== ''), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ articles, bookmarks: picks }) => {
    const library = new Map<string, Article>();
    const list = picks.map((p, i): Bookmark => {
      const a = articles[p.article % articles.length]!;
      const section = a.sections[p.section % a.sections.length]!;
      const target = p.target as Bookmark['target'];
      const articleId = p.inLibrary ? a.id : `gone-${a.id}`;
      const targetId = target === 'section' ? section.id : p.targetId;
      return { id: `bookmark-${i}`, articleId, target, targetId, quote: { exact: p.quote, prefix: '', suffix: '' }, note: p.note, tags: p.tags, createdAt: STAMP, updatedAt: STAMP };
    });
    for (const a of articles) {
      const sections: Section[] = a.sections.map((s) => ({ id: s.id, title: s.title, level: 2, path: [s.title] }));
      const passages: Passage[] = list
        .filter((b) => b.articleId === a.id && b.target === 'passage')
        .map((b, i) => ({ id: b.targetId, kind: 'paragraph', sectionId: a.sections[i % a.sections.length]!.id, text: b.quote.exact, html: '' }));
      library.set(a.id, { id: a.id, title: a.title, source: 's', topics: [], sections, passages, comments: [] } as unknown as Article);
    }
    return { library, bookmarks: list };
  });

describe('markdownText and markdownLines', () => {
  it('escape what could be Markdown and leave plain prose alone', () => {
    expect(markdownText('Take 5 mg at night, with food; ask why?')).toBe('Take 5 mg at night, with food; ask why?');
    expect(markdownText('# <b>*x*</b>')).toBe('\\# \\<b\\>\\*x\\*\\</b\\>');
    expect(markdownText('1. first')).toBe('1\\. first');
    expect(markdownText('well-kept - see www.e.com.')).toBe('well-kept - see www\\.e\\.com.');
    expect(markdownText('Note: see https://e.com')).toBe('Note: see https\\://e\\.com');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('  code')).toBe('&#x20;&#x20;code');
    expect(markdownLines('a\n\nb\n')).toEqual(['a\\', '\\', 'b']);
    expect(markdownLines('\n')).toEqual([]);
  });
});

describe('Markdown export, rendered', () => {
  for (const [name, render] of Object.entries(RENDERERS)) {
    it(`renders every title, quote, note, tag, id and date as its text, with no markup of its own (${name}, property)`, () => {
      fc.assert(
        fc.property(hostileLibrary, ({ library, bookmarks: list }) => {
          const md = exportMarkdown(list, (id) => library.get(id));
          expect(md).not.toMatch(/[\0\r]/);
          const rendered = readRendered(render(md));
          const expected = list.map((b): RenderedBookmark => {
            const article = library.get(b.articleId);
            const passage = article?.passages.find((p) => p.id === b.targetId);
            const section = article?.sections.find((s) => s.id === (b.target === 'section' ? b.targetId : passage?.sectionId));
            const note = asParagraph(b.note);
            return {
              article: article ? asRendered(article.title).replaceAll('\n', ' ') : `${b.articleId} (no longer in the library)`,
              section: section ? asRendered(section.title).replaceAll('\n', ' ') : 'Bookmark',
              quote: asParagraph(b.quote.exact),
              paragraphs: [...(note ? [note] : []), ...(b.tags.length > 0 ? [asParagraph(`Tags: ${b.tags.join(', ')}`)] : [])],
              href: '',
              linkText: 'Open in Quire',
              after: ' · saved 2026-11-22',
            };
          });
          const key = (r: RenderedBookmark): string => JSON.stringify({ ...r, href: '' });
          expect(rendered.map(key).sort()).toEqual(expected.map(key).sort());
          // Each link leads to its bookmark's ids, whatever characters they hold.
          const hrefs = rendered.map((r) => {
            const m = /^quire:\/\/article\/([^/]+)\/(section\/)?([^/]+)$/.exec(r.href);
            expect(m, `not a Quire link: ${r.href}`).not.toBeNull();
            return JSON.stringify([decodeURIComponent(m![1]!), m![2] ? 'section' : 'passage', decodeURIComponent(m![3]!)]);
          });
          const targets = list.map((b) => JSON.stringify([b.articleId, b.target, b.targetId.replaceAll(/[\ud800-\udfff]/gu, '\ufffd')]));
          expect(hrefs.sort()).toEqual(targets.sort());
        }),
        { numRuns: 300 },
      );
    });
  }

  it('turns the 50 hostile bookmarks of the report into text: no script, no extra heading', () => {
    const evil: Bookmark[] = Array.from({ length: 50 }, (_, i) => ({
      ...bookmarks[0]!,
      id: `bookmark-evil-${i}`,
      note: i % 2 ? '<script>alert(1)</script>' : `# Fake heading ${i}\n\n<script src="x"></script>`,
      tags: ['<script>', '## tag'],
    }));
    for (const render of Object.values(RENDERERS)) {
      const tags = tagsOf(htmlTree(render(exportMarkdown(evil, (id) => loaded.library.article(id)))));
      expect(tags.filter((t) => t === 'script')).toEqual([]);
      expect(tags.filter((t) => /^h[1-6]$/.test(t)).length).toBe(1 + 1 + 50);
    }
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

  it('keeps every text as it was and percent-encodes every id it puts in an IRI or fragment (property)', () => {
    const IRI_SAFE = /^[A-Za-z0-9\-._~%:/]*$/;
    fc.assert(
      fc.property(hostileLibrary, ({ library, bookmarks: list }) => {
        const items = (JSON.parse(exportAnnotations(list, (id) => library.get(id))) as {
          first: { items: { id: string; body?: { value: string; purpose: string }[]; target: { id: string; source: string; title?: string; selector: { type: string; value?: string; exact?: string }[] } }[] };
        }).first.items;
        items.forEach((item, i) => {
          const b = list[i]!;
          expect([item.id, item.target.id, item.target.source].filter((iri) => !IRI_SAFE.test(iri))).toEqual([]);
          const id = b.targetId.replaceAll(/[\ud800-\udfff]/gu, '\ufffd');
          expect(parseLink(item.target.id)).toEqual({ articleId: b.articleId, ...(b.target === 'passage' ? { passageId: id } : { sectionId: id }) });
          expect(item.target.source).toBe(`quire://article/${b.articleId}`);
          expect(item.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact).toBe(b.quote.exact);
          expect(item.target.title).toBe(library.get(b.articleId)?.title);
          expect(item.body?.filter((x) => x.purpose === 'commenting').map((x) => x.value) ?? []).toEqual(b.note ? [b.note] : []);
          expect(item.body?.filter((x) => x.purpose === 'tagging').map((x) => x.value) ?? []).toEqual(b.tags);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('JSON export, hostile text', () => {
  it('round-trips whatever a note, tag, quote or id holds (property)', () => {
    fc.assert(
      fc.property(hostileLibrary, ({ bookmarks: list }) => {
        const valid = list.filter((b) => BookmarkSchema.safeParse(b).success);
        expect(parseImport(exportJson(valid))).toEqual(valid);
      }),
      { numRuns: 200 },
    );
  });
});

/** Any UTF-16 text: every code unit, lone surrogates included, and astral characters. */
const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
  );
/** A date as a bookmark stores it: UTC or with an offset, to the millisecond or not. */
const anyDate = fc
  .tuple(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }), fc.constantFrom('Z', '+00:00', '-05:30'), fc.boolean())
  .map(([d, zone, millis]) => {
    const iso = d.toISOString();
    return `${millis ? iso.slice(0, -1) : iso.slice(0, 19)}${zone}`;
  });

/**
 * Valid bookmarks as the store holds them: unique ids, passage and section targets whose ids are
 * any well-formed text (a link carries ids as UTF-8), quotes and notes of any UTF-16 text, tags,
 * dates.
 */
const anyBookmarks: fc.Arbitrary<Bookmark[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      articleId: fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,12}){0,3}$/),
      target: fc.constantFrom('passage' as const, 'section' as const),
      targetId: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      quote: fc.record({ exact: anyText(200).filter((t) => t !== ''), prefix: anyText(128), suffix: anyText(128) }),
      note: anyText(300),
      tags: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 }), { maxLength: 5 }),
      createdAt: anyDate,
      updatedAt: anyDate,
    }),
    { maxLength: 8, selector: (b) => b.id },
  )
  .map((list) => list.flatMap((b) => {
    // The schema trims tags: a bookmark as stored is one the schema has read.
    const parsed = BookmarkSchema.safeParse(b);
    return parsed.success ? [parsed.data] : [];
  }));

/**
 * Highlights of real words of the bundled articles, as addHighlight makes them: within a passage
 * or across up to three, in any passage, in a table's cells, in a reader comment; in any colour,
 * with any note and tags.
 */
const anyHighlights: fc.Arbitrary<Bookmark[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^hl-[A-Za-z0-9_-]{8,40}$/),
      articleId: fc.constantFrom('baclofen-sleep-aid', 'baclofen-sjogrens-syndrome'),
      where: fc.constantFrom('any', 'table', 'comment'),
      first: fc.nat(),
      span: fc.nat({ max: 2 }),
      from: fc.nat(),
      to: fc.nat(),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
      note: anyText(100),
      tags: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ''), { maxLength: 3 }),
      at: anyDate,
    }),
    { maxLength: 4, selector: (h) => h.id },
  )
  .map((list) =>
    list.flatMap((h) => {
      const article = loaded.library.article(h.articleId)!;
      const all = [...article.passages, ...article.comments];
      const pool = h.where === 'table' ? all.filter((p) => p.kind === 'table') : h.where === 'comment' ? article.comments : all;
      const start = (pool.length > 0 ? pool : all)[h.first % (pool.length || all.length)]!;
      const end = all[Math.min(all.indexOf(start) + h.span, all.length - 1)]!;
      const from = h.from % start.text.length;
      const to = end === start ? from + 1 + (h.to % (start.text.length - from)) : h.to % (end.text.length + 1);
      try {
        return [highlightOf(article, { start: { passageId: start.id, offset: from }, end: { passageId: end.id, offset: to } }, { id: h.id, color: h.color, note: h.note, tags: h.tags.map((t) => t.trim()), at: h.at })];
      } catch {
        return []; // a range of white space only: no highlight
      }
    }),
  );

/** Bookmarks and highlights together, each id once. */
const anyMarks: fc.Arbitrary<Bookmark[]> = fc.tuple(anyBookmarks, anyHighlights).map(([b, h]) => [...b, ...h.filter((x) => !b.some((y) => y.id === x.id))]);

describe('export then import (property)', () => {
  it('generates highlights of every kind: across passages, in table cells, in comments', () => {
    const seen = fc.sample(anyHighlights, 300).flat();
    expect(seen.some((h) => h.endId !== h.targetId)).toBe(true);
    expect(seen.some((h) => h.targetId.includes('comment'))).toBe(true);
    expect(seen.some((h) => loaded.library.article(h.articleId)!.passages.find((p) => p.id === h.targetId)?.kind === 'table')).toBe(true);
  });

  it('gives the same bookmarks and highlights back through JSON', () => {
    fc.assert(
      fc.property(anyMarks, (list) => {
        expect(parseImport(exportJson(list))).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bookmarks and highlights back through Web Annotations, their articles in the library or not', () => {
    fc.assert(
      fc.property(anyMarks, fc.boolean(), (list, inLibrary) => {
        const articleOf = (id: string): Article | undefined => (inLibrary ? (loaded.library.article(id) ?? ({ id, title: `Title of ${id}`, passages: [], comments: [] } as unknown as Article)) : undefined);
        expect(parseImport(exportAnnotations(list, articleOf))).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });

  it("writes every bookmark and highlight into Markdown: its link, quote, a highlight's colour name, note and tags", () => {
    fc.assert(
      // A quote of nothing but line breaks (no passage is one) has no lines to quote.
      fc.property(anyMarks.map((all) => all.filter((b) => asParagraph(b.quote.exact) !== '')), (list) => {
        const rendered = readRendered(new MarkdownIt().render(exportMarkdown(list, () => undefined)));
        const key = (b: { href: string; quote: string; paragraphs: readonly string[] }): string => JSON.stringify([b.href, b.quote, b.paragraphs]);
        const expected = list.map((b) => {
          const note = asParagraph(b.note);
          const color = isHighlight(b) ? [`${HIGHLIGHT_COLOR_NAMES[b.color]} highlight`] : [];
          return key({ href: bookmarkLink(b), quote: asParagraph(b.quote.exact), paragraphs: [...color, ...(note ? [note] : []), ...(b.tags.length > 0 ? [asParagraph(`Tags: ${b.tags.join(', ')}`)] : [])] });
        });
        expect(rendered.map(key).sort()).toEqual(expected.sort());
      }),
      { numRuns: 200 },
    );
  });
});

/** An article's whole text as a W3C tool counts it: its passages, body then comments, a line break between. */
const wholeText = (article: Article): string => [...article.passages, ...article.comments].map((p) => p.text).join(PASSAGE_SEPARATOR);

describe('Web Annotation export of highlights', () => {
  interface Selector { type: string; start: number; end: number; startSelector?: unknown; endSelector?: unknown; refinedBy: { start: number } }
  interface Item { motivation: string; stylesheet: unknown; body?: unknown; target: { id: string; source: string; styleClass: string; selector: Selector[] } }
  const library: ArticleLookup = (id) => loaded.library.article(id);
  const itemsOf = (text: string): Item[] => (JSON.parse(text) as { first: { items: Item[] } }).first.items;

  it('writes a highlighting annotation: its words by quote, by position over the article, by its passages; its colour as a style class', () => {
    const items = itemsOf(exportAnnotations(highlights, library));
    items.forEach((item, i) => {
      const h = highlights[i]!;
      expect(item.motivation).toBe('highlighting');
      expect(item.target.id).toBe(bookmarkLink(h));
      expect(item.target.source).toBe(`quire://article/${h.articleId}`);
      expect(item.target.styleClass).toBe(`quire-highlight-${h.color}`);
      expect(item.stylesheet).toMatchObject({ type: 'CssStylesheet', value: expect.stringMatching(new RegExp(`^\\.quire-highlight-${h.color} \\{ background-color: #[0-9a-f]{6}; \\}$`)) });
      const [quote, position, range] = item.target.selector;
      expect(quote).toEqual({ type: 'TextQuoteSelector', ...h.quote });
      expect(position!.type).toBe('TextPositionSelector');
      // What another tool reads: the same words, counted over the whole article.
      expect(wholeText(library(h.articleId)!).slice(position!.start, position!.end)).toBe(h.quote.exact);
      expect(range).toEqual({
        type: 'RangeSelector',
        startSelector: { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: encodeURIComponent(h.targetId) },
        endSelector: { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: encodeURIComponent(h.endId!) },
        refinedBy: { type: 'TextPositionSelector', ...h.position },
      });
    });
    expect(items[0]!.body).toEqual([{ type: 'TextualBody', value: 'two passages', format: 'text/plain', purpose: 'commenting' }, { type: 'TextualBody', value: 'span', purpose: 'tagging' }]);
    expect(items[1]!.body).toBeUndefined();
  });

  it('reads its own highlights back exactly, their article in the library or not', () => {
    const all = [...bookmarks, ...highlights];
    expect(parseImport(exportAnnotations(all, library), library)).toEqual(all);
    const away = exportAnnotations(all, () => undefined);
    expect(itemsOf(away)[2]!.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'RangeSelector']);
    expect(parseImport(away)).toEqual(all);
  });

  it("names a damaged highlight's field", () => {
    const items = itemsOf(exportAnnotations(highlights, library));
    const rangeOf = (item: Item): Selector => item.target.selector[2]!;
    delete rangeOf(items[0]!).endSelector;
    rangeOf(items[1]!).refinedBy.start = 9999;
    rangeOf(items[2]!).startSelector = {};
    const detail = (item: Item): string => {
      try {
        parseImport(JSON.stringify([item]), library);
      } catch (e) {
        return (e as BookmarkImportError).detail;
      }
      return 'accepted';
    };
    expect(detail(items[0]!)).toMatch(/^annotations\[0\] \(id urn:quire:bookmark:highlight-span\): field 'target\.selector \(RangeSelector\)\.endSelector': /);
    expect(detail(items[1]!)).toBe("annotations[0] (id urn:quire:bookmark:highlight-cells): field 'target.selector (RangeSelector).refinedBy': start must come before end");
    expect(detail(items[2]!)).toMatch(/field 'target\.selector \(RangeSelector\)\.startSelector': /);
  });
});

describe('Web Annotation import', () => {
  /** The refusal parseImport throws for `text`. */
  const refusal = (text: string, articleOf: ArticleLookup = () => undefined): BookmarkImportError => {
    try {
      parseImport(text, articleOf);
    } catch (e) {
      if (e instanceof BookmarkImportError) return e;
      throw e;
    }
    throw new Error('parseImport accepted the file');
  };
  const library: ArticleLookup = (id) => loaded.library.article(id);
  type Json = Record<string, unknown>;
  const exported = (): { first: { items: Json[] } } => JSON.parse(exportAnnotations(bookmarks, library)) as { first: { items: Json[] } };
  const collection = (items: unknown[]): string => JSON.stringify({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items } });

  it('reads its own export back, as a collection, a page, a list or one annotation', () => {
    const items = exported().first.items;
    expect(parseImport(collection(items))).toEqual(bookmarks);
    expect(parseImport(JSON.stringify({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationPage', items }))).toEqual(bookmarks);
    expect(parseImport(JSON.stringify(items))).toEqual(bookmarks);
    expect(parseImport(JSON.stringify(items[0]))).toEqual([bookmarks[0]]);
  });

  it('names the annotation and the field of a damaged one, and the two that are the same', () => {
    const items = exported().first.items;
    const target = items[1]!.target as { selector: Json[] };
    target.selector[0]!.exact = '';
    const damaged = refusal(collection(items));
    expect(damaged.summary).toBe('Annotation 2 of 2 in this file is damaged, so none of it was imported: your bookmarks are as they were.');
    expect(damaged.detail).toBe("annotations[1] (id urn:quire:bookmark:bookmark-quote): field 'target.selector (TextQuoteSelector).exact': Too small: expected string to have >=1 characters");
    const fresh = exported().first.items;
    expect(refusal(collection([fresh[0], { ...fresh[1], created: 'last week' }])).detail).toMatch(/^annotations\[1\] \(id urn:quire:bookmark:bookmark-quote\): field 'created': /);
    expect(refusal(collection([fresh[0], { ...fresh[1], body: [{ type: 'TextualBody', purpose: 'tagging', value: '  ' }] }])).detail).toMatch(/field 'body \(a tag\)': /);
    expect(refusal(collection([fresh[0], { ...fresh[1], target: { ...(fresh[1]!.target as Json), selector: [] } }])).summary).toBe(
      'Annotation 2 of 2 in this file quotes no words to find its place by, so none of it was imported: your bookmarks are as they were.',
    );
    const twice = refusal(collection([fresh[0], fresh[0]]));
    expect(twice.summary).toMatch(/^Annotations 1 and 2 in this file are the same annotation, so none of it was imported/);
    expect(twice.detail).toBe('annotations[1] (id bookmark-table): id appears twice in the file');
  });

  it("places another tool's annotation of a Quire article as a highlight of the words it quotes, with the same id on every import", () => {
    const sleep = loaded.library.article('baclofen-sleep-aid')!;
    const passage = sleep.passages[3]!;
    const words = passage.text.slice(10, 60);
    // As Hypothesis writes one: a list of targets, the position before the quote, a long prefix, a body without purpose.
    const hypothesis = {
      '@context': ANNOTATION_CONTEXT,
      type: 'Annotation',
      id: 'https://hypothes.is/a/Xy12',
      created: '2025-03-01T10:00:00.000000+00:00',
      modified: '2025-03-02T10:00:00.000000+00:00',
      body: [
        { type: 'TextualBody', value: 'check this', format: 'text/markdown' },
        { type: 'TextualBody', value: 'sleep', purpose: 'tagging' },
      ],
      target: [{ source: 'quire://article/baclofen-sleep-aid', selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }, { type: 'TextQuoteSelector', exact: words, prefix: 'x'.repeat(500) }] }],
    };
    const [placed] = parseImport(JSON.stringify([hypothesis]), library);
    // Its selectors as Quire makes them for those words: its own position and context.
    const words10 = selectRange(sleep, { start: { passageId: passage.id, offset: 10 }, end: { passageId: passage.id, offset: 60 } });
    if (typeof words10 === 'string') throw new Error(words10);
    expect(placed).toEqual({
      id: expect.stringMatching(/^annotation-[A-Za-z0-9_-]{32}$/),
      articleId: sleep.id,
      target: 'text',
      targetId: passage.id,
      endId: passage.id,
      position: { start: 10, end: 60 },
      color: 'yellow',
      quote: words10.quote,
      note: 'check this',
      tags: ['sleep'],
      createdAt: hypothesis.created,
      updatedAt: hypothesis.modified,
    });
    expect(BookmarkSchema.parse(placed)).toEqual(placed);
    expect(parseImport(JSON.stringify([hypothesis]), library)[0]!.id).toBe(placed!.id);
    expect(parseImport(JSON.stringify([{ ...hypothesis, id: 'https://hypothes.is/a/other' }]), library)[0]!.id).not.toBe(placed!.id);
    // Undated: dated the day it is imported; its last change the earliest instant, so a later import is never newer.
    const { created: _c, modified: _m, ...undated } = hypothesis;
    const at = new Date('2026-12-01T12:00:00.000Z');
    expect(parseImport(JSON.stringify(undated), library, at)[0]).toMatchObject({ createdAt: at.toISOString(), updatedAt: '1970-01-01T00:00:00.000Z' });
  });

  it("takes another tool's colour class, and its position over the whole article to tell the same words apart", () => {
    const sleep = loaded.library.article('baclofen-sleep-aid')!;
    const text = wholeText(sleep);
    const word = 'baclofen';
    const second = text.indexOf(word, text.indexOf(word) + 1);
    const atSecond = [...sleep.passages].find((p) => text.indexOf(p.text) <= second && second < text.indexOf(p.text) + p.text.length)!;
    expect(atSecond.id).not.toBe(sleep.passages.find((p) => p.text.includes(word))!.id);
    const tool = (selector: unknown[], styleClass?: string): string =>
      JSON.stringify({ type: 'Annotation', id: 'https://example.org/a/1', target: { source: 'quire://article/baclofen-sleep-aid', ...(styleClass ? { styleClass } : {}), selector } });
    const quote = { type: 'TextQuoteSelector', exact: word };
    const [placed] = parseImport(tool([quote, { type: 'TextPositionSelector', start: second, end: second + word.length }], 'note quire-highlight-blue'), library);
    expect(placed).toMatchObject({ target: 'text', targetId: atSecond.id, color: 'blue' });
    expect(text.slice(text.indexOf(atSecond.text) + placed!.position!.start, text.indexOf(atSecond.text) + placed!.position!.end)).toBe(word);
    // No position: the first place the words are; a position that is not one is let go.
    const first = sleep.passages.find((p) => p.text.includes(word))!;
    expect(parseImport(tool([quote]), library)[0]).toMatchObject({ targetId: first.id, color: 'yellow' });
    expect(parseImport(tool([quote, { type: 'TextPositionSelector', start: 'x' }], 'quire-highlight-purple'), library)[0]).toMatchObject({ targetId: first.id, color: 'yellow' });
  });

  it('reads the Web Annotation exports of earlier Quires (urn article, FragmentSelector), sections included', () => {
    const sleep = loaded.library.article('baclofen-sleep-aid')!;
    const section = sleep.sections[1]!;
    const old = (targetId: string, exact: string): Json => ({
      '@context': ANNOTATION_CONTEXT,
      id: 'urn:quire:bookmark:bookmark-old-1',
      type: 'Annotation',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      target: { source: 'urn:quire:article:baclofen-sleep-aid', selector: [{ type: 'FragmentSelector', value: encodeURIComponent(targetId) }, { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] },
    });
    const passage = sleep.passages[2]!;
    expect(parseImport(collection([old(passage.id, passage.text)]), library)[0]).toMatchObject({ id: 'bookmark-old-1', target: 'passage', targetId: passage.id });
    expect(parseImport(collection([old(section.id, section.title)]), library)[0]).toMatchObject({ id: 'bookmark-old-1', target: 'section', targetId: section.id });
  });

  it('refuses, by annotation, what it cannot place (another site, an article not in the library) and keeps a quote not in its article as an orphan', () => {
    const note = (source: string, exact: string): Json => ({ '@context': ANNOTATION_CONTEXT, type: 'Annotation', target: { source, selector: { type: 'TextQuoteSelector', exact } } });
    const elsewhere = refusal(collection([note('https://example.com/page', 'words')]), library);
    expect(elsewhere.summary).toBe(
      'Annotation 1 of 1 in this file is about “https://example.com/page”, not an article in Quire (Quire reads annotations whose target is a quire://article/… link), so none of it was imported: your bookmarks are as they were.',
    );
    expect(elsewhere.detail).toBe("annotations[0]: field 'target.source': 'https://example.com/page' is not a quire:// link");
    const gone = refusal(collection([note('quire://article/baclofen-sleep-aid', 'Start'), note('quire://article/no-such-article', 'words')]), library);
    expect(gone.summary).toMatch(/^Annotation 2 of 2 in this file is about an article this library does not have \(no-such-article\), so none of it was imported/);
    expect(gone.detail).toBe("annotations[1]: field 'target.source': no article 'no-such-article' in the library");
    const sleep = loaded.library.article('baclofen-sleep-aid')!;
    const [orphan] = parseImport(collection([{ ...note('quire://article/baclofen-sleep-aid', 'zebra quantum xylophone marmalade'), bodyValue: 'kept' }]), library);
    expect(orphan).toMatchObject({ target: 'text', targetId: UNPLACED_ID, endId: UNPLACED_ID, position: { start: 0, end: 33 }, quote: { exact: 'zebra quantum xylophone marmalade' }, note: 'kept' });
    expect(anchor(orphan!, sleep)).toEqual({ status: 'orphaned' });
    // An earlier Quire's bookmark whose words are gone: kept on the passage it named, orphaned.
    const old = { ...note('urn:quire:article:baclofen-sleep-aid', 'zebra quantum'), target: { source: 'urn:quire:article:baclofen-sleep-aid', selector: [{ type: 'FragmentSelector', value: sleep.passages[0]!.id }, { type: 'TextQuoteSelector', exact: 'zebra quantum' }] } };
    const [kept] = parseImport(collection([old]), library);
    expect(kept).toMatchObject({ target: 'passage', targetId: sleep.passages[0]!.id });
    expect(anchor(kept!, sleep).status).toBe('orphaned');
  });

  it('refuses a collection whose annotations are not all in the file, and one over the entry limit', () => {
    expect(refusal(JSON.stringify({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', total: 5, first: 'https://example.com/page1' })).detail).toMatch(/^field 'first': /);
    expect(refusal(JSON.stringify({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [], next: 'https://e.com/2' } })).detail).toMatch(/^field 'first\.next': /);
    const many = refusal(JSON.stringify(Array.from({ length: MAX_IMPORT_ENTRIES + 1 }, () => ({ type: 'Annotation' }))));
    expect(many.summary).toBe(`This file holds ${MAX_IMPORT_ENTRIES + 1} annotations, more than Quire imports at once (${MAX_IMPORT_ENTRIES}). Nothing was imported: your bookmarks are as they were.`);
  });

  it('never throws anything but an import error, whatever an annotation holds (property)', () => {
    const annotation = fc.record(
      { '@context': fc.constant(ANNOTATION_CONTEXT), type: fc.constant('Annotation'), id: fc.jsonValue(), body: fc.jsonValue(), target: fc.oneof(fc.jsonValue(), fc.record({ source: fc.constantFrom('quire://article/baclofen-sleep-aid', 'urn:quire:article:x'), selector: fc.jsonValue() })) },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(fc.array(annotation, { minLength: 1, maxLength: 3 }), (items) => {
        try {
          parseImport(collection(items), library);
        } catch (e) {
          expect(e).toBeInstanceOf(BookmarkImportError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
