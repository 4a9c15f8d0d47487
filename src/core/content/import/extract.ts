/**
 * A saved page's main content: what Readability finds, else the page's body without its chrome.
 *
 * Readability (Firefox Reader View's extraction) scores the page's blocks and keeps the article,
 * leaving out navigation, sidebars, footers and comment threads. Before it runs, the blocks that
 * are never article text whatever their score (cookie banners, ad slots, share buttons, comment
 * sections: {@link dropObviousChrome}) are taken out, since Readability keeps a short block that
 * sits between two paragraphs of the article. When Readability finds nothing, or only links (a
 * page of menus), the body is used instead, with its landmarks of chrome removed
 * ({@link dropLandmarks}).
 *
 * The page given has been sanitized (sanitize.ts); Readability's output is parsed into a
 * document of its own and sanitized again, so that what Readability built is held to the same
 * rules as the page.
 */
/// <reference lib="dom" />
import { Readability } from '@mozilla/readability';
import { tokenize } from '../../../shared/text';
import { elementsNamed, parseDocument, plainText } from './dom';
import { ImportFileError } from './imported';
import { sanitize } from './sanitize';

/** The main content and what Readability read about it. */
export interface MainContent {
  /** The content, sanitized: the body of a document of its own. */
  readonly content: HTMLElement;
  /** Readability's findings, each present only when Readability found the content. */
  readonly title?: string;
  readonly byline?: string;
  readonly excerpt?: string;
  readonly siteName?: string;
}

/** Class and id words that mark a block as never article text. */
const CHROME_WORDS: ReadonlySet<string> = new Set([
  'cookie', 'cookies', 'consent', 'gdpr',
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'sponsored',
  'share', 'sharing', 'sharebar', 'social',
  'comment', 'comments', 'disqus',
]);

/** Readability's content with more of its text in links than this is navigation, not an article. */
const MAX_LINK_DENSITY = 0.5;

/** Landmarks that hold a page's chrome rather than its article. */
const LANDMARKS = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

/**
 * The page's main content.
 *
 * @param page a sanitized page (its metadata still in place for Readability); it is changed
 * @throws ImportFileError when neither Readability nor the body has any words
 */
export function extractMainContent(page: Document): MainContent {
  dropObviousChrome(page.body);
  const fallback = page.cloneNode(true) as Document;
  const found = readability(page);
  if (found) return found;
  const body = fallback.body;
  dropLandmarks(body);
  if (!hasWords(body)) throw new ImportFileError('no article text was found in this page');
  return { content: body };
}

/** Readability's extraction, or undefined when it found nothing or only links. */
function readability(page: Document): MainContent | undefined {
  const result = new Readability(page).parse();
  if (!result?.content) return undefined;
  const content = parseDocument(result.content).body;
  sanitize(content);
  // Readability returns the best block it found, and on a page of nothing but menus that is a menu.
  if (linkDensity(content) > MAX_LINK_DENSITY) return undefined;
  const found = { title: result.title, byline: result.byline, excerpt: result.excerpt, siteName: result.siteName };
  return { content, ...Object.fromEntries(Object.entries(found).filter(([, v]) => v?.trim())) };
}

/**
 * Remove cookie banners, ad slots, share buttons and comment sections: blocks whose class or id
 * has one of {@link CHROME_WORDS} as a word, unless the block holds the article itself.
 */
function dropObviousChrome(body: HTMLElement): void {
  const pageLength = plainText(body).length;
  for (const el of [...body.querySelectorAll('[class], [id]')]) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase().split(/[^a-z0-9]+/);
    if (!words.some((w) => CHROME_WORDS.has(w))) continue;
    // A wrapper named for one feature of the page (id="comments-enabled") may hold all of it.
    if (elementsNamed(el, ['article', 'main']).length > 0 || plainText(el).length * 2 > pageLength) continue;
    el.remove();
  }
}

/** Remove the body's chrome landmarks: navigation, headers, footers and sidebars. */
function dropLandmarks(body: HTMLElement): void {
  for (const el of [...body.querySelectorAll(LANDMARKS)]) el.remove();
}

/** The share of an element's text that is the text of links (with an address or not). */
function linkDensity(el: HTMLElement): number {
  const linked = elementsNamed(el, ['a']).reduce((n, a) => n + plainText(a).length, 0);
  return linked / Math.max(1, plainText(el).length);
}

function hasWords(el: HTMLElement): boolean {
  return tokenize(el.textContent ?? '').length > 0;
}
