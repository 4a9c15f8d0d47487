/**
 * A test collection as a Quire library: one Markdown article per document, built by the real
 * pipeline (the same build the app's library goes through), so the eval searches exactly what
 * a user's library of such documents would be.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { slugify } from '../../shared/text';
import type { BeirDoc } from './beir';

/**
 * Markdown whose text reads back exactly as given: every ASCII punctuation character escaped
 * (CommonMark lets any of them be escaped), and runs of white space made one space, so no `#`,
 * `-`, `|`, `:::` or `<` in a document's text can turn into structure or markup.
 */
export function literalMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** The article id of a document: a slug of its id, made unique. */
function articleIds(docs: readonly BeirDoc[]): string[] {
  const used = new Set<string>();
  return docs.map((d, i) => {
    let id = `d-${slugify(d.id) || String(i)}`;
    for (let n = 2; used.has(id); n++) id = `d-${slugify(d.id) || String(i)}-${n}`;
    used.add(id);
    return id;
  });
}

/**
 * Write a collection's documents as Markdown articles into `dir`.
 *
 * A document without a title is given its id as the title (the build requires one), and one
 * without text its title as the text.
 *
 * @returns article id → document id
 */
export async function writeCollectionArticles(docs: readonly BeirDoc[], dir: string): Promise<Map<string, string>> {
  await mkdir(dir, { recursive: true });
  const ids = articleIds(docs);
  const byArticle = new Map<string, string>();
  // A few hundred files at a time: a corpus of 100,000 documents must not open them all at once.
  const BATCH = 256;
  for (let start = 0; start < docs.length; start += BATCH) {
    await Promise.all(
      docs.slice(start, start + BATCH).map((doc, k) => {
        const id = ids[start + k]!;
        byArticle.set(id, doc.id);
        const title = doc.title.replace(/\s+/g, ' ').trim() || doc.id;
        const body = literalMarkdown(doc.text) || literalMarkdown(title);
        return writeFile(join(dir, `${id}.md`), `---\nid: ${id}\ntitle: ${JSON.stringify(title)}\nsource: ${JSON.stringify(`document ${doc.id}`)}\n---\n\n${body}\n`);
      }),
    );
  }
  return byArticle;
}
