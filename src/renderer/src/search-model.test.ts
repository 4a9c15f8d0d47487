import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResponse } from '../../shared/api';
import type { PassageKind } from '../../shared/model';
import {
  articleChips,
  breadcrumb,
  buildListModel,
  groupHits,
  hasFilters,
  kindChips,
  nextLimit,
  nextOptionKey,
  NO_FILTERS,
  optionStarts,
  recentOptions,
  statusText,
  suggestionOptions,
  toggleArticle,
  toggleKind,
} from './search-model';

function hit(articleId: string, passageId: string, kind: PassageKind = 'paragraph', score = 1): SearchHit {
  return {
    articleId,
    articleTitle: `Title of ${articleId}`,
    sectionId: 's',
    sectionTitle: 'Section',
    sectionPath: [`Title of ${articleId}`, 'Part', 'Section'],
    passageId,
    kind,
    text: 'text',
    snippet: 'text',
    highlights: [],
    matches: [],
    score,
  };
}

function response(results: SearchHit[], total = results.length): SearchResponse {
  return { query: 'q', total, results, titles: [], articles: [], kinds: [] };
}

describe('groupHits', () => {
  it('groups by article in the order of each best hit, keeping hit order', () => {
    const groups = groupHits([hit('a', '1'), hit('b', '2'), hit('a', '3'), hit('c', '4'), hit('b', '5')], []);
    expect(groups.map((g) => [g.articleId, g.options.map((o) => o.hit.passageId)])).toEqual([
      ['a', ['1', '3']],
      ['b', ['2', '5']],
      ['c', ['4']],
    ]);
  });

  it('takes totals from the facets, never fewer than the hits shown', () => {
    const groups = groupHits([hit('a', '1'), hit('b', '2'), hit('b', '3')], [
      { key: 'a', label: 'A', count: 40 },
      { key: 'b', label: 'B', count: 1 },
    ]);
    expect(groups.map((g) => g.total)).toEqual([40, 2]);
  });

  it('counts the hits themselves when every hit is shown', () => {
    const facets = [{ key: 'a', label: 'A', count: 40 }];
    expect(groupHits([hit('a', '1'), hit('a', '2')], facets, 2).map((g) => g.total)).toEqual([2]);
  });

  it('gives each hit a key that identifies it across answers', () => {
    const [group] = groupHits([hit('a', 'p-1')], []);
    expect(group?.options[0]?.key).toBe('hit:a/p-1');
  });
});

describe('suggestionOptions', () => {
  it('drops blanks, repeats and the text already typed', () => {
    const options = suggestionOptions(['dry mouth', 'Dry Mouth', '', 'dry', 'dryness'], ' Dry ');
    expect(options.map((o) => o.type === 'suggestion' && o.text)).toEqual(['dry mouth', 'dryness']);
  });
});

describe('recentOptions', () => {
  it('keeps the order and leaves out blanks', () => {
    expect(recentOptions(['b', ' ', 'a']).map((o) => o.key)).toEqual(['recent:b', 'recent:a']);
  });
});

describe('buildListModel and optionStarts', () => {
  it('lists options in the order shown and says where each part starts', () => {
    const groups = groupHits([hit('a', '1'), hit('b', '2'), hit('a', '3')], []);
    const list = buildListModel([], suggestionOptions(['x', 'y'], ''), groups);
    expect(list.options.map((o) => o.key)).toEqual(['suggest:x', 'suggest:y', 'hit:a/1', 'hit:a/3', 'hit:b/2']);
    expect(optionStarts(list)).toEqual({ suggestions: 0, groups: [2, 4] });
  });
});

describe('nextOptionKey', () => {
  const options = recentOptions(['a', 'b', 'c']);

  it('starts at the first or the last option', () => {
    expect(nextOptionKey(options, undefined, 1)).toBe('recent:a');
    expect(nextOptionKey(options, undefined, -1)).toBe('recent:c');
  });

  it('moves and wraps round', () => {
    expect(nextOptionKey(options, 'recent:a', 1)).toBe('recent:b');
    expect(nextOptionKey(options, 'recent:c', 1)).toBe('recent:a');
    expect(nextOptionKey(options, 'recent:a', -1)).toBe('recent:c');
  });

  it('starts afresh when the active option is gone, and gives nothing for no options', () => {
    expect(nextOptionKey(options, 'recent:gone', 1)).toBe('recent:a');
    expect(nextOptionKey([], undefined, 1)).toBeUndefined();
  });
});

describe('breadcrumb', () => {
  it('joins the section path, less a leading article title', () => {
    expect(breadcrumb(hit('a', '1'))).toBe('Part › Section');
    expect(breadcrumb({ ...hit('a', '1'), sectionPath: ['Lead'] })).toBe('Lead');
  });
});

describe('statusText', () => {
  it('counts results and says when only the best are shown', () => {
    expect(statusText(response([hit('a', '1')]), false)).toBe('1 result');
    expect(statusText(response([hit('a', '1')], 1200), false)).toBe('1,200 results, showing the best 1');
  });

  it('says when nothing was found, and when an answer is awaited', () => {
    expect(statusText(response([]), false)).toBe('No results for “q”.');
    expect(statusText(undefined, true)).toBe('Searching…');
    expect(statusText(undefined, false)).toBe('');
  });
});

describe('filters', () => {
  it('toggles articles and kinds, keeping kinds in their canonical order', () => {
    let f = toggleKind(toggleKind(NO_FILTERS, 'comment'), 'paragraph');
    expect(f.kinds).toEqual(['paragraph', 'comment']);
    f = toggleArticle(f, { key: 'a', label: 'A', count: 3 });
    expect(f.articles.map((a) => a.key)).toEqual(['a']);
    expect(hasFilters(f)).toBe(true);
    f = toggleArticle(toggleKind(toggleKind(f, 'comment'), 'paragraph'), { key: 'a', label: 'A', count: 3 });
    expect(hasFilters(f)).toBe(false);
  });

  it('makes article chips from the facets, keeping a chosen article the answer no longer has', () => {
    const filters = toggleArticle(NO_FILTERS, { key: 'gone', label: 'Gone', count: 2 });
    const chips = articleChips([{ key: 'a', label: 'A', count: 3 }], filters);
    expect(chips).toEqual([
      { key: 'a', label: 'A', count: 3, pressed: false },
      { key: 'gone', label: 'Gone', count: 0, pressed: true },
    ]);
  });

  it('makes kind chips in canonical order with words for labels', () => {
    const chips = kindChips(
      [
        { key: 'comment', label: 'comment', count: 4 },
        { key: 'list-item', label: 'list-item', count: 2 },
        { key: 'table', label: 'table', count: 0 },
      ],
      toggleKind(NO_FILTERS, 'quote'),
    );
    expect(chips.map((c) => [c.label, c.count, c.pressed])).toEqual([
      ['List items', 2, false],
      ['Quotes', 0, true],
      ['Comments', 4, false],
    ]);
  });
});

describe('nextLimit', () => {
  it('steps up to 200 and stops there', () => {
    expect(nextLimit(20)).toBe(50);
    expect(nextLimit(100)).toBe(200);
    expect(nextLimit(200)).toBeUndefined();
  });
});
