import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../shared/text';
import { ImportFileError, importedArticle } from './imported';
import { decodeText, importText } from './text';

/** The article a text becomes, through the same parser as every article. */
function articleOf(text: string, fileName = 'x.txt') {
  return importedArticle(importText(text, fileName), 'x', fileName).article;
}

/** Passage texts of the article a text becomes. */
function passages(text: string): string[] {
  return articleOf(text).passages.map((p) => p.text);
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(new TextEncoder().encode('Schlaf – gut'))).toBe('Schlaf – gut');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toBe('hi');
  });

  it('reads UTF-16 little- and big-endian by their byte order marks', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00]))).toBe('hé');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9]))).toBe('hé');
  });

  it('reads bytes that are not UTF-8 as windows-1252, curly quotes and dashes included', () => {
    expect(decodeText(new Uint8Array([0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80]))).toBe('“café” – €');
  });
});

describe('importText', () => {
  it('makes a paragraph of each run of lines between blank lines, lines read with a space between', () => {
    expect(passages('one\ntwo\n\n\nthree\r\nfour\r\n\r\nfive\rsix')).toEqual(['one two', 'three four', 'five six']);
  });

  it('shows every Markdown construct as the text it is', () => {
    const lines = [
      '# Not a heading',
      '- not a list',
      '+ not a list either',
      '1. not a list',
      '2) nor this',
      '> not a quote',
      '| a | b |',
      '|---|---|',
      '::: faq',
      ':::',
      '***',
      '___',
      '---',
      '===',
      '```js',
      '~~~',
      '<b>tags</b> and <http://example.com>',
      'back\\slash and a trailing one\\',
      '*stars* and **strong** and _under_',
      '[links](x) and ![images](y) and [refs]: z',
      'entities like &amp; and &#65; and &copy;',
      '`code` and a `code` span',
      'see [links](x) and ![images](y) mid-line',
      'trailing two spaces  ',
      '    indented',
    ];
    // A first paragraph of two lines, so that no line is taken as the title.
    const text = `two\nlines\n\n${lines.map((l) => `${l}\n\ntext`).join('\n\n')}`;
    const expected = ['two lines', ...lines.flatMap((l) => [l.trim(), 'text'])];
    expect(passages(text)).toEqual(expected);
  });

  it('keeps Markdown-looking lines inside a paragraph as text too', () => {
    expect(passages('a\n---\nb\n===\nc\n- d\n1. e\n::: faq\n| x |\n|---|')).toEqual(['a --- b === c - d 1. e ::: faq | x | |---|']);
  });

  it('reads runs of whitespace inside a paragraph as one space', () => {
    expect(passages('a \t  b\u00a0\u00a0c')).toEqual(['a b c']);
  });

  it('shows a NUL character as U+FFFD, as markdown-it does', () => {
    expect(passages('a\0b')).toEqual(['a\ufffdb']);
  });

  it('takes the title from the file name, made readable, when the text does not start with one', () => {
    expect(importText('Just one paragraph.', 'sleep_notes-2024.txt').meta.title).toBe('sleep notes 2024');
    expect(importText('Two lines\nin the first paragraph.\n\nMore.', 'notes.txt').meta.title).toBe('notes');
  });

  it('takes a short first line standing alone as the title, and leaves it out of the body', () => {
    const imported = importText('  Sleep   Notes \n\nThe first paragraph.\n\nThe second.', 'x.txt');
    expect(imported.meta.title).toBe('Sleep Notes');
    expect(passages('Sleep Notes\n\nThe first paragraph.')).toEqual(['The first paragraph.']);
  });

  it('does not take a first line longer than 120 characters as the title', () => {
    const long = 'w'.repeat(121);
    expect(importText(`${long}\n\nMore.`, 'notes.txt').meta.title).toBe('notes');
    expect(importText(`${'w'.repeat(120)}\n\nMore.`, 'notes.txt').meta.title).toBe('w'.repeat(120));
  });

  it('does not take a lone line as the title when there is no more text', () => {
    const imported = importText('Only this line.\n\n', 'notes.txt');
    expect(imported.meta.title).toBe('notes');
    expect(passages('Only this line.\n\n')).toEqual(['Only this line.']);
  });

  it('refuses a file with no text', () => {
    expect(() => importText('', 'x.txt')).toThrow(new ImportFileError('the file has no text'));
    expect(() => importText(' \n\t\r\n\u00a0', 'x.txt')).toThrow(ImportFileError);
  });

  const line = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.constantFrom('# x', '- y', '1. z', '> q', '| a | b |', '|---|---|', '::: faq', ':::', '***', '    code', '```', '===', '---', '&amp;', '\\', '  ', '', ''),
  );
  const text = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, eol]) => ls.join(eol));

  /** The paragraphs of a text, whitespace collapsed, and whether the first is the title (the rule, said again). */
  function paragraphsOf(t: string): { paragraphs: string[]; titled: boolean } {
    const groups: string[][] = [[]];
    for (const l of t.replace(/\0/g, '\ufffd').split(/\r\n|\r|\n/)) {
      if (l.trim() === '') groups.push([]);
      else groups.at(-1)!.push(l);
    }
    const kept = groups.filter((g) => g.length > 0);
    const paragraphs = kept.map((g) => g.join(' ').replace(/\s+/g, ' ').trim());
    return { paragraphs, titled: paragraphs.length > 1 && kept[0]!.length === 1 && paragraphs[0]!.length <= 120 };
  }

  it('parses any text with no problems and keeps every word in order (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(t.trim() !== '');
        const { article } = importedArticle(importText(t, 'x.txt'), 'x', 'x.txt');
        const fromText = paragraphsOf(t).titled ? `${article.title} ` : '';
        const shown = tokenize(fromText + article.passages.map((p) => p.text).join(' '));
        expect(shown).toEqual(tokenize(t.replace(/\0/g, '\ufffd')));
      }),
      { numRuns: 400 },
    );
  });

  it('makes each paragraph a passage whose text is the paragraph, whitespace collapsed (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(t.trim() !== '');
        const { paragraphs, titled } = paragraphsOf(t);
        expect(passages(t)).toEqual(titled ? paragraphs.slice(1) : paragraphs);
      }),
      { numRuns: 400 },
    );
  });
});
