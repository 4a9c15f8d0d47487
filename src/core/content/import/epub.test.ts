import { describe, expect, it } from 'vitest';
import { type TestBook, epub2, epub3, epubFiles, rawZip, xhtml, zipFiles } from '../../testing/epub';
import { DRM_REASON, EPUB_LIMITS, readEpub, resolvePath } from './epub';
import { ImportFileError } from './imported';

const BOOK: TestBook = {
  title: 'Sleep and Swallowing',
  creators: ['Ada Lovelace', 'Charles Babbage'],
  metadata: [
    '<dc:publisher>Quire Press</dc:publisher>',
    '<dc:date>2021-06-15</dc:date>',
    '<dc:subject>Sleep</dc:subject>',
    '<dc:subject>Health</dc:subject>',
    '<dc:subject>Sleep</dc:subject>',
    '<dc:description>&lt;p&gt;A short book&lt;/p&gt;&lt;p&gt;about &lt;i&gt;sleep&lt;/i&gt;.&lt;/p&gt;</dc:description>',
  ].join('\n'),
  chapters: [
    { title: 'One', body: '<h1>Chapter One</h1><p>First text.</p>' },
    { title: 'Two', body: '<h1>Chapter Two</h1><p>Second text.</p>' },
  ],
};

/** The reason a book is refused for. */
function refusal(bytes: Uint8Array): string {
  try {
    readEpub(bytes, 'book.epub');
  } catch (e) {
    if (e instanceof ImportFileError) return e.reason;
    throw e;
  }
  throw new Error('the book was not refused');
}

/** A test book's files with one changed. */
function withFile(book: TestBook, name: string, data: string | undefined, version: 2 | 3 = 3): Uint8Array {
  const files = epubFiles(book, version);
  if (data === undefined) files.delete(name);
  else files.set(name, data);
  return zipFiles(files);
}

/** The test book's package document, edited. */
function withOpf(book: TestBook, edit: (opf: string) => string, version: 2 | 3 = 3): Uint8Array {
  const files = epubFiles(book, version);
  files.set('OEBPS/content.opf', edit(files.get('OEBPS/content.opf') as string));
  return zipFiles(files);
}

const ENCRYPTION = (algorithm: string, uri: string): string =>
  '<?xml version="1.0"?>\n<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">\n' +
  `<enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData>\n</encryption>\n`;

describe('readEpub', () => {
  it('reads an EPUB 3: chapters in spine order with their titles from the navigation document', () => {
    const book = readEpub(epub3(BOOK), 'book.epub');
    expect(book.chapters.map((c) => [c.href, c.title])).toEqual([
      ['OEBPS/text/ch1.xhtml', 'One'],
      ['OEBPS/text/ch2.xhtml', 'Two'],
    ]);
    expect(book.chapters[0]!.xhtml).toBe(xhtml('<h1>Chapter One</h1><p>First text.</p>', 'One'));
  });

  it('reads an EPUB 2: titles from the NCX', () => {
    const book = readEpub(epub2(BOOK), 'book.epub');
    expect(book.chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it("reads the book's metadata from its Dublin Core elements", () => {
    expect(readEpub(epub3(BOOK), 'book.epub').meta).toEqual({
      title: 'Sleep and Swallowing',
      author: 'Ada Lovelace, Charles Babbage',
      source: 'Quire Press',
      published: '2021-06-15',
      summary: 'A short book about sleep.',
      topics: ['Sleep', 'Health'],
    });
  });

  it('takes the title from the file name when the book has none', () => {
    expect(readEpub(epub3({ ...BOOK, title: undefined }), 'my_book.epub').meta.title).toBe('my book');
    expect(readEpub(epub3({ ...BOOK, title: '  ' }), 'my_book.epub').meta.title).toBe('my book');
  });

  it('credits the authors, not the illustrator or the editor, when roles are given', () => {
    const epub2Roles = withOpf(BOOK, (opf) =>
      opf.replace('<dc:creator>Ada Lovelace</dc:creator>', '<dc:creator opf:role="aut">Ada Lovelace</dc:creator>').replace('<dc:creator>Charles Babbage</dc:creator>', '<dc:creator opf:role="ill">Charles Babbage</dc:creator>'),
    );
    expect(readEpub(epub2Roles, 'b.epub').meta.author).toBe('Ada Lovelace');
    const epub3Roles = withOpf(BOOK, (opf) =>
      opf
        .replace('<dc:creator>Charles Babbage</dc:creator>', '<dc:creator id="c2">Charles Babbage</dc:creator><meta refines="#c2" property="role" scheme="marc:relators">edt</meta>'),
    );
    expect(readEpub(epub3Roles, 'b.epub').meta.author).toBe('Ada Lovelace');
  });

  it('credits every creator when none is an author', () => {
    const edited = withOpf(BOOK, (opf) => opf.replace(/<dc:creator>/g, '<dc:creator opf:role="edt">'));
    expect(readEpub(edited, 'b.epub').meta.author).toBe('Ada Lovelace, Charles Babbage');
  });

  it('takes the publication date among several, and leaves out a year alone', () => {
    const dated = (dates: string): Uint8Array => epub3({ ...BOOK, metadata: dates });
    expect(readEpub(dated('<dc:date opf:event="modification">2023-01-01</dc:date><dc:date opf:event="publication">2001-02-03</dc:date>'), 'b.epub').meta.published).toBe('2001-02-03');
    expect(readEpub(dated('<dc:date>2019-05-03T00:00:00+00:00</dc:date>'), 'b.epub').meta.published).toBe('2019-05-03');
    expect(readEpub(dated('<dc:date>2019</dc:date>'), 'b.epub').meta).not.toHaveProperty('published');
  });

  it('leaves out metadata the book does not have', () => {
    expect(readEpub(epub3({ chapters: BOOK.chapters, title: 'T' }), 'b.epub').meta).toEqual({ title: 'T' });
  });

  it("takes a chapter's title from the NCX when the navigation document lacks it, else from its first heading, else none", () => {
    const book: TestBook = {
      title: 'T',
      chapters: [
        { title: 'In nav', body: '<h2>Heading one</h2>' },
        { body: '<p>intro</p><h3> Heading <em>two</em> </h3>' },
        { body: '<p>No heading at all.</p>' },
        { body: '<h2>Only in the NCX</h2>' },
      ],
    };
    const files = epubFiles(book, 3);
    // An NCX as well, naming the fourth chapter only.
    const ncx = epubFiles({ ...book, chapters: book.chapters.map((c, i) => (i === 3 ? { ...c, title: 'NCX title' } : { body: c.body })) }, 2);
    files.set('OEBPS/toc.ncx', ncx.get('OEBPS/toc.ncx')!);
    files.set('OEBPS/content.opf', (files.get('OEBPS/content.opf') as string).replace('</manifest>', '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>'));
    const titles = readEpub(zipFiles(files), 'b.epub').chapters.map((c) => c.title);
    expect(titles).toEqual(['In nav', 'Heading two', undefined, 'NCX title']);
  });

  it('prefers the navigation document to the NCX', () => {
    const files = epubFiles(BOOK, 3);
    const ncx = epubFiles({ ...BOOK, chapters: BOOK.chapters.map((c) => ({ ...c, title: `NCX ${c.title}` })) }, 2);
    files.set('OEBPS/toc.ncx', ncx.get('OEBPS/toc.ncx')!);
    files.set('OEBPS/content.opf', (files.get('OEBPS/content.opf') as string).replace('<spine>', '<spine toc="ncx">').replace('</manifest>', '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>'));
    expect(readEpub(zipFiles(files), 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it("takes a file's first entry in the table of contents as its title", () => {
    const files = epubFiles(BOOK, 3);
    files.set('OEBPS/nav.xhtml', (files.get('OEBPS/nav.xhtml') as string).replace('One</a>', 'One</a><ol><li><a href="text/ch1.xhtml#part">Part of one</a></li></ol>'));
    expect(readEpub(zipFiles(files), 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('skips a table-of-contents entry with no text', () => {
    const files = epubFiles(BOOK, 3);
    files.set('OEBPS/nav.xhtml', (files.get('OEBPS/nav.xhtml') as string).replace('<ol>', '<ol><li><a href="text/ch1.xhtml"><img src="x.png"/></a></li>'));
    expect(readEpub(zipFiles(files), 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('skips a heading with no text when looking for the first', () => {
    const book = readEpub(epub3({ title: 'T', chapters: [{ body: '<h1> <img src="x.png"/> </h1><h2>Real</h2>' }] }), 'b.epub');
    expect(book.chapters[0]!.title).toBe('Real');
  });

  it('ignores a navigation document missing from the archive, or without a nav', () => {
    const missing = readEpub(withFile(BOOK, 'OEBPS/nav.xhtml', undefined), 'b.epub');
    expect(missing.chapters.map((c) => c.title)).toEqual(['Chapter One', 'Chapter Two']);
    const empty = readEpub(withFile(BOOK, 'OEBPS/nav.xhtml', xhtml('<p>No nav here.</p>')), 'b.epub');
    expect(empty.chapters.map((c) => c.title)).toEqual(['Chapter One', 'Chapter Two']);
  });

  it('finds an NCX by its media type when the spine does not name it', () => {
    const bytes = withOpf(BOOK, (opf) => opf.replace(' toc="ncx"', ''), 2);
    expect(readEpub(bytes, 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it("takes the container's package document among other rootfiles", () => {
    const container =
      '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>' +
      '<rootfile full-path="OEBPS/book.pdf" media-type="application/pdf"/><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>' +
      '</rootfiles></container>';
    expect(readEpub(withFile(BOOK, 'META-INF/container.xml', container), 'b.epub').chapters).toHaveLength(2);
  });

  it('uses the toc nav of a navigation document that has several', () => {
    const files = epubFiles(BOOK, 3);
    const nav = (files.get('OEBPS/nav.xhtml') as string).replace('<nav epub:type="toc">', '<nav epub:type="landmarks"><ol><li><a href="text/ch1.xhtml">Start here</a></li></ol></nav><nav epub:type="toc">');
    files.set('OEBPS/nav.xhtml', nav);
    expect(readEpub(zipFiles(files), 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('resolves percent-encoded hrefs and hrefs that climb within the book', () => {
    const book = readEpub(epub3({ ...BOOK, folder: 'OEBPS/package', chapters: [{ title: 'Sp ace', body: '<p>x</p>', file: '../text/chapter one.xhtml' }] }), 'b.epub');
    expect(book.chapters.map((c) => [c.href, c.title])).toEqual([['OEBPS/text/chapter one.xhtml', 'Sp ace']]);
  });

  it('reads a book whose package document is at the root', () => {
    expect(readEpub(epub3({ ...BOOK, folder: '' }), 'b.epub').chapters.map((c) => c.href)).toEqual(['text/ch1.xhtml', 'text/ch2.xhtml']);
  });

  it('keeps non-linear spine items where they stand', () => {
    const bytes = withOpf(BOOK, (opf) => opf.replace('<itemref idref="ch1"/>', '<itemref idref="ch1" linear="no"/>'));
    expect(readEpub(bytes, 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('skips a spine item that is a picture, and follows a fallback to a text document', () => {
    const bytes = withOpf(BOOK, (opf) =>
      opf
        .replace('</manifest>', '<item id="cover" href="cover.svg" media-type="image/svg+xml"/><item id="pic" href="p.png" media-type="image/png" fallback="ch2"/></manifest>')
        .replace('<itemref idref="ch1"/>', '<itemref idref="cover"/><itemref idref="ch1"/>')
        .replace('<itemref idref="ch2"/>', '<itemref idref="pic"/>'),
    );
    expect(readEpub(bytes, 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('survives a fallback cycle', () => {
    const bytes = withOpf(BOOK, (opf) =>
      opf.replace('</manifest>', '<item id="a" href="a.png" media-type="image/png" fallback="b"/><item id="b" href="b.png" media-type="image/png" fallback="a"/></manifest>').replace('</spine>', '<itemref idref="a"/></spine>'),
    );
    expect(readEpub(bytes, 'b.epub').chapters).toHaveLength(2);
  });

  it('keeps a chapter listed twice in the spine once', () => {
    const bytes = withOpf(BOOK, (opf) => opf.replace('</spine>', '<itemref idref="ch1"/></spine>'));
    expect(readEpub(bytes, 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('skips table-of-contents links that point outside the book', () => {
    const files = epubFiles(BOOK, 3);
    const nav = (files.get('OEBPS/nav.xhtml') as string)
      .replace('<ol>', '<ol><li><a href="../../text/ch1.xhtml">Escape</a></li><li><a href="http://example.com/text/ch1.xhtml">Remote</a></li><li><a href="/OEBPS/text/ch1.xhtml">Absolute</a></li><li><a href="text/ch1.xhtml%zz">Bad</a></li>');
    files.set('OEBPS/nav.xhtml', nav);
    expect(readEpub(zipFiles(files), 'b.epub').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('refuses a book whose reading order points outside it', () => {
    for (const href of ['../../evil.xhtml', 'http://example.com/a.xhtml', '/OEBPS/text/ch1.xhtml']) {
      const bytes = withOpf(BOOK, (opf) => opf.replace('href="text/ch1.xhtml"', `href="${href}"`));
      expect(refusal(bytes)).toMatch(/reading order points outside the book/);
    }
  });

  it('refuses a book whose spine item is missing from the archive', () => {
    expect(refusal(withFile(BOOK, 'OEBPS/text/ch2.xhtml', undefined))).toBe('it is damaged: the chapter OEBPS/text/ch2.xhtml in its reading order is missing');
  });

  it('refuses a book whose spine names an item the manifest lacks', () => {
    expect(refusal(withOpf(BOOK, (opf) => opf.replace('<itemref idref="ch2"/>', '<itemref idref="nope"/>')))).toMatch(/list of files does not have/);
  });

  it('refuses a book with an empty spine, or only pictures in it', () => {
    expect(refusal(withOpf(BOOK, (opf) => opf.replace(/<itemref[^>]*>/g, '')))).toMatch(/reading order is empty/);
    expect(refusal(withOpf(BOOK, (opf) => opf.replace(/application\/xhtml\+xml/g, 'image/png')))).toMatch(/only pictures/);
  });

  it('refuses a zip without META-INF/container.xml, and one whose package document is missing', () => {
    expect(refusal(withFile(BOOK, 'META-INF/container.xml', undefined))).toMatch(/not an EPUB book/);
    expect(refusal(withFile(BOOK, 'OEBPS/content.opf', undefined))).toMatch(/package document.*is missing/);
    expect(refusal(withFile(BOOK, 'META-INF/container.xml', '<container><rootfiles><rootfile full-path="../content.opf"/></rootfiles></container>'))).toMatch(/package document.*is missing/);
  });

  it('refuses what is not a zip, and a zip cut short', () => {
    expect(refusal(new TextEncoder().encode('%PDF-1.7'))).toMatch(/not an EPUB book/);
    const whole = epub3(BOOK);
    expect(refusal(whole.subarray(0, whole.length - 100))).toMatch(/incomplete/);
  });

  it('refuses a book with a hostile entry, even one it would not read', () => {
    const files = [...epubFiles(BOOK, 3)].map(([name, data]) => ({ name, data }));
    expect(refusal(rawZip([...files, { name: '../evil.xhtml', data: '<p>x</p>' }]))).toMatch(/could point outside the book/);
    expect(refusal(rawZip([...files, { name: 'OEBPS/a.xhtml', data: 'x', externalAttributes: 0o120777 << 16 }]))).toMatch(/symbolic link/);
  });

  it('never inflates what the text does not need: a zip bomb among the pictures is not touched', () => {
    const files = [...epubFiles(BOOK, 3)].map(([name, data]) => ({ name, data }));
    const bytes = rawZip([...files, { name: 'OEBPS/images/cover.png', data: new Uint8Array(30 * 1024 * 1024) }]);
    expect(readEpub(bytes, 'b.epub').chapters).toHaveLength(2);
  });

  it('refuses a book whose chapter is a zip bomb', () => {
    const files = epubFiles(BOOK, 3);
    files.set('OEBPS/text/ch2.xhtml', `<p>${' '.repeat(5 * 1024 * 1024)}</p>`);
    expect(refusal(zipFiles(files))).toMatch(/zip bomb/);
    expect(readEpub(zipFiles(files), 'b.epub', { ...EPUB_LIMITS, maxRatio: Infinity }).chapters).toHaveLength(2);
  });

  describe('DRM', () => {
    it('refuses a book whose chapters encryption.xml encrypts', () => {
      const bytes = withFile(BOOK, 'META-INF/encryption.xml', ENCRYPTION('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'OEBPS/text/ch1.xhtml'));
      expect(refusal(bytes)).toBe(DRM_REASON);
    });

    it('finds an encrypted chapter by its percent-encoded URI', () => {
      const book = { ...BOOK, chapters: [{ title: 'A', body: '<p>a</p>', file: 'text/a b.xhtml' }] };
      const bytes = withFile(book, 'META-INF/encryption.xml', ENCRYPTION('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'OEBPS/text/a%20b.xhtml'));
      expect(refusal(bytes)).toBe(DRM_REASON);
    });

    it('refuses a book whose package document or table of contents is encrypted', () => {
      expect(refusal(withFile(BOOK, 'META-INF/encryption.xml', ENCRYPTION('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'OEBPS/content.opf')))).toBe(DRM_REASON);
      expect(refusal(withFile(BOOK, 'META-INF/encryption.xml', ENCRYPTION('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'OEBPS/nav.xhtml')))).toBe(DRM_REASON);
    });

    it('reads a book whose only encryption is font obfuscation', () => {
      const files = epubFiles(BOOK, 3);
      files.set('OEBPS/fonts/serif.otf', new Uint8Array([1, 2, 3]));
      files.set('META-INF/encryption.xml', ENCRYPTION('http://www.idpf.org/2008/embedding', 'OEBPS/fonts/serif.otf') + ENCRYPTION('http://ns.adobe.com/pdf/enc#RC', 'OEBPS/fonts/serif.otf').replace(/<\?xml[^>]*>/, ''));
      expect(readEpub(zipFiles(files), 'b.epub').chapters).toHaveLength(2);
    });

    it('refuses a book with a DRM licence whose chapter is not text', () => {
      const files = epubFiles(BOOK, 3);
      files.set('META-INF/rights.xml', '<?xml version="1.0"?><adept:rights xmlns:adept="http://ns.adobe.com/adept"/>');
      files.set('OEBPS/text/ch1.xhtml', new Uint8Array([0x8f, 0x02, 0xd3, 0x00, 0x77, 0x3c, 0x91, 0xee]));
      expect(refusal(zipFiles(files))).toBe(DRM_REASON);
      // Binary without control characters.
      files.set('OEBPS/text/ch1.xhtml', new Uint8Array([0x8f, 0xd3, 0x77, 0x91, 0xee]));
      expect(refusal(zipFiles(files))).toBe(DRM_REASON);
      // Binary that happens to start with '<'.
      files.set('OEBPS/text/ch1.xhtml', new Uint8Array([0x3c, 0x02, 0xd3, 0x00, 0x77, 0x3c, 0x91, 0xee]));
      expect(refusal(zipFiles(files))).toBe(DRM_REASON);
      files.delete('META-INF/rights.xml');
      expect(refusal(zipFiles(files))).toBe('it is damaged: OEBPS/text/ch1.xhtml is not text');
    });
  });
});

describe('resolvePath', () => {
  it('resolves an href against a folder, percent-decoded, without its fragment', () => {
    expect(resolvePath('OEBPS', 'text/a%20b.xhtml#p3', true)).toBe('OEBPS/text/a b.xhtml');
    expect(resolvePath('OEBPS/x', '../y/./z.xhtml', true)).toBe('OEBPS/y/z.xhtml');
    expect(resolvePath('', 'OEBPS/a%20b.opf', false)).toBe('OEBPS/a%20b.opf');
  });

  it('gives nothing for an href that leaves the root, is absolute, has a scheme or a backslash, or is badly encoded', () => {
    for (const href of ['../a.xhtml', '/a.xhtml', 'http://x/a.xhtml', 'data:text/html,x', 'a\\b.xhtml', 'a%zz.xhtml', '']) {
      expect(resolvePath('', href, true)).toBeUndefined();
    }
  });
});
