import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLibrary } from '../../core/content/build';
import { ROOT } from '../../core/library/paths';
import { search } from '../../core/search/search';
import { tempDir, type TempDir } from '../../core/testing/temp-dir';
import { readCollection } from './beir';
import { Bm25Index, bm25Terms } from './bm25';
import { writeCollectionArticles } from './library';
import { ndcg, recall, reciprocalRank } from './metrics';
import { documentRanking } from './run';

const run = promisify(execFile);
let dir: TempDir | undefined;
afterEach(async () => {
  await dir?.remove();
  dir = undefined;
});

/** A small collection in BEIR's layout. */
async function collection(files: { corpus?: string; queries?: string; qrels?: string } = {}): Promise<TempDir> {
  dir = await tempDir('quire-eval-test-');
  const docs = [
    { _id: 'a', title: 'Wing flutter', text: 'flutter of a swept wing at high speed' },
    { _id: 'b', title: 'Boundary layers', text: 'laminar boundary layer on a flat plate' },
    { _id: 'c', title: 'Heat transfer', text: 'heat transfer in a turbulent boundary layer' },
  ];
  await dir.write('corpus.jsonl', files.corpus ?? docs.map((d) => JSON.stringify(d)).join('\n'));
  await dir.write('queries.jsonl', files.queries ?? '{"_id": "1", "text": "turbulent boundary layer heat"}\n{"_id": "2", "text": "not judged"}\n');
  await dir.write('qrels/test.tsv', files.qrels ?? 'query-id\tcorpus-id\tscore\n1\tc\t2\n1\tb\t1\n');
  return dir;
}

describe('metrics', () => {
  const judged = new Map([
    ['x', 2],
    ['y', 1],
  ]);
  it('computes nDCG with linear gains and a log2 discount, against the ideal order', () => {
    expect(ndcg(['x', 'y'], judged, 10)).toBeCloseTo(1);
    const dcg = 1 / Math.log2(2) + 2 / Math.log2(3);
    const ideal = 2 / Math.log2(2) + 1 / Math.log2(3);
    expect(ndcg(['y', 'x'], judged, 10)).toBeCloseTo(dcg / ideal);
    expect(ndcg(['z', 'x'], judged, 1)).toBe(0);
  });
  it('computes recall and reciprocal rank at a depth', () => {
    expect(recall(['z', 'x'], judged, 100)).toBe(0.5);
    expect(recall(['z', 'x'], judged, 1)).toBe(0);
    expect(reciprocalRank(['z', 'w', 'y'], judged, 10)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['z', 'w', 'y'], judged, 2)).toBe(0);
  });
});

describe('readCollection', () => {
  it('reads documents, judged queries only, and grades above 0', async () => {
    const c = await readCollection((await collection()).path);
    expect(c.docs.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(c.queries).toEqual([{ id: '1', text: 'turbulent boundary layer heat' }]);
    expect([...c.qrels.get('1')!]).toEqual([
      ['c', 2],
      ['b', 1],
    ]);
  });
  it('names the file and line of a bad line', async () => {
    const d = await collection({ corpus: '{"_id": "a", "title": "T", "text": "x"}\n{"_id": 7, "title": 3}\n' });
    await expect(readCollection(d.path)).rejects.toThrow(/corpus\.jsonl:2: field "title" must be a string/);
    const q = await collection({ qrels: 'query-id\tcorpus-id\tscore\n1\tc\n' });
    await expect(readCollection(q.path)).rejects.toThrow(/test\.tsv:2: expected "query-id<TAB>corpus-id<TAB>score"/);
  });
  it('counts judged documents the corpus lacks, as relevant', async () => {
    const c = await readCollection((await collection({ qrels: 'query-id\tcorpus-id\tscore\n1\tc\t1\n1\tgone\t1\n' })).path);
    expect(c.missingJudged).toBe(1);
    expect(c.qrels.get('1')?.size).toBe(2);
  });
});

describe('bm25 baseline', () => {
  it('stems with Porter, drops Lucene stop words, and ranks by BM25', () => {
    expect(bm25Terms('The flows of a heated wing')).toEqual(['flow', 'heat', 'wing']);
    const index = new Bm25Index([
      { id: 'long', text: 'wing '.repeat(1) + 'other words here to make it long '.repeat(5) },
      { id: 'short', text: 'wing flutter' },
      { id: 'none', text: 'boundary layer' },
    ]);
    expect(index.search('wing', 10)).toEqual(['short', 'long']);
  });
});

describe('a collection as a library', () => {
  it('keeps every document text word for word, whatever Markdown it looks like', async () => {
    const tricky = [
      { id: 'x/1', title: '# Not a heading', text: '- not a list\n\n| not | a table |\n::: faq\n> not a quote <b>bold</b> *x* `y` [z](w) &amp; 1. \\ end' },
      { id: 'x-1', title: 'Second', text: 'plain' },
    ];
    dir = await tempDir('quire-eval-lib-');
    const byArticle = await writeCollectionArticles(tricky, dir.path);
    const loaded = await buildLibrary(dir.path);
    expect(loaded.library.articles).toHaveLength(2);
    const first = loaded.library.articles.find((a) => byArticle.get(a.id) === 'x/1')!;
    expect(first.title).toBe('# Not a heading');
    expect(first.passages.map((p) => p.text)).toEqual([tricky[0]!.text.replace(/\s+/g, ' ')]);
    expect(documentRanking(search(loaded, 'table quote'), (id) => byArticle.get(id))).toEqual(['x/1']);
  });
});

describe('npm run eval', () => {
  it('prints Quire and BM25 figures for a collection, in a process per system', async () => {
    const d = await collection();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', d.path, '--json'], { cwd: ROOT });
    const report = JSON.parse(stdout) as { queries: number; systems: { system: string; ndcg10: number; recall100: number; peakRssMB: number }[] };
    expect(report.queries).toBe(1);
    expect(report.systems.map((s) => s.system)).toEqual(['quire', 'bm25']);
    for (const s of report.systems) {
      expect(s.ndcg10).toBeGreaterThan(0.9);
      expect(s.recall100).toBe(1);
      expect(s.peakRssMB).toBeGreaterThan(10);
    }
  });
  it('names the file of a collection that cannot be read, with exit code 1', async () => {
    const err = await run(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', '/nonexistent-quire-dir'], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/eval: cannot read \/nonexistent-quire-dir\/corpus\.jsonl/);
  });
});
