import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { fieldPostings, includesDoc, PackedPostings, serializeIndex } from './postings';
import { SearchIndex } from './search-index';

interface Doc {
  id: number;
  title: string;
  text: string;
}
const OPTIONS = { fields: ['title', 'text'], storeFields: [] as string[] };

/** An index whose documents are added out of order, with one removed, so ids are not 0..n-1. */
function sample(): SearchIndex<Doc> {
  const index = new SearchIndex<Doc>(OPTIONS);
  const docs: Doc[] = [
    { id: 30, title: 'Dry mouth', text: 'dry dry dry mouth' },
    { id: 10, title: 'Sleep', text: 'sleep and dry eyes' },
    { id: 20, title: 'Gone', text: 'removed dry text' },
    { id: 40, title: 'Mouth care', text: 'rinse the mouth' },
  ];
  index.addAll(docs);
  index.discard(20);
  index.vacuum();
  return index;
}

/** Every term's postings as plain data: term → field id → [doc, count] pairs in doc order. */
function postingsOf(index: SearchIndex<Doc>): Record<string, Record<number, [number, number][]>> {
  const out: Record<string, Record<number, [number, number][]>> = {};
  for (const [term, fields] of index.terms()) {
    out[term] = {};
    for (const fieldId of [0, 1]) {
      const p = fieldPostings(fields, fieldId);
      if (p) out[term]![fieldId] = Array.from(p.docs, (d, i) => [d, p.counts[i]!]);
    }
  }
  return out;
}

describe('packed postings', () => {
  it('read back exactly the postings MiniSearch had, as sorted arrays', () => {
    const index = sample();
    const loaded = SearchIndex.loadPacked<Doc>(serializeIndex(index), OPTIONS);
    expect(loaded.postings('dry')).toBeInstanceOf(PackedPostings);
    const expected = postingsOf(index);
    expect(postingsOf(loaded)).toEqual(expected);
    // 'dry' is in three documents' text, three times in the first; the removed one is gone.
    expect(expected['dry']![1]!.map(([, count]) => count).sort()).toEqual([1, 3]);
    expect(expected['removed']).toBeUndefined();
  });

  it('serve MiniSearch\u2019s own search as its own loader does', () => {
    const index = sample();
    const packed = SearchIndex.loadPacked<Doc>(serializeIndex(index), OPTIONS);
    const plain = MiniSearch.loadJSON<Doc>(JSON.stringify(index), OPTIONS);
    for (const q of ['dry', 'mouth', 'dry mouth', 'sleep eyes', 'rinse']) {
      expect(packed.search(q)).toEqual(plain.search(q));
      expect(packed.search(q, { combineWith: 'AND', fields: ['text'] })).toEqual(plain.search(q, { combineWith: 'AND', fields: ['text'] }));
    }
  });

  it('write each field as gaps between sorted document numbers, with their counts', () => {
    const js = JSON.parse(serializeIndex(sample())) as { postingsFormat: number; index: [string, Record<string, number[]>][] };
    expect(js.postingsFormat).toBe(1);
    const dry = js.index.find(([term]) => term === 'dry')![1];
    // Short ids: 30 → 0, 10 → 1 (20 was removed). 'dry' is in the text of both, 3 and 1 times.
    expect(dry['1']).toEqual([0, 3, 1, 1]);
    expect(dry['0']).toEqual([0, 1]);
  });

  it('load an index in MiniSearch\u2019s own format too', () => {
    const index = sample();
    const loaded = SearchIndex.loadPacked<Doc>(JSON.stringify(index), OPTIONS);
    expect(loaded.search('dry mouth')).toEqual(index.search('dry mouth'));
  });

  it('find a document number by binary search', () => {
    const docs = Int32Array.from([1, 4, 9, 12, 40]);
    for (const d of [1, 4, 9, 12, 40]) expect(includesDoc(docs, d)).toBe(true);
    for (const d of [0, 2, 10, 13, 41]) expect(includesDoc(docs, d)).toBe(false);
    expect(includesDoc(new Int32Array(0), 0)).toBe(false);
  });
});
