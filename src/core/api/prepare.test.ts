/**
 * Preparing each kind of file the reader adds, from the bytes a host receives to the article:
 * the importer chosen by name or by content, a book's chapters as sections, and every refusal
 * in words for people. The importers' own tests cover what each does inside.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/user-library';
import { formatOf } from '../content/import/convert';
import { ROOT } from '../library/paths';
import { epub3 } from '../testing/epub';
import { prepareFile } from './prepare';

const FIXTURES = join(ROOT, 'src/core/testing/fixtures/import');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The article a file makes; fails the test with the reason when it makes none. */
function articleOf(name: string, bytes: Uint8Array): Article {
  const result = prepareFile(name, bytes);
  if (!result.ok) throw new Error(`${name} was refused: ${result.reason}`);
  return result.article.article;
}

/** Why a file is refused. */
function reasonOf(name: string, bytes: Uint8Array): string {
  const result = prepareFile(name, bytes);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.reason;
}

const words = (a: Article): string => [...a.passages, ...a.comments].map((p) => p.text).join('\n');

describe('prepareFile', () => {
  it('reads Markdown without front matter, titled by its first heading', () => {
    const article = articleOf('notes.md', encode('# My sleep notes\n\nBaclofen at night.\n\n## Week two\n\nBetter.\n'));
    expect(article.title).toBe('My sleep notes');
    expect(article.sections.map((s) => s.title)).toEqual(['Beginning', 'Week two']);
    expect(words(article)).toBe('Baclofen at night.\nBetter.');
  });

  it('reads a text file, a paragraph at each blank line, titled by its name', () => {
    const article = articleOf('dry_mouth-log.txt', encode('Woke with a dry mouth.\nDrank water.\n\n*Not* a heading: # nor a list - item.\n'));
    expect(article.title).toBe('dry mouth log');
    expect(article.passages.map((p) => p.text)).toEqual(['Woke with a dry mouth. Drank water.', '*Not* a heading: # nor a list - item.']);
  });

  it('reads a saved web page: its article in, the site around it out', () => {
    const article = articleOf('news-article.html', readFileSync(join(FIXTURES, 'news-article.html')));
    const text = words(article);
    expect(article.passages.length).toBeGreaterThan(4);
    // The page's own chrome, named in the fixture, is nowhere in the article.
    for (const chrome of ['Accept all cookies', 'Advertisement', 'Subscribe', 'Share on']) expect(text).not.toContain(chrome);
    expect(article.passages.every((p) => !/<script|onerror|javascript:/i.test(p.html))).toBe(true);
  });

  it('reads an EPUB book: its chapters in order, each a section titled as its contents name it', () => {
    const book = epub3({
      title: 'A Book of Nights',
      creators: ['Ann Author'],
      chapters: [
        { body: '<p><img src="cover.jpg" alt=""/></p>' },
        { title: 'First Night', body: '<h1>First Night</h1><p>Sleep came late.</p><h2>Later</h2><p>Then early.</p>' },
        { title: 'Part Two', body: '<h1>Part Two</h1>' },
        { title: 'Second Night', body: '<p>Dry mouth again.</p>' },
        { body: '<p>An afterword nobody named.</p>' },
      ],
    });
    const article = articleOf('nights.epub', book);
    expect(article.title).toBe('A Book of Nights');
    expect(article.author).toBe('Ann Author');
    // The cover has no words, and the first chapter's own heading is said once, as its section's title.
    // A part's title page keeps its title; a chapter the contents do not name is named by its place.
    expect(article.sections.map((s) => `${s.level} ${s.title}`)).toEqual(['2 First Night', '3 Later', '2 Part Two', '2 Second Night', '2 Chapter 4']);
    expect(words(article)).toBe('Sleep came late.\nThen early.\nDry mouth again.\nAn afterword nobody named.');
  });

  it('tells a file by its content when its name has no extension', () => {
    expect(formatOf('README', encode('<!DOCTYPE html><html><body><p>x</p></body></html>'))).toBe('html');
    expect(formatOf('book', epub3({ chapters: [{ title: 'One', body: '<p>x</p>' }] }))).toBe('epub');
    expect(formatOf('notes', encode('plain words'))).toBeUndefined();
    expect(formatOf('NOTES.MD', encode('x'))).toBe('markdown');
  });

  it('refuses, in words, a kind Quire does not read, an empty file and one too large', () => {
    expect(reasonOf('scan.pdf', encode('%PDF-1.7'))).toBe('Quire cannot read .pdf files: add Markdown (.md), text (.txt), saved web pages (.html) or EPUB books (.epub)');
    expect(reasonOf('empty.md', new Uint8Array(0))).toBe('the file is empty');
    expect(reasonOf('huge.txt', new Uint8Array(MAX_IMPORT_FILE_BYTES + 1))).toBe('it is larger than 48 MB, the most Quire reads in one file');
    expect(reasonOf('nav.html', encode('<html><body><nav><a href="/">Home</a></nav></body></html>'))).toMatch(/no article text/);
    expect(reasonOf('broken.epub', encode('PK\u0003\u0004 not really a zip'))).toMatch(/\w/);
  });

  it('carries the hash of the file’s bytes, so the same file again is known without reading it', () => {
    const bytes = encode('# Notes\n\nText.\n');
    const result = prepareFile('notes.md', bytes);
    expect(result.ok && result.article.sourceHash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.ok && result.article.sourceFile).toBe('notes.md');
  });
});
