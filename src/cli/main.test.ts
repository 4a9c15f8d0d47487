import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api';
import { libraryService } from '../core/api/service';
import { BUNDLED_CONTENT, ROOT } from '../core/library/paths';
import { buildLibrary } from '../core/content/build';
import { articleSource, largeExport, tempDir, type TempDir } from '../core/testing/temp-dir';
import { buildCli, CLI_META, CLI_OUT, cliIsStale } from '../../scripts/build-cli.mjs';
import { exportJson } from '../core/user/bookmark-io';
import { selectRange } from '../core/user/text-range';
import { callApi } from './contract';
import { printable } from './io';

/** Run the compiled CLI (out/cli/quire.js, as `npx quire` does) in a separate process (never waiting forever on a pipe). */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_OUT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: ROOT },
    timeout: 15_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Raw control characters a terminal would act on (tab and newline aside). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** An article whose text carries terminal escape sequences: retitle the window, clear the screen, C1 CSI, BEL. */
const HOSTILE_BODY = '## Tides\n\nThe tides \u001b]0;owned\u0007rise \u001b[2Jand \u009b31mfall\u0008 daily.\n';

let dir: TempDir;
beforeAll(async () => {
  // The tests run what `npm run build` makes; rebuilt here only when a source is newer.
  if (cliIsStale()) await buildCli();
  dir = await tempDir();
  await dir.write('lib/one.md', articleSource({ id: 'one', body: '## Tides\n\nThe moon pulls the tides twice a day.\n\n## Other\n\nNothing here.\n' }));
  await dir.write('bad/broken.md', articleSource({ front: 'id: Broken\ntitle: T\nsource: s' }));
  await dir.write('hostile/tides.md', articleSource({ id: 'hostile', front: 'id: hostile\ntitle: "Tides \\e[31m red"\nsource: s', body: HOSTILE_BODY }));
  execFileSync('mkfifo', [join(dir.path, 'pipe')]);
}, 60_000);
afterAll(() => dir.remove());

describe('cli search', () => {
  it('prints one JSON object with the result contract, best first', () => {
    const { status, stdout } = cli('search', 'dry mouth', '--json', '--limit', '3');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout) as { query: string; results: Record<string, unknown>[] };
    expect(out.query).toBe('dry mouth');
    expect(out.results).toHaveLength(3);
    for (const r of out.results) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['articleId', 'articleTitle', 'sectionTitle', 'passageId', 'kind', 'text', 'snippet', 'score']));
    }
    expect(out.results[0]?.text).toMatch(/dry mouth/i);
  });

  it('searches another folder with --content', () => {
    const out = JSON.parse(cli('search', 'tide', '--json', '--content', join(dir.path, 'lib')).stdout) as { results: { articleId: string; sectionTitle: string; text: string }[] };
    expect(out.results[0]).toMatchObject({ articleId: 'one', sectionTitle: 'Tides', text: 'The moon pulls the tides twice a day.' });
  });

  it('prints a readable list without --json', () => {
    const { status, stdout } = cli('search', 'tides', '--content', join(dir.path, 'lib'));
    expect(status).toBe(0);
    expect(stdout).toContain('1. A Test Article › Tides');
    expect(stdout).toContain('The moon pulls the [tides] twice a day.');
  });

  it('answers many queries in one process with --queries, one JSON line each', async () => {
    const file = await dir.write('q.jsonl', '{"id": 1, "q": "dry mouth"}\n\n{"id": "b", "q": "zolpidem"}\n');
    const { status, stdout } = cli('search', '--queries', file, '--json', '--limit', '2');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; query: string; results: { text: string }[] });
    expect(lines.map((l) => [l.id, l.query, l.results.length])).toEqual([
      [1, 'dry mouth', 2],
      ['b', 'zolpidem', 2],
    ]);
    expect(lines[1]?.results[0]?.text).toContain('zolpidem');
    const bad = await dir.write('bad.jsonl', '{"id": 1, "q": "ok"}\n{"id": 2}\n');
    const failed = cli('search', '--queries', bad);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('bad.jsonl:2: each line needs a string field "q"');
  });

  it('fails with file:line for bad content and with usage for bad arguments', () => {
    const bad = cli('search', 'x', '--content', join(dir.path, 'bad'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/broken\.md:2:5 front matter 'id' must be a lowercase slug/);
    const usage = cli('search', 'x', '--limit', 'lots');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--limit must be a whole number from 1 to 200, got 'lots'");
    expect(cli('frobnicate').stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('cli bookmarks', () => {
  it('adds, lists, exports, imports and removes through one data folder', async () => {
    const data = join(dir.path, 'data');
    const added = cli('bookmarks', 'add', 'baclofen-sleep-aid', 'unpacking-baclofen-more-than-just-a-muscle-relaxant-1', '--note', 'first', '--tag', 'intro', '--json', '--data-dir', data);
    expect(added.stderr).toBe('');
    const bookmark = JSON.parse(added.stdout) as { id: string; status: string; note: string; tags: string[] };
    expect(bookmark).toMatchObject({ status: 'anchored', note: 'first', tags: ['intro'] });
    const list = JSON.parse(cli('bookmarks', 'list', '--json', '--data-dir', data).stdout) as { bookmarks: { id: string }[] };
    expect(list.bookmarks.map((b) => b.id)).toEqual([bookmark.id]);
    const exported = cli('bookmarks', 'export', '--data-dir', data).stdout;
    expect(JSON.parse(exported)).toMatchObject({ format: 'quire-bookmarks', version: 3 });
    expect(cli('bookmarks', 'export', '--format', 'markdown', '--data-dir', data).stdout).toContain('> Baclofen has quietly sat on pharmacy shelves');
    const file = await dir.write('export.json', exported);
    const other = join(dir.path, 'other');
    expect(JSON.parse(cli('bookmarks', 'import', file, '--json', '--data-dir', other).stdout)).toEqual({ added: 1, updated: 0, unchanged: 0, orphaned: 0 });
    expect(cli('bookmarks', 'remove', bookmark.id, '--data-dir', data).status).toBe(0);
    expect(JSON.parse(cli('bookmarks', 'list', '--json', '--data-dir', data).stdout)).toEqual({ bookmarks: [] });
  });

  it('lists a highlight by its kind, colour and words, and whole with --json', async () => {
    const data = join(dir.path, 'data-highlight');
    const sleep = (await buildLibrary(BUNDLED_CONTENT)).library.article('baclofen-sleep-aid')!;
    const passage = sleep.passages[0]!;
    const selector = selectRange(sleep, { start: { passageId: passage.id, offset: 0 }, end: { passageId: passage.id, offset: 20 } });
    if (typeof selector === 'string') throw new Error(selector);
    const at = '2026-11-23T07:00:00.000Z';
    const highlight = { id: 'highlight-cli', articleId: sleep.id, target: 'text' as const, targetId: passage.id, endId: passage.id, position: selector.position, color: 'pink' as const, quote: selector.quote, note: 'why', tags: ['t'], createdAt: at, updatedAt: at };
    const file = await dir.write('highlight.json', exportJson([highlight]));
    expect(cli('bookmarks', 'import', file, '--data-dir', data).status).toBe(0);
    const shown = cli('bookmarks', 'list', '--data-dir', data).stdout;
    expect(shown).toContain(`highlight-cli  pink highlight  anchored  ${sleep.title} › `);
    expect(shown).toContain(`“${passage.text.slice(0, 20)}”\n  note: why\n  tags: t`);
    const listed = JSON.parse(cli('bookmarks', 'list', '--json', '--data-dir', data).stdout) as { bookmarks: unknown[] };
    expect(listed.bookmarks).toEqual([{ ...highlight, status: 'anchored', resolvedId: passage.id, resolvedRange: { start: { passageId: passage.id, offset: 0 }, end: { passageId: passage.id, offset: 20 } }, articleTitle: sleep.title, sectionTitle: expect.any(String) }]);
  });

  it('says what is wrong with a bad import and changes nothing', async () => {
    const data = join(dir.path, 'data2');
    const bad = await dir.write('bad.json', '{"format": "quire-bookmarks", "version": 1, "exportedAt": "2026-01-01T00:00:00Z", "bookmarks": [{"id": "abcdefgh"}]}');
    const r = cli('bookmarks', 'import', bad, '--data-dir', data);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("importBookmarks: argument 0: bookmarks[0] (id abcdefgh): field 'articleId'");
    expect(JSON.parse(cli('bookmarks', 'list', '--json', '--data-dir', data).stdout)).toEqual({ bookmarks: [] });
    expect(cli('bookmarks', 'frob', '--data-dir', data).status).toBe(2);
  });

  it('refuses a 50 MB import by its size before reading it, and the store is unchanged', async () => {
    const data = join(dir.path, 'data3');
    expect(cli('bookmarks', 'add', 'baclofen-sleep-aid', 'unpacking-baclofen-more-than-just-a-muscle-relaxant-1', '--data-dir', data).status).toBe(0);
    // What the store holds, as a person sees it (opening it may fold its journal into the file).
    const held = (): string => cli('bookmarks', 'list', '--json', '--data-dir', data).stdout;
    const before = held();
    expect((JSON.parse(before) as { bookmarks: unknown[] }).bookmarks).toHaveLength(1);
    const big = await dir.write('big.json', largeExport(50 * 1024 * 1024));
    const r = cli('bookmarks', 'import', big, '--data-dir', data);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `quire: ${big} is 50 MB, larger than a bookmark file can be (10 MB). Nothing was imported: your bookmarks are as they were. Choose a file saved with Export → JSON or Export → Web Annotations in Quire's bookmarks panel.\nthe import is 50 MB (52428800 bytes), over the 10 MB limit`,
    );
    expect(held()).toBe(before);
  });
});

describe('cli suggest', () => {
  it('completes the word being typed, through the same engine as the search box', () => {
    const out = JSON.parse(cli('suggest', 'dry mo', '--json', '--limit', '3').stdout) as { query: string; suggestions: string[] };
    expect(out.query).toBe('dry mo');
    expect(out.suggestions).toContain('dry mouth');
    expect(out.suggestions.length).toBeLessThanOrEqual(3);
    const text = cli('suggest', 'dry mo');
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')).toContain('dry mouth');
    const tooMany = cli('suggest', 'dry mo', '--limit', '21');
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain("--limit must be a whole number from 1 to 20, got '21'");
  });
});

describe('callApi (the way the CLI calls the engine)', () => {
  it("checks arguments with the contract's schemas and fails with the contract's errors", async () => {
    const api = libraryService(await buildLibrary(BUNDLED_CONTENT));
    expect((await callApi(api, 'search', ['dry mouth', { limit: 2 }])).results).toHaveLength(2);
    await expect(callApi(api, 'search', ['dry mouth', { limit: 0 }])).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('search: argument 1') });
    await expect(callApi(api, 'suggest', ['dry mo', 21])).rejects.toMatchObject({ code: 'invalid-argument' });
    const missing = await callApi(api, 'getArticle', ['no-such-article']).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ code: 'not-found' });
  });
});

describe('cli --help', () => {
  it("prints each command's own usage and exits 0", () => {
    for (const [command, own, other] of [
      ['search', 'quire search --queries FILE', 'quire bookmarks'],
      ['suggest', 'quire suggest "<partial query>"', 'quire search'],
      ['build', 'quire build [--content DIR] [--out DIR]', 'quire search'],
      ['bookmarks', 'quire bookmarks import FILE', 'quire search'],
    ] as const) {
      const r = cli(command, '--help');
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).toContain(own);
      expect(r.stdout, command).not.toContain(other);
      expect(r.stderr, command).toBe('');
    }
    expect(cli('bookmarks', 'add', '-h').stdout).toContain('quire bookmarks add ARTICLE-ID');
    const all = cli('--help');
    expect(all.status).toBe(0);
    for (const command of ['build', 'search', 'suggest', 'bookmarks']) expect(all.stdout).toContain(`quire ${command} `);
  });

  it('searches for "--help" after --, and shows the command\'s usage with a mistake', () => {
    const r = cli('search', '--json', '--', '--help');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { query: string }).query).toBe('--help');
    const wrong = cli('suggest', 'a', 'b');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('suggest takes exactly one partial query');
    expect(wrong.stderr).toContain('quire suggest "<partial query>"');
    expect(wrong.stderr).not.toContain('quire bookmarks');
  });
});

describe('cli file arguments', () => {
  it('refuses a FIFO as a queries file or an import, at once, naming the file', () => {
    const pipe = join(dir.path, 'pipe');
    const queries = cli('search', '--queries', pipe);
    expect(queries.status).toBe(2);
    expect(queries.stderr).toContain(`--queries: ${pipe} is a FIFO (named pipe), not a regular file`);
    const imported = cli('bookmarks', 'import', pipe, '--data-dir', join(dir.path, 'data-fifo'));
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain(`import: ${pipe} is a FIFO (named pipe), not a regular file`);
    const exported = cli('bookmarks', 'export', '--out', pipe, '--data-dir', join(dir.path, 'data-fifo'));
    expect(exported.status).toBe(1);
    expect(exported.stderr).toContain(`export --out: ${pipe} is a FIFO (named pipe), not a regular file`);
  });

  it('refuses devices and folders as file arguments', () => {
    expect(cli('search', '--queries', '/dev/zero').stderr).toContain('--queries: /dev/zero is a character device, not a regular file');
    expect(cli('bookmarks', 'import', '/dev/null', '--data-dir', join(dir.path, 'data-dev')).stderr).toContain('import: /dev/null is a character device');
    expect(cli('search', '--queries', dir.path).stderr).toContain(`--queries: ${dir.path} is a folder`);
  });
});

describe('cli output to a terminal', () => {
  it('prints control characters from an article visibly, never raw; JSON keeps the text exact', () => {
    const lib = join(dir.path, 'hostile');
    const human = cli('search', 'tides', '--content', lib);
    expect(human.status).toBe(0);
    expect(human.stdout).not.toMatch(RAW_CONTROLS);
    expect(human.stdout).toContain('\\u001b]0;owned\\u0007');
    expect(human.stdout).toContain('\\u009b31m');
    expect(human.stdout).toContain('Tides \\u001b[31m red');
    const json = JSON.parse(cli('search', 'tides', '--json', '--content', lib).stdout) as { results: { text: string }[] };
    expect(json.results[0]?.text).toContain('\u001b]0;owned\u0007rise \u001b[2Jand \u009b31mfall\u0008');
    const suggested = cli('suggest', '\u001b[2J tid', '--content', lib);
    expect(suggested.stdout).not.toMatch(RAW_CONTROLS);
    expect(suggested.stdout).toContain('\\u001b[2J tides');
  });

  it("prints a bookmark's note and quote visibly", () => {
    const data = join(dir.path, 'data-note');
    const added = cli('bookmarks', 'add', 'hostile', 'tides-1', '--note', 'see \u001b[8mhidden', '--content', join(dir.path, 'hostile'), '--data-dir', data);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).not.toMatch(RAW_CONTROLS);
    expect(added.stdout).toContain('note: see \\u001b[8mhidden');
    expect(added.stdout).toContain('\\u001b]0;owned\\u0007');
  });
});

describe('printable', () => {
  it('writes C0, DEL and C1 controls as \\uXXXX and keeps tabs, newlines and other text', () => {
    expect(printable('a\u0000b\u001bc\u007fd\u0085e\u009ff')).toBe('a\\u0000b\\u001bc\\u007fd\\u0085e\\u009ff');
    expect(printable('tab\there\nnext line, “Sjögren’s” …')).toBe('tab\there\nnext line, “Sjögren’s” …');
  });
});

describe('the compiled CLI', () => {
  it("loads the store's packages only for the bookmarks commands, not to search", () => {
    type Output = { imports: { path: string; kind: string; external?: boolean }[] };
    const { outputs } = JSON.parse(readFileSync(CLI_META, 'utf8')) as { outputs: Record<string, Output> };
    // Everything a search loads at start: the entry and what it imports statically, transitively.
    const packages = new Set<string>();
    const seen = new Set<string>();
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of outputs[file]!.imports) {
        if (i.kind !== 'import-statement') continue;
        if (i.external) packages.add(i.path);
        else walk(i.path);
      }
    };
    walk(relative(ROOT, CLI_OUT));
    expect(packages).toContain('zod');
    expect(packages).toContain('minisearch');
    expect(packages).not.toContain('conf');
  });
});

describe('cli library', () => {
  it('adds files and folders, lists them with where they came from, searches them, removes and restores one', async () => {
    const data = join(dir.path, 'library-data');
    await dir.write('mine/notes.md', '# Evening notes\n\nTook baclofen with chamomile; slept soundly.\n');
    await dir.write('mine/more/log.txt', 'Morning log\n\nWoke with a dry mouth and a zephyr of a headache.\n');
    await dir.write('mine/more/ignored.pdf', '%PDF-1.4');
    await dir.write('scan.pdf', '%PDF-1.4');
    const added = cli('library', 'add', join(dir.path, 'mine'), join(dir.path, 'scan.pdf'), '--data-dir', data, '--json');
    // A file given by name is tried whatever its kind; in a folder only the kinds Quire reads are.
    expect(added.status).toBe(1);
    const outcomes = (JSON.parse(added.stdout) as { outcomes: { name: string; status: string; articleId?: string; reason?: string }[] }).outcomes;
    expect(outcomes.map((o) => `${o.name} ${o.status} ${o.articleId ?? o.reason}`)).toEqual([
      'log.txt added morning-log',
      'notes.md added evening-notes',
      'scan.pdf failed Quire cannot read .pdf files: add Markdown (.md), text (.txt), saved web pages (.html) or EPUB books (.epub)',
    ]);
    const listed = JSON.parse(cli('library', 'list', '--data-dir', data, '--json').stdout) as { articles: { id: string; origin: string; sourceFile: string | null }[] };
    expect(listed.articles.map((a) => `${a.id} ${a.origin} ${a.sourceFile}`).sort()).toEqual([
      'baclofen-sjogrens-syndrome bundled null',
      'baclofen-sleep-aid bundled null',
      'evening-notes user notes.md',
      'morning-log user log.txt',
    ]);
    // Search sees them with --data-dir, as the app does; without it, the bundled library alone.
    expect((JSON.parse(cli('search', 'chamomile', '--json', '--data-dir', data).stdout) as { total: number }).total).toBe(1);
    expect((JSON.parse(cli('search', 'chamomile', '--json').stdout) as { total: number }).total).toBe(0);
    expect(cli('library', 'add', join(dir.path, 'mine', 'notes.md'), '--data-dir', data).stdout).toContain('notes.md: not added: already in your library as “Evening notes”');
    expect(cli('library', 'remove', 'evening-notes', '--data-dir', data).stdout).toContain('removed “Evening notes” (evening-notes); undo with: quire library restore evening-notes');
    expect(cli('library', 'list', '--mine', '--data-dir', data).stdout).not.toContain('evening-notes');
    expect(cli('library', 'restore', 'evening-notes', '--data-dir', data).status).toBe(0);
    expect((JSON.parse(cli('search', 'chamomile', '--json', '--data-dir', data).stdout) as { total: number }).total).toBe(1);
  });

  it('says why it cannot remove a bundled article, and shows its usage for a mistake', () => {
    const data = join(dir.path, 'library-data-2');
    const bundled = cli('library', 'remove', 'baclofen-sleep-aid', '--data-dir', data);
    expect(bundled.status).toBe(1);
    expect(bundled.stderr).toContain("'baclofen-sleep-aid' is an article of the bundled library, which cannot be removed");
    const wrong = cli('library', 'frobnicate', '--data-dir', data);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("unknown library action 'frobnicate'");
    expect(wrong.stderr).toContain('quire library add PATH...');
  });
});
