import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bookmark } from '../../shared/bookmarks';
import { JOURNAL_FILE, openStore, STORE_NAME, storeSetAsideNotice } from './store';
import { tempDir, type TempDir } from '../testing/temp-dir';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

const bookmark = (i: number): Bookmark => ({
  id: `damaged-store-${i}`,
  articleId: 'baclofen-sleep-aid',
  target: 'passage',
  targetId: `p-${i}`,
  quote: { exact: `Passage ${i}: réveillé à l’aube.`, prefix: '', suffix: '' },
  note: `note ${i} é`,
  tags: ['kept'],
  createdAt: '2026-11-22T07:00:00.000Z',
  updatedAt: '2026-11-22T07:00:00.000Z',
});

/** The bytes of a real store file with bookmarks, settings and recent searches. */
async function realStoreBytes(): Promise<Buffer> {
  const source = await tempDir();
  const { store } = await openStore(source.path);
  for (let i = 0; i < 3; i++) await store.addBookmark(bookmark(i));
  await store.updateSettings({ theme: 'dark' });
  await store.addRecentSearch('dry mouth');
  await store.compact();
  const bytes = readFileSync(store.path);
  await source.remove();
  return bytes;
}

describe('a store file truncated mid-write', () => {
  it('opens empty, with the cut file set aside byte for byte under a timestamped name, at every cut', async () => {
    const whole = await realStoreBytes();
    const accent = whole.indexOf(Buffer.from('é'));
    // The start, inside the first bookmark, inside a two-byte character, near the end, one byte short.
    const cuts = [0, 1, 40, accent + 1, Math.floor(whole.length / 2), whole.length - 10, whole.length - 1];
    for (const [k, cut] of cuts.entries()) {
      const at = await tempDir();
      const truncated = whole.subarray(0, cut);
      writeFileSync(join(at.path, `${STORE_NAME}.json`), truncated);
      const now = new Date(Date.UTC(2026, 10, 22, 6, 30, k));
      const { store, setAside } = await openStore(at.path, { now });
      const expected = join(at.path, `${STORE_NAME}.corrupt-2026-11-22T06-30-0${k}-000Z.json`);
      expect(setAside, `cut at ${cut}`).toBe(expected);
      expect(readFileSync(expected).equals(truncated), `cut at ${cut}`).toBe(true);
      expect(storeSetAsideNotice(expected)).toContain(expected);
      expect(store.bookmarks()).toEqual([]);
      await store.addRecentSearch('after');
      expect(readdirSync(at.path).sort()).toEqual([`${STORE_NAME}.corrupt-2026-11-22T06-30-0${k}-000Z.json`, JOURNAL_FILE, `${STORE_NAME}.json`]);
      await at.remove();
    }
  });
});

describe('store writes', () => {
  it('leave no temporary file behind', async () => {
    const { store } = await openStore(dir.path);
    for (let i = 0; i < 5; i++) await store.addBookmark(bookmark(i));
    await store.compact();
    expect(readdirSync(dir.path).sort()).toEqual([JOURNAL_FILE, `${STORE_NAME}.json`]);
  });
});
