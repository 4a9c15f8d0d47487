/**
 * EPUB books: the chapters in reading order, each as its XHTML, with the book's metadata.
 *
 * An EPUB is a zip archive (read by zip.ts, which refuses unsafe archives and zip bombs) that
 * holds a container file naming the package document (the OPF). The OPF lists the book's
 * files (the manifest), their reading order (the spine) and its metadata (Dublin Core). Only
 * what the text needs is ever inflated: the container, the OPF, the table of contents and the
 * chapters in the spine; images, fonts and styles are left packed.
 *
 * The chapters come back as XHTML strings; html.ts turns each into Markdown later, elsewhere.
 *
 * Rules the format leaves open, decided here:
 * - Reading order is the spine's order, every item kept, `linear="no"` ones included where
 *   they stand: they are part of the book (notes, an appendix), and leaving them out would drop
 *   text. A spine item that is not a text document (an image, an SVG page) is followed through
 *   its manifest `fallback` to one that is, else skipped; an item listed twice is kept once.
 * - An href is resolved against the folder of the document that has it, percent-decoded. In the
 *   spine, an href with a URL scheme, an absolute path or one that leaves the archive's root
 *   refuses the book, as does a spine item missing from the archive: the book would be read
 *   with chapters missing. In the table of contents such links are skipped (they only give
 *   titles).
 * - A chapter's title is its entry in the EPUB 3 navigation document's `toc` nav, else in the
 *   EPUB 2 NCX, else the text of its first heading, else none.
 * - DRM: a book is refused when META-INF/encryption.xml encrypts a document the text is read
 *   from (the OPF, the table of contents, a chapter). Font obfuscation (IDPF's and Adobe's) and
 *   any encryption of fonts or images leave the text readable, so such books are read. A book
 *   that carries a DRM licence (Adobe's rights.xml, Readium LCP, Apple's sinf.xml) and whose
 *   chapter is not text is refused as protected too.
 * - Text is decoded by byte order mark, else as UTF-8, else windows-1252 (decodeText).
 */
import { DOMParser, type Element } from 'linkedom';
import { ImportFileError, type ImportedMeta } from './imported';
import { collapseWhitespace, isoDay, titleFromFileName } from './meta';
import { decodeText } from './text';
import { type ZipArchive, type ZipLimits, openZip, printable } from './zip';

/** How much an EPUB's archive may hold and expand to (see {@link ZipLimits}). */
export type EpubLimits = ZipLimits;

/**
 * Limits no real book comes near: the largest EPUBs (illustrated textbooks) hold a few thousand
 * files and a few hundred MiB of images, which are never inflated; a chapter is rarely more than
 * a few MiB of XHTML.
 */
export const EPUB_LIMITS: EpubLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 100,
};

/** One chapter: a document of the spine. */
export interface EpubChapter {
  /** Its path in the archive (`OEBPS/text/ch1.xhtml`): the base for its relative links. */
  readonly href: string;
  readonly title?: string;
  /** The document as written, decoded to text. */
  readonly xhtml: string;
}

/** A book read: its metadata and its chapters in reading order (never empty). */
export interface EpubBook {
  readonly meta: ImportedMeta;
  readonly chapters: readonly EpubChapter[];
}

/** The message for a book whose text is encrypted. */
export const DRM_REASON = 'this book is protected by DRM (its text is encrypted), so Quire cannot read it';

const CONTAINER = 'META-INF/container.xml';
const ENCRYPTION = 'META-INF/encryption.xml';
/** Files that carry a DRM licence: Adobe ADEPT, Readium LCP, Apple FairPlay. */
const LICENCES = ['META-INF/rights.xml', 'META-INF/license.lcpl', 'META-INF/sinf.xml'];
/** Media types of text documents a spine may hold (text/html is not allowed, but some tools write it). */
const TEXT_TYPES = new Set(['application/xhtml+xml', 'text/html']);
const NCX_TYPE = 'application/x-dtbncx+xml';
const OPF_TYPE = 'application/oebps-package+xml';

/** An item of the OPF's manifest. */
interface ManifestItem {
  readonly id: string;
  readonly href: string;
  /** The archive path it resolves to; undefined when it points outside the book. */
  readonly path: string | undefined;
  readonly mediaType: string;
  readonly properties: readonly string[];
  readonly fallback?: string;
}

/**
 * Read an EPUB: its metadata and its chapters' XHTML in reading order.
 *
 * @param fileName the file's name, for the title when the book has none
 * @throws ImportFileError with a reason for people when the file is not an EPUB, is unsafe,
 *   damaged, protected by DRM, or has no chapter
 * @example const { meta, chapters } = readEpub(readFileSync('book.epub'), 'book.epub');
 */
export function readEpub(bytes: Uint8Array, fileName: string, limits: EpubLimits = EPUB_LIMITS): EpubBook {
  const zip = openZip(bytes, limits);
  if (!zip.has(CONTAINER)) {
    throw new ImportFileError('it is not an EPUB book (it is a zip archive, but without the META-INF/container.xml every EPUB has)');
  }
  const container = parseXml(markup(zip, CONTAINER, false));
  const rootfiles = elements(container, 'rootfile');
  const rootfile = rootfiles.find((r) => attr(r, 'media-type') === OPF_TYPE) ?? rootfiles[0];
  const opfPath = resolvePath('', attr(rootfile, 'full-path') ?? '', false);
  if (opfPath === undefined || !zip.has(opfPath)) {
    throw new ImportFileError('it is damaged: its package document, which lists its chapters, is missing');
  }
  const encrypted = encryptedPaths(zip);
  const licensed = LICENCES.some((l) => zip.has(l));
  if (encrypted.has(opfPath)) throw new ImportFileError(DRM_REASON);

  const opf = parseXml(markup(zip, opfPath, licensed));
  const opfDir = folderOf(opfPath);
  const manifest = new Map<string, ManifestItem>();
  for (const item of elements(opf, 'item')) {
    const id = attr(item, 'id');
    const href = attr(item, 'href');
    if (id === undefined || href === undefined) continue;
    const fallback = attr(item, 'fallback');
    manifest.set(id, {
      id,
      href,
      path: resolvePath(opfDir, href, true),
      mediaType: (attr(item, 'media-type') ?? '').trim().toLowerCase(),
      properties: (attr(item, 'properties') ?? '').split(/\s+/).filter(Boolean),
      ...(fallback === undefined ? {} : { fallback }),
    });
  }

  const spine = elements(opf, 'spine')[0];
  const itemrefs = spine ? elements(spine, 'itemref') : [];
  if (itemrefs.length === 0) throw new ImportFileError('it has no chapters (its reading order is empty)');
  const paths: string[] = [];
  for (const ref of itemrefs) {
    const item = manifest.get(attr(ref, 'idref') ?? '');
    if (!item) throw new ImportFileError('it is damaged: its reading order names a chapter that its list of files does not have');
    const doc = textDocument(item, manifest);
    if (!doc) continue;
    if (doc.path === undefined) {
      throw new ImportFileError(`its reading order points outside the book (${printable(doc.href)}), so Quire will not open it`);
    }
    if (!zip.has(doc.path)) throw new ImportFileError(`it is damaged: the chapter ${printable(doc.path)} in its reading order is missing`);
    if (!paths.includes(doc.path)) paths.push(doc.path);
  }
  if (paths.length === 0) throw new ImportFileError('it has no chapters with text (its reading order holds only pictures)');

  const items = [...manifest.values()];
  const nav = items.find((i) => i.properties.includes('nav') && i.path !== undefined && zip.has(i.path));
  const tocId = spine ? attr(spine, 'toc') : undefined;
  const ncx = [manifest.get(tocId ?? ''), ...items.filter((i) => i.mediaType === NCX_TYPE)].find(
    (i) => i !== undefined && i.mediaType === NCX_TYPE && i.path !== undefined && zip.has(i.path),
  );
  for (const path of [...paths, nav?.path, ncx?.path]) {
    if (path !== undefined && encrypted.has(path)) throw new ImportFileError(DRM_REASON);
  }

  const navTitles = nav ? titlesFromNav(markup(zip, nav.path!, licensed), nav.path!) : new Map<string, string>();
  const ncxTitles = ncx ? titlesFromNcx(markup(zip, ncx.path!, licensed), ncx.path!) : new Map<string, string>();
  const chapters = paths.map((href): EpubChapter => {
    const xhtml = markup(zip, href, licensed);
    const title = navTitles.get(href) ?? ncxTitles.get(href) ?? firstHeading(xhtml);
    return { href, ...(title ? { title } : {}), xhtml };
  });
  return { meta: metadataOf(opf, fileName), chapters };
}

/** The text document a spine item stands for: itself, or the first text document down its fallback chain. */
function textDocument(item: ManifestItem, manifest: ReadonlyMap<string, ManifestItem>): ManifestItem | undefined {
  const seen = new Set<string>();
  for (let at: ManifestItem | undefined = item; at && !seen.has(at.id); at = manifest.get(at.fallback ?? '')) {
    if (TEXT_TYPES.has(at.mediaType)) return at;
    seen.add(at.id);
  }
  return undefined;
}

/**
 * The archive paths that META-INF/encryption.xml says are encrypted, whatever the algorithm:
 * which files are encrypted decides whether the text can be read.
 */
function encryptedPaths(zip: ZipArchive): Set<string> {
  const paths = new Set<string>();
  if (!zip.has(ENCRYPTION)) return paths;
  for (const ref of elements(parseXml(markup(zip, ENCRYPTION, false)), 'cipherreference')) {
    // OCF: the URIs in META-INF files are relative to the archive's root.
    const path = resolvePath('', attr(ref, 'uri') ?? '', true);
    if (path !== undefined) paths.add(path);
  }
  return paths;
}

/**
 * An entry decoded as markup.
 *
 * @param licensed the book carries a DRM licence: text that is not markup is encrypted, not damaged
 */
function markup(zip: ZipArchive, path: string, licensed: boolean): string {
  const text = decodeText(zip.read(path));
  // eslint-disable-next-line no-control-regex -- control characters are what binary data has and text has not
  if (!/^\s*</.test(text) || /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) {
    if (licensed) throw new ImportFileError(DRM_REASON);
    throw new ImportFileError(`it is damaged: ${printable(path)} is not text`);
  }
  return text;
}

/** Titles by archive path from the navigation document's `toc` nav (the first link to a file gives its title). */
function titlesFromNav(text: string, navPath: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const navs = [...doc.querySelectorAll('nav')];
  const toc = navs.find((n) => (n.getAttribute('epub:type') ?? '').split(/\s+/).includes('toc')) ?? navs[0];
  const titles = new Map<string, string>();
  if (!toc) return titles;
  const dir = folderOf(navPath);
  for (const a of toc.querySelectorAll('a')) {
    addTitle(titles, resolvePath(dir, a.getAttribute('href') ?? '', true), a.textContent);
  }
  return titles;
}

/** Titles by archive path from an EPUB 2 NCX, in document order (a parent point before its children). */
function titlesFromNcx(text: string, ncxPath: string): Map<string, string> {
  const titles = new Map<string, string>();
  const dir = folderOf(ncxPath);
  for (const point of elements(parseXml(text), 'navpoint')) {
    const children = [...point.children];
    const label = children.find((c) => localName(c) === 'navlabel');
    const content = children.find((c) => localName(c) === 'content');
    const labelText = label ? elements(label, 'text')[0]?.textContent : undefined;
    addTitle(titles, resolvePath(dir, attr(content, 'src') ?? '', true), labelText);
  }
  return titles;
}

function addTitle(titles: Map<string, string>, path: string | undefined, text: string | null | undefined): void {
  const title = collapseWhitespace(text ?? '');
  if (path !== undefined && title && !titles.has(path)) titles.set(path, title);
}

/** The text of a document's first heading that has any. */
function firstHeading(xhtml: string): string | undefined {
  const doc = new DOMParser().parseFromString(xhtml, 'text/html');
  for (const h of doc.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const text = collapseWhitespace(h.textContent ?? '');
    if (text) return text;
  }
  return undefined;
}

/** The book's metadata from the OPF's Dublin Core elements. */
function metadataOf(opf: Document, fileName: string): ImportedMeta {
  const metadata = elements(opf, 'metadata')[0];
  const dc = (name: string): Element[] => (metadata ? elements(metadata, name) : []);
  const texts = (name: string): string[] => dc(name).map((e) => collapseWhitespace(e.textContent ?? '')).filter(Boolean);

  const title = texts('title')[0] ?? titleFromFileName(fileName);
  const author = authorsOf(dc('creator'), metadata ? elements(metadata, 'meta') : []);
  const source = texts('publisher')[0];
  const dates = dc('date');
  const publication = dates.find((d) => attr(d, 'event')?.toLowerCase() === 'publication') ?? dates[0];
  const published = publication ? isoDay(publication.textContent ?? '') : undefined;
  const description = dc('description')[0]?.textContent;
  const summary = description ? plainText(description) : undefined;
  const topics = [...new Set(texts('subject'))];
  return {
    title,
    ...(author ? { author } : {}),
    ...(source ? { source } : {}),
    ...(published ? { published } : {}),
    ...(summary ? { summary } : {}),
    ...(topics.length > 0 ? { topics } : {}),
  };
}

/**
 * The book's authors, joined with ", ": the creators whose role is author (MARC relator `aut`,
 * from EPUB 2's `opf:role` or an EPUB 3 `refines` meta) or not given; every creator when that
 * leaves none (a book credited only to its editor).
 */
function authorsOf(creators: readonly Element[], metas: readonly Element[]): string | undefined {
  const roleOf = (c: Element): string | undefined => {
    const id = attr(c, 'id');
    const refined = id ? metas.find((m) => attr(m, 'refines') === `#${id}` && attr(m, 'property') === 'role') : undefined;
    return (refined?.textContent ?? attr(c, 'role'))?.trim().toLowerCase();
  };
  const named = creators.map((c) => ({ name: collapseWhitespace(c.textContent ?? ''), role: roleOf(c) })).filter((c) => c.name);
  const authors = named.filter((c) => c.role === undefined || c.role === 'aut');
  const names = (authors.length > 0 ? authors : named).map((c) => c.name);
  return names.length > 0 ? names.join(', ') : undefined;
}

/** Block elements whose edges separate words in a description written as HTML. */
const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|tr|td|th|table|section|article|hr|pre)\b[^>]*>/gi;

/** A description as plain text: HTML (escaped in the XML, as most books have it) reduced to its words. */
function plainText(description: string): string | undefined {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${description.replace(BLOCK_TAG, ' ')}</body></html>`, 'text/html');
  return collapseWhitespace(doc.body?.textContent ?? '') || undefined;
}

type Document = ReturnType<typeof parseXml>;

function parseXml(text: string) {
  // linkedom never loads external entities or expands DTD ones: no XXE, no "billion laughs".
  return new DOMParser().parseFromString(text, 'text/xml');
}

/** An element's name without namespace prefix, lower case (linkedom's XML keeps `dc:title` as written). */
function localName(el: Element): string {
  return el.localName.replace(/^.*:/, '').toLowerCase();
}

/** Every element under `root` with a local name. */
function elements(root: { querySelectorAll(selector: string): Iterable<Element> }, name: string): Element[] {
  return [...root.querySelectorAll('*')].filter((e) => localName(e) === name);
}

/** An attribute by name, with or without a namespace prefix (`opf:role` answers for `role`). */
function attr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const exact = el.getAttribute(name);
  if (exact !== null) return exact;
  const lower = name.toLowerCase();
  for (const a of el.attributes) if (a.name.replace(/^.*:/, '').toLowerCase() === lower) return a.value;
  return undefined;
}

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/**
 * The archive path an href names from a folder, or undefined when it has a URL scheme, is
 * absolute, leaves the archive's root or is not valid percent-encoding. A fragment or query is
 * dropped: it names a place in a file, not a file.
 *
 * @param decode percent-decode it (an href is a URL; container.xml's full-path is a plain path)
 */
export function resolvePath(dir: string, href: string, decode: boolean): string | undefined {
  const bare = decode ? href.replace(/[#?].*$/s, '') : href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('/') || bare.includes('\\')) return undefined;
  let path = bare;
  if (decode) {
    try {
      path = decodeURIComponent(bare);
    } catch {
      return undefined;
    }
  }
  const parts = dir ? dir.split('/') : [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length > 0 ? parts.join('/') : undefined;
}
