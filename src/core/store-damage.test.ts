import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bookmark } from '../shared/bookmarks';
import { ROOT } from './paths';
import { openStore, STORE_NAME, storeSetAsideNotice } from './store';
import { tempDir, type TempDir } from './testing';

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
  const { store } = openStore(source.path);
  for (let i = 0; i < 3; i++) store.addBookmark(bookmark(i));
  store.updateSettings({ theme: 'dark' });
  store.addRecentSearch('dry mouth');
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
      const { store, setAside } = openStore(at.path, undefined, now);
      const expected = join(at.path, `${STORE_NAME}.corrupt-2026-11-22T06-30-0${k}-000Z.json`);
      expect(setAside, `cut at ${cut}`).toBe(expected);
      expect(readFileSync(expected).equals(truncated), `cut at ${cut}`).toBe(true);
      expect(storeSetAsideNotice(expected)).toContain(expected);
      expect(store.bookmarks()).toEqual([]);
      store.addRecentSearch('after');
      expect(readdirSync(at.path).sort()).toEqual([`${STORE_NAME}.corrupt-2026-11-22T06-30-0${k}-000Z.json`, `${STORE_NAME}.json`]);
      await at.remove();
    }
  });
});

describe('store writes', () => {
  it('leave no temporary file behind', () => {
    const { store } = openStore(dir.path);
    for (let i = 0; i < 5; i++) store.addBookmark(bookmark(i));
    expect(readdirSync(dir.path)).toEqual([`${STORE_NAME}.json`]);
  });

  it('survive a writer killed mid-run: the file left is whole, with every bookmark before the kill', async () => {
    // A writer that adds bookmarks with long notes (a long write each) until it is killed.
    const script = await dir.write(
      'writer.ts',
      `import { openStore } from ${JSON.stringify(join(ROOT, 'src/core/store.ts'))};
const { store } = openStore(process.argv[2]!);
let i = 0;
process.stdout.write('ready\\n');
for (;;) {
  store.addBookmark({ id: 'killed-writer-' + i, articleId: 'baclofen-sleep-aid', target: 'passage', targetId: 'p-' + i,
    quote: { exact: 'x', prefix: '', suffix: '' }, note: 'n'.repeat(9000), tags: [], createdAt: '2026-11-22T07:00:00.000Z', updatedAt: '2026-11-22T07:00:00.000Z' });
  i++;
}
`,
    );
    for (const delay of [150, 400, 700]) {
      const data = await tempDir();
      const child = spawn(process.execPath, ['--import', 'tsx', script, data.path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const { store, setAside } = openStore(data.path);
      expect(setAside, `killed after ${delay} ms`).toBeUndefined();
      const ids = store.bookmarks().map((b) => b.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(ids.map((_, i) => `killed-writer-${i}`));
      await data.remove();
    }
  });
});
