import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../core/content/build';
import { exportJson } from '../../core/user/bookmark-io';
import { BUNDLED_CONTENT } from '../../core/library/paths';
import { manyBookmarks, measureStore } from './store';

describe('the store bench', () => {
  it('makes bookmarks on real passages whose export is the size asked for', async () => {
    const loaded = await buildLibrary(BUNDLED_CONTENT);
    const bookmarks = manyBookmarks(loaded, 40, 120_000);
    expect(bookmarks).toHaveLength(40);
    expect(new Set(bookmarks.map((b) => b.targetId)).size).toBe(40);
    for (const b of bookmarks) expect(loaded.library.article(b.articleId)?.passages.some((p) => p.id === b.targetId) || loaded.library.article(b.articleId)?.comments.some((p) => p.id === b.targetId)).toBe(true);
    const bytes = Buffer.byteLength(exportJson(bookmarks));
    expect(bytes).toBeGreaterThan(115_000);
    expect(bytes).toBeLessThanOrEqual(120_000);
  });

  it('imports them, then times list, add, update and remove through dispatch', async () => {
    const loaded = await buildLibrary(BUNDLED_CONTENT);
    const figures = await measureStore(loaded, () => {}, { bookmarks: 30, exportBytes: 60_000, calls: 5 });
    expect(figures).toMatchObject({ bookmarks: 30, calls: 5 });
    expect(figures.importBytes).toBeGreaterThan(55_000);
    for (const op of ['list', 'add', 'update', 'remove'] as const) expect(figures[op].p95Ms).toBeGreaterThan(0);
    expect(figures.importMs).toBeGreaterThan(0);
  });
});
