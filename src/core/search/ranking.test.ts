/**
 * Each ranking rule, on a small library made for it: every test here fails when its rule is
 * taken out (the comments say how each was checked). Each test gives the passage the rule must
 * beat an edge (order, or length) that wins when the rule is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary, type LoadedLibrary } from '../content/build';
import { search } from './search';
import { articleSource, tempDir, type TempDir } from '../testing/temp-dir';
import { Vocabulary, collectVocabulary } from './vocabulary';

let dir: TempDir;
let loaded: LoadedLibrary;
const filler = (n: number): string => Array.from({ length: n }, (_, i) => `filler${i % 7}`).join(' ');

beforeAll(async () => {
  dir = await tempDir('quire-ranking-');
  const article = (id: string, published: string, title: string, body: string, extra = ''): Promise<string> =>
    dir.write(`${id}.md`, articleSource({ front: `id: ${id}\ntitle: "${title}"\npublished: ${published}\nsource: Test.${extra}`, body }));
  // Library order is newest first: a (2026) before b (2025) before c (2024) and so on.
  await article(
    'a',
    '2026-01-05',
    'General notes',
    [
      // idf: "ordinary" is in many passages, "zeppelin" in one; the ordinary passage says its word twice.
      'ordinary ordinary cargo notes',
      'zeppelin cargo notes today',
      ...Array.from({ length: 8 }, (_, i) => `ordinary paragraph number ${i} of the filler kind`),
      // length: the same word once, in a long passage first and a short one after.
      `propeller ${filler(40)}`,
      'propeller blade',
      // side by side: the same words, apart first, then together.
      'heat moves and then transfer happens',
      'heat transfer moves and then happens',
      // a comment with a better match than an editorial passage follows (see comments below).
    ].join('\n\n') + '\n',
  );
  await article('b', '2025-01-05', 'Other notes', '## Plain\n\nThe rudder was checked today\n\n## Rudder care\n\nThe hinge was checked today\n');
  await article('c', '2024-01-05', 'Organ matters', '## Notes\n\nRenal function was measured today\n\nThe stabiliser was measured today\n');
  await article('d', '2023-01-05', 'Stabiliser notes', '## Notes\n\nThe stabiliser was measured today\n\nKidney function was measured again today\n');
  await article(
    'e',
    '2022-01-05',
    'Maintenance log',
    '## Log\n\nThe gasket leaked again during the test\n\n::: comment author="Reader" time="2025-01-01T10:00"\n\nThe gasket leaked during the test\n\n:::\n',
  );
  await dir.write('synonyms.yaml', '- [kidney, renal]\n');
  loaded = await buildLibrary(dir.path);
});
afterAll(() => dir.remove());

const texts = (q: string): string[] => search(loaded, q, { limit: 50 }).results.map((r) => r.text);
const before = (q: string, first: string, second: string): void => {
  const order = texts(q);
  const [i, j] = [order.findIndex((t) => t.includes(first)), order.findIndex((t) => t.includes(second))];
  expect(i, `"${first}" in ${JSON.stringify(order)}`).toBeGreaterThanOrEqual(0);
  expect(j, `"${second}" in ${JSON.stringify(order)}`).toBeGreaterThanOrEqual(0);
  expect(i, `"${first}" before "${second}" for "${q}": ${JSON.stringify(order)}`).toBeLessThan(j);
};

describe('ranking rules', () => {
  // Checked by returning 1 from Scorer.idf: the ordinary passage (tf 2) then wins.
  it('inverse document frequency: a rare word outweighs a common one said twice', () => {
    before('ordinary zeppelin', 'zeppelin cargo', 'ordinary ordinary');
  });

  // Checked by setting RANKING.fields.text.b to 0: the long passage, first in order, then ties and wins.
  it('length normalisation: a word in a short passage outweighs the same word in a long one', () => {
    before('propeller', 'propeller blade', 'propeller filler');
  });

  // Checked by setting RANKING.fields.title.weight to 0: article c, earlier in order, then ties and wins.
  it('field weights: a passage under a title with the word outweighs one without it', () => {
    const hits = search(loaded, 'stabiliser', { limit: 10 }).results.filter((r) => r.text.startsWith('The stabiliser'));
    expect(hits.map((h) => h.articleId)).toEqual(['d', 'c']);
  });

  // Checked by setting RANKING.adjacentBonus to 0: the two passages then tie and the first wins.
  it('side by side: query words together, in order, outweigh the same words apart', () => {
    before('heat transfer', 'heat transfer moves', 'heat moves');
  });

  // Checked by setting RANKING.commentWeight to 1: the shorter comment then wins.
  it('comments: an editorial passage outranks a comment that matches a little better', () => {
    const order = search(loaded, 'gasket leaked', { limit: 10 }).results.map((r) => r.kind);
    expect(order).toEqual(['paragraph', 'comment']);
  });

  // Checked by setting RANKING.synonymWeight to 1: the synonym's shorter passage then wins.
  it('synonyms: the word searched outranks its synonym, which still finds', () => {
    // The exact match's passage is a word longer: without the synonym's lower weight it loses.
    before('kidney', 'Kidney function', 'Renal function');
    before('renal', 'Renal function', 'Kidney function');
  });
});

describe('ranking rules: field weights', () => {
  // Every text three words long and every heading two, but the one with the word, which is three:
  // a heading's weight must make up for its length. Ties go to the heading (scored first).
  let uniform: LoadedLibrary;
  let d: TempDir;
  beforeAll(async () => {
    d = await tempDir('quire-fields-');
    await d.write('a.md', articleSource({ id: 'a', front: 'id: a\ntitle: "Alpha notes"\npublished: 2026-01-01\nsource: Test.', body: '## Plain care\n\nrudder checked today\n\n## Rudder care notes\n\nhinge checked today\n' }));
    await d.write('b.md', articleSource({ id: 'b', front: 'id: b\ntitle: "Beta notes"\npublished: 2025-01-01\nsource: Test.', body: '## Plain care\n\naileron checked today\n\n## Other care\n\nflap checked today\n' }));
    await d.write('c.md', articleSource({ id: 'c', front: 'id: c\ntitle: "Aileron notes"\npublished: 2024-01-01\nsource: Test.', body: '## Plain care\n\nspar checked today\n\n## Other care\n\nrib checked today\n' }));
    uniform = await buildLibrary(d.path);
  });
  afterAll(() => d.remove());
  const first = (q: string): string | undefined => {
    const r = search(uniform, q, { limit: 10 });
    const best = [...r.results.map((h) => ({ what: h.text, score: h.score })), ...r.titles.map((t) => ({ what: `title ${t.articleTitle}`, score: t.score }))];
    return best.sort((x, y) => y.score - x.score)[0]?.what;
  };

  // Checked by setting RANKING.fields.heading.weight to 1: the text's match then wins.
  it('a word in the heading outweighs the same word in the text', () => {
    expect(first('rudder')).toBe('hinge checked today');
  });

  // Checked by setting RANKING.fields.title.weight to 1: the two then tie and article b's passage wins.
  it('a word in the article title outweighs the same word in the text', () => {
    expect(first('aileron')).toBe('title Aileron notes');
  });
});

describe('typos', () => {
  const vocab = new Vocabulary(collectVocabulary(['vibrations librations calibrations effect effect effedct']));

  // Checked by dropping the stemCount test in Vocabulary.expandUncached: 'effedct' then joins.
  it('leave a word the library has as it is', () => {
    expect([...vocab.expand('effect', false).keys()]).toEqual(['effect']);
    expect(vocab.expand('effct', false).has('effect')).toBe(true);
  });

  // Checked by giving every expansion FUZZY_WEIGHT whatever its distance.
  it('weigh an expansion less with every edit', () => {
    const e = vocab.expand('vibrationz', false);
    expect(e.get('vibrat')).toBeGreaterThan(e.get('librat')!);
  });

  // Checked by dropping the rarity factor.
  it('weigh an expansion less the more common the word it reaches', () => {
    const rarity = (stem: string): number => (stem === 'librat' ? 0.2 : 1);
    const e = new Vocabulary(collectVocabulary(['vibrations librations'])).expand('kibrations', false, rarity);
    expect(e.get('vibrat')).toBeGreaterThan(e.get('librat')!);
  });

  it('never outrank an exact match, in a search', async () => {
    const d = await tempDir('quire-typos-');
    try {
      await d.write('a.md', articleSource({ id: 'a', body: '## S\n\nThe effedct was small\n\nThe effect was small\n\nThe effect was large\n' }));
      const lib = await buildLibrary(d.path);
      expect(search(lib, 'effect').results.map((r) => r.text)).toEqual(['The effect was small', 'The effect was large']);
      expect(search(lib, 'efect').results.map((r) => r.text)).toContain('The effect was small');
    } finally {
      await d.remove();
    }
  });
});

describe('completions while typing', () => {
  const vocab = new Vocabulary(collectVocabulary(['sleep sleepwalking sleepy']));

  // Checked by dropping the map.has test before completions in Vocabulary.expandUncached.
  it('read a word the library has as itself, and a partial word as its completions', () => {
    expect([...vocab.expand('sleep', true).keys()]).toEqual(['sleep']);
    expect([...vocab.expand('slee', true).keys()].sort()).toEqual(['slee', 'sleep', 'sleepi', 'sleepwalk']);
  });
});
