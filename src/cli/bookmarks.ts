/**
 * `quire bookmarks list|add|remove|export|import [--data-dir DIR] [--json]`: the bookmarks of a
 * data folder from the command line, through the same store and API code as the app, arguments
 * validated by the same schemas. Loaded by main.ts only for these commands (the store brings
 * packages a search does not need); their usage is in usage.ts.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HIGHLIGHT_COLOR_NAMES, isHighlight, type BookmarkView, type ExportFormat } from '../shared/bookmarks';
import { BookmarkImportError, importTooLarge } from '../core/user/bookmark-io';
import { defaultDataDir, openContent } from '../core/library/paths';
import { createService, storeService } from '../core/api/service';
import { openStore, storeSetAsideNotice } from '../core/user/store';
import { callApi } from './contract';
import { checkOutputFile, openRegularFile, printable } from './io';
import { COMMAND_USAGE, UsageError } from './usage';

/** A mistake in the bookmarks command's words, printed with its usage. */
const usageError = (message: string): UsageError => new UsageError(message, COMMAND_USAGE.bookmarks);

/**
 * Run a bookmarks command.
 *
 * @param base the folder relative paths are resolved against
 * @returns the exit code
 */
export async function runBookmarks(args: string[], base: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      content: { type: 'string' },
      json: { type: 'boolean' },
      section: { type: 'boolean' },
      note: { type: 'string' },
      tag: { type: 'string', multiple: true },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [action, ...rest] = positionals;
  const dataDir = values['data-dir'] ? resolve(base, values['data-dir']) : defaultDataDir();
  const { store, setAside } = await openStore(dataDir);
  if (setAside) console.error(printable(`quire: ${storeSetAsideNotice(setAside)}`));
  // Listing, exporting and importing need articles (to quote, re-anchor, and place what is
  // imported); the store alone does the rest.
  const needsLibrary = action === 'list' || action === 'add' || action === 'export' || action === 'import';
  const api = needsLibrary
    ? createService(await openContent(values.content ? resolve(base, values.content) : undefined), store)
    : storeService(store, async () => undefined);

  // Everything shown comes from articles or from the user's own notes: printable. What it marks
  // comes first: a passage, a section, or a highlight with its colour's name.
  const kind = (b: BookmarkView): string => (isHighlight(b) ? `${HIGHLIGHT_COLOR_NAMES[b.color].toLowerCase()} highlight` : b.target);
  const print = (b: BookmarkView): string =>
    printable(
      `${b.id}  ${kind(b)}  ${b.status}  ${b.articleTitle ?? b.articleId} › ${b.sectionTitle ?? b.targetId}\n  “${b.quote.exact.slice(0, 100).replace(/\s+/g, ' ')}${b.quote.exact.length > 100 ? '…' : ''}”${b.note ? `\n  note: ${b.note}` : ''}${b.tags.length ? `\n  tags: ${b.tags.join(', ')}` : ''}`,
    );

  switch (action) {
    case 'list': {
      const all = await callApi(api, 'listBookmarks', []);
      if (values.json) process.stdout.write(`${JSON.stringify({ bookmarks: all })}\n`);
      else console.log(all.length === 0 ? 'No bookmarks.' : all.map(print).join('\n\n'));
      return 0;
    }
    case 'add': {
      if (rest.length !== 2) throw usageError('bookmarks add takes ARTICLE-ID and PASSAGE-OR-SECTION-ID');
      const input = {
        articleId: rest[0]!,
        target: values.section ? ('section' as const) : ('passage' as const),
        targetId: rest[1]!,
        ...(values.note !== undefined ? { note: values.note } : {}),
        ...(values.tag ? { tags: values.tag } : {}),
      };
      const added = await callApi(api, 'addBookmark', [input]);
      console.log(values.json ? JSON.stringify(added) : print(added));
      return 0;
    }
    case 'remove': {
      if (rest.length !== 1) throw usageError('bookmarks remove takes one BOOKMARK-ID');
      await callApi(api, 'removeBookmark', [rest[0]!]);
      console.log(printable(`removed ${rest[0]}`));
      return 0;
    }
    case 'export': {
      const out = values.out === undefined ? undefined : resolve(base, values.out);
      if (out) await checkOutputFile(out, 'export --out');
      // The format is checked by the schema, as it is for the app: the cast only names the type.
      const file = await callApi(api, 'exportBookmarks', [(values.format ?? 'json') as ExportFormat]);
      if (out) {
        await writeFile(out, file.content);
        console.error(printable(`wrote ${out}`));
      } else process.stdout.write(file.content);
      return 0;
    }
    case 'import': {
      if (rest.length !== 1) throw usageError('bookmarks import takes one FILE');
      const path = resolve(base, rest[0]!);
      const { handle, size } = await openRegularFile(path, 'import');
      let content: string;
      try {
        // Refused by size before it is read: a huge file never reaches memory, the parser or the store.
        const tooLarge = importTooLarge(size, path);
        if (tooLarge) throw tooLarge;
        content = await handle.readFile('utf8');
      } catch (e) {
        if (e instanceof BookmarkImportError) throw e;
        throw new Error(`import: cannot read ${path}: ${(e as Error).message}`, { cause: e });
      } finally {
        await handle.close();
      }
      const outcome = await callApi(api, 'importBookmarks', [content]);
      console.log(values.json ? JSON.stringify(outcome) : `imported: ${JSON.stringify(outcome)}`);
      return 0;
    }
    default:
      throw usageError(action ? `unknown bookmarks command '${action}'` : 'bookmarks needs a command');
  }
}
