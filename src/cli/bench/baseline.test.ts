import { describe, expect, it } from 'vitest';
import { MiniSearchBaseline } from './baseline';

describe('MiniSearchBaseline', () => {
  const docs = [
    { id: 0, title: 'Baclofen for sleep', heading: '', text: 'Dry mouth at night' },
    { id: 1, title: 'Sjögren', heading: 'Swallowing', text: 'Sleep and muscle cramps' },
    { id: 2, title: 'Sjögren', heading: '', text: 'Sedatives and placebo' },
  ];
  const peer = new MiniSearchBaseline(docs);
  const ids = (typed: string): number[] => peer.search(typed).map((r) => r.id as number).sort();

  it('searches the title, heading and text of every passage', () => {
    expect(ids('baclofen')).toEqual([0]);
    expect(ids('swallowing')).toEqual([1]);
    expect(ids('placebo')).toEqual([2]);
  });

  it('completes the word being typed and forgives a typo within a fifth of its length', () => {
    expect(ids('mou')).toEqual([0]);
    expect(ids('swalowing')).toEqual([1]);
    expect(ids('muscel')).toEqual([]);
  });

  it('finds passages with any of the words, as MiniSearch combines with OR by default', () => {
    expect(ids('dry placebo')).toEqual([0, 2]);
  });

  it('keeps its defaults: stop words are searched and words are not stemmed', () => {
    expect(ids('and')).toEqual([1, 2]);
    expect(ids('sedating')).toEqual([]);
  });
});
