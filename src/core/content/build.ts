/**
 * Building the library: a folder of Markdown articles into a library and a search index.
 *
 * The build reads every `*.md` file of the folder, so adding an article is adding a file. It
 * reports every problem of every file at once, then fails; nothing is written unless all is well.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Article } from '../../shared/model';
import { parseArticle } from './article';
import { Library, LIBRARY_FORMAT, compareArticles, type LibraryData } from '../library/library';
import { type ContentProblem, ContentError } from './problems';
import { INDEX_FILE, indexHash, LIBRARY_FILE, loadLibrary, LoadedLibrary } from '../library/load';
import { buildIndex } from '../search/search-index';
import { serializeIndex } from '../search/postings';
import { articleTexts, collectVocabulary } from '../search/vocabulary';
import { parseSynonyms, type SynonymGroup, SYNONYMS_FILE } from '../search/synonyms';
import { NOTICES_FILE, parseNotices } from './notices';
import { type ContentFile, type ContentFiles, displayPath, readContentFolder } from './content-files';

export { INDEX_FILE, LIBRARY_FILE, loadLibrary, LoadedLibrary };

/** Whether a content folder's entry is read by the build: Markdown articles and its data files. */
function isContentName(name: string): boolean {
  return (name.endsWith('.md') && !name.startsWith('.')) || name === SYNONYMS_FILE || name === NOTICES_FILE;
}

/**
 * The Markdown files of a content folder and its data files (synonyms, notices), sorted by name,
 * with their bytes: everything the library is built from, so everything its fingerprint covers.
 * Only regular files within the size limit are read (see `content-files.ts`); every other entry
 * with such a name is a problem.
 */
export async function readContentFiles(contentDir: string): Promise<ContentFiles> {
  return readContentFolder(contentDir, isContentName);
}

/** A hash of a content folder's files (names and bytes): equal hashes, equal libraries. */
export function fingerprint(files: readonly ContentFile[]): string {
  const hash = createHash('sha256');
  hash.update(`format ${LIBRARY_FORMAT}\n`);
  for (const f of files) {
    hash.update(`${f.path.split(/[\\/]/).pop()}\n${f.bytes.length}\n`);
    hash.update(f.bytes);
  }
  return hash.digest('hex');
}

/**
 * Parse a content folder into library data.
 *
 * @throws ContentError listing every problem as file:line:column
 */
export async function buildLibraryData(contentDir: string): Promise<LibraryData> {
  const { files, problems: refused } = await readContentFiles(contentDir);
  const problems: ContentProblem[] = [...refused];
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  let synonyms: SynonymGroup[] = [];
  if (!files.some((f) => f.path.endsWith('.md')) && !refused.some((p) => p.file.endsWith('.md'))) {
    throw new ContentError([{ file: contentDir, line: 1, column: 1, message: 'no Markdown (*.md) articles in this folder' }]);
  }
  // Notices first: articles name them, whatever the file order.
  const noticesFile = files.find((f) => basename(f.path) === NOTICES_FILE);
  const notices = noticesFile
    ? parseNotices(displayPath(noticesFile.path), new TextDecoder().decode(noticesFile.bytes), problems)
    : new Map<string, string>();
  for (const { path, bytes } of files) {
    const file = displayPath(path);
    if (basename(path) === SYNONYMS_FILE) synonyms = parseSynonyms(file, new TextDecoder().decode(bytes), problems);
    if (!path.endsWith('.md')) continue;
    const parsed = parseArticle(file, bytes, notices);
    problems.push(...parsed.problems);
    const article = parsed.article;
    if (!article) continue;
    const first = seen.get(article.id);
    if (first !== undefined) {
      problems.push({ file, line: parsed.idLine, column: 5, message: `front matter 'id' '${article.id}' is already used by ${first}` });
      continue;
    }
    seen.set(article.id, file);
    articles.push(article);
  }
  if (problems.length > 0) throw new ContentError(problems);
  articles.sort(compareArticles);
  const vocabulary = collectVocabulary(articles.flatMap(articleTexts));
  return { format: LIBRARY_FORMAT, fingerprint: fingerprint(files), articles, synonyms, vocabulary };
}

/** Build a content folder into a library and its index, in memory. */
export async function buildLibrary(contentDir: string): Promise<LoadedLibrary> {
  const library = new Library(await buildLibraryData(contentDir));
  return new LoadedLibrary(library, buildIndex(library));
}

/** Write a built library to a folder (atomically per file: a reader never sees half a file). */
export async function writeLibrary(outDir: string, loaded: LoadedLibrary): Promise<void> {
  await mkdir(outDir, { recursive: true });
  // Both files record the library's fingerprint and size, so a loader can tell they belong together.
  const documents = loaded.library.allDocs().length;
  const indexText = serializeIndex(loaded.index, { fingerprint: loaded.library.fingerprint, documents });
  const data: LibraryData = {
    format: LIBRARY_FORMAT,
    fingerprint: loaded.library.fingerprint,
    index: indexHash(indexText),
    documents,
    articles: loaded.library.articles,
    synonyms: loaded.library.synonymGroups,
    vocabulary: loaded.library.vocabulary.toJSON(),
  };
  const write = async (name: string, text: string): Promise<void> => {
    const tmp = join(outDir, `.${name}.${process.pid}.tmp`);
    await writeFile(tmp, text);
    await rename(tmp, join(outDir, name));
  };
  // The index first: the library file is what readers check, so it is written last.
  await write(INDEX_FILE, indexText);
  await write(LIBRARY_FILE, JSON.stringify(data));
}


/**
 * Open a content folder: load the built library from `cacheDir` when it was built from exactly
 * these files (and its index is the one written with it), otherwise build it (and, given a cache
 * folder, save it there for next time). A cache that cannot be read or parsed is rebuilt.
 *
 * This trusts the folder itself; a cache in a place others can reach goes through
 * `openCachedContent` (content-cache.ts), which checks who owns it first.
 */
export async function openLibrary(contentDir: string, cacheDir?: string): Promise<LoadedLibrary> {
  const cached = cacheDir ? await loadBuiltFrom(contentDir, cacheDir) : undefined;
  if (cached) return cached;
  const loaded = await buildLibrary(contentDir);
  if (cacheDir) await writeLibrary(cacheDir, loaded);
  return loaded;
}

/**
 * The library in `dir`, when it was built from the content folder's files as they are now;
 * undefined when it was not, or cannot be read or parsed, or a content file is refused (a
 * problem the build must report, never answered from a cache).
 */
export async function loadBuiltFrom(contentDir: string, dir: string): Promise<LoadedLibrary | undefined> {
  const read = await readContentFiles(contentDir);
  if (read.problems.length > 0) return undefined;
  try {
    return await loadLibrary(dir, { fingerprint: fingerprint(read.files) });
  } catch {
    return undefined;
  }
}
