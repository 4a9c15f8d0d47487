/**
 * What a saved page says about itself: its address, title, author, site, date and description.
 *
 * {@link readPageMeta} reads the head (meta tags, `<title>`, the canonical link, `<base>`) and
 * any JSON-LD, and runs before the sanitizer, which removes all of those; {@link readBodyMeta}
 * reads the first `<h1>` and `<time datetime>` from the sanitized page, so that nothing hidden or
 * inside a dropped element counts. html.ts weighs these against what Readability found.
 */
/// <reference lib="dom" />
import { collapse, elementsNamed, plainText } from './dom';

/** The page's own statements, each cleaned and present only when not empty. */
export interface PageMeta {
  /** Where the page was published: its canonical link or og:url (http or https). */
  readonly url?: string;
  /** What relative links resolve against: `<base href>` when it is http(s), else {@link url}. */
  readonly baseUrl?: string;
  readonly ogTitle?: string;
  /** The `<title>` element's text. */
  readonly documentTitle?: string;
  /** `<meta name=author>`, else article:author, when it is a name rather than an address. */
  readonly author?: string;
  /** og:site_name. */
  readonly siteName?: string;
  /** application-name. */
  readonly applicationName?: string;
  /** The first real date of article:published_time, a meta date, then JSON-LD datePublished. */
  readonly metaPublished?: string;
  readonly jsonLdPublished?: string;
  /** `<meta name=description>`. */
  readonly description?: string;
}

/** What the sanitized page's body says: its first heading and its first stated time. */
export interface BodyMeta {
  readonly firstHeading?: string;
  /** The first `<time datetime>` that is a real date, as YYYY-MM-DD. */
  readonly time?: string;
}

/** Meta names that date a page, most specific first. */
const DATE_KEYS = [
  'article:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'dc.date.issued',
  'dc.date',
  'dcterms.issued',
  'dcterms.date',
  'citation_publication_date',
];

/**
 * Read the page's head and JSON-LD: call before the sanitizer removes them.
 *
 * @example readPageMeta(parseDocument(html)).url // 'https://news.example/story'
 */
export function readPageMeta(doc: Document): PageMeta {
  const meta = metaContents(doc);
  const url = [linkHref(doc, 'canonical'), meta.get('og:url')].map((href) => httpUrl(href)).find(Boolean);
  const base = elementsNamed(doc, ['base'])[0]?.getAttribute('href');
  const baseUrl = (base ? httpUrl(base, url) : undefined) ?? url;
  const author = [meta.get('author'), meta.get('article:author')].find((a) => a && !isAddress(a));
  const fields: Record<string, string | undefined> = {
    url,
    baseUrl,
    ogTitle: meta.get('og:title'),
    documentTitle: collapse(doc.head.querySelector('title')?.textContent ?? ''),
    author,
    siteName: meta.get('og:site_name'),
    applicationName: meta.get('application-name'),
    metaPublished: DATE_KEYS.map((k) => isoDate(meta.get(k))).find(Boolean),
    jsonLdPublished: jsonLdDates(doc).map(isoDate).find(Boolean),
    description: meta.get('description'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as PageMeta;
}

/** Read the sanitized page's first `<h1>` and `<time datetime>`. */
export function readBodyMeta(doc: Document): BodyMeta {
  const firstHeading = elementsNamed(doc.body, ['h1']).map(plainText).find(Boolean);
  const time = elementsNamed(doc.body, ['time']).map((t) => isoDate(t.getAttribute('datetime') ?? undefined)).find(Boolean);
  return { ...(firstHeading ? { firstHeading } : {}), ...(time ? { time } : {}) };
}

/**
 * The calendar date a date or date-time starts with, as YYYY-MM-DD, when it is a real date.
 *
 * The date is taken as written: a time zone never moves it to another day.
 *
 * @example isoDate('2024-03-05T23:30:00-05:00') // '2024-03-05'
 * @example isoDate('2024-02-30') // undefined
 */
export function isoDate(value: string | undefined): string | undefined {
  const m = /^\s*(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[T\s])/.exec(value ?? '');
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

/** Whether an author's "name" is a web address (article:author is often a profile page). */
export function isAddress(text: string): boolean {
  return /^(?:https?:|\/\/|www\.)/i.test(text.trim());
}

/** Meta contents by lower-case name, property or itemprop; the first non-empty one of each. */
function metaContents(doc: Document): Map<string, string> {
  const contents = new Map<string, string>();
  for (const meta of elementsNamed(doc, ['meta'])) {
    const content = collapse(meta.getAttribute('content') ?? '');
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !contents.has(key)) contents.set(key, content);
    }
  }
  return contents;
}

/** The href of the first `<link>` whose rel includes `rel`. */
function linkHref(doc: Document, rel: string): string | undefined {
  const link = elementsNamed(doc, ['link']).find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes(rel));
  return link?.getAttribute('href') ?? undefined;
}

/** An absolute http(s) address, resolved against `base` when relative. */
function httpUrl(href: string | undefined, base?: string): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Every datePublished in the page's JSON-LD blocks, in order. */
function jsonLdDates(doc: Document): string[] {
  const dates: string[] = [];
  for (const script of elementsNamed(doc, ['script'])) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      collectDates(JSON.parse(script.textContent ?? ''), dates);
    } catch {
      // A broken block (or one nested past the stack) says no more; the page's other statements still count.
    }
  }
  return dates;
}

function collectDates(value: unknown, dates: string[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectDates(item, dates);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') dates.push(record.datePublished);
  for (const [key, child] of Object.entries(record)) {
    if (key !== 'datePublished') collectDates(child, dates);
  }
}
