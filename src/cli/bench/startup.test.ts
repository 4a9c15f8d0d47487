import { describe, expect, it } from 'vitest';
import { tempDir } from '../../core/testing/temp-dir';
import { measureStartup } from './startup';

describe('measureStartup', () => {
  it('times whole processes of the compiled CLI and one batch that answers every query', async () => {
    const dir = await tempDir();
    try {
      const queries = ['dry mouth', 'baclofen', 'sleep', 'swallowing'];
      const s = await measureStartup({ queries, scratch: dir.path, runs: 2 });
      expect(s.runs).toBe(2);
      expect(s.search.medianMs).toBeGreaterThan(0);
      expect(s.search.p95Ms).toBeGreaterThanOrEqual(s.search.medianMs);
      expect(s.baseline.medianMs).toBeGreaterThan(0);
      expect(s.batch.queries).toBe(queries.length);
      expect(s.batch.totalMs).toBeGreaterThan(0);
      expect(s.batch.startupShare).toBeCloseTo(s.search.medianMs / s.batch.totalMs, 2);
    } finally {
      await dir.remove();
    }
  }, 60_000);
});
