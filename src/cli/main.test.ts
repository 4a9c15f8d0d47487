import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../core/library/paths';
import { articleSource, largeExport, tempDir, type TempDir } from '../core/testing/temp-dir';

/** Run the CLI as a user would, in a separate process. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: ROOT },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: TempDir;
beforeAll(async () => {
  dir = await tempDir();
  await dir.write('lib/one.md', articleSource({ id: 'one', body: '## Tides\n\nThe moon pulls the tides twice a day.\n\n## Other\n\nNothing here.\n' }));
  await dir.write('bad/broken.md', articleSource({ front: 'id: Broken\ntitle: T\nsource: s' }));
});
afterAll(() => dir.remove());

describe('cli search', () => {
  it('prints one JSON object with the result contract, best first', () => {
    const { status, stdout } = cli('search', 'dry mouth', '--json', '--limit', '3');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout) as { query: string; results: Record<string, unknown>[] };
    expect(out.query).toBe('dry mouth');
    expect(out.results).toHaveLength(3);
    for (const r of out.results) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['articleId', 'articleTitle', 'sectionTitle', 'passageId', 'kind', 'text', 'snippet', 'score']));
    }
    expect(out.results[0]?.text).toMatch(/dry mouth/i);
  });

  it('searches another folder with --content', () => {
    const out = JSON.parse(cli('search', 'tide', '--json', '--content', join(dir.path, 'lib')).stdout) as { results: { articleId: string; sectionTitle: string; text: string }[] };
    expect(out.results[0]).toMatchObject({ articleId: 'one', sectionTitle: 'Tides', text: 'The moon pulls the tides twice a day.' });
  });

  it('prints a readable list without --json', () => {
    const { status, stdout } = cli('search', 'tides', '--content', join(dir.path, 'lib'));
    expect(status).toBe(0);
    expect(stdout).toContain('1. A Test Article › Tides');
    expect(stdout).toContain('The moon pulls the [tides] twice a day.');
  });

  it('answers many queries in one process with --queries, one JSON line each', async () => {
    const file = await dir.write('q.jsonl', '{"id": 1, "q": "dry mouth"}\n\n{"id": "b", "q": "zolpidem"}\n');
    const { status, stdout } = cli('search', '--queries', file, '--json', '--limit', '2');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; query: string; results: { text: string }[] });
    expect(lines.map((l) => [l.id, l.query, l.results.length])).toEqual([
      [1, 'dry mouth', 2],
      ['b', 'zolpidem', 2],
    ]);
    expect(lines[1]?.results[0]?.text).toContain('zolpidem');
    const bad = await dir.write('bad.jsonl', '{"id": 1, "q": "ok"}\n{"id": 2}\n');
    const failed = cli('search', '--queries', bad);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('bad.jsonl:2: each line needs a string field "q"');
  });

  it('fails with file:line for bad content and with usage for bad arguments', () => {
    const bad = cli('search', 'x', '--content', join(dir.path, 'bad'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/broken\.md:2:5 front matter 'id' must be a lowercase slug/);
    const usage = cli('search', 'x', '--limit', 'lots');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--limit must be a whole number from 1 to 200, got 'lots'");
    expect(cli('frobnicate').stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('cli bookmarks', () => {
  it('adds, lists, exports, imports and removes through one data folder', async () => {
    const data = join(dir.path, 'data');
    const added = cli('bookmarks', 'add', 'baclofen-sleep-aid', 'unpacking-baclofen-more-than-just-a-muscle-relaxant-1', '--note', 'first', '--tag', 'intro', '--json', '--data-dir', data);
    expect(added.stderr).toBe('');
    const bookmark = JSON.parse(added.stdout) as { id: string; status: string; note: string; tags: string[] };
    expect(bookmark).toMatchObject({ status: 'anchored', note: 'first', tags: ['intro'] });
    const list = JSON.parse(cli('bookmarks', 'list', '--json', '--data-dir', data).stdout) as { bookmarks: { id: string }[] };
    expect(list.bookmarks.map((b) => b.id)).toEqual([bookmark.id]);
    const exported = cli('bookmarks', 'export', '--data-dir', data).stdout;
    expect(JSON.parse(exported)).toMatchObject({ format: 'quire-bookmarks', version: 1 });
    expect(cli('bookmarks', 'export', '--format', 'markdown', '--data-dir', data).stdout).toContain('> Baclofen has quietly sat on pharmacy shelves');
    const file = await dir.write('export.json', exported);
    const other = join(dir.path, 'other');
    expect(JSON.parse(cli('bookmarks', 'import', file, '--json', '--data-dir', other).stdout)).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(cli('bookmarks', 'remove', bookmark.id, '--data-dir', data).status).toBe(0);
    expect(JSON.parse(cli('bookmarks', 'list', '--json', '--data-dir', data).stdout)).toEqual({ bookmarks: [] });
  });

  it('says what is wrong with a bad import and changes nothing', async () => {
    const data = join(dir.path, 'data2');
    const bad = await dir.write('bad.json', '{"format": "quire-bookmarks", "version": 1, "exportedAt": "2026-01-01T00:00:00Z", "bookmarks": [{"id": "abcdefgh"}]}');
    const r = cli('bookmarks', 'import', bad, '--data-dir', data);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("importBookmarks: argument 0: bookmarks[0] (id abcdefgh): field 'articleId'");
    expect(JSON.parse(cli('bookmarks', 'list', '--json', '--data-dir', data).stdout)).toEqual({ bookmarks: [] });
    expect(cli('bookmarks', 'frob', '--data-dir', data).status).toBe(2);
  });

  it('refuses a 50 MB import by its size before reading it, and the store is unchanged', async () => {
    const data = join(dir.path, 'data3');
    expect(cli('bookmarks', 'add', 'baclofen-sleep-aid', 'unpacking-baclofen-more-than-just-a-muscle-relaxant-1', '--data-dir', data).status).toBe(0);
    // What the store holds, as a person sees it (opening it may fold its journal into the file).
    const held = (): string => cli('bookmarks', 'list', '--json', '--data-dir', data).stdout;
    const before = held();
    expect((JSON.parse(before) as { bookmarks: unknown[] }).bookmarks).toHaveLength(1);
    const big = await dir.write('big.json', largeExport(50 * 1024 * 1024));
    const r = cli('bookmarks', 'import', big, '--data-dir', data);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `quire: ${big} is 50 MB, larger than a bookmark file can be (10 MB). Nothing was imported: your bookmarks are as they were. Choose a file saved with Export → JSON in Quire's bookmarks panel.\nthe import is 50 MB (52428800 bytes), over the 10 MB limit`,
    );
    expect(held()).toBe(before);
  });
});
