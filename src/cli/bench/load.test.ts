import { describe, expect, it } from 'vitest';
import { type LoadFigures, LOAD_MIX, loadCalls, type LoadMaterial } from './load';
import { againstCore, checkTargets, formatReport, heapGrowthMb } from './report';

const material: LoadMaterial = {
  articleIds: ['a', 'b'],
  passages: [{ articleId: 'a', passageId: 'p1' }, { articleId: 'b', passageId: 'p2' }],
  words: ['sleep', 'mouth', 'taper'],
};

describe('loadCalls', () => {
  it('draws the same calls from the same seed, in about the mix shares', () => {
    const calls = loadCalls(10_000, material, 7);
    expect(calls).toHaveLength(10_000);
    expect(loadCalls(10_000, material, 7)).toEqual(calls);
    expect(loadCalls(10_000, material, 8)).not.toEqual(calls);
    const count = (m: string): number => calls.filter((c) => c.method === m).length;
    const total = Object.values(LOAD_MIX).reduce((a, b) => a + b, 0);
    // Shares are of draws; a bookmark draw makes two calls.
    const draws = 10_000 / (1 + LOAD_MIX.bookmark / total);
    expect(count('search') / draws).toBeCloseTo(LOAD_MIX.search / total, 1);
    expect(count('getSettings') / draws).toBeCloseTo(LOAD_MIX.getSettings / total, 1);
    expect(count('addBookmark')).toBeGreaterThan(0);
  });

  it('follows every add with its remove, so the store ends as it began', () => {
    for (const n of [1, 2, 3, 101]) {
      const calls = loadCalls(n, material, 3);
      expect(calls).toHaveLength(n);
      calls.forEach((c, i) => {
        if (c.method === 'addBookmark') expect(calls[i + 1]?.method).toBe('removeBookmark');
        if (c.method === 'removeBookmark') expect(calls[i - 1]?.method).toBe('addBookmark');
      });
    }
  });
});

const figures = (path: string, over: Partial<LoadFigures> = {}): LoadFigures => ({
  path,
  calls: 10_000,
  errors: 0,
  medianMs: 0.2,
  p95Ms: 1,
  callsPerSecond: 3000,
  heapBeforeBytes: 20 * 1024 * 1024,
  heapAfterBytes: 21 * 1024 * 1024,
  ...over,
});

describe('load figures in the report', () => {
  it('gives heap growth in MB and the web host against the core', () => {
    const core = figures('core');
    const web = figures('web host', { medianMs: 1.3, callsPerSecond: 600, heapAfterBytes: 19 * 1024 * 1024 });
    expect(heapGrowthMb(core)).toBe(1);
    expect(heapGrowthMb(web)).toBe(-1);
    expect(againstCore(web, core)).toEqual({ median: 6.5, throughput: 0.2 });
    expect(againstCore(core, core)).toBeNull();
  });

  it('fails the targets on errors or heap growth, and prints a row per path', () => {
    const load = [figures('core'), figures('web host', { errors: 2, firstError: 'search: boom', heapAfterBytes: 40 * 1024 * 1024 })];
    const targets = checkTargets([], [], load);
    expect(Object.fromEntries(targets.filter((t) => t.target.includes('API')).map((t) => [t.target, t.pass]))).toEqual({
      'core: errors in 10000 API calls = 0': true,
      'core: heap growth over 10000 API calls ≤ 8 MB': true,
      'web host: errors in 10000 API calls = 0': false,
      'web host: heap growth over 10000 API calls ≤ 8 MB': false,
    });
    const text = formatReport({ corpora: [], paint: [], load, targets });
    expect(text).toMatch(/^core +10000 +0 +0\.200 +1\.000 +3000 +20\.0 +21\.0 +\+1\.00$/m);
    expect(text).toMatch(/^web host +10000 +2 +0\.200 +1\.000 +3000 +1\.00× +1\.00× +20\.0 +40\.0 +\+20\.00$/m);
    expect(text).toContain('first error (web host): search: boom');
  });
});
