import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibrary, writeLibrary } from '../content/build';
import { serializeIndex } from '../search/postings';
import { search } from '../search/search';
import { tempDir, type TempDir } from '../testing/temp-dir';
import { INDEX_FILE, LIBRARY_FILE, loadLibrary } from './load';
import { BUNDLED_CONTENT } from './paths';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

/** A copy of the bundled content folder in the temp dir, with one article's text changed by `edit`. */
async function editedContent(name: string, edit: (markdown: string) => string): Promise<string> {
  const out = join(dir.path, name);
  await dir.write(`${name}/.keep`, '');
  for (const file of await readdir(BUNDLED_CONTENT)) await copyFile(join(BUNDLED_CONTENT, file), join(out, file));
  const article = join(out, 'baclofen-sleep-aid.md');
  await writeFile(article, edit(await readFile(article, 'utf8')));
  return out;
}

/** Build a content folder and write it to `out` in the temp dir; the library's path. */
async function built(contentDir: string, out: string): Promise<string> {
  const path = join(dir.path, out);
  await writeLibrary(path, await buildLibrary(contentDir));
  return path;
}

describe('loadLibrary: index and library must agree', () => {
  it('loads a library with the index written with it', async () => {
    const lib = await built(BUNDLED_CONTENT, 'lib');
    const loaded = await loadLibrary(lib);
    expect(loaded.index.documentCount).toBe(loaded.library.allDocs().length);
    expect(search(loaded, 'baclofen sleep').total).toBeGreaterThan(0);
  });

  it('refuses an index built from other content with as many documents, naming both files', async () => {
    const lib = await built(BUNDLED_CONTENT, 'lib');
    // One word changed: the same passages, so the same count, but other text.
    const other = await built(await editedContent('other', (md) => md.replace('quietly sat', 'quietly stood')), 'other-lib');
    await copyFile(join(other, INDEX_FILE), join(lib, INDEX_FILE));
    const a = await loadLibrary(lib).catch((e: Error) => e);
    expect(a).toBeInstanceOf(Error);
    expect((a as Error).message).toContain(`library: ${join(lib, INDEX_FILE)} was built from other content than ${join(lib, LIBRARY_FILE)}`);
    expect((a as Error).message).toContain("rebuild with 'npm run build:content'");
  });

  it('refuses an index with another number of documents, giving both counts', async () => {
    const lib = await built(BUNDLED_CONTENT, 'lib');
    const documents = (await loadLibrary(lib)).library.allDocs().length;
    const other = await built(await editedContent('more', (md) => `${md}\n\nOne more paragraph, about sleep.\n`), 'more-lib');
    await copyFile(join(other, INDEX_FILE), join(lib, INDEX_FILE));
    await expect(loadLibrary(lib)).rejects.toThrow(
      `library: ${join(lib, INDEX_FILE)} has ${documents + 1} documents but ${join(lib, LIBRARY_FILE)} has ${documents}: rebuild with 'npm run build:content'`,
    );
  });

  it('refuses an index that does not say which library it was written with', async () => {
    const lib = await built(BUNDLED_CONTENT, 'lib');
    const loaded = await loadLibrary(lib);
    // The same index, as a build before the stamp wrote it.
    await writeFile(join(lib, INDEX_FILE), serializeIndex(loaded.index));
    await expect(loadLibrary(lib)).rejects.toThrow(`library: ${join(lib, INDEX_FILE)} does not say which library it was written with`);
  });

  it('refuses a library file whose recorded count is not its own', async () => {
    const lib = await built(BUNDLED_CONTENT, 'lib');
    const data = JSON.parse(await readFile(join(lib, LIBRARY_FILE), 'utf8')) as { documents: number };
    await writeFile(join(lib, LIBRARY_FILE), JSON.stringify({ ...data, documents: data.documents + 2 }));
    await expect(loadLibrary(lib)).rejects.toThrow(`library: ${join(lib, LIBRARY_FILE)} records ${data.documents + 2} documents but its articles have ${data.documents}`);
  });
});
