/**
 * The reader's library on disk: adding, updating, duplicates, removal and undo, and what a
 * damaged manifest, a full disk, a second process and a kill leave. Real files in temp folders,
 * real processes, and a real full tmpfs where this machine can mount one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleScript } from '../testing/bundle';
import { tempDir, type TempDir } from '../testing/temp-dir';
import { paragraphsAbout, prepared } from '../testing/user-articles';
import { ARTICLES_FOLDER, DamagedArticleFileError, idFor, MANIFEST_FILE, REMOVED_KEPT_DAYS, UnknownUserArticleError, USER_LIBRARY_FOLDER, UserLibrary, UserLibrarySaveError } from './user-library';

let data: TempDir;
beforeEach(async () => {
  data = await tempDir();
});
afterEach(() => data.remove());

const none = (): boolean => false;
/** The manifest on disk, as written (none yet: empty). */
const manifestOf = (dir: string): { articles: { id: string; file: string }[]; removed: { id: string; file: string }[] } => {
  const path = join(dir, USER_LIBRARY_FOLDER, MANIFEST_FILE);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { articles: [], removed: [] };
};

describe('UserLibrary', () => {
  it('adds articles with ids from their titles, none taken twice nor from the bundled library, and keeps them on disk', async () => {
    const { library } = await UserLibrary.open(data.path);
    const outcomes = await library.commit([prepared('a.md', 'Sleep Notes'), prepared('b.md', 'Sleep notes', ['Other words.']), prepared('c.md', 'Baclofen Sleep Aid')], (id) => id === 'baclofen-sleep-aid');
    expect(outcomes.map((o) => `${o.status} ${o.entry.id}`)).toEqual(['added sleep-notes', 'added sleep-notes-2', 'added baclofen-sleep-aid-2']);
    const again = (await UserLibrary.open(data.path)).library;
    const entries = await again.entries();
    expect(entries.map((e) => [e.id, e.sourceFile, e.format])).toEqual([
      ['sleep-notes', 'a.md', 'markdown'],
      ['sleep-notes-2', 'b.md', 'markdown'],
      ['baclofen-sleep-aid-2', 'c.md', 'markdown'],
    ]);
    const stored = await again.read(entries[0]!);
    expect(stored.article.id).toBe('sleep-notes');
    expect(stored.article.origin).toBe('user');
    expect(stored.article.added?.sourceFile).toBe('a.md');
    expect(stored.markdown).toMatch(/^---\nid: sleep-notes\ntitle: Sleep Notes\n/);
  });

  it('cuts a long title to a readable id at a word', () => {
    expect(idFor('The effects of baclofen on sleep in adults with chronic spinal cord injury and spasticity', none)).toBe('the-effects-of-baclofen-on-sleep-in-adults-with-chronic');
    expect(idFor('日本語のタイトル', none)).toBe('article');
  });

  it('finds a duplicate by its words, whatever the file is called, and adds nothing', async () => {
    const { library } = await UserLibrary.open(data.path);
    await library.commit([prepared('a.md', 'Sleep Notes')], none);
    const [outcome] = await library.commit([prepared('copy of a.md', 'Sleep Notes')], none);
    expect(outcome).toMatchObject({ status: 'duplicate', entry: { id: 'sleep-notes', sourceFile: 'a.md' } });
    expect(await library.entries()).toHaveLength(1);
  });

  it('updates the article made from a file of the same name in place, keeping its id and when it was added', async () => {
    const { library } = await UserLibrary.open(data.path);
    const [first] = await library.commit([prepared('notes.md', 'Sleep Notes', ['First version.'])], none, new Date('2026-01-01T00:00:00Z'));
    const [second] = await library.commit([prepared('notes.md', 'Sleep Notes, revised', ['Second version.'])], none, new Date('2026-02-01T00:00:00Z'));
    expect(second).toMatchObject({ status: 'updated', entry: { id: 'sleep-notes', title: 'Sleep Notes, revised', addedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' } });
    expect((await library.read(second!.entry)).article.passages.map((p) => p.text)).toEqual(['Second version.']);
    // The replaced version's file is gone: only the manifest's files are kept.
    expect(readdirSync(join(library.dir, ARTICLES_FOLDER))).toEqual([second!.entry.file]);
    expect(first!.entry.file).not.toBe(second!.entry.file);
  });

  it('removes an article and puts it back as it was; an unknown id is refused by name', async () => {
    const { library } = await UserLibrary.open(data.path);
    const [added] = await library.commit([prepared('a.md', 'Sleep Notes')], none);
    const removed = await library.remove('sleep-notes');
    expect(await library.entries()).toEqual([]);
    expect((await library.removedEntries()).map((e) => e.id)).toEqual(['sleep-notes']);
    expect(existsSync(join(library.dir, ARTICLES_FOLDER, removed.file))).toBe(true);
    expect(await library.restore('sleep-notes')).toEqual(added!.entry);
    expect(await library.entries()).toEqual([added!.entry]);
    await expect(library.remove('nope')).rejects.toThrow(new UnknownUserArticleError("no article of yours with id 'nope'"));
    await expect(library.restore('sleep-notes')).rejects.toBeInstanceOf(UnknownUserArticleError);
  });

  it('gives an article added again after its removal its own id back', async () => {
    const { library } = await UserLibrary.open(data.path);
    await library.commit([prepared('a.md', 'Sleep Notes')], none);
    await library.remove('sleep-notes');
    await library.commit([prepared('other.md', 'Sleep Notes, new')], none);
    const [back] = await library.commit([prepared('a.md', 'Sleep Notes')], none);
    expect(back).toMatchObject({ status: 'added', entry: { id: 'sleep-notes' } });
    expect(await library.removedEntries()).toEqual([]);
  });

  it(`forgets removed articles after ${REMOVED_KEPT_DAYS} days, and their files with them`, async () => {
    const { library } = await UserLibrary.open(data.path);
    await library.commit([prepared('a.md', 'Old'), prepared('b.md', 'New')], none);
    const old = await library.remove('old', new Date(Date.now() - (REMOVED_KEPT_DAYS + 1) * 86_400_000));
    await library.remove('new');
    expect((await library.removedEntries()).map((e) => e.id)).toEqual(['new']);
    expect(existsSync(join(library.dir, ARTICLES_FOLDER, old.file))).toBe(false);
  });

  it('sees changes another process made, without being opened again', async () => {
    const one = (await UserLibrary.open(data.path)).library;
    const two = (await UserLibrary.open(data.path)).library;
    expect(await two.entries()).toEqual([]);
    await one.commit([prepared('a.md', 'Sleep Notes')], none);
    expect((await two.entries()).map((e) => e.id)).toEqual(['sleep-notes']);
    // And changes on the latest list: the second process's article joins the first's.
    await two.commit([prepared('b.md', 'Dry Mouth')], none);
    expect((await one.entries()).map((e) => e.id)).toEqual(['sleep-notes', 'dry-mouth']);
  });

  it('sets a damaged manifest aside, says where, and makes it again from the article files', async () => {
    const { library } = await UserLibrary.open(data.path);
    await library.commit([prepared('a.md', 'Sleep Notes'), prepared('b.md', 'Dry Mouth')], none);
    const path = join(library.dir, MANIFEST_FILE);
    writeFileSync(path, '{"format": 1, "articles": [');
    const reopened = await UserLibrary.open(data.path);
    expect(reopened.setAside).toMatch(/manifest\.corrupt-.*\.json$/);
    expect(readFileSync(reopened.setAside!, 'utf8')).toBe('{"format": 1, "articles": [');
    expect((await reopened.library.entries()).map((e) => e.id).sort()).toEqual(['dry-mouth', 'sleep-notes']);
  });

  it('reads an article file only as the file of its entry, and says what is wrong with one that is not', async () => {
    const { library } = await UserLibrary.open(data.path);
    await library.commit([prepared('a.md', 'Sleep Notes'), prepared('b.md', 'Dry Mouth')], none);
    const [a, b] = await library.entries();
    const articles = join(library.dir, ARTICLES_FOLDER);
    writeFileSync(join(articles, a!.file), readFileSync(join(articles, b!.file)));
    await expect(library.read(a!)).rejects.toThrow(new DamagedArticleFileError('the file holds another article than the list says'));
    writeFileSync(join(articles, a!.file), '');
    await expect(library.read(a!)).rejects.toThrow(new DamagedArticleFileError('the file is empty'));
    writeFileSync(join(articles, a!.file), JSON.stringify({ format: 1, entry: a, markdown: '', article: { id: 'sleep-notes', title: 'Sleep Notes' } }));
    await expect(library.read(a!)).rejects.toThrow(new DamagedArticleFileError("the file's article lacks its title, sections or passages"));
    expect((await library.read(b!)).entry).toEqual(b);
  });

  it('sets a damaged article file aside once, and never the file of a newer version', async () => {
    const { library } = await UserLibrary.open(data.path);
    await library.commit([prepared('a.md', 'Sleep Notes')], none);
    const [old] = await library.entries();
    await library.commit([prepared('a.md', 'Sleep Notes', ['Changed since.'])], none);
    // Found damaged by a process that read the list before the change: nothing to set aside now.
    expect(await library.setAside(old!, 'the file is empty')).toBeUndefined();
    expect((await library.entries()).map((e) => e.id)).toEqual(['sleep-notes']);
    const [now] = await library.entries();
    const aside = await library.setAside(now!, 'the file is empty');
    expect(aside).toMatchObject({ id: 'sleep-notes', why: 'the file is empty' });
    expect(await library.setAside(now!, 'the file is empty')).toBeUndefined();
    expect(await library.damagedEntries()).toEqual([aside]);
    // Kept at start, where a file no list names is otherwise tidied away.
    const reopened = (await UserLibrary.open(data.path)).library;
    expect(readdirSync(join(reopened.dir, ARTICLES_FOLDER))).toEqual([aside!.setAsideFile]);
    expect(await reopened.damagedEntries()).toEqual([aside]);
  });

  it('removes at start what a change that never finished left: temporary files and article files no manifest names', async () => {
    const { library } = await UserLibrary.open(data.path);
    await library.commit([prepared('a.md', 'Sleep Notes')], none);
    const articles = join(library.dir, ARTICLES_FOLDER);
    writeFileSync(join(articles, 'half-written-0123456789ab.json'), '{"format":1,');
    writeFileSync(join(articles, 'x.json.tmp-1-abcd'), 'x');
    writeFileSync(join(library.dir, `${MANIFEST_FILE}.tmp-1-abcd`), 'x');
    writeFileSync(join(articles, 'Notes.txt'), 'not ours');
    await UserLibrary.open(data.path);
    expect(readdirSync(articles).sort()).toEqual(['Notes.txt', manifestOf(data.path).articles[0]!.file].sort());
    expect(readdirSync(library.dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});

/** A tmpfs of `kb` KiB mounted at a new folder, where this machine allows it (root on Linux). */
function smallDisk(kb: number): { path: string; unmount: () => void } | undefined {
  const path = mkdtempSync(join(tmpdir(), 'quire-library-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', path], { stdio: 'ignore' });
  } catch {
    rmSync(path, { recursive: true, force: true });
    return undefined;
  }
  return {
    path,
    unmount: () => {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

describe('UserLibrary against real faults', () => {
  let scratch: string;
  let writerScript: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'quire-library-writers-'));
    writerScript = join(scratch, 'library-writer.mjs');
    bundleScript('src/core/testing/fixtures/library-writer.ts', writerScript);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses a change on a full disk, saying so, and keeps the library as it was', async () => {
    const disk = smallDisk(256);
    if (!disk) {
      // Not root: no tmpfs, but a folder this user may not write refuses the change as surely.
      console.log('library on a full disk: this machine cannot mount a tmpfs; a folder without write permission stands in');
      const { library } = await UserLibrary.open(data.path);
      await library.commit([prepared('a.md', 'Sleep Notes')], none);
      const before = readFileSync(join(library.dir, MANIFEST_FILE), 'utf8');
      chmodSync(join(library.dir, ARTICLES_FOLDER), 0o500);
      chmodSync(library.dir, 0o500);
      try {
        const error = await library.commit([prepared('b.md', 'Dry Mouth')], none).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UserLibrarySaveError);
        expect((error as Error).message).toMatch(/^Quire could not add your articles: Quire is not allowed to write in .*\. Nothing was changed; try again\.$/);
        expect(readFileSync(join(library.dir, MANIFEST_FILE), 'utf8')).toBe(before);
      } finally {
        chmodSync(library.dir, 0o700);
        chmodSync(join(library.dir, ARTICLES_FOLDER), 0o700);
      }
      return;
    }
    try {
      const { library } = await UserLibrary.open(disk.path);
      await library.commit([prepared('a.md', 'Sleep Notes')], none);
      const before = readFileSync(join(library.dir, MANIFEST_FILE), 'utf8');
      const files = readdirSync(join(library.dir, ARTICLES_FOLDER));
      // Fill the disk, then try to add an article too big for what is left.
      const filler = join(disk.path, 'filler');
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'ignore' });
      } catch {
        // dd stops with an error when the disk is full: that is the point.
      }
      const error = await library.commit([prepared('b.md', 'Dry Mouth', paragraphsAbout('dry mouth', 200))], none).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserLibrarySaveError);
      expect((error as Error).message).toBe('Quire could not add your articles: the disk is full. Nothing was changed; try again.');
      expect(readFileSync(join(library.dir, MANIFEST_FILE), 'utf8')).toBe(before);
      expect(readdirSync(join(library.dir, ARTICLES_FOLDER))).toEqual(files);
      // Room for the lock's owner record and one small article file (a page each), not for the
      // manifest after them: the article file written goes too.
      execFileSync('truncate', ['-s', `-${2 * 4096}`, filler]);
      const late = await library.commit([prepared('c.md', 'Short')], none).catch((e: unknown) => e);
      expect(late).toBeInstanceOf(UserLibrarySaveError);
      expect(readFileSync(join(library.dir, MANIFEST_FILE), 'utf8')).toBe(before);
      expect(readdirSync(join(library.dir, ARTICLES_FOLDER))).toEqual(files);
      rmSync(filler);
      expect((await library.commit([prepared('b.md', 'Dry Mouth', paragraphsAbout('dry mouth', 200))], none))[0]!.status).toBe('added');
    } finally {
      disk.unmount();
    }
  });

  /** Start a writer process; resolves its acknowledged changes when it exits. */
  interface Change {
    readonly op: string;
    readonly id?: string;
  }
  const writer = (dir: string, prefix: string, count: number): { child: ReturnType<typeof spawn>; acked: Change[]; pending: () => Change | undefined; exited: Promise<void> } => {
    const child = spawn(process.execPath, [writerScript, dir, prefix, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: Change[] = [];
    let pending: Change | undefined;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('begin ')) pending = JSON.parse(line.slice(6)) as Change;
      if (line.startsWith('ack ')) {
        acked.push(JSON.parse(line.slice(4)) as Change);
        pending = undefined;
      }
    });
    return { child, acked, pending: () => pending, exited: new Promise((resolve) => child.once('exit', () => resolve())) };
  };

  /** What the writers' acknowledged changes leave: each one's live article ids. */
  const expectedIds = (acked: readonly { op: string; id?: string }[]): string[] => {
    const live: string[] = [];
    for (const c of acked) {
      if (c.op === 'add') live.push(c.id!);
      else live.splice(live.indexOf(c.id!), 1);
    }
    return live;
  };

  it('keeps every change of three processes writing at once', async () => {
    const writers = ['one', 'two', 'three'].map((p) => writer(data.path, p, 25));
    await Promise.all(writers.map((w) => w.exited));
    const { library } = await UserLibrary.open(data.path);
    const ids = (await library.entries()).map((e) => e.id).sort();
    expect(ids).toEqual(writers.flatMap((w) => expectedIds(w.acked)).sort());
    // 25 changes each: 20 added, 5 of them removed again.
    expect(ids.length).toBe(3 * 15);
    for (const entry of await library.entries()) expect((await library.read(entry)).entry).toEqual(entry);
  });

  it('leaves every article whole or absent when its writer is killed at any moment', async () => {
    let changed = 0;
    for (let round = 0; round < 12; round++) {
      const dir = join(data.path, `round-${round}`);
      mkdirSync(dir);
      const w = writer(dir, `r${round}`, Infinity);
      // Killed while it works, however slow the machine: after a few acknowledged changes, at a moment in the next.
      while (w.acked.length < 1 + (round % 4)) await new Promise((resolve) => setTimeout(resolve, 2));
      await new Promise((resolve) => setTimeout(resolve, (round * 7) % 25));
      w.child.kill('SIGKILL');
      await w.exited;
      const { library } = await UserLibrary.open(dir);
      const ids = (await library.entries()).map((e) => e.id);
      const acked = expectedIds(w.acked);
      // Every acknowledged article is there, but one whose removal was under way; and at most
      // the one being added besides.
      const under = w.pending();
      for (const id of acked) if (!(under?.op === 'remove' && under.id === id)) expect(ids).toContain(id);
      expect(ids.filter((id) => !acked.includes(id)).length).toBeLessThanOrEqual(under?.op === 'add' ? 1 : 0);
      for (const entry of await library.entries()) expect((await library.read(entry)).article.id).toBe(entry.id);
      const { articles, removed } = manifestOf(dir);
      const named = new Set([...articles, ...removed].map((e) => e.file));
      expect(readdirSync(join(library.dir, ARTICLES_FOLDER)).filter((f) => !named.has(f))).toEqual([]);
      changed += w.acked.length;
    }
    // The kills fell while changes were being made, not before the first.
    expect(changed).toBeGreaterThanOrEqual(12 + 6 * 3);
  }, 60_000);
});
