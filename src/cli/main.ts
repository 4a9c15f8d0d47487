/**
 * The Quire command line.
 *
 *   quire build  [--content DIR] [--out DIR]
 *   quire search "<query>" [--json] [--limit N] [--content DIR]
 *   quire search --queries FILE [--limit N] [--content DIR]
 *
 * Run through npm: `npm run cli -- search "dry mouth" --json --limit 5`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SearchHit } from '../shared/api';
import { MAX_SEARCH_LIMIT } from '../shared/schemas';
import { buildLibrary, writeLibrary } from '../core/content/build';
import { BUNDLED_CONTENT, BUNDLED_LIBRARY, openContent } from '../core/library/paths';
import { ContentError } from '../core/content/problems';
import { BOOKMARKS_USAGE, BookmarksUsageError, runBookmarks } from './bookmarks';
import { search } from '../core/search/search';

const USAGE = `usage:
  npm run cli -- build  [--content DIR] [--out DIR]
  npm run cli -- search "<query>" [--json] [--limit N] [--content DIR]
  npm run cli -- search --queries FILE [--limit N] [--content DIR]   (one JSON line per query)
${BOOKMARKS_USAGE}`;

/** A command-line mistake: printed with the usage, exit code 2. */
class UsageError extends Error {}

/** Paths given by the user are relative to where they ran npm, not to the package. */
function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEARCH_LIMIT) {
    throw new UsageError(`--limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, got '${value}'`);
  }
  return n;
}

/**
 * Read a queries file: one JSON object per line, `{"id": ..., "q": "..."}`; blank lines skipped.
 *
 * @throws UsageError naming the file and line of the first bad entry
 */
async function readQueries(path: string): Promise<{ id: unknown; q: string }[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--queries: cannot read ${path}: ${(e as Error).message}`);
  }
  const out: { id: unknown; q: string }[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new UsageError(`${path}:${i + 1}: not a JSON object`);
    }
    const q = (entry as { q?: unknown } | null)?.q;
    if (typeof entry !== 'object' || entry === null || typeof q !== 'string') {
      throw new UsageError(`${path}:${i + 1}: each line needs a string field "q"`);
    }
    out.push({ id: (entry as { id?: unknown }).id ?? null, q });
  });
  return out;
}

/** A hit as readable text: position, where it is, and the snippet with matches in brackets. */
function formatHit(hit: SearchHit, i: number, tty: boolean): string {
  const [on, off] = tty ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
  let snippet = '';
  let at = 0;
  for (const [s, e] of hit.highlights) {
    snippet += hit.snippet.slice(at, s) + on + hit.snippet.slice(s, e) + off;
    at = e;
  }
  snippet += hit.snippet.slice(at);
  const where = [hit.articleTitle, ...hit.sectionPath.slice(hit.sectionPath[0] === hit.articleTitle ? 1 : 0)].join(' › ');
  return `${i + 1}. ${where}  (${hit.kind}, score ${hit.score})\n   ${snippet.replace(/\n/g, ' ')}\n   ${hit.articleId}#${hit.passageId}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'build') {
    const { values } = parseArgs({ args: rest, options: { content: { type: 'string' }, out: { type: 'string' } }, strict: true });
    const loaded = await buildLibrary(values.content ? userPath(values.content) : BUNDLED_CONTENT);
    const out = values.out ? userPath(values.out) : BUNDLED_LIBRARY;
    await writeLibrary(out, loaded);
    const passages = loaded.library.allDocs().length;
    console.log(`built ${loaded.library.articles.length} articles, ${passages} passages -> ${out}`);
    return 0;
  }
  if (command === 'search') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' }, limit: { type: 'string' }, content: { type: 'string' }, queries: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const limit = parseLimit(values.limit);
    if (values.queries !== undefined) {
      if (positionals.length > 0) throw new UsageError('give either a query or --queries FILE, not both');
      const cases = await readQueries(userPath(values.queries));
      const loaded = await openContent(values.content ? userPath(values.content) : undefined);
      for (const { id, q } of cases) {
        const response = search(loaded, q, { limit });
        process.stdout.write(`${JSON.stringify({ id, query: q, results: response.results })}\n`);
      }
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('search takes exactly one query (quote it), or --queries FILE');
    const query = positionals[0]!;
    const loaded = await openContent(values.content ? userPath(values.content) : undefined);
    const response = search(loaded, query, { limit });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ query, total: response.total, results: response.results, titles: response.titles, ...(response.readAs ? { readAs: response.readAs } : {}) })}\n`);
    } else if (response.results.length === 0 && response.titles.length === 0) {
      console.log(`No results for "${query}".${response.didYouMean ? ` Did you mean "${response.didYouMean}"?` : ''}`);
    } else {
      const tty = process.stdout.isTTY === true;
      const { readAs } = response;
      if (readAs) {
        if (readAs.corrections.length > 0) console.log(`Showing results for ${readAs.query} (you typed ${readAs.corrections.map((c) => c.typed).join(', ')})`);
        for (const syn of readAs.synonyms) console.log(`${syn.word}: ${syn.label ?? `also searched as ${syn.searched.join(', ')}`}`);
      }
      for (const t of response.titles) console.log(`Article: ${t.articleTitle}  (${t.articleId}, title match, score ${t.score})`);
      console.log(response.results.map((h, i) => formatHit(h, i, tty)).join('\n\n'));
    }
    return 0;
  }
  if (command === 'bookmarks') {
    try {
      return await runBookmarks(rest, process.env.INIT_CWD ?? process.cwd());
    } catch (e) {
      if (e instanceof BookmarksUsageError) throw new UsageError(e.message);
      throw e;
    }
  }
  throw new UsageError(command ? `unknown command '${command}'` : 'a command is required');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ContentError) {
      console.error(e.message);
      process.exitCode = 1;
    } else if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`quire: ${(e as Error).message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`quire: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  },
);
