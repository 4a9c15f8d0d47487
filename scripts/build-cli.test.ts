import { rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../src/core/testing/temp-dir';
import { cliIsStale } from './build-cli.mjs';

describe('cliIsStale', () => {
  let dir: TempDir;
  let layout: { root: string; out: string; meta: string };
  /** Set a file's modification time, in seconds from now. */
  const age = (name: string, seconds: number): Promise<void> => {
    const at = new Date(Date.now() + seconds * 1000);
    return utimes(join(dir.path, name), at, at);
  };

  beforeEach(async () => {
    dir = await tempDir();
    layout = { root: dir.path, out: join(dir.path, 'out/cli/quire.js'), meta: join(dir.path, 'out/cli/meta.json') };
    for (const name of ['src/cli/main.ts', 'src/core/a.ts', 'package.json', 'scripts/build-cli.mjs']) await dir.write(name, '');
    await dir.write('out/cli/quire.js', '');
    await dir.write('out/cli/meta.json', JSON.stringify({ inputs: { 'src/cli/main.ts': {}, 'src/core/a.ts': {} } }));
    for (const name of ['src/cli/main.ts', 'src/core/a.ts', 'package.json', 'scripts/build-cli.mjs']) await age(name, -60);
  });
  afterEach(() => dir.remove());

  it('is fresh when every source is older than the build', () => {
    expect(cliIsStale(layout)).toBe(false);
  });

  it('is stale when a source, package.json or the build script is newer', async () => {
    for (const name of ['src/core/a.ts', 'package.json', 'scripts/build-cli.mjs']) {
      await age(name, 60);
      expect(cliIsStale(layout), name).toBe(true);
      await age(name, -60);
    }
  });

  it('is stale when a source is gone, or the build or its metafile is missing', async () => {
    await rm(join(dir.path, 'src/core/a.ts'));
    expect(cliIsStale(layout)).toBe(true);
    await dir.write('src/core/a.ts', '');
    await age('src/core/a.ts', -60);
    await rm(layout.meta);
    expect(cliIsStale(layout)).toBe(true);
  });
});
