import { describe, expect, it } from 'vitest';
import { CITATION_STYLES } from '../../shared/bookmarks';
import { cslItem, escapeHtml, loadCiter, type CitedWork } from './citation';

const citer = await loadCiter();
const formatCitation = citer.citation;
const citedQuote = citer.quote;

const dated: CitedWork = { id: 'sleep', title: 'Can Baclofen Help You Sleep?', published: '2025-11-18', source: 'Healthline', author: 'Jane Doe' };
const bare: CitedWork = { id: 'bare', title: 'Baclofen and Sjögren’s Syndrome' };

describe('Citer.citation', () => {
  it('cites in the plain style: title, author and source, date as the app writes it', () => {
    expect(formatCitation(dated, 'plain').text).toBe('Can Baclofen Help You Sleep? Jane Doe, Healthline. 18 November 2025');
  });

  it('says n.d. in the plain style when there is no date, and leaves out a source it lacks', () => {
    expect(formatCitation(bare, 'plain').text).toBe('Baclofen and Sjögren’s Syndrome. n.d.');
    expect(formatCitation({ ...dated, source: undefined, author: undefined }, 'plain').text).toBe('Can Baclofen Help You Sleep? 18 November 2025');
  });

  it('cites in APA: author, (date), italic title, site', () => {
    const apa = formatCitation(dated, 'apa');
    expect(apa.text).toBe('Jane Doe. (2025, November 18). Can Baclofen Help You Sleep? Healthline.');
    expect(apa.html).toBe('Jane Doe. (2025, November 18). <i>Can Baclofen Help You Sleep?</i> Healthline.');
  });

  it('cites in APA with (n.d.) and the title first when there is no date nor author', () => {
    expect(formatCitation(bare, 'apa').text).toBe('Baclofen and Sjögren’s Syndrome. (n.d.).');
  });

  it('cites in MLA: author, quoted title, italic container, day month year', () => {
    const mla = formatCitation(dated, 'mla');
    expect(mla.text).toBe('Jane Doe. “Can Baclofen Help You Sleep?” Healthline, 18 Nov. 2025.');
    expect(mla.html).toBe('Jane Doe. “Can Baclofen Help You Sleep?” <i>Healthline</i>, 18 Nov. 2025.');
  });

  it('says n.d. in MLA when there is no date, with or without a source', () => {
    expect(formatCitation(bare, 'mla').text).toBe('“Baclofen and Sjögren’s Syndrome.” n.d.');
    expect(formatCitation({ ...bare, source: 'Healthline' }, 'mla').text).toBe('“Baclofen and Sjögren’s Syndrome.” Healthline, n.d.');
  });

  it('keeps a title with double quotes and non-ASCII letters, quotes nested in MLA', () => {
    const work: CitedWork = { id: 'q', title: 'Why "Zzz" Isn’t Sleep: Ærø, Łódź and 睡眠', published: '2024-02-03' };
    expect(formatCitation(work, 'plain').text).toBe('Why “Zzz” Isn’t Sleep: Ærø, Łódź and 睡眠. 3 February 2024');
    expect(formatCitation(work, 'mla').text).toBe('“Why ‘Zzz’ Isn’t Sleep: Ærø, Łódź and 睡眠.” 3 Feb. 2024.');
    expect(formatCitation(work, 'apa').text).toContain('Why “Zzz” Isn’t Sleep: Ærø, Łódź and 睡眠');
  });

  it('escapes markup in every field of the HTML, in every style, and keeps it as text in the plain text', () => {
    const work: CitedWork = { id: 'x', title: 'A <b>bold</b> & <script>alert(1)</script> title', author: '<img src=x onerror=alert(1)>', source: 'R&D <i>Weekly</i>', published: '2020-01-01' };
    for (const style of CITATION_STYLES) {
      const { text, html } = formatCitation(work, style);
      expect(html, style).not.toMatch(/<(?!\/?i>)/);
      expect(html, style).toContain('A &lt;b&gt;bold&lt;/b&gt;');
      expect(html, style).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(text, style).toContain('A <b>bold</b> & <script>alert(1)</script> title');
      // APA sets a site's name in title case, which capitalises the "i" of "<i>" too.
      expect(text, style).toMatch(/R&D <i>Weekly<\/i>/i);
    }
  });
});

describe('cslItem', () => {
  it('takes the date only from an ISO date', () => {
    expect(cslItem(dated).issued).toEqual({ 'date-parts': [[2025, 11, 18]] });
    expect(cslItem({ ...bare, published: 'sometime in 2020' }).issued).toBeUndefined();
  });
});

describe('Citer.quote', () => {
  it('puts the words exactly as given, then the citation, then the link', () => {
    const quote = '  Baclofen is a muscle relaxant.\nIt acts on GABA-B receptors.  ';
    const clip = citedQuote(quote, dated, 'quire://article/sleep/p-2', 'plain');
    expect(clip.text).toBe(`${quote}\n\nCan Baclofen Help You Sleep? Jane Doe, Healthline. 18 November 2025\nquire://article/sleep/p-2`);
    expect(clip.html).toBe(
      '<blockquote>  Baclofen is a muscle relaxant.<br>It acts on GABA-B receptors.  </blockquote>' +
        '<p>Can Baclofen Help You Sleep? Jane Doe, Healthline. 18 November 2025<br><a href="quire://article/sleep/p-2">quire://article/sleep/p-2</a></p>',
    );
  });

  it('escapes the words and the link in the HTML', () => {
    const clip = citedQuote('x < y && "z" <script>', bare, 'quire://article/a"b/p', 'plain');
    expect(clip.html).toContain('<blockquote>x &#60; y &#38;&#38; &#34;z&#34; &#60;script&#62;</blockquote>');
    expect(clip.html).toContain('<a href="quire://article/a&#34;b/p">');
    expect(clip.text.startsWith('x < y && "z" <script>\n\n')).toBe(true);
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
