import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibrary, buildLibraryData, INDEX_FILE, LIBRARY_FILE, loadLibrary, openLibrary, writeLibrary } from './build';
import { ContentError } from './problems';
import { LIBRARY_FORMAT } from '../library/library';
import { search } from '../search/search';
import { articleSource, tempDir, type TempDir } from '../testing/temp-dir';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

async function problemsOf(path: string): Promise<string[]> {
  try {
    await buildLibraryData(path);
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map((p) => `${p.file.split('/').pop()}:${p.line}:${p.column} ${p.message}`);
    throw e;
  }
  return [];
}

describe('buildLibraryData', () => {
  it('adds an article for every Markdown file dropped into the folder', async () => {
    await dir.write('a.md', articleSource({ id: 'first' }));
    expect((await buildLibraryData(dir.path)).articles.map((a) => a.id)).toEqual(['first']);
    await dir.write('b.md', articleSource({ id: 'second', front: 'id: second\ntitle: Another\nsource: s\npublished: 2024-01-02' }));
    await dir.write('notes.txt', 'not an article');
    expect((await buildLibraryData(dir.path)).articles.map((a) => a.id)).toEqual(['second', 'first']);
  });

  it('lists every problem of every file, not just the first', async () => {
    await dir.write('a.md', articleSource({ front: 'id: ok-one\nsource: s' }));
    await dir.write('b.md', articleSource({ id: 'dup' }));
    await dir.write('c.md', articleSource({ id: 'dup' }));
    await dir.write('d.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28]));
    await dir.write('e.md', articleSource({ id: 'empty', body: '' }));
    const problems = await problemsOf(dir.path);
    expect(problems).toEqual([
      "a.md:4:1 front matter 'title' is required",
      "c.md:2:5 front matter 'id' 'dup' is already used by " + join(dir.path, 'b.md').replace(process.cwd() + '/', ''),
      'd.md:2:1 file is not valid UTF-8 (byte 0xc3)',
      'e.md:6:1 article is empty: it has no body text after the front matter',
    ]);
  });

  it('formats problems as file:line:column in the error message', async () => {
    await dir.write('a.md', articleSource({ front: 'id: x\nsource: S' }));
    await expect(buildLibraryData(dir.path)).rejects.toThrow(/content: 1 problem\n {2}.*a\.md:4:1 front matter 'title' is required/);
  });

  it('fails clearly on an empty or missing folder', async () => {
    await expect(buildLibraryData(dir.path)).rejects.toThrow(/no Markdown \(\*\.md\) articles/);
    await expect(buildLibraryData(join(dir.path, 'nope'))).rejects.toThrow(/content: cannot read folder/);
  });
});

describe('writeLibrary and loadLibrary', () => {
  it('round-trip the library and an index that answers the same', async () => {
    await dir.write('content/a.md', articleSource({ id: 'a', body: '## Sleep\n\nBaclofen may help you sleep.\n' }));
    const built = await buildLibrary(join(dir.path, 'content'));
    await writeLibrary(join(dir.path, 'out'), built);
    const loaded = await loadLibrary(join(dir.path, 'out'));
    expect(loaded.library.articles).toEqual(built.library.articles);
    expect(search(loaded, 'baclofn').results.map((r) => r.passageId)).toEqual(['sleep-1']);
    const json = JSON.parse(await readFile(join(dir.path, 'out', LIBRARY_FILE), 'utf8')) as { format: number };
    expect(json.format).toBe(LIBRARY_FORMAT);
  });

  it('names the missing file when a library folder is incomplete', async () => {
    await expect(loadLibrary(dir.path)).rejects.toThrow(new RegExp(`cannot read .*(${LIBRARY_FILE}|${INDEX_FILE})`));
  });
});

describe('openLibrary', () => {
  it('reuses the cache while the files are unchanged and rebuilds when they change', async () => {
    const content = join(dir.path, 'content');
    const cache = join(dir.path, 'cache');
    await dir.write('content/a.md', articleSource({ id: 'a' }));
    const first = await openLibrary(content, cache);
    const stamp = await readFile(join(cache, LIBRARY_FILE), 'utf8');
    const again = await openLibrary(content, cache);
    expect(again.library.fingerprint).toBe(first.library.fingerprint);
    await dir.write('content/b.md', articleSource({ id: 'b' }));
    const changed = await openLibrary(content, cache);
    expect(changed.library.articles.map((a) => a.id).sort()).toEqual(['a', 'b']);
    expect(await readFile(join(cache, LIBRARY_FILE), 'utf8')).not.toBe(stamp);
  });
});

describe('notices', () => {
  const NOTICES = 'medical: "Not medical advice."\n';
  const naming = (id: string, notice: string): string => articleSource({ front: `id: ${id}\ntitle: T ${id}\nsource: s\nnotice: ${notice}` });

  it('puts the named notice text into articles whatever their file order, and into library.json', async () => {
    await dir.write('content/a.md', naming('a', 'medical'));
    await dir.write('content/notices.yaml', NOTICES);
    await dir.write('content/z.md', naming('z', 'medical'));
    await dir.write('content/plain.md', articleSource({ id: 'plain' }));
    const built = await buildLibrary(join(dir.path, 'content'));
    expect(Object.fromEntries(built.library.articles.map((a) => [a.id, a.notice]))).toEqual({
      a: 'Not medical advice.',
      plain: undefined,
      z: 'Not medical advice.',
    });
    await writeLibrary(join(dir.path, 'out'), built);
    const json = JSON.parse(await readFile(join(dir.path, 'out', LIBRARY_FILE), 'utf8')) as { articles: { id: string; notice?: string }[] };
    expect(json.articles.find((a) => a.id === 'z')?.notice).toBe('Not medical advice.');
    expect((await loadLibrary(join(dir.path, 'out'))).library.article('a')?.notice).toBe('Not medical advice.');
  });

  it('fails the build on an unknown notice name and on a bad notices.yaml, each at file:line:column', async () => {
    await dir.write('a.md', naming('a', 'medicl'));
    await dir.write('notices.yaml', NOTICES + 'empty: ""\n');
    expect(await problemsOf(dir.path)).toEqual([
      "notices.yaml:2:8 notice 'empty' must not be empty",
      "a.md:5:9 front matter 'notice' 'medicl' is not defined in notices.yaml (it defines 'medical')",
    ]);
  });

  it('fails the build when an article names a notice and the folder has no notices.yaml', async () => {
    await dir.write('a.md', naming('a', 'medical'));
    await expect(buildLibraryData(dir.path)).rejects.toThrow(/a\.md:5:9 front matter 'notice' 'medical' is not defined in notices\.yaml/);
  });

  it('rebuilds a cached library when notices.yaml changes', async () => {
    const content = join(dir.path, 'content');
    const cache = join(dir.path, 'cache');
    await dir.write('content/a.md', naming('a', 'medical'));
    await dir.write('content/notices.yaml', NOTICES);
    const first = await openLibrary(content, cache);
    expect(first.library.article('a')?.notice).toBe('Not medical advice.');
    await dir.write('content/notices.yaml', 'medical: "Ask a pharmacist."\n');
    const changed = await openLibrary(content, cache);
    expect(changed.library.fingerprint).not.toBe(first.library.fingerprint);
    expect(changed.library.article('a')?.notice).toBe('Ask a pharmacist.');
    expect((await openLibrary(content, cache)).library.article('a')?.notice).toBe('Ask a pharmacist.');
  });
});
