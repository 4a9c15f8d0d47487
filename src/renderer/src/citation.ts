/**
 * Quoted words with their citation, as "Copy with citation" and Ctrl/Cmd+C put them on the
 * clipboard: the words, then the citation in the reader's style, then the quire:// link to the
 * passage, as plain text and as HTML.
 *
 * The citation is formatted by citation-js (citeproc-js underneath) from a CSL style: APA as the
 * library bundles it, MLA and Quire's plain form from the CSL files beside this module. The
 * library is loaded the first time a citation is made, so that it stays out of the app's start.
 * Nothing is fetched: the styles and the en-US locale are bundled.
 */
// Types only: the library itself is imported when the first citation is made.
import type { Cite } from '@citation-js/core';
import type { CitationStyle } from '../../shared/bookmarks';
import type { ArticleSummary } from '../../shared/model';
import mlaStyle from './citation-styles/mla.csl?raw';
import plainStyle from './citation-styles/plain.csl?raw';

/** What a citation names of an article. */
export type CitedWork = Pick<ArticleSummary, 'id' | 'title' | 'published' | 'source' | 'author'>;

/** The clipboard's two forms of one copy. */
export interface CitedClip {
  readonly text: string;
  readonly html: string;
}

/** A CSL-JSON item (only the fields Quire fills). */
export interface CslItem {
  readonly id: string;
  readonly type: 'webpage';
  readonly title: string;
  readonly author?: readonly { readonly literal: string }[];
  readonly 'container-title'?: string;
  readonly issued?: { readonly 'date-parts': readonly (readonly number[])[] };
}

/** The name each style is registered under in citation-js (APA is its own 'apa'). */
const TEMPLATES: Readonly<Record<CitationStyle, string>> = { plain: 'quire-plain', apa: 'apa', mla: 'quire-mla' };

// citeproc-js reads a few tags in field values as rich text (<b>, <i>, <sup>…) and passes them into
// its HTML. Angle brackets are swapped for private-use characters before formatting and back
// after, so that a title's "<b>" is always text, never markup.
const LT = '\uE000';
const GT = '\uE001';

/**
 * The CSL item for an article: its title, author and publication where known, and its published
 * date where it is an ISO date (anything else is left out, and the styles say "n.d.").
 *
 * The author is kept as written (a literal name): front matter holds a person or an organisation,
 * and splitting it into family and given names would guess.
 */
export function cslItem(work: CitedWork): CslItem {
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(work.published ?? '');
  return {
    id: work.id,
    type: 'webpage',
    title: shield(work.title),
    ...(work.author && { author: [{ literal: shield(work.author) }] }),
    ...(work.source && { 'container-title': shield(work.source) }),
    ...(date && { issued: { 'date-parts': [[Number(date[1]), Number(date[2]), Number(date[3])]] } }),
  };
}

/** Citations, once the library is loaded: synchronous, so that a copy event can use them. */
export interface Citer {
  /**
   * The citation of an article in a style, as plain text and as HTML (an inline fragment;
   * italics where the style sets titles in italics).
   *
   * @example citer.citation({ id: 'sleep', title: 'Sleep' }, 'apa') // { text: 'Sleep. (n.d.).', html: '<i>Sleep</i>. (n.d.).' }
   */
  citation(work: CitedWork, style: CitationStyle): CitedClip;
  /**
   * The words and their citation, ready for the clipboard.
   *
   * The plain text is the words exactly as given, a blank line, the citation and the link on its
   * own line. The HTML is a blockquote of the words (a line break where they had one) and a
   * paragraph of the citation with the link; every piece of content in it is escaped.
   */
  quote(quote: string, work: CitedWork, link: string, style: CitationStyle): CitedClip;
}

function makeCiter(CiteClass: typeof Cite): Citer {
  const citation = (work: CitedWork, style: CitationStyle): CitedClip => {
    const cite = new CiteClass([cslItem(work)]);
    const format = (as: 'text' | 'html'): string =>
      String(cite.format('bibliography', { template: TEMPLATES[style], format: as, lang: 'en-US' })).trim();
    const html = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(format('html'))?.[1] ?? '';
    return { text: unshield(format('text'), '<', '>'), html: unshield(html.trim(), '&lt;', '&gt;') };
  };
  const quote = (words: string, work: CitedWork, link: string, style: CitationStyle): CitedClip => {
    const cited = citation(work, style);
    const lines = words.split(/\r?\n/).map(escapeHtml).join('<br>');
    const href = escapeHtml(link);
    return {
      text: `${words}\n\n${cited.text}\n${link}`,
      html: `<blockquote>${lines}</blockquote><p>${cited.html}<br><a href="${href}">${href}</a></p>`,
    };
  };
  return { citation, quote };
}

/** Text as HTML text or attribute value: the five characters that could open markup, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function shield(text: string): string {
  return text.replaceAll('<', LT).replaceAll('>', GT);
}

function unshield(text: string, lt: string, gt: string): string {
  return text.replaceAll(LT, lt).replaceAll(GT, gt);
}

let loading: Promise<Citer> | undefined;
let loaded: Citer | undefined;

/**
 * citation-js with the CSL plugin and Quire's styles registered, loaded on the first call and
 * kept; a load that failed (a chunk that did not arrive) is tried again on the next call.
 */
export function loadCiter(): Promise<Citer> {
  loading ??= (async () => {
    const core = await import('@citation-js/core');
    await import('@citation-js/plugin-csl');
    const styles = core.plugins.config.get('@csl').styles;
    styles.add(TEMPLATES.plain, plainStyle);
    styles.add(TEMPLATES.mla, mlaStyle);
    loaded = makeCiter(core.Cite);
    return loaded;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The citer if {@link loadCiter} has loaded it, for a copy event that cannot wait. */
export function loadedCiter(): Citer | undefined {
  return loaded;
}
