import { describe, expect, it } from 'vitest';
import type { CorpusFigures } from './measure';
import { checkTargets, corpusName, formatReport, formatTable, peerRatio } from './report';
import type { ImportFigures } from './imports';
import { type StartupFigures, startupRatio } from './startup';

function figures(name: string, over: Partial<CorpusFigures> = {}): CorpusFigures {
  return {
    name,
    passages: 1000,
    articles: 50,
    buildMs: 100,
    indexBytes: 2048,
    loadMs: 10,
    jsonParseMs: 5,
    heapBytesPerPassage: 4000,
    keystroke: { p50Ms: 1, p95Ms: 4, p99Ms: 6 },
    engine: { p50Ms: 0.5, p95Ms: 3, p99Ms: 5 },
    minisearch: { p50Ms: 10, p95Ms: 20, p99Ms: 30 },
    queries: 200,
    keystrokes: 2000,
    typoQueries: 40,
    ...over,
  };
}

describe('corpusName', () => {
  it('names round sizes in thousands', () => {
    expect(corpusName(1000)).toBe('1k');
    expect(corpusName(50_000)).toBe('50k');
    expect(corpusName(1500)).toBe('1500');
  });
});

describe('checkTargets', () => {
  it('passes and fails each target on its corpus and skips targets of corpora not run', () => {
    const targets = checkTargets(
      [figures('bundled', { heapBytesPerPassage: 99_999 }), figures('10k', { keystroke: { p50Ms: 9, p95Ms: 9, p99Ms: 9 } }), figures('50k', { loadMs: 11 })],
      [{ corpus: 'bundled', keystrokes: 100, p50Ms: 10, p95Ms: 40 }, { corpus: '10k', keystrokes: 0, p50Ms: null, p95Ms: null, error: 'bench: no marks' }],
    );
    const verdict = Object.fromEntries(targets.map((t) => [t.target, t.pass]));
    expect(verdict).toEqual({
      '50k: keystroke p95 (search + suggest via the worker) ≤ 5 ms': true,
      '50k: MiniSearch p95 / keystroke p95 ≥ 3': true,
      '50k: load ms / JSON.parse ms ≤ 2': false,
      '50k: heap B/passage ≤ 5120': true,
      'bundled: keypress to paint p95 ≤ 50 ms': true,
      '10k: keypress to paint p95 ≤ 50 ms': null,
    });
    expect(targets.at(-1)!.note).toBe('bench: no marks');
    expect(checkTargets([], []).every((t) => t.pass === null)).toBe(true);
  });
});

describe('formatTable', () => {
  it('aligns the first column left and the others right', () => {
    expect(formatTable(['a', 'bb'], [['xyz', '1'], ['q', '22']])).toBe('a    bb\n---  --\nxyz   1\nq    22');
  });
});

describe('peerRatio', () => {
  it('divides the MiniSearch p95 by the app path keystroke p95', () => {
    expect(peerRatio(figures('50k'))).toBe(5);
    expect(peerRatio(figures('50k', { engine: { p50Ms: 1, p95Ms: 1, p99Ms: 1 } }))).toBe(5);
  });
});

describe('formatReport', () => {
  it('prints a library row and a search row per corpus and names every missed target', () => {
    const corpora = [figures('50k', { keystroke: { p50Ms: 5, p95Ms: 8, p99Ms: 20 } })];
    const text = formatReport({ corpora, paint: [], targets: checkTargets(corpora, []) });
    expect(text).toMatch(/^50k +1000 +100 +2 +10\.0 +5\.0 +2\.00 +4000$/m);
    expect(text).toMatch(/^50k +2000 +5\.000 +8\.000 +20\.000 +0\.500 +3\.000 +10\.000 +20\.000 +30\.000 +2\.50×$/m);
    expect(text).toContain('FAIL  50k: keystroke p95 (search + suggest via the worker) ≤ 5 ms  (measured: 8)');
    expect(text).toContain('FAIL  50k: MiniSearch p95 / keystroke p95 ≥ 3  (measured: 2.5)');
    expect(text).toContain('PASS  50k: heap B/passage ≤ 5120  (measured: 4000)');
    expect(text).toMatch(/Missed 2 of \d+ targets/);
  });

  it('skips the 50k targets when that corpus was not run', () => {
    const corpora = [figures('10k')];
    const text = formatReport({ corpora, paint: [], targets: checkTargets(corpora, []) });
    expect(text).toContain('SKIP  50k: MiniSearch p95 / keystroke p95 ≥ 3  (not measured: corpus not run (see --sizes))');
    expect(text).toContain('All measured targets met.');
  });

  it('judges the store figures against their targets', () => {
    const p = (p95Ms: number) => ({ p50Ms: p95Ms / 2, p95Ms, p99Ms: p95Ms });
    const store = { bookmarks: 10_000, importBytes: 9.9e6, importMs: 6000, firstListMs: 100, list: p(49), add: p(21), update: p(3), remove: p(20), calls: 100 };
    const verdicts = Object.fromEntries(checkTargets([], [], [], store).filter((t) => t.target.startsWith('store')).map((t) => [t.target, t.pass]));
    expect(verdicts).toEqual({
      'store, 10,000 bookmarks: listBookmarks p95 ≤ 50 ms': true,
      'store, 10,000 bookmarks: add p95 ≤ 20 ms': false,
      'store, 10,000 bookmarks: update p95 ≤ 20 ms': true,
      'store, 10,000 bookmarks: remove p95 ≤ 20 ms': true,
      'store: import of the 9.9 MB export ≤ 5000 ms': false,
    });
  });
});

describe('the CLI start-up figures', () => {
  const startup = (medianMs: number, startupShare: number): StartupFigures => ({
    runs: 10,
    search: { medianMs, p95Ms: medianMs * 1.5 },
    baseline: { medianMs: 50, p95Ms: 60 },
    batch: { queries: 1000, totalMs: medianMs / startupShare, perQueryMs: 0.5, startupShare },
  });

  it('judges the single search and the batch against their targets', () => {
    const verdicts = (s: StartupFigures): (boolean | null)[] => checkTargets([], [], [], undefined, s).filter((t) => t.target.startsWith('cli')).map((t) => t.pass);
    expect(verdicts(startup(400, 0.3))).toEqual([true, true]);
    expect(verdicts(startup(501, 0.3))).toEqual([false, true]);
    expect(verdicts(startup(400, 0.51))).toEqual([true, false]);
    expect(checkTargets([], []).some((t) => t.target.startsWith('cli'))).toBe(false);
  });

  it('prints the median, the p95 and the ratio to node -e', () => {
    const s = startup(400, 0.25);
    const text = formatReport({ corpora: [], paint: [], startup: s, targets: checkTargets([], [], [], undefined, s) });
    expect(startupRatio(s)).toBe(8);
    expect(text).toMatch(/^quire search "dry mouth" +400\.0 +600\.0 +8\.00×$/m);
    expect(text).toMatch(/^node -e '' +50\.0 +60\.0 +1\.00×$/m);
    expect(text).toContain('1000 queries in one process (--queries): 1600 ms, 0.50 ms a query, start-up 25.0% of it');
    expect(text).toContain('PASS  cli: quire search "dry mouth", whole process, median ≤ 500 ms  (measured: 400)');
  });
});

describe('the import figures', () => {
  const imports = (duringP95: number, singleMs: readonly number[]): ImportFigures => ({
    files: 1000,
    passages: 50_000,
    totalMs: 40_000,
    msPer1000Passages: 800,
    baseline: { p50Ms: 1, p95Ms: 4, p99Ms: 6, count: 300 },
    during: { p50Ms: 5, p95Ms: duringP95, p99Ms: duringP95 * 2, count: 900 },
    rssAfterMb: 512.5,
    heapAfterMb: 60.1,
    singleMs,
  });

  it('judges the keystrokes during the import and the single file, the slowest of its runs', () => {
    const verdicts = (f: ImportFigures): (boolean | null)[] => checkTargets([], [], [], undefined, undefined, f).filter((t) => t.target.startsWith('import')).map((t) => t.pass);
    expect(verdicts(imports(30, [300, 400]))).toEqual([true, true]);
    expect(verdicts(imports(51, [300, 400]))).toEqual([false, true]);
    expect(verdicts(imports(30, [300, 1001]))).toEqual([true, false]);
    expect(checkTargets([], []).some((t) => t.target.startsWith('import'))).toBe(false);
  });

  it('prints the time per 1,000 passages, the memory after, and the keystrokes against before the import', () => {
    const f = imports(20, [310, 420]);
    const text = formatReport({ corpora: [], paint: [], imports: f, targets: checkTargets([], [], [], undefined, undefined, f) });
    expect(text).toContain('whole import 40000 ms: 800 ms per 1,000 passages; after it, RSS 512.5 MB');
    expect(text).toContain('one 100-passage file, dropped to searchable: 310, 420 ms');
    expect(text).toMatch(/^during the import +900 +5\.00 +20\.00 +40\.00 +5\.00×$/m);
    expect(text).toContain('PASS  import: a 100-passage file searchable ≤ 1000 ms (slowest of 2)  (measured: 420)');
  });
});
