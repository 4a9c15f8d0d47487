import MiniSearch from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeIndex } from './postings';
import { checkInternals, INDEX_OPTIONS, SearchIndex, type SearchDoc } from './search-index';

const DOCS: SearchDoc[] = [
  { id: 0, title: 'Dry mouth', heading: 'Causes', text: 'Saliva keeps the mouth wet.' },
  { id: 1, title: 'Sleep', heading: '', text: 'Baclofen at night.' },
];

function sample(): SearchIndex {
  const index = new SearchIndex<SearchDoc>(INDEX_OPTIONS);
  index.addAll(DOCS);
  return index;
}

afterEach(() => vi.restoreAllMocks());

describe('SearchIndex', () => {
  it('answers what the scorer reads: postings, fields, lengths, document numbers', () => {
    const index = sample();
    const text = index.fieldId('text')!;
    expect(index.fieldId('nope')).toBeUndefined();
    expect([...index.postings('mouth')!.keys()].sort()).toEqual([index.fieldId('title'), text].sort());
    // Field lengths count every word, stop words too: 5 and 3.
    expect(index.fieldLengths().get(0)![text]).toBe(5);
    expect(index.averageFieldLength(text)).toBe(4);
    expect([...index.documentIds()]).toEqual([[0, 0], [1, 1]]);
  });

  it('loads as a SearchIndex, with the library it was written with', () => {
    const loaded = SearchIndex.loadPacked<SearchDoc>(serializeIndex(sample(), { fingerprint: 'f', documents: 2 }), INDEX_OPTIONS);
    expect(loaded).toBeInstanceOf(SearchIndex);
    expect(loaded.writtenWith).toEqual({ fingerprint: 'f', documents: 2 });
    expect(loaded.search('saliva').map((r) => r.id)).toEqual([0]);
  });

  it('fails fast, naming the field, when MiniSearch internals are not what it reads', () => {
    const index = sample();
    (index as unknown as Record<string, unknown>)['_avgFieldLength'] = new Map();
    expect(() => checkInternals(index)).toThrow(/search index: MiniSearch's internal field '_avgFieldLength' is not an array of mean field lengths/);
    // As an upgrade that renamed a field would look to the loader.
    const loadJS = MiniSearch.loadJS.bind(MiniSearch);
    vi.spyOn(MiniSearch, 'loadJS').mockImplementation((js, options) => {
      const plain = loadJS(js, options) as unknown as Record<string, unknown>;
      plain['_documentIdMap'] = plain['_documentIds'];
      delete plain['_documentIds'];
      return plain as unknown as MiniSearch;
    });
    expect(() => SearchIndex.loadPacked<SearchDoc>(serializeIndex(sample()), INDEX_OPTIONS)).toThrow(/internal field '_documentIds' is not a Map of document ids/);
  });
});
