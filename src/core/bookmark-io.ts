/**
 * Bookmark export and import.
 *
 * - JSON: lossless and versioned (`quire-bookmarks`, version 1); the only format imported.
 * - Markdown: for reading: per article, each bookmark's section, quote, note, tags and link.
 * - W3C Web Annotation (JSON-LD): an AnnotationCollection whose items target the article with a
 *   TextQuoteSelector, so other annotation tools can read them.
 *
 * Import is all or nothing: any invalid entry rejects the whole file with a message naming the
 * entry and the field.
 */
import type { z } from 'zod';
import { BOOKMARK_EXPORT_VERSION, BookmarkExportSchema, importSizeProblem, utf8Length, type Bookmark, type BookmarkExport } from '../shared/bookmarks';
import type { Article } from '../shared/model';

/** Looks up an article by id (the library, or the engine worker's copy of it). */
export type ArticleLookup = (id: string) => Article | undefined;

/** An import that cannot be taken; nothing was changed. */
export class BookmarkImportError extends Error {
  override readonly name = 'BookmarkImportError';
}

/** The app link of a bookmark's target (the renderer's hash route). */
export function bookmarkLink(b: Bookmark): string {
  return b.target === 'passage' ? `quire:#/article/${b.articleId}/${b.targetId}` : `quire:#/article/${b.articleId}`;
}

/** Lossless JSON export. */
export function exportJson(bookmarks: readonly Bookmark[], now: Date = new Date()): string {
  const data: BookmarkExport = { format: 'quire-bookmarks', version: BOOKMARK_EXPORT_VERSION, exportedAt: now.toISOString(), bookmarks: [...bookmarks] };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Markdown export: readable, grouped by article in library order. */
export function exportMarkdown(bookmarks: readonly Bookmark[], articleOf: ArticleLookup): string {
  const lines = ['# Quire bookmarks', ''];
  const byArticle = new Map<string, Bookmark[]>();
  for (const b of bookmarks) byArticle.set(b.articleId, [...(byArticle.get(b.articleId) ?? []), b]);
  const title = (id: string): string => articleOf(id)?.title ?? id;
  const order = [...byArticle.keys()].sort((a, b) => title(a).localeCompare(title(b), 'en'));
  for (const articleId of order) {
    const article = articleOf(articleId);
    lines.push(`## ${article?.title ?? `${articleId} (no longer in the library)`}`, '');
    for (const b of byArticle.get(articleId)!) {
      const passage = article && [...article.passages, ...article.comments].find((p) => p.id === b.targetId);
      const section = article?.sections.find((s) => s.id === (b.target === 'section' ? b.targetId : passage?.sectionId));
      lines.push(`### ${section?.title ?? (passage?.kind === 'comment' ? 'Reader comments' : 'Bookmark')}`, '');
      lines.push(...b.quote.exact.split('\n').map((l) => `> ${l}`), '');
      if (b.note) lines.push(b.note, '');
      if (b.tags.length > 0) lines.push(`Tags: ${b.tags.join(', ')}`, '');
      lines.push(`[Open in Quire](${bookmarkLink(b)}) · saved ${b.createdAt.slice(0, 10)}`, '');
    }
  }
  return lines.join('\n');
}

/** W3C Web Annotation export: an AnnotationCollection of TextQuoteSelector annotations. */
export function exportAnnotations(bookmarks: readonly Bookmark[], articleOf: ArticleLookup): string {
  const items = bookmarks.map((b) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:quire:bookmark:${b.id}`,
    type: 'Annotation',
    motivation: b.note ? 'commenting' : 'bookmarking',
    created: b.createdAt,
    modified: b.updatedAt,
    ...(b.note || b.tags.length > 0
      ? {
          body: [
            ...(b.note ? [{ type: 'TextualBody', value: b.note, format: 'text/plain', purpose: 'commenting' }] : []),
            ...b.tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging' })),
          ],
        }
      : {}),
    target: {
      source: `urn:quire:article:${b.articleId}`,
      ...(articleOf(b.articleId) ? { title: articleOf(b.articleId)!.title } : {}),
      selector: [
        { type: 'FragmentSelector', value: b.targetId },
        { type: 'TextQuoteSelector', exact: b.quote.exact, prefix: b.quote.prefix, suffix: b.quote.suffix },
      ],
    },
  }));
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Quire bookmarks',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/**
 * Parse a JSON export for import.
 *
 * @throws BookmarkImportError naming the entry and field of the first problem, or the size of
 *   a text over `MAX_IMPORT_BYTES` (checked before parsing)
 */
export function parseImport(text: string): Bookmark[] {
  const tooLarge = importSizeProblem(utf8Length(text));
  if (tooLarge) throw new BookmarkImportError(`import: ${tooLarge}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BookmarkImportError(`import: not JSON (${(e as Error).message})`, { cause: e });
  }
  const result = BookmarkExportSchema.safeParse(data);
  if (!result.success) throw new BookmarkImportError(`import: ${describe(result.error, data)}`);
  const seen = new Set<string>();
  result.data.bookmarks.forEach((b, i) => {
    if (seen.has(b.id)) throw new BookmarkImportError(`import: bookmarks[${i}] (id ${b.id}): id appears twice in the file`);
    seen.add(b.id);
  });
  return result.data.bookmarks;
}

/** A zod error as "bookmarks[3] (id x): field 'quote.exact': message". */
function describe(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0]!;
  const [top, index, ...field] = issue.path;
  if (top === 'bookmarks' && typeof index === 'number') {
    const id = (data as { bookmarks: { id?: unknown }[] }).bookmarks[index]?.id;
    const name = typeof id === 'string' ? ` (id ${id.slice(0, 64)})` : '';
    const where = field.length > 0 ? `field '${field.join('.')}'` : 'entry';
    return `bookmarks[${index}]${name}: ${where}: ${issue.message}`;
  }
  return `${issue.path.length > 0 ? `field '${issue.path.join('.')}'` : 'file'}: ${issue.message}`;
}
