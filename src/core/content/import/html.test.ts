import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './html';

const fixtureBytes = (name: string): Uint8Array => readFileSync(new URL(`../../testing/fixtures/import/${name}`, import.meta.url));

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
