import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibraryData, openLibrary } from './build';
import { MAX_CONTENT_FILE_BYTES } from './content-files';
import { ContentError } from './problems';
import { articleSource, tempDir, type TempDir } from '../testing/temp-dir';

let dir: TempDir;
let content: string;
const servers: Server[] = [];
beforeEach(async () => {
  dir = await tempDir();
  content = join(dir.path, 'content');
  await dir.write('content/good.md', articleSource({ id: 'good' }));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
  await dir.remove();
});

/** The build's problems for the content folder, as `name:line:column message`. */
async function problems(): Promise<string[]> {
  try {
    await buildLibraryData(content);
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map((p) => `${p.file.split('/').pop()}:${p.line}:${p.column} ${p.message}`);
    throw e;
  }
  return [];
}

const isRoot = process.getuid?.() === 0;

describe('the content build reads only regular files inside the content folder', () => {
  it('refuses a .md linked to /dev/zero without reading it', async () => {
    await symlink('/dev/zero', join(content, 'zero.md'));
    expect(await problems()).toEqual([
      'zero.md:1:1 is a symbolic link (to /dev/zero): the build reads only regular files in the content folder, never links, so put the file itself here',
    ]);
  });

  it('refuses links to a valid article outside the folder, and inside it too', async () => {
    await dir.write('elsewhere/secret.md', articleSource({ id: 'secret' }));
    await symlink(join(dir.path, 'elsewhere', 'secret.md'), join(content, 'outside.md'));
    await symlink('good.md', join(content, 'inside.md'));
    await symlink(join(dir.path, 'elsewhere', 'secret.md'), join(content, 'synonyms.yaml'));
    expect(await problems()).toEqual([
      `inside.md:1:1 is a symbolic link (to good.md): the build reads only regular files in the content folder, never links, so put the file itself here`,
      `outside.md:1:1 is a symbolic link (to ${join(dir.path, 'elsewhere', 'secret.md')}): the build reads only regular files in the content folder, never links, so put the file itself here`,
      `synonyms.yaml:1:1 is a symbolic link (to ${join(dir.path, 'elsewhere', 'secret.md')}): the build reads only regular files in the content folder, never links, so put the file itself here`,
    ]);
  });

  it('refuses a named pipe (FIFO) instead of waiting on it forever', async () => {
    execFileSync('mkfifo', [join(content, 'pipe.md')]);
    execFileSync('mkfifo', [join(content, 'notices.yaml')]);
    expect(await problems()).toEqual([
      'notices.yaml:1:1 is a named pipe (FIFO), not a regular file: the build reads only regular files',
      'pipe.md:1:1 is a named pipe (FIFO), not a regular file: the build reads only regular files',
    ]);
  });

  it('refuses a socket named like an article', async () => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((listening) => server.listen(join(content, 'socket.md'), listening));
    expect(await problems()).toEqual(['socket.md:1:1 is a socket, not a regular file: the build reads only regular files']);
  });

  it(isRoot ? 'refuses a device node named like an article (a real mknod of /dev/zero)' : 'refuses a device node (not root here, so mknod cannot make one: only /dev/zero through a link is checked)', async () => {
    if (isRoot) {
      execFileSync('mknod', [join(content, 'device.md'), 'c', '1', '5']);
      expect(await problems()).toEqual(['device.md:1:1 is a device (character special file), not a regular file: the build reads only regular files']);
    } else {
      await symlink('/dev/zero', join(content, 'device.md'));
      expect(await problems()).toEqual([expect.stringMatching(/^device\.md:1:1 is a symbolic link/)]);
    }
  });

  it('reports a folder named x.md instead of crashing', async () => {
    await mkdir(join(content, 'x.md'));
    expect(await problems()).toEqual(['x.md:1:1 is a folder, not a file: the build reads only files here, so rename the folder or move it out']);
  });

  it('refuses a file over the size limit, and reads one exactly at it', async () => {
    const body = (size: number): string => {
      const head = articleSource({ id: 'big', body: '## Big\n\n' });
      return head + 'word '.repeat(Math.ceil(size / 5)).slice(0, size - head.length - 1) + '\n';
    };
    await writeFile(join(content, 'big.md'), body(MAX_CONTENT_FILE_BYTES + 1));
    expect(await problems()).toEqual([
      `big.md:1:1 is too large: ${(MAX_CONTENT_FILE_BYTES + 1).toLocaleString('en')} bytes, over the limit of 4 MB for a content file`,
    ]);
    await writeFile(join(content, 'big.md'), body(MAX_CONTENT_FILE_BYTES));
    expect(await problems()).toEqual([]);
  });

  it('lists every refused file with the other problems, and builds nothing', async () => {
    await symlink('/dev/zero', join(content, 'zero.md'));
    await mkdir(join(content, 'x.md'));
    await dir.write('content/bad.md', articleSource({ front: 'id: bad\nsource: s' }));
    expect((await problems()).map((p) => p.split(' ')[0])).toEqual(['x.md:1:1', 'zero.md:1:1', 'bad.md:4:1']);
  });

  it('reports refused files even when only they are named like articles', async () => {
    await dir.write('other/a.md', articleSource({ id: 'a' }));
    const only = join(dir.path, 'only');
    await mkdir(only);
    await symlink(join(dir.path, 'other', 'a.md'), join(only, 'a.md'));
    await expect(buildLibraryData(only)).rejects.toThrow(/a\.md:1:1 is a symbolic link/);
  });

  it('never answers from the cache while a file is refused', async () => {
    const cache = join(dir.path, 'cache');
    expect((await openLibrary(content, cache)).library.articles.map((a) => a.id)).toEqual(['good']);
    execFileSync('mkfifo', [join(content, 'late.md')]);
    await expect(openLibrary(content, cache)).rejects.toThrow(/late\.md:1:1 is a named pipe/);
  });
});
