/**
 * Zip archives and EPUB books made in tests: well-formed books from a list of chapters (zipped
 * by fflate), and raw zips whose every header field a test can set, to make the hostile
 * archives a reader must refuse (names with `..`, symbolic links, duplicate names, lying sizes,
 * encrypted entries).
 */
import { type Zippable, deflateSync, zipSync } from 'fflate';

/** One entry of a raw zip; every field a hostile archive would forge can be set. */
export interface RawZipEntry {
  /** The name as written (a string is written as UTF-8). */
  readonly name: string | Uint8Array;
  readonly data: string | Uint8Array;
  /** 8 (deflate, the default) or 0 (stored); anything else is written as given, data stored. */
  readonly method?: number;
  /** General purpose flags (bit 0: encrypted, bit 11: UTF-8 name). */
  readonly flags?: number;
  /** External attributes: a unix mode goes in the top 16 bits (`0o120777 << 16` is a symbolic link). */
  readonly externalAttributes?: number;
  /** The inflated size to declare, when it should not be the real one. */
  readonly declaredSize?: number;
  /** `data` is written as the compressed bytes as it is, whatever the method (for damaged streams). */
  readonly packed?: boolean;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const bytesOf = (v: string | Uint8Array): Uint8Array => (typeof v === 'string' ? new TextEncoder().encode(v) : v);

/**
 * A zip archive written byte by byte: local headers, central directory and end record, with
 * exactly the fields given (no checks: that is the point).
 *
 * @example rawZip([{ name: '../evil.xhtml', data: '<p>x</p>' }])
 */
export function rawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = bytesOf(entry.name);
    const raw = bytesOf(entry.data);
    const method = entry.method ?? 8;
    const packed = method === 8 && !entry.packed ? deflateSync(raw) : raw;
    const crc = crc32(raw);
    const size = entry.declaredSize ?? raw.length;
    const flags = entry.flags ?? 0x800;

    const local = new Uint8Array(30 + name.length + packed.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(packed, 30 + name.length);
    locals.push(local);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, (3 << 8) | 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, (entry.externalAttributes ?? 0o100644 << 16) >>> 0, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(entries.length, 0xffff), true);
  ev.setUint16(10, Math.min(entries.length, 0xffff), true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A chapter of a test book. */
export interface TestChapter {
  /** Its title in the table of contents; a chapter without one is left out of it. */
  readonly title?: string;
  /** The inside of its `<body>`, as XHTML. */
  readonly body: string;
  /** Its path from the package file's folder (default `text/chN.xhtml`). */
  readonly file?: string;
}

/** A test book: metadata and chapters, everything else made up consistently. */
export interface TestBook {
  readonly title?: string;
  readonly creators?: readonly string[];
  /** More XML inside `<metadata>`: dates, subjects, a description. */
  readonly metadata?: string;
  readonly chapters: readonly TestChapter[];
  /** The folder of the package file (default `OEBPS`; '' for the root). */
  readonly folder?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** An XHTML document with a body. */
export function xhtml(body: string, title = 'Chapter'): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' +
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">\n' +
    `<head><title>${esc(title)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}

/**
 * The files of a test book, in the order they are zipped (`mimetype` first): an EPUB 3 with a
 * navigation document, or an EPUB 2 with an NCX. Tests change the map to make a broken book.
 *
 * @example const files = epubFiles({ chapters: [{ title: 'One', body: '<p>Hi</p>' }] }); files.delete('META-INF/container.xml');
 */
export function epubFiles(book: TestBook, version: 2 | 3 = 3): Map<string, string | Uint8Array> {
  const folder = book.folder ?? 'OEBPS';
  // The archive path of a file named from the package's folder (`..` resolved).
  const at = (path: string): string => {
    const parts: string[] = [];
    for (const segment of (folder ? `${folder}/${path}` : path).split('/')) {
      if (segment === '..') parts.pop();
      else parts.push(segment);
    }
    return parts.join('/');
  };
  const chapters = book.chapters.map((c, i) => ({ ...c, id: `ch${i + 1}`, file: c.file ?? `text/ch${i + 1}.xhtml` }));
  const files = new Map<string, string | Uint8Array>();
  files.set('mimetype', 'application/epub+zip');
  files.set(
    'META-INF/container.xml',
    '<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n' +
      `<rootfiles><rootfile full-path="${at('content.opf')}" media-type="application/oebps-package+xml"/></rootfiles>\n</container>\n`,
  );
  const manifest = chapters.map((c) => `<item id="${c.id}" href="${esc(encodeURI(c.file))}" media-type="application/xhtml+xml"/>`);
  const toc = chapters.filter((c) => c.title !== undefined);
  if (version === 3) {
    manifest.push('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>');
    const items = toc.map((c) => `<li><a href="${esc(encodeURI(c.file))}">${esc(c.title!)}</a></li>`).join('\n');
    files.set(at('nav.xhtml'), xhtml(`<nav epub:type="toc"><h1>Contents</h1><ol>\n${items}\n</ol></nav>`, 'Contents'));
  } else {
    manifest.push('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>');
    const points = toc
      .map((c, i) => `<navPoint id="p${i + 1}" playOrder="${i + 1}"><navLabel><text>${esc(c.title!)}</text></navLabel><content src="${esc(encodeURI(c.file))}"/></navPoint>`)
      .join('\n');
    files.set(
      at('toc.ncx'),
      '<?xml version="1.0" encoding="utf-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">\n' +
        `<head/><docTitle><text>${esc(book.title ?? '')}</text></docTitle>\n<navMap>\n${points}\n</navMap>\n</ncx>\n`,
    );
  }
  const creators = (book.creators ?? []).map((c) => `<dc:creator>${esc(c)}</dc:creator>`).join('\n');
  files.set(
    at('content.opf'),
    '<?xml version="1.0" encoding="utf-8"?>\n' +
      `<package xmlns="http://www.idpf.org/2007/opf" xmlns:opf="http://www.idpf.org/2007/opf" version="${version}.0" unique-identifier="uid">\n` +
      '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n<dc:identifier id="uid">urn:uuid:12345678-1234-1234-1234-123456789abc</dc:identifier>\n' +
      `${book.title === undefined ? '' : `<dc:title>${esc(book.title)}</dc:title>`}\n<dc:language>en</dc:language>\n${creators}\n${book.metadata ?? ''}\n</metadata>\n` +
      `<manifest>\n${manifest.join('\n')}\n</manifest>\n` +
      `<spine${version === 2 ? ' toc="ncx"' : ''}>\n${chapters.map((c) => `<itemref idref="${c.id}"/>`).join('\n')}\n</spine>\n</package>\n`,
  );
  for (const c of chapters) files.set(at(c.file), xhtml(c.body, c.title));
  return files;
}

/**
 * Zip a book's files as an EPUB with fflate's own writer (so the reader is tested against a zip
 * it did not write): `mimetype` stored, everything else deflated.
 */
export function zipFiles(files: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of files) zippable[name] = [bytesOf(data), { level: name === 'mimetype' ? 0 : 6 }];
  return zipSync(zippable);
}

/** An EPUB 3 book (chapter titles in a navigation document). */
export function epub3(book: TestBook): Uint8Array {
  return zipFiles(epubFiles(book, 3));
}

/** An EPUB 2 book (chapter titles in an NCX). */
export function epub2(book: TestBook): Uint8Array {
  return zipFiles(epubFiles(book, 2));
}
