import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model';
import { tokenize } from '../../../shared/text';
import { articleWords, contentWords, firstMissingWord } from '../../testing/fixtures/import/words';
import { decodeHtml, extractWebPage, htmlToMarkdown, importWebPage } from './html';
import { type Imported, ImportFileError, importedArticle } from './imported';

const FIXTURES = ['news-article.html', 'data-table.html', 'hostile.html', 'windows-1252.html', 'utf-16.html'];

const fixtureBytes = (name: string): Uint8Array => readFileSync(new URL(`../../testing/fixtures/import/${name}`, import.meta.url));
const fixture = (name: string): string => decodeHtml(fixtureBytes(name));

/** The article an import becomes; importedArticle throws on any problem parseArticle finds. */
const articleOf = (imported: Imported): Article => importedArticle(imported, 'test-id', 'page.html').article;

/** The article a converted fragment becomes. */
const fragmentArticle = (markdown: string): Article => articleOf({ format: 'html', meta: { title: 'Test' }, body: markdown });

/** Every passage's rendered HTML, as the reader is shown it. */
const renderedHtml = (article: Article): string => article.passages.map((p) => p.html).join('\n');
const texts = (article: Article): string[] => article.passages.map((p) => p.text);

/** A page with a head and the given body. */
const pageWith = (body: string, head = '<title>A page</title>'): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

/** Article text long enough for Readability to take it as the article. */
const PROSE = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} explains how steady routines help people sleep through the night without waking, and why the evidence for this has grown over many years of careful research.</p>`).join('');

describe('decodeHtml', () => {
  it('reads a windows-1252 page by its meta charset, curly quotes, dashes and accents included', () => {
    const html = decodeHtml(fixtureBytes('windows-1252.html'));
    expect(html).toContain('<title>Café and sleep: “one cup” too many?</title>');
    expect(html).toContain('the owner’s rule is simple: “no espresso after four.” Regulars say it works — most');
    expect(html).toContain('2,50 € this year');
  });

  it('reads a UTF-16 page by its byte order mark', () => {
    const html = decodeHtml(fixtureBytes('utf-16.html'));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('naïve ones noticed least');
  });

  it('reads UTF-8 with a BOM, and without one when the bytes are valid UTF-8', () => {
    const utf8 = new TextEncoder().encode('<p>naïve “quotes”</p>');
    expect(decodeHtml(utf8)).toBe('<p>naïve “quotes”</p>');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('<p>naïve “quotes”</p>');
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252', () => {
    expect(decodeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0x93, 0x63, 0x61, 0x66, 0xe9, 0x94]))).toBe('<p>“café”');
  });

  it('reads the charset a meta tag declares, in any encoding the platform knows', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>';
    expect(decodeHtml(new Uint8Array([...new TextEncoder().encode(head), 0xf3, 0xcf, 0xce]))).toBe(`${head}Сон`);
  });

  it('reads the charset of an http-equiv Content-Type, and lets a BOM outrank it', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>';
    const bytes = new Uint8Array([...new TextEncoder().encode(head), 0xe9, 0x80]);
    // iso-8859-1 is windows-1252 to every browser: 0x80 is the euro sign.
    expect(decodeHtml(bytes)).toBe(`${head}é€`);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${head}é`)]);
    expect(decodeHtml(withBom)).toBe(`${head}é`);
  });

  it('skips a charset in a comment, and reads a declared UTF-16 in ASCII bytes as UTF-8', () => {
    const commented = new TextEncoder().encode('<!-- <meta charset="windows-1252"> --><meta charset="utf-8"><p>é');
    expect(decodeHtml(commented)).toContain('<p>é');
    const utf16 = new TextEncoder().encode('<meta charset="utf-16"><p>é');
    expect(decodeHtml(utf16)).toBe('<meta charset="utf-16"><p>é');
  });
});

describe('importWebPage', () => {
  it('keeps the article and leaves out the navigation, cookie banner, ads, share buttons, footer and comments', () => {
    const imported = importWebPage(fixture('news-article.html'), 'news-article.html');
    const article = articleOf(imported);
    const all = [...article.sections.map((s) => s.title), ...texts(article)].join('\n');
    expect(all).toContain('were still sleeping less than their day-shift colleagues a decade later');
    expect(all).toContain('keep a regular wake time on days off where possible');
    expect(article.sections.map((s) => `${s.level} ${s.title}`)).toEqual(['1 Beginning', '2 What the study measured', '3 Why regularity matters', '2 What staff can do']);
    for (const chrome of [
      'Subscribe today', // nav
      'We use cookies', // cookie banner
      'Accept all cookies',
      'Mattresses half price', // ad slot
      'Try our new sleep tracker', // ad inside the article
      'Win a luxury weekend', // aside advertisement
      'Share on Twitter', // share buttons
      'Privacy policy', // footer
      'All rights reserved',
      'Twenty years of nights', // reader comments
      'Post comment',
    ]) {
      expect(all, chrome).not.toContain(chrome);
    }
  });

  it('keeps lists (nested too), block quotes, links and an image’s description', () => {
    const article = articleOf(importWebPage(fixture('news-article.html'), 'news-article.html'));
    const items = article.passages.filter((p) => p.kind === 'list-item');
    expect(items.map((p) => p.text)).toEqual([
      'total sleep time across each 24-hour day;',
      'how often sleep was interrupted, including\nbrief awakenings under five minutes, and\nlonger periods awake in the night;',
      'how regular bedtimes were from one week to the next.',
    ]);
    const quote = article.passages.find((p) => p.kind === 'quote');
    expect(quote?.attribution).toBe('Dr Helen Marsh, lead author');
    expect(renderedHtml(article)).toContain('<a href="https://www.sleepfoundation.example/shift-work">National Sleep Foundation</a>');
    expect(texts(article)[0]).toBe('A nurse walks down a dimly lit hospital ward at night');
    expect(renderedHtml(article)).not.toContain('img.harbourcourier.example');
  });

  it('reads the title, author, site, date, summary and address the page states', () => {
    const { meta } = importWebPage(fixture('news-article.html'), 'news-article.html');
    expect(meta).toEqual({
      title: 'Why Night Shifts Disrupt Sleep for Years',
      author: 'Maria Okafor',
      source: 'The Harbour Courier',
      published: '2024-03-14',
      summary: 'A decade of data from hospital staff shows how rotating shifts change sleep long after the rota ends.',
      url: 'https://www.harbourcourier.example/health/2024/night-shifts-sleep',
    });
  });

  it('takes a byline as the author, without its "By"', () => {
    const html = pageWith(`<article><h1>Sleep</h1><p class="byline">By Sam Lee</p>${PROSE}</article>`);
    expect(importWebPage(html, 'x.html').meta.author).toBe('Sam Lee');
  });

  it('takes the author from meta tags, passing over an article:author that is an address', () => {
    const head = '<title>Sleep</title><meta property="article:author" content="https://social.example/sam">';
    expect(importWebPage(pageWith(`<article>${PROSE}</article>`, head), 'x.html').meta.author).toBeUndefined();
    const address = '<title>Sleep</title><meta name="author" content="https://social.example/sam">';
    expect(importWebPage(pageWith(`<article>${PROSE}</article>`, address), 'x.html').meta.author).toBeUndefined();
    const named = '<title>Sleep</title><meta property="article:author" content="Sam Lee">';
    expect(importWebPage(pageWith(`<article>${PROSE}</article>`, named), 'x.html').meta.author).toBe('Sam Lee');
  });

  it('dates the page by article:published_time, a meta date, <time datetime>, then JSON-LD, each only when it is a real date', () => {
    const dated = (head: string, body = ''): string | undefined => importWebPage(pageWith(`<article>${body}${PROSE}</article>`, `<title>Sleep</title>${head}`), 'x.html').meta.published;
    const ld = '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2021-06-07T08:00:00Z"}]}</script>';
    expect(dated(`<meta property="article:published_time" content="2024-02-29T23:30:00-05:00">${ld}`, '<time datetime="2020-01-01">then</time>')).toBe('2024-02-29');
    expect(dated(`<meta name="date" content="2023-02-30">${ld}`, '<time datetime="2022-05-06T10:00">May</time>')).toBe('2022-05-06');
    expect(dated(`<meta name="date" content="2022-01-02">${ld}`, '<time datetime="2020-01-01">then</time>')).toBe('2022-01-02');
    expect(dated(ld)).toBe('2021-06-07');
    expect(dated('<script type="application/ld+json">{ not json</script>')).toBeUndefined();
    expect(importWebPage(fixture('hostile.html'), 'x.html').meta.published).toBe('2023-11-02');
  });

  it('names the source by og:site_name, else application-name, whether Readability found the content or not', () => {
    const source = (head: string, body = `<article>${PROSE}</article>`): string | undefined => importWebPage(pageWith(body, `<title>Sleep</title>${head}`), 'x.html').meta.source;
    expect(source('<meta name="application-name" content="Sleep App"><meta property="og:site_name" content="Sleep Weekly">')).toBe('Sleep Weekly');
    expect(source('<meta name="application-name" content="Sleep App">')).toBe('Sleep App');
    expect(source('<meta property="og:site_name" content="Sleep Weekly">', '<div><a href="/x">Read the story</a></div><p>Note.</p>')).toBe('Sleep Weekly');
  });

  it('gives a summary only when it is not simply the first paragraph', () => {
    const summary = (head: string): string | undefined => importWebPage(pageWith(`<article>${PROSE}</article>`, `<title>Sleep</title>${head}`), 'x.html').meta.summary;
    expect(summary('<meta name="description" content="Why routines matter.">')).toBe('Why routines matter.');
    expect(summary('<meta name="description" content="Paragraph 1 explains how steady routines help people sleep…">')).toBeUndefined();
    expect(summary('')).toBeUndefined();
  });

  it('keeps the address only when it is http or https', () => {
    const url = (head: string): string | undefined => importWebPage(pageWith(`<article>${PROSE}</article>`, `<title>Sleep</title>${head}`), 'x.html').meta.url;
    expect(url('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://sleep.example/a">')).toBe('https://sleep.example/a');
    expect(url('<link rel="canonical" href="file:///home/me/page.html">')).toBeUndefined();
  });

  it('titles the page as Readability does, without the site’s name', () => {
    expect(importWebPage(pageWith(`<article>${PROSE}</article>`, '<title>Sleep and memory in older adults | Sleep Weekly</title>'), 'x.html').meta.title).toBe('Sleep and memory in older adults');
  });

  it('titles the page by og:title, <title>, its first h1, then its file name', () => {
    const title = (head: string, body = ''): string => importWebPage(pageWith(`<article>${body}${PROSE}</article>`, head), 'saved_page-2024.html').meta.title;
    expect(title('<meta property="og:title" content="From og:title"><title>From title</title>')).toBe('From og:title');
    expect(title('<title>From title</title>', '<h1>From h1</h1>')).toBe('From title');
    expect(title('', '<h1>From h1</h1>')).toBe('From h1');
    expect(title('')).toBe('saved page 2024');
  });

  it('leaves out a first heading that repeats the title, and levels the rest under it', () => {
    const html = pageWith(`<main><h1>Sleep</h1>${PROSE}<h3>Details</h3>${PROSE}<h4>More</h4><p>Deeper text.</p></main>`, '<title>Sleep</title>');
    const { meta, body } = importWebPage(html, 'x.html');
    expect(meta.title).toBe('Sleep');
    expect(body).not.toMatch(/^#+ Sleep$/m);
    expect(articleOf(importWebPage(html, 'x.html')).sections.map((s) => `${s.level} ${s.title}`)).toEqual(['1 Beginning', '2 Details', '3 More']);
  });

  it('keeps a data table whole: caption, header, every cell, and a colspan’s text', () => {
    const article = articleOf(importWebPage(fixture('data-table.html'), 'data-table.html'));
    const table = article.passages.find((p) => p.kind === 'table')?.table;
    expect(table?.header).toEqual(['Drink', 'Serving', 'Caffeine (mg)']);
    expect(table?.rows).toContainEqual(['Espresso', '30 ml shot', '63']);
    expect(table?.rows.at(-1)).toEqual(['Decaffeinated coffee', 'Varies by brand, usually under 7', '']);
    expect(texts(article)).toContain('Typical caffeine per serving (milligrams)');
    expect(texts(article)).toContain('People who are pregnant are usually advised to keep below 200 mg a day; check with your midwife or doctor.');
  });

  it('sanitizes a hostile page: nothing that runs, loads or links anywhere but the web survives', () => {
    const imported = importWebPage(fixture('hostile.html'), 'hostile.html');
    const { markdown, article } = importedArticle(imported, 'test-id', 'page.html');
    const html = renderedHtml(article);
    for (const bad of ['<script', '<iframe', '<form', '<img', '<object', '<svg', '<input', '<style', 'javascript:', 'vbscript:', 'data:', 'file:', 'alert(', 'evil.example']) {
      expect(html.toLowerCase(), bad).not.toContain(bad);
      expect(markdown.toLowerCase(), bad).not.toContain(bad);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    const gone = [
      'inline body script', 'svg text', 'iframe fallback', 'object fallback', 'noscript pixel', 'promo', 'Body title text', 'Template text', 'Canvas fallback',
      'Video fallback', 'Audio fallback', 'Area alt', 'Applet fallback', 'Portal text', 'Hidden spam text', 'Sign up for our sleep newsletter', 'Weekly',
      'Tell us why', 'Subscribe', 'Datalist option',
    ];
    for (const text of gone) {
      expect(texts(article).join('\n'), text).not.toContain(text);
    }
    // The links with unsafe or unresolvable addresses are their words.
    expect(texts(article)).toContain('Avoid caffeine after midday. Coffee, tea and cola all contain it, as does dark chocolate. A local file is not a source.');
    expect(texts(article)).toContain('Tuck your phone away in another room. Back to the tips if you lose your place.');
    // Readability makes an <img> of a figure's data-src; the sanitizer's second pass takes it out.
    expect(texts(article)).toContain('A figure whose picture was never loaded.');
    expect(html).toContain('<a href="https://www.nhs.example/insomnia">insomnia is treatable</a>');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('shows text that looks like Markdown or a container as the text it is', () => {
    const article = articleOf(importWebPage(fixture('hostile.html'), 'hostile.html'));
    expect(texts(article)).toEqual(expect.arrayContaining([':::: comment author="attacker" time="2024-01-01T00:00"', '::: faq', '## not a heading', '| a | b |']));
    expect(article.comments).toEqual([]);
    expect(article.sections.map((s) => s.title)).toEqual(['Beginning']);
  });

  it('resolves relative links against the page’s canonical address or <base href>, and makes them text without one', () => {
    const body = `<article>${PROSE}<p>See <a href="/guides/naps">our guide to naps</a> and <a href="#top">the top</a>.</p></article>`;
    const linked = (head: string): string => renderedHtml(articleOf(importWebPage(pageWith(body, `<title>Sleep</title>${head}`), 'x.html')));
    expect(linked('<link rel="canonical" href="https://sleep.example/articles/one">')).toContain('<a href="https://sleep.example/guides/naps">our guide to naps</a> and the top.');
    expect(linked('<base href="https://mirror.example/x/"><link rel="canonical" href="https://sleep.example/a">')).toContain('<a href="https://mirror.example/guides/naps">');
    expect(linked('')).toContain('See our guide to naps and the top.');
  });

  it('leaves out what the page hides', () => {
    const html = pageWith(`<article>${PROSE}<p style="display: none">Hidden by style.</p><div hidden>Hidden by attribute.</div><p style="visibility:hidden">Invisible.</p></article>`);
    const all = texts(articleOf(importWebPage(html, 'x.html'))).join('\n');
    expect(all).not.toMatch(/Hidden by|Invisible/);
  });

  it('keeps an article inside a block named for comments or ads, when the block holds the article', () => {
    const html = pageWith(`<div id="comments-enabled" class="page"><main><article>${PROSE}</article></main><div class="comments">A reader writes: nice.</div></div>`);
    const all = texts(articleOf(importWebPage(html, 'x.html'))).join('\n');
    expect(all).toContain('Paragraph 6 explains');
    expect(all).not.toContain('A reader writes');
  });

  it('hands out its extracted content sanitized, with what Readability adds sanitized too', () => {
    const { content } = extractWebPage(fixture('hostile.html'), 'hostile.html');
    expect(content.querySelectorAll('img, script, [srcset], [style]')).toHaveLength(0);
    expect([...content.querySelectorAll('[href]')].map((a) => a.getAttribute('href'))).toEqual(['https://www.nhs.example/insomnia']);
  });

  it('keeps a page that is wrapped whole in a form, but not a form inside a page', () => {
    const wrapped = pageWith(`<form action="/post"><article>${PROSE}<form><p>Join our list today</p><input name="e"></form></article></form>`);
    const all = texts(articleOf(importWebPage(wrapped, 'x.html'))).join('\n');
    expect(all).toContain('Paragraph 6 explains');
    expect(all).not.toContain('Join our list');
  });

  it('keeps every word of the content it extracts, in order', () => {
    for (const name of FIXTURES) {
      const html = fixture(name);
      const { content } = extractWebPage(html, name);
      const imported = importWebPage(html, name);
      const shown = [...tokenize(imported.meta.title), ...articleWords(articleOf(imported))];
      expect(contentWords(content).length, name).toBeGreaterThan(20);
      expect(firstMissingWord(contentWords(content), shown), name).toBeUndefined();
    }
  });

  it('writes Markdown that parses with no problems for every fixture', () => {
    for (const name of FIXTURES) {
      expect(() => articleOf(importWebPage(fixture(name), name)), name).not.toThrow();
    }
  });

  it('refuses a page that is only navigation, or only its title', () => {
    const nav = pageWith('<header><a href="/">Logo</a></header><nav><ul><li><a href="/a">Home</a></li><li><a href="/b">About us</a></li><li><a href="/c">Contact</a></li></ul></nav><footer>© 2024 Example Ltd</footer>');
    expect(() => importWebPage(nav, 'nav.html')).toThrow(new ImportFileError('no article text was found in this page'));
    expect(() => importWebPage(pageWith('<h1>A page</h1>'), 'x.html')).toThrow(ImportFileError);
    expect(() => importWebPage('', 'x.html')).toThrow(ImportFileError);
  });

  it('reads a page saved without its <html>, <head> or <body>', () => {
    const { meta, body } = importWebPage(`<title>Bare page</title><meta name="author" content="Sam Lee">${PROSE}`, 'x.html');
    expect(meta).toMatchObject({ title: 'Bare page', author: 'Sam Lee' });
    expect(body).toContain('Paragraph 6 explains');
  });

  it('refuses a page nested deeper than any real page, before it takes minutes to read', () => {
    const deep = (depth: number): string => pageWith(`${'<div>'.repeat(depth)}<p>Deep text for the reader.</p>${'</div>'.repeat(depth)}`);
    expect(importWebPage(deep(200), 'x.html').body).toBe('Deep text for the reader.\n');
    expect(() => importWebPage(deep(5000), 'x.html')).toThrow(new ImportFileError('its HTML is nested more than 256 levels deep, too deep to be read'));
    expect(() => htmlToMarkdown(deep(5000))).toThrow(ImportFileError);
  });

  it('falls back to the body without its landmarks when Readability finds only links', () => {
    const html = pageWith('<header>Site name</header><nav><a href="/a">Home</a></nav><div><a href="/x">Read the first part of the story</a> <a href="/y">and the second</a></div><aside>Related stories</aside><p>Short note.</p><footer>Site footer</footer>');
    expect(texts(articleOf(importWebPage(html, 'x.html')))).toEqual(['Read the first part of the story and the second', 'Short note.']);
  });
});

describe('htmlToMarkdown', () => {
  it('levels headings so the top one is the base, none deeper than six', () => {
    const markdown = htmlToMarkdown('<h1>Chapter</h1><p>a</p><h2>Part</h2><p>b</p><h5>Deep</h5><p>c</p><h6>Deepest</h6><p>d</p>', { headingBase: 3 });
    expect(markdown.match(/^#+ .*$/gm)).toEqual(['### Chapter', '#### Part', '###### Deep', '###### Deepest']);
    expect(htmlToMarkdown('<h4>Only</h4><p>x</p>')).toBe('## Only\n\nx\n');
  });

  it('takes a heading base from 2 to 6, and 2 for anything else', () => {
    const top = (headingBase: number): string => htmlToMarkdown('<h1>Top</h1><p>x</p>', { headingBase }).split(' ')[0]!;
    expect([1, 4, 9, 2.5, Number.NaN].map(top)).toEqual(['##', '####', '######', '##', '##']);
  });

  it('drops empty headings and empty list items, and writes a heading on one line', () => {
    const markdown = htmlToMarkdown('<h2> </h2><h2><img src="x.png"></h2><p>Text</p><ul><li>one</li><li> </li><li><img src="y.png"></li><li>two</li></ul><h3>Line<br>break<p>block</p></h3><p>x</p>');
    expect(markdown).toBe('Text\n\n-   one\n-   two\n\n## Line break block\n\nx\n');
    expect(() => fragmentArticle(markdown)).not.toThrow();
  });

  it('escapes a heading’s trailing # so that it is not taken for a closing sequence', () => {
    const article = fragmentArticle(htmlToMarkdown('<h2>Rank #</h2><p>x</p><h2>C#</h2><p>y</p><h2>#</h2><p>z</p>'));
    expect(article.sections.map((s) => s.title)).toEqual(['Rank #', 'C#', '#']);
  });

  it('makes every table row as wide as the widest, padding short rows and widening the header', () => {
    const article = fragmentArticle(htmlToMarkdown('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>'));
    expect(article.passages[0]?.table).toEqual({ header: ['A', 'B', ''], rows: [['1', '', ''], ['1', '2', '3']] });
  });

  it('gives a table without a header row an empty one, and takes a <thead> row or a row of <th> as the header', () => {
    const table = (html: string) => fragmentArticle(htmlToMarkdown(html)).passages[0]?.table;
    expect(table('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>')).toEqual({ header: ['', ''], rows: [['a', 'b'], ['c', 'd']] });
    expect(table('<table><thead><tr><td>a</td><td>b</td></tr></thead><tr><td>c</td><td>d</td></tr></table>')).toEqual({ header: ['a', 'b'], rows: [['c', 'd']] });
  });

  it('keeps the text of cells that span columns and rows, once, where the span starts', () => {
    const html = '<table><tr><th>Year</th><th>Q1</th><th>Q2</th></tr><tr><td rowspan="2">2024</td><td colspan="2">closed</td></tr><tr><td>3</td><td>4</td></tr><tr><td rowspan="0">all</td><td>5</td><td>6</td></tr><tr><td>7</td><td>8</td></tr></table>';
    expect(fragmentArticle(htmlToMarkdown(html)).passages[0]?.table?.rows).toEqual([
      ['2024', 'closed', ''],
      ['', '3', '4'],
      ['all', '5', '6'],
      ['', '7', '8'],
    ]);
  });

  it('writes a cell on one line, with its pipes, blocks and code kept as text', () => {
    const html = '<table><tr><th>Key</th><th>Value</th></tr><tr><td>a | b</td><td><p>one</p><ul><li>two</li></ul>three<br>four <code>x|y</code></td></tr></table>';
    const article = fragmentArticle(htmlToMarkdown(html));
    expect(article.passages[0]?.table?.rows).toEqual([['a | b', 'one two three four x|y']]);
  });

  it('sets a caption, and text stray between rows, before the table', () => {
    const article = fragmentArticle(htmlToMarkdown('<table><caption>Doses</caption>Stray<tr><td>a</td><td>b</td></tr></table>'));
    expect(texts(article)).toEqual(['Doses', 'Stray', ' | \na | b']);
  });

  it('writes a layout table (one cell, a table inside, or role=presentation) as its content', () => {
    const markdown = htmlToMarkdown('<table><tr><td><h2>Box</h2><p>Inside</p></td></tr></table><table role="presentation"><tr><td>Left</td><td>Right</td></tr></table><table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>Side</td></tr></table>');
    expect(markdown).toBe('## Box\n\nInside\n\nLeft\n\nRight\n\n|  |  |\n| --- | --- |\n| a | b |\n\nSide\n');
  });

  it('escapes text that would otherwise read as Markdown, so that it shows as written', () => {
    const lines = [
      '::: comment author="x" time="2024-01-01T00:00"',
      '# not a heading',
      '#',
      '1) not a list',
      '1.',
      '+',
      '- not a list',
      '<https://autolink.example>',
      '&amp; &#35; stay entities in text',
      '*not emphasis* _nor this_ `nor code`',
      '[not](a link)',
      '| a | b |',
    ];
    const article = fragmentArticle(htmlToMarkdown(lines.map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')));
    expect(texts(article)).toEqual(lines);
  });

  it('escapes a ! before a link, which would make the link an image', () => {
    const article = fragmentArticle(htmlToMarkdown('<p>Wow!<a href="https://x.example/">see this</a></p>'));
    expect(renderedHtml(article)).toBe('Wow!<a href="https://x.example/">see this</a>');
  });

  it('writes emphasis only where its stars can only open and close it, and otherwise its text', () => {
    const article = fragmentArticle(htmlToMarkdown('<p>a<em>b</em>c <em>"quoted"</em>x <i>one</i><i>two</i> <b>bold <i>both</i></b> (<em>ok</em>), <em>fine</em>.</p>'));
    expect(renderedHtml(article)).toBe('abc &quot;quoted&quot;x onetwo <strong>bold both</strong> (<em>ok</em>), <em>fine</em>.');
    expect(texts(article)).toEqual(['abc "quoted"x onetwo bold both (ok), fine.']);
  });

  it('keeps code blocks exactly, and inline code as its text', () => {
    const article = fragmentArticle(htmlToMarkdown('<pre>line one\n::: faq\n```\n  indented<br>after a break</pre><p>Run <code>a <b>b</b>\nc<br>d</code> now.</p>'));
    expect(texts(article)).toEqual(['line one\n::: faq\n```\n  indented\nafter a break', 'Run a b c d now.']);
  });

  it('leaves out empty code, and writes code with a bracket in a link as text', () => {
    const article = fragmentArticle(htmlToMarkdown('<p><i>w x<code></code><i>y</i> z</i></p><p><a href="https://x.example/"><code>]:x</code></a> y</p><p><code>a</code><code></code><code>b</code></p>'));
    expect(texts(article)).toEqual(['w xy z', ']:x y', 'ab']);
    expect(renderedHtml(article)).toContain('<a href="https://x.example/">]:x</a> y');
  });

  it('resolves relative links against the base it is given, and makes them text without one', () => {
    expect(htmlToMarkdown('<p><a href="ch2.xhtml#s1">next</a></p>')).toBe('next\n');
    expect(htmlToMarkdown('<p><a href="ch2.html">next</a></p>', { baseUrl: 'https://book.example/ch1.html' })).toBe('[next](https://book.example/ch2.html)\n');
    expect(htmlToMarkdown('<p><a href="ch2.html">next</a></p>', { baseUrl: 'file:///book/ch1.html' })).toBe('next\n');
  });

  it('escapes the characters of an address that would end a link or a table cell early', () => {
    const article = fragmentArticle(htmlToMarkdown('<p><a href="https://x.example/a)b">Sleep</a></p><table><tr><th>Link</th><th>Note</th></tr><tr><td><a href="https://x.example/?q=a|b">Search</a></td><td>n</td></tr></table>'));
    expect(renderedHtml(article)).toContain('<a href="https://x.example/a)b">Sleep</a>');
    expect(article.passages[1]?.table?.rows).toEqual([['Search', 'n']]);
    expect(article.passages[1]?.html).toContain('<a href="https://x.example/?q=a%7Cb">Search</a>');
  });

  it('keeps the blocks of a link around blocks, without the link', () => {
    expect(htmlToMarkdown('<a href="https://x.example/"><h3>Card</h3><p>Teaser</p></a>')).toBe('## Card\n\nTeaser\n');
  });

  it('keeps a list’s start only when it is a number a list can start at', () => {
    expect(htmlToMarkdown('<ol start="3"><li>c</li></ol>')).toBe('3.  c\n');
    expect(htmlToMarkdown('<ol start="-2"><li>a</li></ol><ol start="x"><li>b</li></ol>')).toBe('1.  a\n\n1.  b\n');
  });

  it('writes a fragment or a whole XHTML document, and runs inline elements together as a browser does', () => {
    const xhtml = '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ch 1</title></head><body><p>One<span>two</span> <sup>3</sup></p></body></html>';
    expect(htmlToMarkdown(xhtml)).toBe('Onetwo 3\n');
    expect(htmlToMarkdown('plain text')).toBe('plain text\n');
  });

  it('keeps the blocks a browser shows apart apart: details and summary', () => {
    expect(htmlToMarkdown('<details><summary>Question</summary>Answer</details>')).toBe('Question\n\nAnswer\n');
  });

  it('makes text split by an inline element, a comment or a link without an address whole before escaping it', () => {
    const article = fragmentArticle(htmlToMarkdown('<p>1<span>. Not a list</span></p><p>2<!-- x -->. Nor this</p><p><a>3</a>. Nor this</p><p><a href="https://x.example/"> </a>4. Nor this</p>'));
    expect(texts(article)).toEqual(['1. Not a list', '2. Nor this', '3. Nor this', '4. Nor this']);
    expect(renderedHtml(article)).not.toContain('<a');
  });

  it('writes a link inside a link as the outer link alone', () => {
    const markdown = htmlToMarkdown('<p><a href="https://a.example/">outer <a href="https://b.example/">inner</a> end</a></p>');
    expect(tokenize(texts(fragmentArticle(markdown)).join(' '))).toEqual(['outer', 'inner', 'end']);
  });

  it('keeps a paragraph one paragraph when line breaks run together, and a list item whole when one starts it', () => {
    const article = fragmentArticle(htmlToMarkdown('<blockquote><p>Sleep well.<br><br>-- not an attribution</p></blockquote><ul><li>a<ul><li><br>first line</li></ul></li></ul><p><a href="https://x.example/">a<br> <br>b</a></p>'));
    expect(texts(article)).toEqual(['Sleep well.\n-- not an attribution', 'a\nfirst line', 'a\nb']);
  });

  it('keeps emphasis whose edges are spaces, line breaks or code, with those outside it', () => {
    const article = fragmentArticle(htmlToMarkdown('<p>a<em> b </em>c <em>one <b>two<br></b></em>three</p><p><em><code>a</code></em><em><code>b</code></em> and <code>c</code><code>d</code></p>'));
    expect(texts(article)).toEqual(['a b c one two\nthree', 'ab and cd']);
    // The inner strong ends where the emphasis does: its stars would join the emphasis's, so it is text.
    expect(renderedHtml(article)).toBe('a <em>b</em> c <em>one two</em><br />\nthree\n<code>ab</code> and <code>cd</code>');
  });

  it('drops NUL characters, as a browser does', () => {
    expect(htmlToMarkdown('<p>a\0b</p>')).toBe('ab\n');
  });

  it('keeps text that sits in a table row outside its cells, as a cell', () => {
    const article = fragmentArticle(htmlToMarkdown('<table><tr><td>a</td>loose<td>b</td></tr><tr><td>c</td><td>d</td><td>e</td></tr></table>'));
    expect(article.passages[0]?.table).toEqual({ header: ['', '', ''], rows: [['a', 'loose', 'b'], ['c', 'd', 'e']] });
  });

  it('leaves out a table with no text, and keeps a colspan within HTML’s limit', () => {
    expect(htmlToMarkdown('<table><tr><td> </td><td></td></tr></table><p>x</p>')).toBe('x\n');
    const wide = fragmentArticle(htmlToMarkdown('<table><tr><td colspan="99999">a</td></tr><tr><td>b</td><td>c</td></tr></table>'));
    expect(wide.passages[0]?.table?.header).toHaveLength(1000);
  });

  it('fences a code block longer than any run of backticks in it, indented or not', () => {
    const article = fragmentArticle(htmlToMarkdown('<pre> ```\nstill code\n````</pre><p>after</p>'));
    expect(texts(article)).toEqual([' ```\nstill code\n````', 'after']);
  });

  it('always writes Markdown that parses with no problems and keeps every word and character', () => {
    fc.assert(
      fc.property(documentArbitrary, (blocks) => {
        // A closing paragraph: an article of headings alone is empty, which is not what is tested here.
        const markdown = htmlToMarkdown(`${blocks.map(blockHtml).join('\n')}<p>The end.</p>`);
        const expected = [...blocks.map(blockText), 'The end.'].join('\n');
        const article = fragmentArticle(markdown);
        expect(articleWords(article)).toEqual(tokenize(expected));
        expect(flat(shownTexts(article).join('\n'))).toBe(flat(expected));
      }),
      { numRuns: 500 },
    );
  });
});

/** Text for the property test: Markdown's special characters, words, and any Unicode. */
const SPECIALS = ['*', '**', '_', '#', '##', '|', '`', '```', '[', ']', '(', ')', '\\', '<', '>', ':::', '::: faq', '!', '&amp;', '&', '1.', '1)', '+', '-', '=', '~~~', '---', '"', ' ', '  ', '\t', '\n', '\u00a0'];
const textArbitrary = fc
  .array(fc.oneof(fc.constantFrom(...SPECIALS), fc.constantFrom('sleep', 'night', 'Zoë', '42', 'naïve', 'a', 'b'), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(''));

/** Inline content: text, line breaks, and elements with a Markdown form (or none: span) around more of it. */
type Inline = { readonly text: string } | { readonly br: true } | { readonly wrap: 'em' | 'strong' | 'a' | 'span'; readonly children: readonly Inline[] } | { readonly code: string };
const inlineArbitrary: fc.Arbitrary<readonly Inline[]> = fc.letrec<{ node: Inline; nodes: readonly Inline[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ text: textArbitrary }),
    fc.record({ code: textArbitrary }),
    fc.constant({ br: true as const }),
    fc.record({ wrap: fc.constantFrom('em' as const, 'strong' as const, 'a' as const, 'span' as const), children: tie('nodes') }),
  ),
  nodes: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
})).nodes;

type Block =
  | { readonly kind: 'p' | 'h1' | 'h2' | 'h3' | 'h5' | 'blockquote'; readonly inline: readonly Inline[] }
  | { readonly kind: 'pre'; readonly text: string }
  | { readonly kind: 'ul' | 'ol'; readonly items: readonly (readonly Inline[])[]; readonly nested: readonly (readonly Inline[])[] }
  | { readonly kind: 'table'; readonly rows: readonly (readonly (readonly Inline[])[])[] };

const blockArbitrary: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constantFrom('p' as const, 'p' as const, 'h1' as const, 'h2' as const, 'h3' as const, 'h5' as const, 'blockquote' as const), inline: inlineArbitrary }),
  fc.record({ kind: fc.constant('pre' as const), text: textArbitrary }),
  fc.record({ kind: fc.constantFrom('ul' as const, 'ol' as const), items: fc.array(inlineArbitrary, { minLength: 1, maxLength: 3 }), nested: fc.array(inlineArbitrary, { maxLength: 2 }) }),
  fc.integer({ min: 1, max: 3 }).chain((width) =>
    fc.record({ kind: fc.constant('table' as const), rows: fc.array(fc.array(inlineArbitrary, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 3 }) }),
  ),
);
const documentArbitrary = fc.array(blockArbitrary, { minLength: 1, maxLength: 5 });

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inlineHtml(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      if ('text' in n) return escapeHtml(n.text);
      if ('br' in n) return '<br>';
      if ('code' in n) return `<code>${escapeHtml(n.code)}</code>`;
      const inner = inlineHtml(n.children);
      return n.wrap === 'a' ? `<a href="https://example.com/a">${inner}</a>` : `<${n.wrap}>${inner}</${n.wrap}>`;
    })
    .join('');
}

/** The text a browser shows for inline content; a line break is whitespace. */
function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => ('text' in n ? n.text : 'br' in n ? '\n' : 'code' in n ? n.code : inlineText(n.children))).join('');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'ul':
    case 'ol': {
      const nested = block.nested.length > 0 ? `<ul>${block.nested.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>` : '';
      const items = block.items.map((i, n) => `<li>${inlineHtml(i)}${n === 0 ? nested : ''}</li>`);
      return `<${block.kind}>${items.join('')}</${block.kind}>`;
    }
    case 'table':
      return `<table>${block.rows.map((r) => `<tr>${r.map((c) => `<td>${inlineHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    case 'pre':
      return `<pre>${escapeHtml(block.text)}</pre>`;
    case 'blockquote':
      return `<blockquote><p>${inlineHtml(block.inline)}</p></blockquote>`;
    default:
      return `<${block.kind}>${inlineHtml(block.inline)}</${block.kind}>`;
  }
}

/** The text a block shows, blocks inside it apart. */
function blockText(block: Block): string {
  switch (block.kind) {
    case 'ul':
    case 'ol':
      return [...block.items.slice(0, 1), ...block.nested, ...block.items.slice(1)].map(inlineText).join('\n');
    case 'table':
      return block.rows.map((r) => r.map(inlineText).join('\n')).join('\n');
    case 'pre':
      return block.text;
    default:
      return inlineText(block.inline);
  }
}

/** Whitespace as a browser shows it: runs are one space, none at the ends. */
const flat = (s: string): string => s.replace(/\0/g, '').replace(/\s+/g, ' ').trim();

/** The texts an article shows: each section's title, then its passages (a table's cells apart, without its pipes). */
function shownTexts(article: Article): string[] {
  return article.sections.flatMap((s) => [
    ...(s.id === 'lead' ? [] : [s.title]),
    ...article.passages.filter((p) => p.sectionId === s.id).map((p) => (p.table ? [p.table.header, ...p.table.rows].flat().join('\n') : p.text)),
  ]);
}
