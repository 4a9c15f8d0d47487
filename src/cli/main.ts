/**
 * The Quire command line: build a library, search it, complete a query, keep bookmarks.
 *
 *   quire build  [--content DIR] [--out DIR]
 *   quire search "<query>" [--json] [--limit N] [--content DIR]
 *   quire search --queries FILE [--limit N] [--content DIR]
 *   quire suggest "<partial query>" [--json] [--limit N] [--content DIR]
 *   quire bookmarks list|add|remove|export|import ...
 *   quire library add|list|remove|restore ...
 *   quire <command> --help
 *
 * Compiled to out/cli/quire.js by `npm run build` (scripts/build-cli.mjs), the package's `bin`;
 * `npm run cli -- ...` runs it from a checkout, rebuilding it first when a source is newer.
 * Searches and completions go through the API's dispatch like every other caller's. Human output
 * never carries a raw control character from the content (see io.ts); `--json` output is JSON.
 */
import { parseArgs } from 'node:util';
import type { SearchHit, SearchResponse } from '../shared/api';
import { MAX_SEARCH_LIMIT, MAX_SUGGESTIONS } from '../shared/schemas';
import { buildLibrary, writeLibrary } from '../core/content/build';
import { BUNDLED_CONTENT, BUNDLED_LIBRARY, openContent } from '../core/library/paths';
import { ContentError } from '../core/content/problems';
import { libraryService, type LibraryApi } from '../core/api/service';
import { callApi } from './contract';
import { printable, readRegularFile } from './io';
import { CLI_USAGE, COMMAND_USAGE, type Command, isUsageError, UsageError, userPath, wantsHelp } from './usage';

/** A whole number option from 1 to `max`, or `fallback` when not given. */
function parseLimit(value: string | undefined, max: number, fallback: number, usage: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(`--limit must be a whole number from 1 to ${max}, got '${value}'`, usage);
  }
  return n;
}

/**
 * Read a queries file: one JSON object per line, `{"id": ..., "q": "..."}`; blank lines skipped.
 *
 * @throws UsageError naming the file and line of the first bad entry, or why it cannot be read
 */
async function readQueries(path: string): Promise<{ id: unknown; q: string }[]> {
  let text: string;
  try {
    text = await readRegularFile(path, '--queries');
  } catch (e) {
    throw new UsageError((e as Error).message, COMMAND_USAGE.search);
  }
  const out: { id: unknown; q: string }[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new UsageError(`${path}:${i + 1}: not a JSON object`, COMMAND_USAGE.search);
    }
    const q = (entry as { q?: unknown } | null)?.q;
    if (typeof entry !== 'object' || entry === null || typeof q !== 'string') {
      throw new UsageError(`${path}:${i + 1}: each line needs a string field "q"`, COMMAND_USAGE.search);
    }
    out.push({ id: (entry as { id?: unknown }).id ?? null, q });
  });
  return out;
}

/** A hit as readable text: position, where it is, and the snippet with matches in brackets (bold on a terminal). */
function formatHit(hit: SearchHit, i: number, tty: boolean): string {
  const [on, off] = tty ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
  // Each piece of content is made printable before the highlighting's own escapes go round it.
  const text = (s: string): string => printable(s.replace(/\n/g, ' '));
  let snippet = '';
  let at = 0;
  for (const [s, e] of hit.highlights) {
    snippet += text(hit.snippet.slice(at, s)) + on + text(hit.snippet.slice(s, e)) + off;
    at = e;
  }
  snippet += text(hit.snippet.slice(at));
  const where = [hit.articleTitle, ...hit.sectionPath.slice(hit.sectionPath[0] === hit.articleTitle ? 1 : 0)].join(' › ');
  return `${i + 1}. ${text(where)}  (${hit.kind}, score ${hit.score})\n   ${snippet}\n   ${text(`${hit.articleId}#${hit.passageId}`)}`;
}

/** A search's answer as readable text, every piece of content made printable. */
function formatResponse(query: string, response: SearchResponse, tty: boolean): string {
  if (response.results.length === 0 && response.titles.length === 0) {
    return printable(`No results for "${query}".${response.didYouMean ? ` Did you mean "${response.didYouMean}"?` : ''}`);
  }
  const lines: string[] = [];
  const { readAs } = response;
  if (readAs) {
    if (readAs.corrections.length > 0) lines.push(`Showing results for ${readAs.query} (you typed ${readAs.corrections.map((c) => c.typed).join(', ')})`);
    for (const syn of readAs.synonyms) lines.push(`${syn.word}: ${syn.label ?? `also searched as ${syn.searched.join(', ')}`}`);
  }
  for (const t of response.titles) lines.push(`Article: ${t.articleTitle}  (${t.articleId}, title match, score ${t.score})`);
  return [...lines.map(printable), response.results.map((h, i) => formatHit(h, i, tty)).join('\n\n')].join('\n');
}

/**
 * The library half of the API over the bundled library or `--content DIR`, with the articles the
 * reader added in `--data-dir DIR` beside it when given.
 */
async function libraryApi(content: string | undefined, dataDir: string | undefined): Promise<LibraryApi> {
  const loaded = await openContent(content ? userPath(content) : undefined);
  if (dataDir === undefined) return libraryService(loaded);
  const live = await (await import('./reader-library')).readerLibrary(loaded, userPath(dataDir));
  return libraryService(live);
}

/** The options every library command takes. */
const LIBRARY_OPTIONS = { json: { type: 'boolean' }, limit: { type: 'string' }, content: { type: 'string' }, 'data-dir': { type: 'string' } } as const;

async function runBuild(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { content: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const loaded = await buildLibrary(values.content ? userPath(values.content) : BUNDLED_CONTENT);
  const out = values.out ? userPath(values.out) : BUNDLED_LIBRARY;
  await writeLibrary(out, loaded);
  const passages = loaded.library.allDocs().length;
  console.log(printable(`built ${loaded.library.articles.length} articles, ${passages} passages -> ${out}`));
  return 0;
}

async function runSearch(args: string[]): Promise<number> {
  const usage = COMMAND_USAGE.search;
  const { values, positionals } = parseArgs({ args, options: { ...LIBRARY_OPTIONS, queries: { type: 'string' } }, allowPositionals: true, strict: true });
  const limit = parseLimit(values.limit, MAX_SEARCH_LIMIT, 10, usage);
  if (values.queries !== undefined) {
    if (positionals.length > 0) throw new UsageError('give either a query or --queries FILE, not both', usage);
    const cases = await readQueries(userPath(values.queries));
    const api = await libraryApi(values.content, values['data-dir']);
    for (const { id, q } of cases) {
      const response = await callApi(api, 'search', [q, { limit }]);
      process.stdout.write(`${JSON.stringify({ id, query: q, results: response.results })}\n`);
    }
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('search takes exactly one query (quote it), or --queries FILE', usage);
  const query = positionals[0]!;
  const response = await callApi(await libraryApi(values.content, values['data-dir']), 'search', [query, { limit }]);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ query, total: response.total, results: response.results, titles: response.titles, ...(response.readAs ? { readAs: response.readAs } : {}) })}\n`);
  } else {
    console.log(formatResponse(query, response, process.stdout.isTTY === true));
  }
  return 0;
}

async function runSuggest(args: string[]): Promise<number> {
  const usage = COMMAND_USAGE.suggest;
  const { values, positionals } = parseArgs({ args, options: LIBRARY_OPTIONS, allowPositionals: true, strict: true });
  const limit = parseLimit(values.limit, MAX_SUGGESTIONS, 5, usage);
  if (positionals.length !== 1) throw new UsageError('suggest takes exactly one partial query (quote it)', usage);
  const query = positionals[0]!;
  const suggestions = await callApi(await libraryApi(values.content, values['data-dir']), 'suggest', [query, limit]);
  if (values.json) process.stdout.write(`${JSON.stringify({ query, suggestions })}\n`);
  else console.log(suggestions.length === 0 ? printable(`No completions for "${query}".`) : suggestions.map(printable).join('\n'));
  return 0;
}

/** Each command's runner. The bookmarks commands are loaded only when asked for: they bring the store's packages. */
const COMMANDS: Record<Command, (args: string[]) => Promise<number>> = {
  build: runBuild,
  search: runSearch,
  suggest: runSuggest,
  bookmarks: async (args) => (await import('./bookmarks')).runBookmarks(args, process.env.INIT_CWD ?? process.cwd()),
  library: async (args) => (await import('./library')).runLibrary(args, process.env.INIT_CWD ?? process.cwd()),
};

function isCommand(name: string): name is Command {
  return Object.hasOwn(COMMANDS, name);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('a command is required');
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(CLI_USAGE);
    return 0;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
  if (wantsHelp(rest)) {
    console.log(`usage:\n${COMMAND_USAGE[command]}`);
    return 0;
  }
  try {
    return await COMMANDS[command](rest);
  } catch (e) {
    // parseArgs's own errors concern this command's words: show this command's usage.
    if (isUsageError(e) && !(e instanceof UsageError)) throw new UsageError((e as Error).message, COMMAND_USAGE[command]);
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Messages can quote content and file names: printable, but their line breaks kept.
    const message = printable(e instanceof Error ? e.message : String(e));
    if (e instanceof ContentError) {
      console.error(message);
      process.exitCode = 1;
    } else if (e instanceof UsageError) {
      console.error(`quire: ${message}\n${e.usage ? `usage:\n${e.usage}` : CLI_USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`quire: ${message}`);
      process.exitCode = 1;
    }
  },
);
