/**
 * A data folder that can be made to refuse writes for real, for the specs of failed saves: a
 * small tmpfs mounted on it, filled up to its last byte (where mounting is possible: as root, or
 * with CAP_SYS_ADMIN). Elsewhere, the folder itself is put aside and a plain file put in its place,
 * so that the store's writes into it fail with ENOTDIR: a real failure of the file system too,
 * though not the full disk. Nothing in the app or the web host knows about any of this.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from './fixtures';

/** Size of the tmpfs: room for a store of a few bookmarks, quick to fill. */
const DISK_SIZE = '512k';
/** The file that takes the free space. */
const FILLER = '.filler';

/** A data folder whose writes can be made to fail and to work again. */
export interface FillableDataDir {
  /** The folder, as the web host gets it. */
  readonly path: string;
  /** How writes are made to fail here, for the test's annotations. */
  readonly how: string;
  /** Make every write into the folder fail from now on. */
  fill(): Promise<void>;
  /** Let writes work again. */
  free(): Promise<void>;
  /** Undo everything (unmount, delete). */
  dispose(): Promise<void>;
}

/** Write zeros into a file until the file system has no room left (ENOSPC). */
async function fillUp(file: string): Promise<void> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (let size = chunk.length; size >= 1; ) {
      try {
        const { bytesWritten } = await handle.write(chunk, 0, size);
        if (bytesWritten < size) size = Math.floor(size / 2);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        size = Math.floor(size / 2);
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Make a fresh data folder on a small tmpfs of its own, or (where mounting is impossible) one
 * that can be swapped for a file.
 */
export async function fillableDataDir(): Promise<FillableDataDir> {
  const path = await mkdtemp(join(tmpdir(), 'quire-e2e-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_SIZE},mode=0700`, 'tmpfs', path], { encoding: 'utf8' });
  if (mounted.status === 0) {
    return {
      path,
      how: `a ${DISK_SIZE} tmpfs filled to its last byte`,
      fill: () => fillUp(join(path, FILLER)),
      free: () => rm(join(path, FILLER), { force: true }),
      async dispose() {
        const unmounted = spawnSync('umount', [path], { encoding: 'utf8' });
        if (unmounted.status !== 0) throw new Error(`full-disk: umount ${path} failed: ${unmounted.stderr}`);
        await rm(path, { recursive: true, force: true });
      },
    };
  }
  const aside = `${path}.aside`;
  return {
    path,
    how: `no tmpfs (mount said: ${(mounted.stderr || mounted.error?.message || '').trim()}); the data folder is swapped for a file instead`,
    async fill() {
      await rename(path, aside);
      await writeFile(path, 'not a folder');
    },
    async free() {
      await rm(path, { force: true });
      await rename(aside, path);
    },
    async dispose() {
      await rm(aside, { recursive: true, force: true });
      await rm(path, { recursive: true, force: true });
    },
  };
}

/** The app's fixtures, with the data folder on a disk the test can fill ({@link FillableDataDir}). */
export const diskTest = test.extend<{ disk: FillableDataDir }>({
  disk: async ({}, use, testInfo) => {
    const disk = await fillableDataDir();
    testInfo.annotations.push({ type: 'full disk', description: disk.how });
    await use(disk);
    await disk.dispose();
  },
  dataDir: async ({ disk }, use) => {
    await use(disk.path);
  },
});
