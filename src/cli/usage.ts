/**
 * The command line's words: each command's usage, `--help`, and the one error for a mistake in
 * them (printed with the usage, exit code 2), shared by the CLI, the bench and the eval.
 *
 * The usage texts live here, not beside each command, so that `quire search --help` answers
 * without loading the bookmarks commands (and the store's packages) at all.
 */
import { resolve } from 'node:path';

/** A command-line mistake: printed with the usage of the command it concerns, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The usage to print after the message (the whole CLI's when not given). */
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** Whether an error is a mistake in the command's words: ours, or node:util parseArgs's. */
export function isUsageError(e: unknown): boolean {
  return e instanceof UsageError || String((e as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS');
}

/**
 * Whether the arguments ask for help: `--help` or `-h` before any `--` (after it, words are
 * operands: `quire search -- --help` searches for "--help").
 */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Paths given by the user are relative to where they ran npm (INIT_CWD), not to the package. */
export function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** The CLI's commands, each with its usage (`quire <command> --help` prints it). */
export const COMMAND_USAGE = {
  build: `quire build [--content DIR] [--out DIR]
  Build the library (articles, passages, search index) from a folder of Markdown.
  --content DIR   the articles' folder (default: the bundled content/)
  --out DIR       where to write library.json and index.json (default: out/library)`,
  search: `quire search "<query>" [--json] [--limit N] [--content DIR] [--data-dir DIR]
quire search --queries FILE [--limit N] [--content DIR] [--data-dir DIR]
  Search every passage, best first. The query language: words, "exact phrase", -exclude,
  a OR b, article:<id or title words>, in:comments, in:body, in:faq, in:table.
  --json          one JSON object: query, total, results, titles (and readAs)
  --limit N       most results, 1 to 200 (default 10)
  --queries FILE  many searches in one process: FILE has one JSON object a line,
                  {"id": ..., "q": "..."}; prints one JSON line a query: {id, query, results}
  --content DIR   search another folder of articles (cached per folder)
  --data-dir DIR  search the articles you added in that data folder too, as the app does`,
  suggest: `quire suggest "<partial query>" [--json] [--limit N] [--content DIR] [--data-dir DIR]
  Completions of a partly typed query, best first, as the search box offers them.
  --json          one JSON object: query, suggestions
  --limit N       most completions, 1 to 20 (default 5)
  --content DIR   another folder of articles
  --data-dir DIR  complete from the articles you added in that data folder too`,
  bookmarks: `quire bookmarks list [--json]
quire bookmarks add ARTICLE-ID PASSAGE-OR-SECTION-ID [--section] [--note TEXT] [--tag TAG]... [--json]
quire bookmarks remove BOOKMARK-ID
quire bookmarks export [--format json|markdown|annotations] [--out FILE]
quire bookmarks import FILE
  The bookmarks of a data folder, through the same store and API as the app.
  (all take --data-dir DIR, default the app's data folder, and --content DIR)`,
  library: `quire library add PATH... [--json]
quire library list [--mine] [--json]
quire library remove ARTICLE-ID [--json]
quire library restore ARTICLE-ID [--json]
  Your own articles: add Markdown (.md), text (.txt), saved web pages (.html) and EPUB books
  (.epub), files or whole folders, to the library of a data folder, as the app does.
  add       prints each file's outcome (added, updated, already there, or why it failed);
            exits 1 when any file could not be added
  list      every article with its origin (bundled or yours) and the file it came from;
            --mine lists yours only; --json: {"articles": [{id, title, origin, sourceFile, ...}]}
  remove    removes one of yours (its bookmarks are kept); restore puts it back
  (all take --data-dir DIR, default the app's data folder, and --content DIR)`,
} as const;

/** A command of the CLI. */
export type Command = keyof typeof COMMAND_USAGE;

/** The whole CLI's usage: every command, and how to run it from a checkout. */
export const CLI_USAGE = `usage (from a checkout: npm run cli -- <command> ..., or npx quire <command> ... after npm run build):
${Object.values(COMMAND_USAGE)
  .map((u) => u.split('\n').filter((l) => l.startsWith('quire ')).map((l) => `  ${l}`).join('\n'))
  .join('\n')}
  quire <command> --help   that command's options`;
