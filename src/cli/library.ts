/**
 * `quire library add|list|remove|restore [--data-dir DIR] [--json]`: the reader's own articles
 * from the command line, through the same host and API as the app (imports, progress and all),
 * arguments checked by the same schemas. Loaded by main.ts only for these commands.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { QuireApi } from '../shared/api';
import type { ArticleSummary } from '../shared/model';
import { isImportable, MAX_IMPORT_BATCH_CHARS, MAX_IMPORT_BATCH_FILES, MAX_IMPORT_FILE_BYTES, type ImportFile, type ImportProgress } from '../shared/user-library';
import { inProcessEngine, openHost, type Host } from '../core/api/host';
import { prepareFile } from '../core/api/prepare';
import { defaultDataDir, openContent } from '../core/library/paths';
import { callApi } from './contract';
import { printable } from './io';
import { COMMAND_USAGE, UsageError } from './usage';

/** A mistake in the library command's words, printed with its usage. */
const usageError = (message: string): UsageError => new UsageError(message, COMMAND_USAGE.library);

/** How often progress is asked for while files are added. */
const POLL_MS = 200;

/** A file found under the paths given, or why one was passed over. */
type Found = { readonly path: string; readonly size: number } | { readonly path: string; readonly skipped: string };

/**
 * The files to add under the paths given: files as they are, folders walked for the kinds Quire
 * reads. Links, devices and the like are passed over (a link could lead anywhere), and said so.
 */
async function findFiles(paths: readonly string[]): Promise<Found[]> {
  const out: Found[] = [];
  const visit = async (path: string, given: boolean): Promise<void> => {
    let info;
    try {
      info = await lstat(path);
    } catch (e) {
      out.push({ path, skipped: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      return;
    }
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) if (!name.startsWith('.')) await visit(join(path, name), false);
    } else if (info.isSymbolicLink()) out.push({ path, skipped: 'is a symbolic link, which Quire does not follow' });
    else if (!info.isFile()) out.push({ path, skipped: 'is not a regular file' });
    else if (!given && !isImportable(path)) return;
    else if (info.size > MAX_IMPORT_FILE_BYTES) out.push({ path, skipped: `is larger than ${Math.round(MAX_IMPORT_FILE_BYTES / 1024 / 1024)} MB, the most Quire reads in one file` });
    else out.push({ path, size: info.size });
  };
  for (const p of paths) await visit(p, true);
  return out;
}

/** Batches of files within the upload limits, read as they are sent. */
async function* batches(files: readonly { path: string; size: number }[]): AsyncGenerator<ImportFile[]> {
  let batch: ImportFile[] = [];
  let chars = 0;
  for (const { path } of files) {
    const data = (await readFile(path)).toString('base64');
    if (batch.length > 0 && (chars + data.length > MAX_IMPORT_BATCH_CHARS || batch.length >= MAX_IMPORT_BATCH_FILES)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push({ name: basename(path), data });
    chars += data.length;
  }
  if (batch.length > 0) yield batch;
}

/** One line of progress, as a person reads it. */
function progressLine(p: ImportProgress): string {
  const left = p.secondsLeft === undefined ? '' : ` · about ${p.secondsLeft < 60 ? `${p.secondsLeft} s` : `${Math.round(p.secondsLeft / 60)} min`} left`;
  return `${p.done}/${p.total} files${p.current ? ` · reading ${p.current}` : ''}${left}`;
}

/** Add files: every one's outcome printed (as JSON with --json); exit code 1 when any failed. */
async function add(api: QuireApi, paths: readonly string[], json: boolean): Promise<number> {
  if (paths.length === 0) throw usageError('library add takes one or more files or folders');
  const found = await findFiles(paths);
  const files = found.filter((f): f is { path: string; size: number } => 'size' in f);
  const skipped = found.filter((f): f is { path: string; skipped: string } => 'skipped' in f);
  for (const s of skipped) console.error(printable(`quire: ${s.path} ${s.skipped}`));
  if (files.length === 0) {
    console.error(printable(`quire: no files to add under ${paths.join(', ')}`));
    return 1;
  }
  let progress = await callApi(api, 'startImport', [files.length]);
  const id = progress.id;
  const tty = process.stderr.isTTY === true;
  for await (const batch of batches(files)) progress = await callApi(api, 'addImportFiles', [id, batch]);
  while (progress.state === 'running') {
    if (tty) process.stderr.write(`\r\u001b[K${printable(progressLine(progress))}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
    progress = await callApi(api, 'importProgress', [id]);
  }
  if (tty) process.stderr.write('\r\u001b[K');
  const failed = progress.outcomes.filter((o) => o.status === 'failed').length + skipped.length;
  if (json) {
    process.stdout.write(`${JSON.stringify({ outcomes: progress.outcomes, skipped })}\n`);
  } else {
    for (const o of progress.outcomes) {
      const what = o.status === 'added' || o.status === 'updated' ? `${o.status} “${o.title}” (${o.articleId})` : o.status === 'duplicate' ? `not added: ${o.reason}` : `${o.status}${o.reason ? `: ${o.reason}` : ''}`;
      console.log(printable(`${o.name}: ${what}`));
    }
    const count = (s: string): number => progress.outcomes.filter((o) => o.status === s).length;
    console.log(`${count('added')} added, ${count('updated')} updated, ${count('duplicate')} already in the library, ${failed} could not be added`);
  }
  return failed > 0 ? 1 : 0;
}

/** An article as the listing shows it. */
function listed(a: ArticleSummary): string {
  const from = a.added ? ` · from ${a.added.sourceFile}, added ${a.added.addedAt.slice(0, 10)}` : '';
  return printable(`${a.id}  ${a.origin === 'user' ? 'yours' : 'bundled'}  ${a.title}${from}`);
}

/**
 * Run a library command.
 *
 * @param base the folder relative paths are resolved against
 * @returns the exit code
 */
export async function runLibrary(args: string[], base: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, content: { type: 'string' }, json: { type: 'boolean' }, mine: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [action, ...rest] = positionals;
  if (!action || !['add', 'list', 'remove', 'restore'].includes(action)) throw usageError(action ? `unknown library action '${action}'` : 'library takes add, list, remove or restore');
  const dataDir = values['data-dir'] ? resolve(base, values['data-dir']) : defaultDataDir();
  // The command line's own thread reads the files: no window waits on it.
  const host: Host = await openHost({
    dataDir,
    engine: inProcessEngine(await openContent(values.content ? resolve(base, values.content) : undefined)),
    prepare: async (name, bytes) => prepareFile(name, bytes),
  });
  if (host.notice) console.error(printable(`quire: ${host.notice}`));
  const api = host.api as QuireApi;
  try {
    switch (action) {
      case 'add':
        return await add(
          api,
          rest.map((p) => resolve(base, p)),
          values.json === true,
        );
      case 'list': {
        const all = (await callApi(api, 'listArticles', [])).filter((a) => !values.mine || a.origin === 'user');
        if (values.json) {
          const articles = all.map((a) => ({ id: a.id, title: a.title, origin: a.origin, sourceFile: a.added?.sourceFile ?? null, ...(a.added ? { format: a.added.format, addedAt: a.added.addedAt, updatedAt: a.added.updatedAt } : {}) }));
          process.stdout.write(`${JSON.stringify({ articles })}\n`);
        } else console.log(all.length === 0 ? 'No articles.' : all.map(listed).join('\n'));
        return 0;
      }
      case 'remove': {
        if (rest.length !== 1) throw usageError('library remove takes one ARTICLE-ID');
        const removed = await callApi(api, 'removeArticle', [rest[0]!]);
        console.log(values.json ? JSON.stringify(removed) : printable(`removed “${removed.title}” (${removed.id}); undo with: quire library restore ${removed.id}`));
        return 0;
      }
      default: {
        if (rest.length !== 1) throw usageError('library restore takes one ARTICLE-ID');
        const restored = await callApi(api, 'restoreArticle', [rest[0]!]);
        console.log(values.json ? JSON.stringify(restored) : printable(`put back “${restored.title}” (${restored.id})`));
        return 0;
      }
    }
  } finally {
    await host.close();
  }
}
