import { describe, expect, it } from 'vitest';
import type { Passage, Section } from '../../shared/model';
import { headingLevels, layoutArticle, tableOfContents } from './article-layout';

const section = (id: string, level: number, role?: Section['role']): Section => ({
  id,
  title: id.toUpperCase(),
  level,
  path: [id],
  ...(role && { role }),
});

const passage = (id: string, sectionId: string, kind: Passage['kind'] = 'paragraph', list?: Passage['list']): Passage => ({
  id,
  sectionId,
  kind,
  text: id,
  html: id,
  ...(list && { list }),
});

describe('headingLevels', () => {
  it('gives the lead no heading and never skips a level', () => {
    expect(headingLevels([section('lead', 1), section('a', 2), section('b', 4), section('c', 3), section('d', 2)])).toEqual([
      undefined,
      2,
      3,
      3,
      2,
    ]);
  });

  it('starts body headings at h2 even for a deeper first heading', () => {
    expect(headingLevels([section('a', 3), section('b', 3)])).toEqual([2, 2]);
  });
});

describe('layoutArticle', () => {
  it('groups consecutive list items of one list and keeps reading order', () => {
    const ul = { id: 'list-1', ordered: false };
    const ol = { id: 'list-2', ordered: true };
    const [layout] = layoutArticle({
      sections: [section('a', 2)],
      passages: [
        passage('p1', 'a'),
        passage('l1', 'a', 'list-item', ul),
        passage('l2', 'a', 'list-item', ul),
        passage('l3', 'a', 'list-item', ol),
        passage('p2', 'a'),
      ],
    });
    expect(layout?.blocks.map((b) => (b.type === 'list' ? `${b.ordered ? 'ol' : 'ul'}(${b.items.map((i) => i.id).join(',')})` : b.passage.id))).toEqual([
      'p1',
      'ul(l1,l2)',
      'ol(l3)',
      'p2',
    ]);
  });

  it('puts a question section’s question on its heading, not in its body', () => {
    const layouts = layoutArticle({
      sections: [section('faq', 2, 'faq'), section('q1', 3, 'question')],
      passages: [passage('q1-1', 'q1', 'question'), passage('q1-2', 'q1', 'answer')],
    });
    expect(layouts[1]?.question?.id).toBe('q1-1');
    expect(layouts[1]?.blocks.map((b) => (b.type === 'passage' ? b.passage.id : b.id))).toEqual(['q1-2']);
  });

  it('keeps a passage of an unknown section in the section before it', () => {
    const layouts = layoutArticle({ sections: [section('a', 2)], passages: [passage('p1', 'a'), passage('p2', 'nowhere')] });
    expect(layouts[0]?.blocks).toHaveLength(2);
  });
});

describe('tableOfContents', () => {
  it('nests sections by level and leaves out the lead', () => {
    const toc = tableOfContents([section('lead', 1), section('a', 2), section('faq', 2, 'faq'), section('q1', 3, 'question'), section('q2', 3, 'question')]);
    expect(toc.map((e) => [e.section.id, e.children.map((c) => c.section.id)])).toEqual([
      ['a', []],
      ['faq', ['q1', 'q2']],
    ]);
  });
});
