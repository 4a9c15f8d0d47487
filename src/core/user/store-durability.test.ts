/**
 * The store against real faults: a full disk, several writer processes at once, hundreds of
 * kill -9s, files another user owns. Every test counts what was acknowledged and checks that
 * exactly that is on disk.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bookmark } from '../../shared/bookmarks';
import { NODE_FS, type DurableFs, type WritableHandle } from './durable-file';
import { JOURNAL_FILE, openStore, STORE_NAME, StoreSaveError } from './store';
import { bundleScript } from '../testing/bundle';
import { tempDir } from '../testing/temp-dir';

/** A change a writer process made, as it printed it. */
interface Change {
  readonly op: 'add' | 'note' | 'remove';
  readonly id: string;
  readonly note?: string;
}

interface Writer {
  readonly child: ChildProcess;
  readonly acked: Change[];
  /** The change begun and not yet acknowledged, if any. */
  pending: Change | undefined;
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;
}

let scratch: string;
let writerScript: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'quire-durability-'));
  // The permission tests run the writer as another user, who must be able to read it.
  chmodSync(scratch, 0o755);
  // Bundled once, so that each of hundreds of writer processes starts in a fraction of a second.
  writerScript = join(scratch, 'store-writer.mjs');
  bundleScript('src/core/testing/fixtures/store-writer.ts', writerScript);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function startWriter(dir: string, prefix: string, count = Infinity, compactBytes = 1 << 20, command: readonly string[] = []): Writer {
  const [program, ...prefixArgs] = command.length > 0 ? command : [process.execPath];
  const child = spawn(program!, [...prefixArgs, ...(command.length > 0 ? [process.execPath] : []), writerScript, dir, prefix, String(count), String(compactBytes)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const writer: Writer = { child, acked: [], pending: undefined, ready: undefined!, exited: new Promise((resolve) => child.once('exit', () => resolve())) };
  (writer as { ready: Promise<void> }).ready = new Promise((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') resolve();
      else if (line.startsWith('begin ')) writer.pending = JSON.parse(line.slice(6)) as Change;
      else if (line.startsWith('ack ')) {
        writer.acked.push(JSON.parse(line.slice(4)) as Change);
        writer.pending = undefined;
      }
    });
  });
  return writer;
}

/** Check that the store holds exactly what the writers' acknowledged changes leave. */
function expectAcknowledged(bookmarks: readonly Bookmark[], writers: readonly Writer[], prefixes: readonly string[], context: string): number {
  const notes = new Map<string, string>();
  const uncertain = new Set<string>();
  for (const w of writers) {
    for (const c of w.acked) {
      if (c.op === 'add') notes.set(c.id, '');
      else if (c.op === 'note') notes.set(c.id, c.note!);
      else notes.delete(c.id);
    }
    // Killed between its begin and its ack: either outcome is right.
    if (w.pending) uncertain.add(w.pending.id);
  }
  const held = new Map(bookmarks.filter((b) => prefixes.some((p) => b.id.startsWith(`${p}-`))).map((b) => [b.id, b.note]));
  for (const [id, note] of notes) if (!uncertain.has(id)) expect(held.get(id), `${context}: ${id}`).toBe(note);
  for (const id of held.keys()) if (!uncertain.has(id)) expect(notes.has(id), `${context}: ${id} was removed`).toBe(true);
  return writers.reduce((n, w) => n + w.acked.length, 0);
}

const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name.includes('.tmp-') || name.includes('.lock'));

describe('the store with several writer processes', () => {
  it.each([2, 3])('loses none of 1,000+ changes acknowledged by %i processes writing at once', async (n) => {
    const data = await tempDir();
    const prefixes = Array.from({ length: n }, (_, i) => `w${n}x${i}`);
    const writers = prefixes.map((p) => startWriter(data.path, p, Math.ceil(1050 / n), 16_384));
    await Promise.all(writers.map((w) => w.exited));
    const { store, setAside } = await openStore(data.path);
    expect(setAside).toBeUndefined();
    const acked = expectAcknowledged(store.bookmarks(), writers, prefixes, `${n} writers`);
    expect(acked).toBeGreaterThanOrEqual(1000);
    expect(leftovers(data.path)).toEqual([]);
    await data.remove();
  }, 120_000);

  it('shows each process what the others changed, without reopening', async () => {
    const data = await tempDir();
    const { store } = await openStore(data.path);
    expect(store.bookmarks()).toEqual([]);
    const writer = startWriter(data.path, 'other', 40, 4096);
    await writer.exited;
    expectAcknowledged(store.bookmarks(), [writer], ['other'], 'seen from another process');
    expect(store.bookmarks().length).toBeGreaterThan(15);
    await data.remove();
  }, 30_000);
});

describe('the store under kill -9', () => {
  it('keeps every acknowledged change and never an invalid file, through 200 kills at random moments', async () => {
    const data = await tempDir();
    // A reader in this process, which sees the others' files as they are after each kill.
    const { store: reader } = await openStore(data.path);
    const all: Writer[] = [];
    const prefixes: string[] = [];
    let kills = 0;
    const spawnOne = (): Writer => {
      const prefix = `k${all.length}`;
      prefixes.push(prefix);
      // A small journal, so that kills land in the folding of journal into snapshot too.
      const w = startWriter(data.path, prefix, Infinity, 8192);
      all.push(w);
      return w;
    };
    // Four lanes at once, each starting a writer, killing it at a random moment, checking.
    const lane = async (): Promise<void> => {
      while (kills < 200) {
        const victim = spawnOne();
        await victim.ready;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 60));
        victim.child.kill('SIGKILL');
        await victim.exited;
        kills++;
        expectAcknowledged(reader.bookmarks(), [victim], [prefixes[all.indexOf(victim)]!], `after kill ${kills}`);
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    expect(kills).toBeGreaterThanOrEqual(200);
    const { store, setAside } = await openStore(data.path);
    expect(setAside).toBeUndefined();
    const acked = expectAcknowledged(store.bookmarks(), all, prefixes, 'after all kills');
    expect(acked).toBeGreaterThan(200);
    expect(leftovers(data.path)).toEqual([]);
    await data.remove();
  }, 300_000);

  it('removes the temporary files and lock drafts a killed write left, at start', async () => {
    const data = await tempDir();
    await openStore(data.path);
    writeFileSync(join(data.path, `${STORE_NAME}.json.tmp-12345-abcd`), '{"half": ');
    // Locks that killed processes were making and removing (their names carry their process ids),
    // and one that a live process is making right now, which stays.
    const dead = 2 ** 22 + 12345;
    for (const name of [`lock.${dead}.0b7cd1a8`, `lock.gone.${dead}.1c2d`, `lock.break.${dead}.3e4f`]) mkdirSync(join(data.path, `${STORE_NAME}.json.${name}`));
    const live = `${STORE_NAME}.json.lock.${process.pid}.5a6b`;
    mkdirSync(join(data.path, live));
    await openStore(data.path);
    expect(readdirSync(data.path).sort()).toEqual([`${STORE_NAME}.json`, live]);
    await data.remove();
  });
});

/** A tmpfs of `kb` KiB, mounted where this machine allows it (root on Linux). */
function smallDisk(kb: number): { path: string; unmount: () => void } | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const path = mkdtempSync(join(scratch, 'disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', path], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return { path, unmount: () => execFileSync('umount', [path]) };
}

/**
 * A disk that takes at most `budget` more bytes (then ENOSPC), and writes at most `chunk` bytes
 * per call (as a nearly full disk does): the real file system otherwise.
 */
function fillingFs(budget: { left: number }, chunk: number): DurableFs {
  const full = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return {
    ...NODE_FS,
    open: async (path, flags, mode) => {
      const handle = await NODE_FS.open(path, flags, mode);
      const wrapped: WritableHandle = {
        write: async (buffer, offset, length, position) => {
          if (budget.left <= 0) throw full();
          const n = Math.min(length, chunk, budget.left);
          budget.left -= n;
          return handle.write(buffer, offset, n, position);
        },
        sync: () => handle.sync(),
        truncate: (len) => handle.truncate(len),
        stat: () => handle.stat(),
        close: () => handle.close(),
      };
      return wrapped;
    },
  };
}

const noted = (i: number, size: number): Bookmark => ({
  id: `full-bookmark-${i}`,
  articleId: 'baclofen-sleep-aid',
  target: 'passage',
  targetId: `p-${i}`,
  quote: { exact: `Passage ${i}`, prefix: '', suffix: '' },
  note: `${i} `.padEnd(size, 'n'),
  tags: [],
  createdAt: '2026-12-01T07:00:00.000Z',
  updatedAt: '2026-12-01T07:00:00.000Z',
});

/** Add bookmarks until the disk refuses one; what was acknowledged, and the refusal. */
async function fillUp(open: () => Promise<Awaited<ReturnType<typeof openStore>>>, size: number): Promise<{ acked: string[]; error: unknown }> {
  const { store } = await open();
  const acked: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    try {
      await store.addBookmark(noted(i, size));
      acked.push(`full-bookmark-${i}`);
    } catch (error) {
      await store.close();
      return { acked, error };
    }
  }
  throw new Error('the disk never filled');
}

/** The store's files hold whole JSON: the snapshot parses, every journal line parses. */
function expectWholeFiles(dir: string): void {
  JSON.parse(readFileSync(join(dir, `${STORE_NAME}.json`), 'utf8'));
  const journal = readFileSync(join(dir, JOURNAL_FILE), 'utf8');
  expect(journal === '' || journal.endsWith('\n'), 'the journal ends with a whole line').toBe(true);
  for (const line of journal.split('\n').filter(Boolean)) JSON.parse(line);
}

describe('the store on a full disk', () => {
  it('refuses the change that does not fit, saying so, and keeps every one before it (real tmpfs where it can be mounted)', async () => {
    const disk = smallDisk(192);
    const budget = { left: 150_000 };
    const where = disk?.path ?? (await tempDir()).path;
    const fs = disk ? undefined : fillingFs(budget, 1000);
    console.log(disk ? `store on a full disk: a real ${192} KiB tmpfs at ${where}` : 'store on a full disk: this machine cannot mount a tmpfs; a file system that fills up stands in');
    try {
      // Room that can be given back once the disk is full.
      if (disk) writeFileSync(join(where, 'filler'), Buffer.alloc(16_384));
      // A small journal, so that folding it into a new snapshot meets the full disk too.
      const open = () => openStore(where, { compactBytes: 24_000, ...(fs ? { fs } : {}) });
      const { acked, error } = await fillUp(open, 3000);
      expect(acked.length).toBeGreaterThan(5);
      expect(error).toBeInstanceOf(StoreSaveError);
      expect((error as Error).message).toBe('Quire could not save your bookmark: the disk is full. Nothing was changed; try again.');
      expectWholeFiles(where);
      expect(leftovers(where).filter((n) => n !== 'filler')).toEqual([]);
      const { store } = await open();
      expect(store.bookmarks().map((b) => b.id)).toEqual(acked);
      expect(store.bookmarks().every((b) => b.note.length === 3000)).toBe(true);
      // With room again, the change that was refused goes through.
      if (disk) rmSync(join(where, 'filler'));
      budget.left = Infinity;
      await store.addBookmark(noted(acked.length, 3000));
      expect((await open()).store.bookmarks()).toHaveLength(acked.length + 1);
    } finally {
      disk?.unmount();
    }
  }, 60_000);

  it('writes every byte when the disk takes only a few at a time', async () => {
    const data = await tempDir();
    const budget = { left: Infinity };
    const { store } = await openStore(data.path, { fs: fillingFs(budget, 7), compactBytes: 2000 });
    for (let i = 0; i < 20; i++) await store.addBookmark(noted(i, 300));
    await store.compact();
    expectWholeFiles(data.path);
    expect((await openStore(data.path)).store.bookmarks().map((b) => b.note)).toEqual(Array.from({ length: 20 }, (_, i) => noted(i, 300).note));
    await data.remove();
  });

  it('cuts a half-written change back off the journal, so that later changes are read', async () => {
    const data = await tempDir();
    const budget = { left: Infinity };
    const { store } = await openStore(data.path, { fs: fillingFs(budget, 100), compactBytes: 1 << 20 });
    await store.addBookmark(noted(0, 50));
    budget.left = 120;
    await expect(store.addBookmark(noted(1, 500))).rejects.toThrow(/the disk is full/);
    budget.left = Infinity;
    await store.addBookmark(noted(2, 50));
    expectWholeFiles(data.path);
    const { store: reopened } = await openStore(data.path);
    expect(reopened.bookmarks().map((b) => b.id)).toEqual(["full-bookmark-0", "full-bookmark-2"]);
    await data.remove();
  });
});

/** How to run a command as a user who does not own the test's files, and set files up for it. */
function otherUser(): readonly string[] {
  // As root, permissions do not apply: the writer runs as nobody. Otherwise it is this user,
  // and chmod takes the rights away.
  return process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
}

async function openAsOther(dir: string): Promise<string[]> {
  const w = startWriter(dir, 'open', 0, 0, otherUser());
  const lines: string[] = [];
  createInterface({ input: w.child.stdout! }).on('line', (l) => lines.push(l));
  await w.exited;
  return lines;
}

describe('the store and permissions', () => {
  it('reports a store file it may not read as that, and leaves the file where it is', async () => {
    const data = await tempDir();
    const { store } = await openStore(data.path);
    await store.addRecentSearch('mine');
    await openStore(data.path);
    const file = join(data.path, `${STORE_NAME}.json`);
    const before = readFileSync(file);
    chmodSync(data.path, 0o777);
    chmodSync(file, 0o600);
    if (process.getuid?.() !== 0) chmodSync(file, 0o000);
    const said = await openAsOther(data.path);
    chmodSync(file, 0o600);
    expect(said.join('\n')).toMatch(/^error: StoreAccessError: Quire is not allowed to read your saved data in .*quire\.json\. Nothing was changed/);
    expect(readdirSync(data.path).sort()).toEqual([JOURNAL_FILE, `${STORE_NAME}.json`]);
    expect(readFileSync(file).equals(before)).toBe(true);
    await data.remove();
  });

  it('opens a folder it may not write, and says so when a change cannot be saved', async () => {
    const data = await tempDir();
    await (await openStore(data.path)).store.addRecentSearch('mine');
    await openStore(data.path);
    chmodSync(data.path, 0o755);
    chmodSync(join(data.path, `${STORE_NAME}.json`), 0o644);
    if (process.getuid?.() !== 0) chmodSync(data.path, 0o555);
    const said = await openAsOther(data.path);
    chmodSync(data.path, 0o755);
    expect(said[0]).toBe('opened 0');
    expect(said[1]).toMatch(/^not saved: StoreSaveError: Quire could not save your recent searches: Quire is not allowed to write in .*\. Nothing was changed; try again\.$/);
    expect((await openStore(data.path)).store.recentSearches()).toEqual(['mine']);
    await data.remove();
  });
});
