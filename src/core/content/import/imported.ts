/**
 * What every importer makes of a file the reader adds: its metadata and a Markdown body, and the
 * one way from those to the article model.
 *
 * This folder turns the reader's own files into articles: Markdown (markdown-file.ts), plain
 * text (text.ts), saved web pages (html.ts: Readability over linkedom, sanitized, then turndown)
 * and EPUB books (epub.ts: a zip read without trusting it, chapters in spine order, each chapter
 * through html.ts). Each importer ends in an {@link Imported}: metadata and a Markdown body in
 * the dialect `parseArticle` reads, so that every article, bundled or imported, goes through the
 * same parser and is the same model. convert.ts picks the importer by file name and content.
 *
 * An importer never rewrites a sentence: structure may be restored (headings levelled, a table's
 * short rows padded, text escaped so that it shows as written), words are never changed or
 * dropped from the content kept.
 */
import { stringify } from 'yaml';
import type { AddedFormat, Article } from '../../../shared/model';
import { parseArticle } from '../article';
import { formatProblem } from '../problems';

/** The kinds of file the reader can add. */
export type ImportFormat = AddedFormat;

/** An imported file's metadata, as front matter carries it. */
export interface ImportedMeta {
  /** Never empty: from the file's metadata, its first heading, or its file name. */
  readonly title: string;
  readonly author?: string;
  /** The publication as readers cite it (site name, publisher). */
  readonly source?: string;
  /** ISO 8601 date (YYYY-MM-DD). */
  readonly published?: string;
  readonly summary?: string;
  readonly topics?: readonly string[];
  /** Where the page was published, when the file says (a saved page's canonical address). */
  readonly url?: string;
}

/** A file converted: its metadata and a Markdown body (no front matter) that parses cleanly. */
export interface Imported {
  readonly format: ImportFormat;
  readonly meta: ImportedMeta;
  readonly body: string;
}

/**
 * A file that cannot be added, and why, in words for the person who chose it.
 *
 * `reason` never names the file (the list of outcomes does): "this EPUB is protected by DRM and
 * cannot be read", "no article text was found in this page".
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(readonly reason: string) {
    super(`import: ${reason}`);
  }
}

/** How an imported article is written: front matter made from its metadata, then its body. */
export function importedMarkdown(imported: Imported, id: string, fileName: string): string {
  const { meta } = imported;
  const front: Record<string, unknown> = {
    id,
    title: meta.title,
    ...(meta.published ? { published: meta.published } : {}),
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.author ? { author: meta.author } : {}),
    preparation: `Added by the reader from ${fileName} (${imported.format})${meta.url ? `, published at ${meta.url}` : ''}`,
    topics: [...(meta.topics ?? [])],
    ...(meta.summary ? { summary: meta.summary } : {}),
  };
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${imported.body}`;
}

/**
 * The article an imported file becomes, through the same parser as the bundled articles.
 *
 * @throws ImportFileError when the parser finds a problem (an importer's output always parses;
 *   this is the net under that promise, and says where)
 */
export function importedArticle(imported: Imported, id: string, fileName: string): { readonly markdown: string; readonly article: Article } {
  const markdown = importedMarkdown(imported, id, fileName);
  const parsed = parseArticle(fileName, new TextEncoder().encode(markdown));
  if (!parsed.article) {
    const first = parsed.problems[0];
    throw new ImportFileError(first ? `it could not be read as an article (${formatProblem(first)})` : 'it could not be read as an article');
  }
  return { markdown, article: parsed.article };
}
