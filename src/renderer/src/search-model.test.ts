import { describe, expect, it } from 'vitest';
import type { SearchFacet, SearchHit, SearchResponse, TitleHit } from '../../shared/api';
import type { PassageKind } from '../../shared/model';
import {
  articleChips,
  breadcrumb,
  buildListModel,
  groupHits,
  hasFilters,
  kindChips,
  filterCount,
  nextOptionKey,
  NO_FILTERS,
  optionStarts,
  pageText,
  readingLines,
  recentOptions,
  resultPage,
  resultsRoute,
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
    sectionPath: ['Part', 'Section'],
    passageId,
    kind,
    text: 'text',
    snippet: 'text',
    highlights: [],
    matches: [],
    score,
  };
}

function title(articleId: string, score = 1): TitleHit {
  return { articleId, articleTitle: `Title of ${articleId}`, highlights: [[0, 5]], score };
}

function response(results: SearchHit[], total = results.length, titles: TitleHit[] = [], articles: SearchFacet[] = []): SearchResponse {
  return { query: 'q', total, results, titles, articles, articleTotal: articles.filter((a) => a.count > 0).length, kinds: [] };
}

describe('groupHits', () => {
  it('groups by article in the order of each best hit, keeping hit order', () => {
    const groups = groupHits([hit('a', '1'), hit('b', '2'), hit('a', '3'), hit('c', '4'), hit('b', '5')], []);
    expect(groups.map((g) => [g.articleId, g.options.map((o) => o.key)])).toEqual([
      ['a', ['hit:a/1', 'hit:a/3']],
      ['b', ['hit:b/2', 'hit:b/5']],
      ['c', ['hit:c/4']],
    ]);
  });

  it('puts an article whose title matched once, first in its group, above its passages', () => {
    const groups = groupHits([hit('a', '1', 'paragraph', 3), hit('b', '2', 'paragraph', 2), hit('b', '3', 'paragraph', 1)], [], 3, [title('b', 1)]);
    expect(groups.map((g) => [g.articleId, g.options.map((o) => o.key)])).toEqual([
      ['a', ['hit:a/1']],
      ['b', ['title:b', 'hit:b/2', 'hit:b/3']],
    ]);
    expect(groups[1]?.title?.articleId).toBe('b');
    // Counts are passages: the title is not one.
    expect(groups.map((g) => g.total)).toEqual([1, 2]);
  });

  it('orders groups by their best score, title or passage', () => {
    const groups = groupHits([hit('a', '1', 'paragraph', 3), hit('b', '2', 'paragraph', 2)], [], 2, [title('b', 5)]);
    expect(groups.map((g) => [g.articleId, g.score])).toEqual([
      ['b', 5],
      ['a', 3],
    ]);
  });

  it('makes an article found only by its title a group of that one option, with no passages', () => {
    const groups = groupHits([hit('a', '1', 'paragraph', 3)], [], 1, [title('z', 1), title('z', 0.5)]);
    expect(groups.map((g) => [g.articleId, g.total, g.options.map((o) => o.type)])).toEqual([
      ['a', 1, ['hit']],
      ['z', 0, ['title']],
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
  it('joins the section path', () => {
    expect(breadcrumb(hit('a', '1'))).toBe('Part › Section');
    expect(breadcrumb({ ...hit('a', '1'), sectionPath: ['Beginning'] })).toBe('Beginning');
  });
});

describe('statusText', () => {
  const facets = [
    { key: 'a', label: 'A', count: 9 },
    { key: 'b', label: 'B', count: 3 },
  ];

  it('counts passages and their articles, and says when only the best are shown', () => {
    expect(statusText(response([hit('a', '1')], 1, [], facets.slice(0, 1)), false)).toBe('1 passage in 1 article');
    expect(statusText(response([hit('a', '1')], 1200, [], facets), false)).toBe('1,200 passages in 2 articles, showing the best 1');
  });

  it('counts titles apart from passages', () => {
    expect(statusText(response([hit('a', '1')], 12, [title('a')], facets), false)).toBe('12 passages in 2 articles, showing the best 1 · 1 title');
    expect(statusText(response([], 0, [title('a'), title('b')]), false)).toBe('No passages · 2 titles');
  });

  it('counts only the articles an article filter keeps', () => {
    expect(statusText(response([hit('b', '1')], 1, [], facets), false, ['b'])).toBe('1 passage in 1 article');
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

describe('filterCount', () => {
  it('counts the chosen articles and kinds', () => {
    expect(filterCount(NO_FILTERS)).toBe(0);
    expect(filterCount(toggleKind(toggleArticle(NO_FILTERS, { key: 'a', label: 'A', count: 1 }), 'comment'))).toBe(2);
  });
});

describe('readingLines', () => {
  it('says what was searched for a corrected query, with what was typed', () => {
    const readAs = { query: 'baclofen sleep', corrections: [{ typed: 'baclofin', searched: 'baclofen' }], synonyms: [] };
    expect(readingLines(readAs, ' baclofin sleep ')).toEqual([{ type: 'correction', searched: 'baclofen sleep', typed: 'baclofin sleep' }]);
  });

  it('gives a synonym its label, or else the words searched', () => {
    const readAs = {
      query: 'lioresal spasm',
      corrections: [],
      synonyms: [
        { word: 'Lioresal', searched: ['baclofen'], label: 'a brand name of baclofen' },
        { word: 'spasm', searched: ['cramp', 'twitch'] },
        { word: 'x', searched: ['y'], label: '  ' },
      ],
    };
    expect(readingLines(readAs, 'lioresal spasm')).toEqual([
      { type: 'synonym', word: 'Lioresal', text: 'a brand name of baclofen' },
      { type: 'synonym', word: 'spasm', text: 'also searched as cramp, twitch' },
      { type: 'synonym', word: 'x', text: 'also searched as y' },
    ]);
  });

  it('has nothing to say when every word was searched as typed', () => {
    expect(readingLines(undefined, 'q')).toEqual([]);
  });
});

describe('resultPage and pageText', () => {
  it('places a page in the list, with the offsets of its neighbours', () => {
    expect(resultPage(0, 50, 137)).toEqual({ first: 1, last: 50, total: 137, next: 50 });
    expect(resultPage(50, 50, 137)).toEqual({ first: 51, last: 100, total: 137, previous: 0, next: 100 });
    expect(resultPage(100, 50, 137)).toEqual({ first: 101, last: 137, total: 137, previous: 50 });
    expect(pageText(resultPage(100, 50, 137))).toBe('Results 101–137 of 137');
    expect(pageText(resultPage(0, 50, 1200))).toBe('Results 1–50 of 1,200');
  });

  it('has no pages for no passages', () => {
    expect(resultPage(0, 50, 0)).toEqual({ first: 0, last: 0, total: 0 });
    expect(pageText(resultPage(0, 50, 0))).toBe('No passages');
  });
});

describe('resultsRoute', () => {
  it('carries the query, the filters and the page', () => {
    expect(resultsRoute('q', NO_FILTERS)).toEqual({ name: 'results', query: 'q' });
    const filters = toggleKind(toggleArticle(NO_FILTERS, { key: 'a', label: 'A', count: 1 }), 'comment');
    expect(resultsRoute('q', filters, 50)).toEqual({ name: 'results', query: 'q', offset: 50, articleIds: ['a'], kinds: ['comment'] });
  });
});
