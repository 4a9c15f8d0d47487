/**
 * Reading a test collection in BEIR's layout: `corpus.jsonl`, `queries.jsonl`, `qrels/test.tsv`.
 *
 * Every line is checked; a bad one stops the read with its file and line, so a user pointing the
 * eval at their own judged queries is told exactly what to fix.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One document of the corpus. */
export interface BeirDoc {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** One judged query. */
export interface BeirQuery {
  readonly id: string;
  readonly text: string;
}

/** Relevance judgments: query id → document id → grade (only grades above 0 are kept). */
export type Qrels = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A whole collection, with only the queries that have at least one relevant document. */
export interface BeirCollection {
  readonly dir: string;
  readonly docs: readonly BeirDoc[];
  readonly queries: readonly BeirQuery[];
  readonly qrels: Qrels;
  /** Judged documents that the corpus does not have (some public collections have a few). */
  readonly missingJudged: number;
}

/** A problem with a collection's files, named by file and line. */
export class CollectionError extends Error {
  override readonly name = 'CollectionError';
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CollectionError(`eval: cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** The non-blank lines of a JSON Lines file as objects, with their line numbers. */
async function readJsonLines(path: string): Promise<{ line: number; value: Record<string, unknown> }[]> {
  const out: { line: number; value: Record<string, unknown> }[] = [];
  (await readText(path)).split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new CollectionError(`eval: ${path}:${i + 1}: not a JSON object`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CollectionError(`eval: ${path}:${i + 1}: not a JSON object`);
    out.push({ line: i + 1, value: value as Record<string, unknown> });
  });
  return out;
}

/** A string field of a line: ids may be numbers in some collections, and are read as text. */
function field(path: string, line: number, value: Record<string, unknown>, name: string, optional = false): string {
  const v = value[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && name === '_id') return String(v);
  if (v === undefined && optional) return '';
  throw new CollectionError(`eval: ${path}:${line}: field "${name}" must be a string`);
}

/**
 * Read a collection folder.
 *
 * @throws CollectionError naming the file and line of the first problem
 * @example const c = await readCollection('../shared/relevance/beir/medline'); c.queries.length // 30
 */
export async function readCollection(dir: string): Promise<BeirCollection> {
  const corpusPath = join(dir, 'corpus.jsonl');
  const queriesPath = join(dir, 'queries.jsonl');
  const qrelsPath = join(dir, 'qrels', 'test.tsv');
  const docs: BeirDoc[] = [];
  const docIds = new Set<string>();
  for (const { line, value } of await readJsonLines(corpusPath)) {
    const id = field(corpusPath, line, value, '_id');
    if (docIds.has(id)) throw new CollectionError(`eval: ${corpusPath}:${line}: document id "${id}" appears twice`);
    docIds.add(id);
    docs.push({ id, title: field(corpusPath, line, value, 'title', true), text: field(corpusPath, line, value, 'text', true) });
  }
  if (docs.length === 0) throw new CollectionError(`eval: ${corpusPath}: no documents`);

  const qrels = new Map<string, Map<string, number>>();
  const missing = new Set<string>();
  (await readText(qrelsPath)).split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    const cells = text.trim().split('\t');
    if (i === 0 && cells[0] === 'query-id') return;
    const [queryId, docId, grade] = cells;
    const score = Number(grade);
    if (cells.length !== 3 || !queryId || !docId || !Number.isFinite(score)) {
      throw new CollectionError(`eval: ${qrelsPath}:${i + 1}: expected "query-id<TAB>corpus-id<TAB>score"`);
    }
    // A judged document missing from the corpus still counts as relevant (as trec_eval counts
    // it): it can never be found, so it lowers every system's recall alike.
    if (!docIds.has(docId)) missing.add(docId);
    if (score <= 0) return;
    let judged = qrels.get(queryId);
    if (!judged) qrels.set(queryId, (judged = new Map()));
    judged.set(docId, score);
  });

  const queries: BeirQuery[] = [];
  for (const { line, value } of await readJsonLines(queriesPath)) {
    const id = field(queriesPath, line, value, '_id');
    // BEIR's queries file lists every split's queries: only the judged ones are evaluated.
    if (qrels.has(id)) queries.push({ id, text: field(queriesPath, line, value, 'text') });
  }
  if (queries.length === 0) throw new CollectionError(`eval: ${queriesPath}: no query has a relevant document in ${qrelsPath}`);
  return { dir, docs, queries, qrels, missingJudged: missing.size };
}
