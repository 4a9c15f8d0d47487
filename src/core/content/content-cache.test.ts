import { chmod, chown, lstat, mkdir, readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_FILE, LIBRARY_FILE } from './build';
import { CACHE_DIR_MODE, cacheDirFor, cacheUntrustedReason, openCachedContent } from './content-cache';
import { defaultCacheDir, openContent } from '../library/paths';
import { search } from '../search/search';
import { articleSource, tempDir, type TempDir } from '../testing/temp-dir';

const isRoot = process.getuid?.() === 0;
/** A user id that is not the one running the tests. */
const OTHER_UID = 4242;

let dir: TempDir;
let content: string;
let root: string;
let cache: string;
beforeEach(async () => {
  dir = await tempDir();
  content = join(dir.path, 'content');
  root = join(dir.path, 'home-cache', 'Quire');
  cache = cacheDirFor(content, root);
  await dir.write('content/a.md', articleSource({ id: 'a', body: '## Sleep\n\nBaclofen may help you sleep.\n' }));
});
afterEach(() => dir.remove());

const modeOf = async (path: string): Promise<number> => (await lstat(path)).mode & 0o777;

/**
 * Plant a different title in the cached library, keeping its fingerprint: what an attacker
 * who could write the cache would do. Seeing it after opening proves the cache was loaded.
 */
async function plantTitle(title: string): Promise<void> {
  const file = join(cache, LIBRARY_FILE);
  const data = JSON.parse(await readFile(file, 'utf8')) as { articles: { title: string }[] };
  data.articles[0]!.title = title;
  await writeFile(file, JSON.stringify(data));
}

const titleOpened = async (): Promise<string> => (await openCachedContent(content, root)).library.articles[0]!.title;

describe('defaultCacheDir', () => {
  const saved = { platform: process.platform, xdg: process.env.XDG_CACHE_HOME, local: process.env.LOCALAPPDATA };
  const onPlatform = (platform: NodeJS.Platform): void => {
    Object.defineProperty(process, 'platform', { value: platform, configurable: true });
  };
  afterEach(() => {
    Object.defineProperty(process, 'platform', { value: saved.platform, configurable: true });
    for (const [key, value] of [['XDG_CACHE_HOME', saved.xdg], ['LOCALAPPDATA', saved.local]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("is the user's own cache folder on each platform, never the shared temp folder", () => {
    onPlatform('linux');
    process.env.XDG_CACHE_HOME = '/home/someone/.xdg-cache';
    expect(defaultCacheDir()).toBe('/home/someone/.xdg-cache/Quire');
    process.env.XDG_CACHE_HOME = 'relative/cache';
    expect(defaultCacheDir()).toBe(join(homedir(), '.cache', 'Quire'));
    delete process.env.XDG_CACHE_HOME;
    expect(defaultCacheDir()).toBe(join(homedir(), '.cache', 'Quire'));
    onPlatform('darwin');
    expect(defaultCacheDir()).toBe(join(homedir(), 'Library', 'Caches', 'Quire'));
    onPlatform('win32');
    process.env.LOCALAPPDATA = 'C:\\Users\\someone\\AppData\\Local';
    expect(defaultCacheDir()).toBe(join('C:\\Users\\someone\\AppData\\Local', 'Quire', 'Cache'));
  });

  it('is where openContent keeps the cache of a --content folder', async () => {
    process.env.XDG_CACHE_HOME = join(dir.path, 'xdg');
    await openContent(content);
    expect(await readdir(join(dir.path, 'xdg', 'Quire'))).toEqual([cacheDirFor(content, root).split('/').pop()]);
  });
});

describe('openCachedContent', () => {
  it('creates the cache folders with mode 0700 and loads the cache next time', async () => {
    expect(await titleOpened()).toBe('A Test Article');
    expect(await modeOf(root)).toBe(CACHE_DIR_MODE);
    expect(await modeOf(cache)).toBe(CACHE_DIR_MODE);
    expect(await cacheUntrustedReason(cache)).toBeUndefined();
    // The control for every test below: a cache only the user could write is loaded.
    await plantTitle('Planted');
    expect(await titleOpened()).toBe('Planted');
  });

  it('makes an existing cache root of its own private', async () => {
    await mkdir(root, { recursive: true, mode: 0o755 });
    await chmod(root, 0o755);
    await titleOpened();
    expect(await modeOf(root)).toBe(CACHE_DIR_MODE);
  });

  describe('rebuilds instead of loading a cache others could have written', () => {
    beforeEach(async () => {
      await titleOpened();
      await plantTitle('Planted');
    });

    it('a cache folder writable by other users', async () => {
      await chmod(cache, 0o777);
      expect(await cacheUntrustedReason(cache)).toMatch(/can be written by other users \(mode 777\)/);
      expect(await titleOpened()).toBe('A Test Article');
      // Rewritten as the user's own: loaded again next time.
      expect(await modeOf(cache)).toBe(CACHE_DIR_MODE);
      expect(await cacheUntrustedReason(cache)).toBeUndefined();
    });

    it('a cache file writable by its group', async () => {
      await chmod(join(cache, INDEX_FILE), 0o664);
      expect(await titleOpened()).toBe('A Test Article');
      expect(await cacheUntrustedReason(cache)).toBeUndefined();
    });

    it('a cache root writable by other users', async () => {
      await chmod(root, 0o777);
      expect(await titleOpened()).toBe('A Test Article');
      expect(await modeOf(root)).toBe(CACHE_DIR_MODE);
    });

    it('a cache file that is a link to a planted library', async () => {
      await writeFile(join(dir.path, 'planted.json'), await readFile(join(cache, LIBRARY_FILE)));
      await rename(join(cache, LIBRARY_FILE), join(dir.path, 'moved.json'));
      await symlink(join(dir.path, 'planted.json'), join(cache, LIBRARY_FILE));
      expect(await titleOpened()).toBe('A Test Article');
      expect((await lstat(join(cache, LIBRARY_FILE))).isFile()).toBe(true);
    });

    it('a cache root that is a link, without writing through it', async () => {
      const elsewhere = join(dir.path, 'elsewhere');
      await rename(root, elsewhere);
      await symlink(elsewhere, root);
      const before = await readFile(join(cacheDirFor(content, elsewhere), LIBRARY_FILE), 'utf8');
      expect(await titleOpened()).toBe('A Test Article');
      expect(await readFile(join(cacheDirFor(content, elsewhere), LIBRARY_FILE), 'utf8')).toBe(before);
    });

    it(isRoot ? 'a cache folder owned by another user (a real chown)' : 'a cache folder owned by another user (not root here, so no chown: a root-owned folder stands in)', async () => {
      if (isRoot) {
        await chown(cache, OTHER_UID, OTHER_UID);
        expect(await cacheUntrustedReason(cache)).toBe(`${cache} is owned by another user (uid ${OTHER_UID})`);
        expect(await titleOpened()).toBe('A Test Article');
        // Moved aside and replaced by the user's own folder; nothing else left in the root.
        expect((await lstat(cache)).uid).toBe(process.getuid!());
        expect(await readdir(root)).toEqual([cache.split('/').pop()]);
      } else {
        expect(await cacheUntrustedReason('/')).toMatch(/is owned by another user \(uid 0\)/);
      }
    });

    it(isRoot ? 'a cache file owned by another user (a real chown)' : 'a cache file owned by another user (not root here, so no chown: only the root-owned / is checked)', async () => {
      if (isRoot) {
        await chown(join(cache, LIBRARY_FILE), OTHER_UID, OTHER_UID);
        expect(await cacheUntrustedReason(cache)).toBe(`${join(cache, LIBRARY_FILE)} is owned by another user (uid ${OTHER_UID})`);
        expect(await titleOpened()).toBe('A Test Article');
        expect((await lstat(join(cache, LIBRARY_FILE))).uid).toBe(process.getuid!());
      } else {
        expect(await cacheUntrustedReason('/')).toMatch(/is owned by another user \(uid 0\)/);
      }
    });

    it(isRoot ? 'a cache root owned by another user (a real chown), and writes nothing into it' : 'a cache root owned by another user (not root here, so no chown: checked on /)', async () => {
      if (isRoot) {
        await chown(root, OTHER_UID, OTHER_UID);
        expect(await titleOpened()).toBe('A Test Article');
        expect((await lstat(root)).uid).toBe(OTHER_UID);
        expect(JSON.parse(await readFile(join(cache, LIBRARY_FILE), 'utf8')).articles[0].title).toBe('Planted');
      } else {
        expect((await openCachedContent(content, '/')).library.articles[0]!.title).toBe('A Test Article');
      }
    });
  });

  describe('rebuilds a cache that does not match its content or does not parse', () => {
    beforeEach(() => titleOpened());

    it('a library built from other files (its fingerprint differs)', async () => {
      const file = join(cache, LIBRARY_FILE);
      const data = JSON.parse(await readFile(file, 'utf8')) as { fingerprint: string; articles: { title: string }[] };
      data.fingerprint = data.fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      data.articles[0]!.title = 'Stale';
      await writeFile(file, JSON.stringify(data));
      expect(await titleOpened()).toBe('A Test Article');
    });

    it('content that changed since the cache was built', async () => {
      await plantTitle('Stale');
      await dir.write('content/a.md', articleSource({ id: 'a', front: 'id: a\ntitle: Changed\nsource: s' }));
      expect(await titleOpened()).toBe('Changed');
    });

    it('an index that is not the one written with the library', async () => {
      const other = join(dir.path, 'other');
      await dir.write('other/b.md', articleSource({ id: 'a', body: '## Swallowing\n\nPilocarpine helps a dry mouth.\n' }));
      await openCachedContent(other, root);
      await writeFile(join(cache, INDEX_FILE), await readFile(join(cacheDirFor(other, root), INDEX_FILE)));
      const loaded = await openCachedContent(content, root);
      expect(search(loaded, 'baclofen').results.length).toBeGreaterThan(0);
      expect(search(loaded, 'pilocarpine').results).toEqual([]);
    });

    it('files that do not parse', async () => {
      await writeFile(join(cache, INDEX_FILE), '{"not": "an index"');
      expect(await titleOpened()).toBe('A Test Article');
      await writeFile(join(cache, LIBRARY_FILE), 'garbage');
      expect(await titleOpened()).toBe('A Test Article');
      await writeFile(join(cache, LIBRARY_FILE), '{"format": 3, "articles": 7}');
      expect(await titleOpened()).toBe('A Test Article');
    });
  });
});
