/**
 * `npm run cli -- bookmarks list|add|remove|export|import [--data-dir DIR] [--json]`: the
 * bookmarks of a data folder from the command line, through the same store and API code as the
 * app, arguments validated by the same schemas.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiMethod } from '../shared/api';
import type { BookmarkView } from '../shared/bookmarks';
import { BookmarkImportError, importTooLarge } from '../core/user/bookmark-io';
import { dispatch } from '../core/api/dispatch';
import { defaultDataDir, openContent } from '../core/library/paths';
import { createService, storeService } from '../core/api/service';
import { openStore, storeSetAsideNotice } from '../core/user/store';

/** Usage of the bookmarks commands. */
export const BOOKMARKS_USAGE = `  npm run cli -- bookmarks list [--json]
  npm run cli -- bookmarks add ARTICLE-ID PASSAGE-OR-SECTION-ID [--section] [--note TEXT] [--tag TAG]... [--json]
  npm run cli -- bookmarks remove BOOKMARK-ID
  npm run cli -- bookmarks export [--format json|markdown|annotations] [--out FILE]
  npm run cli -- bookmarks import FILE
  (all take --data-dir DIR, default the app's data folder, and --content DIR)`;

/** A mistake in the command's words. */
export class BookmarksUsageError extends Error {}

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
  if (setAside) console.error(`quire: ${storeSetAsideNotice(setAside)}`);
  // Listing and exporting need articles (to quote and re-anchor); the store alone does the rest.
  const needsLibrary = action === 'list' || action === 'add' || action === 'export';
  const api = needsLibrary
    ? createService(await openContent(values.content ? resolve(base, values.content) : undefined), store)
    : storeService(store, async () => undefined);

  const call = async (method: ApiMethod, callArgs: unknown[]): Promise<unknown> => {
    const result = await dispatch(api, method, callArgs);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const print = (b: BookmarkView): string =>
    `${b.id}  ${b.status}  ${b.articleTitle ?? b.articleId} › ${b.sectionTitle ?? b.targetId}\n  “${b.quote.exact.slice(0, 100).replace(/\s+/g, ' ')}${b.quote.exact.length > 100 ? '…' : ''}”${b.note ? `\n  note: ${b.note}` : ''}${b.tags.length ? `\n  tags: ${b.tags.join(', ')}` : ''}`;

  switch (action) {
    case 'list': {
      const all = (await call('listBookmarks', [])) as BookmarkView[];
      if (values.json) process.stdout.write(`${JSON.stringify({ bookmarks: all })}\n`);
      else console.log(all.length === 0 ? 'No bookmarks.' : all.map(print).join('\n\n'));
      return 0;
    }
    case 'add': {
      if (rest.length !== 2) throw new BookmarksUsageError('bookmarks add takes ARTICLE-ID and PASSAGE-OR-SECTION-ID');
      const input = {
        articleId: rest[0],
        target: values.section ? 'section' : 'passage',
        targetId: rest[1],
        ...(values.note !== undefined ? { note: values.note } : {}),
        ...(values.tag ? { tags: values.tag } : {}),
      };
      const added = (await call('addBookmark', [input])) as BookmarkView;
      console.log(values.json ? JSON.stringify(added) : print(added));
      return 0;
    }
    case 'remove': {
      if (rest.length !== 1) throw new BookmarksUsageError('bookmarks remove takes one BOOKMARK-ID');
      await call('removeBookmark', [rest[0]]);
      console.log(`removed ${rest[0]}`);
      return 0;
    }
    case 'export': {
      const file = (await call('exportBookmarks', [values.format ?? 'json'])) as { content: string; fileName: string };
      if (values.out) {
        await writeFile(resolve(base, values.out), file.content);
        console.error(`wrote ${resolve(base, values.out)}`);
      } else process.stdout.write(file.content);
      return 0;
    }
    case 'import': {
      if (rest.length !== 1) throw new BookmarksUsageError('bookmarks import takes one FILE');
      const path = resolve(base, rest[0]!);
      let content: string;
      try {
        // Refused by size before it is read: a huge file never reaches memory, the parser or the store.
        const tooLarge = importTooLarge((await stat(path)).size, path);
        if (tooLarge) throw tooLarge;
        content = await readFile(path, 'utf8');
      } catch (e) {
        if (e instanceof BookmarkImportError) throw e;
        throw new Error(`import: cannot read ${path}: ${(e as Error).message}`, { cause: e });
      }
      const outcome = await call('importBookmarks', [content]);
      console.log(values.json ? JSON.stringify(outcome) : `imported: ${JSON.stringify(outcome)}`);
      return 0;
    }
    default:
      throw new BookmarksUsageError(action ? `unknown bookmarks command '${action}'` : 'bookmarks needs a command');
  }
}
