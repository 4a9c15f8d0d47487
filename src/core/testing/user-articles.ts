/**
 * Prepared articles for tests of the reader's library: what an import makes of a file, without
 * the importers.
 */
import type { Prepare } from '../api/imports';
import { importedArticle, type Imported } from '../content/import/imported';
import { bytesHash, type PreparedArticle } from '../user/user-library';

/**
 * A file of the reader's, converted and parsed as an import does, with `paragraphs` paragraphs
 * (each with its number in it, so that articles differ by their words).
 *
 * @example prepared('notes.md', 'My Notes', ['Sleep came late.'])
 */
export function prepared(sourceFile: string, title: string, paragraphs: readonly string[] = [`Text of ${title}.`]): PreparedArticle {
  const imported: Imported = { format: 'markdown', meta: { title }, body: `## ${title} at length\n\n${paragraphs.join('\n\n')}\n` };
  const { article, markdown } = importedArticle(imported, 'provisional', sourceFile);
  return { sourceFile, sourceHash: bytesHash(new TextEncoder().encode(markdown)), imported, article };
}

/** `n` paragraphs of made-up words about sleep, numbered from `from`. */
export function paragraphsAbout(topic: string, n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `Paragraph ${from + i} on ${topic}: baclofen at night helped the muscles rest, and sleep came ${from + i} minutes sooner.`);
}

/**
 * Read the tests' own kind of file: its first line is the title, each further line a paragraph;
 * a file whose name ends in `.bad` cannot be read. What the hosts do with a real file, without
 * the converters (which have tests of their own).
 */
export const readTestFile: Prepare = async (name, bytes) => {
  if (name.endsWith('.bad')) return { ok: false, reason: 'it is not a kind of file Quire reads' };
  const [title, ...paragraphs] = Buffer.from(bytes).toString('utf8').split('\n').filter(Boolean);
  return { ok: true, article: { ...prepared(name, title!, paragraphs), sourceHash: bytesHash(bytes) } };
};

/** A test file as the API carries it (see {@link readTestFile}). */
export function testFile(name: string, title: string, paragraphs: readonly string[] = paragraphsAbout(title, 3), end = ''): { name: string; data: string } {
  return { name, data: Buffer.from([title, ...paragraphs].join('\n') + end).toString('base64') };
}
