/**
 * Imports: files queued, read one after another, committed a group at a time and searched once
 * done; progress, duplicates, failures, cancelling, and the queue's limit. The reader's library
 * and the engine are the real ones over temp folders; files are Markdown-like test files read by
 * a small `prepare` (the converters have tests of their own, and the hosts' e2e run them all).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import type { ImportFile, ImportProgress } from '../../shared/user-library';
import { buildLibrary, writeLibrary } from '../content/build';
import { loadLibrary } from '../library/load';
import { BUNDLED_CONTENT } from '../library/paths';
import { tempDir, type TempDir } from '../testing/temp-dir';
import { paragraphsAbout, readTestFile, testFile } from '../testing/user-articles';
import { UserLibrary } from '../user/user-library';
import { inProcessEngine, type HostEngine } from './host';
import { ImportJobs, type Prepare } from './imports';

let data: TempDir;
let library: UserLibrary;
let engine: HostEngine;
beforeEach(async () => {
  data = await tempDir();
  const bundledDir = join(data.path, 'bundled');
  await writeLibrary(bundledDir, await buildLibrary(BUNDLED_CONTENT));
  library = (await UserLibrary.open(join(data.path, 'data'))).library;
  engine = await inProcessEngine(await loadLibrary(bundledDir))(library);
});
afterEach(async () => {
  await engine.close();
  await data.remove();
});

const file = (name: string, title: string, paragraphs?: readonly string[], end?: string): ImportFile => testFile(name, title, paragraphs, end);

/** Reads test files, counting the files it read; waits on `gate` first when one is set, and `ms` for each. */
function reader(ms = 0): { prepare: Prepare; read: string[]; gate?: Promise<void> } {
  const state: { prepare: Prepare; read: string[]; gate?: Promise<void> } = {
    read: [],
    prepare: async (name, bytes) => {
      await state.gate;
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      state.read.push(name);
      return readTestFile(name, bytes);
    },
  };
  return state;
}

/** Ask for progress until the import is no longer running. */
async function finished(jobs: ImportJobs, id: string): Promise<ImportProgress> {
  for (;;) {
    const p = jobs.progress(id);
    if (p.state !== 'running') return p;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The reader's articles a search finds. */
const search = async (q: string): Promise<string[]> => [...new Set((await engine.api.search(q, { limit: 200 })).results.filter((h) => !h.articleId.startsWith('baclofen')).map((h) => h.articleId))].sort();

describe('ImportJobs', () => {
  it('reads, adds and searches every file, in batches, and says so file by file', async () => {
    const r = reader();
    const jobs = new ImportJobs(library, r.prepare, engine, () => false);
    const started = jobs.start(3);
    expect(started).toMatchObject({ state: 'running', total: 3, received: 0, done: 0, outcomes: [] });
    await jobs.add(started.id, [file('a.md', 'Sleep diary'), file('b.md', 'Dry mouth notes')]);
    await jobs.add(started.id, [file('c.md', 'Swallowing log')]);
    const done = await finished(jobs, started.id);
    expect(done).toMatchObject({ state: 'done', total: 3, received: 3, done: 3 });
    expect(done.outcomes.map((o) => `${o.name} ${o.status} ${o.articleId}`)).toEqual(['a.md added sleep-diary', 'b.md added dry-mouth-notes', 'c.md added swallowing-log']);
    // Done means searchable.
    expect(await search('minutes sooner')).toEqual(['dry-mouth-notes', 'sleep-diary', 'swallowing-log']);
  });

  it('finds a file added before by its bytes without reading it, and one of the same words by reading it', async () => {
    const r = reader();
    const jobs = new ImportJobs(library, r.prepare, engine, () => false);
    const first = jobs.start(1);
    await jobs.add(first.id, [file('a.md', 'Sleep diary')]);
    await finished(jobs, first.id);
    const second = jobs.start(2);
    // The same article in other bytes (a line break more): read, and found by its words.
    await jobs.add(second.id, [file('a.md', 'Sleep diary'), file('renamed.md', 'Sleep diary', undefined, '\n')]);
    const done = await finished(jobs, second.id);
    expect(done.outcomes.map((o) => `${o.name} ${o.status} ${o.articleId} ${o.reason}`)).toEqual([
      'a.md duplicate sleep-diary already in your library as “Sleep diary”',
      'renamed.md duplicate sleep-diary already in your library as “Sleep diary”',
    ]);
    // The first import read a.md; the second found it by its bytes, and read only renamed.md.
    expect(r.read).toEqual(['a.md', 'renamed.md']);
  });

  it('lists a file that cannot be read with why, and adds the others', async () => {
    const jobs = new ImportJobs(library, reader().prepare, engine, () => false);
    const { id } = jobs.start(3);
    await jobs.add(id, [file('a.md', 'Sleep diary'), file('x.bad', 'Broken'), file('c.md', 'Swallowing log')]);
    const done = await finished(jobs, id);
    expect(done.outcomes.map((o) => `${o.name} ${o.status}`)).toEqual(['a.md added', 'x.bad failed', 'c.md added']);
    expect(done.outcomes[1]!.reason).toBe('it is not a kind of file Quire reads');
    expect((await library.entries()).map((e) => e.id)).toEqual(['sleep-diary', 'swallowing-log']);
  });

  it('stops when cancelled: nothing more is added, and what was added stays whole', async () => {
    // Files that take a while to read: the cancel comes with most of them still queued.
    const r = reader(20);
    const jobs = new ImportJobs(library, r.prepare, engine, () => false);
    const { id } = jobs.start(30);
    await jobs.add(id, Array.from({ length: 30 }, (_, i) => file(`f${i}.md`, `Article ${i}`, paragraphsAbout(`article ${i}`, 4))));
    while (jobs.progress(id).done < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    const cancelled = jobs.cancel(id);
    expect(cancelled.state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = jobs.progress(id);
    const added = after.outcomes.filter((o) => o.status === 'added').map((o) => o.articleId!);
    expect(after.outcomes.filter((o) => o.status === 'cancelled').length).toBeGreaterThan(0);
    expect(added.length + after.outcomes.filter((o) => o.status === 'cancelled').length).toBe(30);
    // The library holds exactly the files said to be added, each with all its passages searchable.
    expect((await library.entries()).map((e) => e.id).sort()).toEqual([...added].sort());
    for (const articleId of added) expect((await engine.api.search(`in:body article:${articleId} minutes`, { limit: 200 })).total).toBe(4);
    await expect(jobs.add(id, [file('late.md', 'Late')])).resolves.toMatchObject({ state: 'cancelled' });
    expect(r.read).not.toContain('late.md');
  });

  it('closes with every import stopped and the group being added in whole: nothing is written after', async () => {
    const r = reader(5);
    const jobs = new ImportJobs(library, r.prepare, engine, () => false);
    const { id } = jobs.start(40);
    await jobs.add(id, Array.from({ length: 40 }, (_, i) => file(`f${i}.md`, `Article ${i}`, paragraphsAbout(`article ${i}`, 4))));
    while (r.read.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    await jobs.close();
    const stamp = library.stamp();
    const read = r.read.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(library.stamp()).toBe(stamp);
    expect(r.read).toHaveLength(read);
    const after = jobs.progress(id);
    expect(after.state).toBe('cancelled');
    const added = after.outcomes.filter((o) => o.status === 'added').map((o) => o.articleId!);
    expect(added.length + after.outcomes.filter((o) => o.status === 'cancelled').length).toBe(40);
    expect((await library.entries()).map((e) => e.id).sort()).toEqual([...added].sort());
  });

  it('closes only once the group being added is in and searched', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let syncing = false;
    const slow = { api: engine.api, sync: async () => ((syncing = true), await gate, engine.sync()) };
    const jobs = new ImportJobs(library, reader().prepare, slow, () => false);
    const { id } = jobs.start(3);
    await jobs.add(id, [file('a.md', 'Sleep diary'), file('b.md', 'Dry mouth notes'), file('c.md', 'Swallowing log')]);
    while (!syncing) await new Promise((resolve) => setTimeout(resolve, 1));
    let closed = false;
    const closing = jobs.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(jobs.progress(id).outcomes.map((o) => o.status)).toEqual(['added', 'added', 'added']);
    expect(await search('minutes sooner')).toEqual(['dry-mouth-notes', 'sleep-diary', 'swallowing-log']);
  });

  it('refuses more files than announced, and an unknown import, by name', async () => {
    const jobs = new ImportJobs(library, reader().prepare, engine, () => false);
    const { id } = jobs.start(1);
    await expect(jobs.add(id, [file('a.md', 'A'), file('b.md', 'B')])).rejects.toMatchObject({ code: 'invalid-argument', message: 'addImportFiles: argument 1: the import announced 1 files, and this batch would make 2' });
    expect(() => jobs.progress('import-nope-nope')).toThrow(new ApiError('not-found', "importProgress: no import with id 'import-nope-nope' (it may have finished long ago)"));
  });

  it('makes an uploader wait while the queue is full, and lets it on once files are read', async () => {
    const r = reader();
    let open!: () => void;
    r.gate = new Promise<void>((resolve) => (open = resolve));
    const jobs = new ImportJobs(library, r.prepare, engine, () => false, { queueBytes: 500 });
    const { id } = jobs.start(4);
    await jobs.add(id, [file('a.md', 'A', paragraphsAbout('a', 10)), file('b.md', 'B', paragraphsAbout('b', 10))]);
    let second = false;
    const next = jobs.add(id, [file('c.md', 'C'), file('d.md', 'D')]).then(() => (second = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second).toBe(false);
    open();
    await next;
    expect((await finished(jobs, id)).outcomes.map((o) => o.status)).toEqual(['added', 'added', 'added', 'added']);
  });

  it('tells the time left from the bytes read so far, once a second has passed', async () => {
    let clock = 0;
    const r = reader();
    const jobs = new ImportJobs(library, r.prepare, engine, () => false, { now: () => clock });
    const { id } = jobs.start(4);
    await jobs.add(id, [file('a.md', 'A', paragraphsAbout('a', 3))]);
    while (jobs.progress(id).done < 1) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(jobs.progress(id).secondsLeft).toBeUndefined();
    clock = 2000;
    // One file of four done in two seconds: the three to come, of the same size, take about six.
    expect(jobs.progress(id).secondsLeft).toBe(6);
  });
});
