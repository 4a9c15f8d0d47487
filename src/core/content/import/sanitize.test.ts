import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom';
import { decodeHtml } from './html';
import { safeUrl, sanitize } from './sanitize';

const hostile = (): Document => parseDocument(decodeHtml(readFileSync(new URL('../../testing/fixtures/import/hostile.html', import.meta.url))));

/** Everything the hostile page puts in front of a reader that runs, loads, embeds or asks. */
const DANGEROUS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'portal', 'svg', 'canvas', 'audio', 'video', 'source', 'track', 'area', 'form', 'input', 'button', 'select',
  'textarea', 'option', 'optgroup', 'datalist', 'keygen', 'link', 'base', 'meta', 'img',
];

describe('sanitize', () => {
  it('removes every element that runs, loads, embeds or asks for input, and every image', () => {
    const doc = hostile();
    // The fixture has one of each, or this test would prove nothing.
    for (const name of DANGEROUS) expect(doc.querySelector(name), name).not.toBeNull();
    sanitize(doc);
    for (const name of DANGEROUS) expect(doc.querySelector(name), name).toBeNull();
  });

  it('removes every on… handler, style and srcset', () => {
    const doc = hostile();
    sanitize(doc);
    for (const el of [doc.documentElement, ...doc.querySelectorAll('*')]) {
      expect(el.getAttributeNames().filter((n) => /^on|^style$|^srcset$/i.test(n)), el.outerHTML.slice(0, 80)).toEqual([]);
    }
  });

  it('leaves links only http, https and mailto addresses', () => {
    const doc = hostile();
    sanitize(doc);
    const hrefs = [...doc.querySelectorAll('[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://www.nhs.example/insomnia']);
    expect(doc.body.textContent).toContain('Blackout curtains');
  });

  it('leaves out what the page hides, and a <title> outside the head', () => {
    const doc = hostile();
    sanitize(doc);
    expect(doc.body.textContent).not.toContain('Hidden spam text');
    expect(doc.body.textContent).not.toContain('Body title text');
    expect(doc.head.querySelector('title')?.textContent).toBe('Ten Tips for Better Sleep');
  });

  it('keeps the metadata for Readability when asked, but never an http-equiv', () => {
    const doc = parseDocument('<head><meta name="author" content="A"><meta property="og:title" content="T"><meta http-equiv="refresh" name="x" content="0; url=javascript:alert(1)"><meta charset="utf-8"></head><p>x</p>');
    sanitize(doc, { keepMeta: true });
    expect([...doc.querySelectorAll('meta')].map((m) => m.getAttribute('content'))).toEqual(['A', 'T']);
    sanitize(doc);
    expect(doc.querySelector('meta')).toBeNull();
  });

  it('makes an image its alt text, set apart from the words around it', () => {
    const doc = parseDocument('<p>before<img src="https://x.example/a.png" alt="A  chart">after<img src="y.png">end</p>');
    sanitize(doc);
    expect(doc.body.innerHTML).toBe('<p>before A chart after end</p>');
  });

  it('removes comments', () => {
    const doc = parseDocument('<p>1<!-- x -->. Not a list</p>');
    sanitize(doc);
    expect(doc.body.innerHTML).toBe('<p>1. Not a list</p>');
  });
});

describe('safeUrl', () => {
  it('keeps http, https and mailto, normalized', () => {
    expect(safeUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeUrl('HTTP://Example.com')).toBe('http://example.com/');
    expect(safeUrl('mailto:someone@example.com')).toBe('mailto:someone@example.com');
  });

  it('refuses every other scheme however it is written', () => {
    for (const href of ['javascript:alert(1)', '  JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://example.com/']) {
      expect(safeUrl(href), JSON.stringify(href)).toBeUndefined();
    }
  });

  it('resolves a relative address against the base, and refuses it without one', () => {
    expect(safeUrl('/world', 'https://news.example/a/b')).toBe('https://news.example/world');
    expect(safeUrl('//cdn.example/x', 'https://news.example/')).toBe('https://cdn.example/x');
    expect(safeUrl('/world')).toBeUndefined();
    expect(safeUrl('#top', 'https://news.example/')).toBeUndefined();
  });
});
