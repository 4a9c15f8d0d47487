import { describe, expect, it } from 'vitest';
import type { Article, Passage, Section } from '../../shared/model';
import { cssString, pageRules, printableArticle } from './print-model';

function section(id: string, level: number, role?: Section['role']): Section {
  return { id, title: id.toUpperCase(), level, path: [id], ...(role && { role }) };
}

function passage(id: string, sectionId: string, kind: Passage['kind'] = 'paragraph'): Passage {
  return { id, kind, sectionId, text: id, html: id };
}

const ARTICLE: Article = {
  id: 'a',
  title: 'A',
  source: 's',
  topics: [],
  wordCount: 10,
  commentCount: 2,
  sections: [section('lead', 1), section('one', 2), section('one-a', 3), section('faq', 2, 'faq'), section('q1', 3, 'question'), section('two', 2)],
  passages: [
    passage('lead-1', 'lead'),
    passage('one-1', 'one'),
    passage('one-a-1', 'one-a'),
    passage('q1-q', 'q1', 'question'),
    passage('q1-a', 'q1', 'answer'),
    passage('two-1', 'two'),
  ],
  comments: [passage('c1', 'comments', 'comment'), passage('c2', 'comments', 'comment')],
};

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('printableArticle', () => {
  it('prints the whole article, with comments only when chosen', () => {
    const without = printableArticle(ARTICLE, { scope: 'article', includeComments: false });
    expect(ids(without.passages)).toEqual(ids(ARTICLE.passages));
    expect(without.comments).toEqual([]);
    expect(without.part).toBeUndefined();
    expect(ids(printableArticle(ARTICLE, { scope: 'article', includeComments: true }).comments)).toEqual(['c1', 'c2']);
  });

  it('prints a section with its subsections and never the comments', () => {
    const one = printableArticle(ARTICLE, { scope: 'section', sectionId: 'one', includeComments: true });
    expect(ids(one.sections)).toEqual(['one', 'one-a']);
    expect(ids(one.passages)).toEqual(['one-1', 'one-a-1']);
    expect(one.comments).toEqual([]);
    expect(one.part).toBe('Section: ONE');
    expect(ids(printableArticle(ARTICLE, { scope: 'section', sectionId: 'faq', includeComments: false }).passages)).toEqual(['q1-q', 'q1-a']);
    const lead = printableArticle(ARTICLE, { scope: 'section', sectionId: 'lead', includeComments: false });
    expect(ids(lead.passages)).toEqual(['lead-1']);
    // The lead is named by its own section title (the engine names it), never a made-up one.
    expect(lead.part).toBe('Section: LEAD');
  });

  it('prints selected passages in reading order under their headings, with a question heading for an answer', () => {
    const picked = printableArticle(ARTICLE, { scope: 'selection', selectedIds: ['two-1', 'q1-a', 'c2'], includeComments: true });
    expect(ids(picked.sections)).toEqual(['q1', 'two']);
    expect(ids(picked.passages)).toEqual(['q1-q', 'q1-a', 'two-1']);
    expect(ids(picked.comments)).toEqual(['c2']);
    expect(picked.part).toBe('3 selected passages');
    const noComments = printableArticle(ARTICLE, { scope: 'selection', selectedIds: ['c2'], includeComments: false });
    expect(noComments.comments).toEqual([]);
    expect(noComments.part).toBe('0 selected passages');
  });

  it('prints no article text for the bookmarks list', () => {
    const list = printableArticle(ARTICLE, { scope: 'bookmarks', includeComments: true });
    expect([list.sections, list.passages, list.comments]).toEqual([[], [], []]);
  });
});

describe('pageRules', () => {
  it('sets paper, margins, the running header and page numbers', () => {
    const css = pageRules({ paper: 'Letter', margins: 'wide', runningHead: 'Baclofen "and" sleep' });
    expect(css).toContain('size: Letter');
    expect(css).toContain('margin: 30mm 30mm 30mm');
    expect(css).toContain('@top-left { content: "Baclofen \\"and\\" sleep"');
    expect(css).toContain('counter(page) " of " counter(pages)');
  });
});

describe('cssString', () => {
  it('escapes what would end or break the string', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
    expect(cssString('} body { display: none')).toBe('"} body { display: none"');
  });
});
