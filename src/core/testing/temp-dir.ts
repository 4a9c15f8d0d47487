/**
 * Helpers for tests that need real content folders: real files in a fresh temp directory.
 *
 * src/core/testing/ is for tests only, and no production module imports it: temp folders and
 * generated articles and exports (this module), one valid and many bad calls of every API method
 * (bad-calls.ts), and fixtures/ (the captured seed articles, relevance judgements, an old store
 * file, and the writer process the store's durability tests kill).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temp folder that tests fill with files and remove afterwards. */
export interface TempDir {
  readonly path: string;
  /** Write a file (string as UTF-8, or raw bytes) and return its path. */
  write(name: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

/** Create a fresh temp folder. */
export async function tempDir(prefix = 'quire-test-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return {
    path,
    write: async (name, content) => {
      const file = join(path, name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** A small valid article, with overridable front matter lines and body. */
export function articleSource(options: { id?: string; front?: string; body?: string } = {}): string {
  const front = options.front ?? `id: ${options.id ?? 'test-article'}\ntitle: A Test Article\nsource: Written for the tests.`;
  const body = options.body ?? '## First Section\n\nSome plain text about sleep and swallowing.\n';
  return `---\n${front}\n---\n\n${body}`;
}

/**
 * A valid bookmark export of exactly `bytes` UTF-8 bytes (at least about 10 KB): bookmarks with
 * long notes, each of which would import cleanly, so only the file's size can refuse it.
 */
export function largeExport(bytes: number): string {
  const note = 'n'.repeat(10_000);
  const at = '2026-11-22T07:00:00.000Z';
  const count = Math.floor(bytes / (note.length + 300));
  const bookmarks = Array.from({ length: count }, (_, i) => ({
    id: `big-import-${i}`,
    articleId: 'baclofen-sleep-aid',
    target: 'passage',
    targetId: `p-${i}`,
    quote: { exact: 'Start low, go slow.', prefix: '', suffix: '' },
    note,
    tags: [],
    createdAt: at,
    updatedAt: at,
  }));
  const text = JSON.stringify({ format: 'quire-bookmarks', version: 1, exportedAt: at, bookmarks });
  // JSON allows trailing whitespace: pad to the exact size.
  return text + ' '.repeat(Math.max(0, bytes - text.length));
}
