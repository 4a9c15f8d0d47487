/**
 * Imports: the reader's files read, converted and added to their library, one after another,
 * with progress to show and a way to stop.
 *
 * An import is started with the number of files to come and given them in batches, so that a
 * thousand files never cross the bridge, or sit in memory, at once: a batch waits while the queue
 * holds more than {@link QUEUE_BYTES}. Each file is first checked against the library by its
 * bytes (the same file again is found without reading it), then converted by `prepare` (in a
 * worker thread in the hosts, so that neither the window nor the search waits for a book to be
 * read), then committed to the reader's library on disk with the files converted just before it,
 * a group at a time (see {@link GROUP_FILES}): each group is one change of the manifest, so every
 * article is whole or absent whatever happens. A file counts as done once the engine searches it.
 * A cancelled import adds nothing more: files converted but not yet committed are left out.
 */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../shared/api';
import type { ArticleSummary } from '../../shared/model';
import type { ImportFile, ImportFileOutcome, ImportProgress } from '../../shared/user-library';
import { bytesHash, UnknownUserArticleError, UserLibrarySaveError, type PreparedArticle, type UserLibrary } from '../user/user-library';
import type { LibraryApi, UserLibraryApi } from './service';

/** A file converted, or why it could not be. */
export type PrepareResult = { readonly ok: true; readonly article: PreparedArticle } | { readonly ok: false; readonly reason: string };

/** Converts one file (see prepare.ts); in the hosts, in a worker thread. */
export type Prepare = (name: string, bytes: Uint8Array) => Promise<PrepareResult>;

/** The engine, as imports need it: its library calls, and a way to wait until it searches what the manifest says. */
export interface Engine {
  readonly api: LibraryApi;
  /** Resolves once the engine searches the reader's library as its manifest is now. */
  sync(): Promise<void>;
}

/** Most files committed in one change of the manifest. */
export const GROUP_FILES = 25;
/** Longest a converted file waits for others to be committed with. */
const GROUP_MS = 300;
/** Bytes of queued files past which a batch waits (backpressure on the uploader). */
export const QUEUE_BYTES = 64 * 1024 * 1024;
/** Finished imports remembered, for a late progress call. */
const FINISHED_KEPT = 20;
/** An import whose files stopped coming is given up after this long without a batch. */
const IDLE_MS = 10 * 60_000;

/** One file waiting in an import's queue. */
interface Queued {
  readonly job: Job;
  /** Its place among the import's files, as received. */
  readonly index: number;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One import. */
interface Job {
  readonly id: string;
  readonly total: number;
  readonly startedAt: number;
  received: number;
  state: ImportProgress['state'];
  current: string | undefined;
  /** Each received file's outcome once it has one, in the order the files came. */
  readonly outcomes: (ImportFileOutcome | undefined)[];
  /** How many files have an outcome. */
  done: number;
  /** Bytes of the files done so far, and of all files received, for the time left. */
  bytesDone: number;
  bytesReceived: number;
  lastBatchAt: number;
}

/** A file read and waiting to be committed with others. */
interface Grouped {
  readonly job: Job;
  readonly index: number;
  readonly name: string;
  readonly size: number;
  readonly article: PreparedArticle;
}

/** Give a file of an import its outcome. */
function settle(job: Job, index: number, outcome: ImportFileOutcome, size: number): void {
  if (job.outcomes[index] !== undefined) return;
  job.outcomes[index] = outcome;
  job.done++;
  job.bytesDone += size;
}

/** Where the file with these bytes already is in the library, or undefined. */
type DuplicateOf = (hash: string) => Promise<{ id: string; title: string } | undefined>;

/** How imports group and queue files (the defaults suit every host; tests make them small). */
export interface ImportOptions {
  /** Bytes of queued files past which a batch waits (default {@link QUEUE_BYTES}). */
  readonly queueBytes?: number;
  /** The clock, in milliseconds. */
  readonly now?: () => number;
}

/**
 * The imports of one process, over the reader's library and the engine that searches it.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Queued[] = [];
  private queuedBytes = 0;
  private readonly roomWaiters: (() => void)[] = [];
  /** Told when the queue has been worked through ({@link close} waits for it). */
  private readonly idleWaiters: (() => void)[] = [];
  private working = false;
  private readonly now: () => number;
  private readonly queueLimit: number;

  constructor(
    private readonly library: UserLibrary,
    private readonly prepare: Prepare,
    private readonly engine: Engine,
    /** Ids the reader's articles may not take (the bundled library's). */
    private readonly taken: (id: string) => boolean,
    options: ImportOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.queueLimit = options.queueBytes ?? QUEUE_BYTES;
  }

  /** Start an import of `total` files. */
  start(total: number): ImportProgress {
    this.forgetFinished();
    const job: Job = {
      id: `import-${randomBytes(9).toString('base64url')}`,
      total,
      startedAt: this.now(),
      received: 0,
      state: 'running',
      current: undefined,
      outcomes: [],
      done: 0,
      bytesDone: 0,
      bytesReceived: 0,
      lastBatchAt: this.now(),
    };
    this.jobs.set(job.id, job);
    return this.progressOf(job);
  }

  /**
   * Queue files of an import; resolves once they are queued (after waiting for room, when the
   * queue is long).
   *
   * @throws ApiError `not-found` for an unknown import, `invalid-argument` for more files than announced
   */
  async add(id: string, files: readonly ImportFile[]): Promise<ImportProgress> {
    const job = this.job(id, 'addImportFiles');
    if (job.state !== 'running') return this.progressOf(job);
    if (job.received + files.length > job.total) {
      throw new ApiError('invalid-argument', `addImportFiles: argument 1: the import announced ${job.total} files, and this batch would make ${job.received + files.length}`);
    }
    while (this.queuedBytes > this.queueLimit && job.state === 'running') await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    job.lastBatchAt = this.now();
    for (const file of files) {
      const bytes = Buffer.from(file.data, 'base64');
      const index = job.received++;
      job.bytesReceived += bytes.length;
      if (job.state !== 'running') {
        settle(job, index, { name: file.name, status: 'cancelled' }, bytes.length);
        continue;
      }
      this.queue.push({ job, index, name: file.name, bytes });
      this.queuedBytes += bytes.length;
    }
    void this.work();
    return this.progressOf(job);
  }

  /** How far an import is. */
  progress(id: string): ImportProgress {
    return this.progressOf(this.job(id, 'importProgress'));
  }

  /** Stop an import: what is not yet added is left out. */
  cancel(id: string): ImportProgress {
    const job = this.job(id, 'cancelImport');
    if (job.state === 'running') {
      job.state = 'cancelled';
      this.dropQueued(job);
    }
    return this.progressOf(job);
  }

  /**
   * Stop every import (as {@link cancel} does) and resolve once the group being added, if any, is
   * in: called before the host stops, so no change of the library is under way after it.
   */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) {
      if (job.state !== 'running') continue;
      job.state = 'cancelled';
      this.dropQueued(job);
    }
    while (this.working) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private job(id: string, method: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError('not-found', `${method}: no import with id '${id}' (it may have finished long ago)`);
    // An import whose uploader went away (a closed window) is given up, not kept waiting for ever.
    if (job.state === 'running' && job.received < job.total && this.now() - job.lastBatchAt > IDLE_MS && !this.queue.some((q) => q.job === job)) job.state = 'cancelled';
    return job;
  }

  private progressOf(job: Job): ImportProgress {
    const done = job.done;
    const elapsed = (this.now() - job.startedAt) / 1000;
    let secondsLeft: number | undefined;
    if (job.state === 'running' && done > 0 && elapsed >= 1 && job.bytesDone > 0) {
      // By bytes, which is what reading takes; files not yet received are taken to be of the mean size.
      const meanBytes = job.bytesReceived / Math.max(1, job.received);
      const left = job.bytesReceived - job.bytesDone + (job.total - job.received) * meanBytes;
      secondsLeft = Math.max(0, Math.round((left * elapsed) / job.bytesDone));
    }
    return {
      id: job.id,
      state: job.state,
      total: job.total,
      received: job.received,
      done,
      ...(job.current !== undefined && job.state === 'running' ? { current: job.current } : {}),
      ...(secondsLeft !== undefined ? { secondsLeft } : {}),
      outcomes: job.outcomes.filter((o): o is ImportFileOutcome => o !== undefined),
    };
  }

  /** Work through the queue, one file at a time, committing a group at a time. */
  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      let group: Grouped[] = [];
      let groupSince = 0;
      for (;;) {
        const next = this.queue.shift();
        if (next) {
          this.queuedBytes -= next.bytes.length;
          this.wakeUploaders();
        }
        // A group goes in when it is full, has waited long enough, or nothing more is coming now.
        if (group.length > 0 && (!next || group.length >= GROUP_FILES || this.now() - groupSince >= GROUP_MS)) {
          for (const g of group) g.job.current = undefined;
          await this.commit(group);
          group = [];
        }
        if (!next) break;
        const { job, index, name, bytes } = next;
        if (job.state !== 'running') {
          settle(job, index, { name, status: 'cancelled' }, bytes.length);
          continue;
        }
        job.current = name;
        const outcome = await this.read(name, bytes);
        if (job.state !== 'running') settle(job, index, { name, status: 'cancelled' }, bytes.length);
        else if ('article' in outcome) {
          if (group.length === 0) groupSince = this.now();
          group.push({ job, index, name, size: bytes.length, article: outcome.article });
        } else {
          settle(job, index, outcome, bytes.length);
          this.finishIfDone(job);
        }
      }
    } finally {
      this.working = false;
    }
    // Files queued while the last group was committed.
    if (this.queue.length > 0) void this.work();
    else for (const idle of this.idleWaiters.splice(0)) idle();
  }

  /** Read one file: a duplicate found by its bytes, why it cannot be read, or the article it makes. */
  private async read(name: string, bytes: Uint8Array): Promise<ImportFileOutcome | { article: PreparedArticle }> {
    const hash = bytesHash(bytes);
    const same = await this.duplicateOf(hash);
    if (same) return { name, status: 'duplicate', articleId: same.id, title: same.title, reason: `already in your library as “${same.title}”` };
    const prepared = await this.prepare(name, bytes).catch((e: unknown): PrepareResult => ({ ok: false, reason: `it could not be read (${(e as Error).message})` }));
    return prepared.ok ? { article: prepared.article } : { name, status: 'failed', reason: prepared.reason };
  }

  private readonly duplicateOf: DuplicateOf = async (hash) => {
    const entry = await this.library.withSourceHash(hash);
    return entry && { id: entry.id, title: entry.title };
  };

  /** Commit a group to the library and wait until the engine searches it; record each file's outcome. */
  private async commit(group: readonly Grouped[]): Promise<void> {
    // A group's files of a cancelled import are left out: nothing more is added once it is stopped.
    const live = group.filter((g) => g.job.state === 'running');
    for (const g of group) if (g.job.state !== 'running') settle(g.job, g.index, { name: g.name, status: 'cancelled' }, g.size);
    if (live.length === 0) return;
    let outcomes: ImportFileOutcome[];
    try {
      const committed = await this.library.commit(
        live.map((g) => g.article),
        this.taken,
      );
      await this.engine.sync();
      outcomes = committed.map((c, i) => ({
        name: live[i]!.name,
        status: c.status,
        articleId: c.entry.id,
        title: c.entry.title,
        ...(c.status === 'duplicate' ? { reason: `already in your library as “${c.entry.title}”` } : {}),
      }));
    } catch (e) {
      const reason = e instanceof UserLibrarySaveError ? e.message : `Quire could not add it: ${(e as Error).message}`;
      outcomes = live.map((g) => ({ name: g.name, status: 'failed', reason }));
    }
    live.forEach((g, i) => {
      settle(g.job, g.index, outcomes[i]!, g.size);
      this.finishIfDone(g.job);
    });
  }

  private finishIfDone(job: Job): void {
    if (job.state === 'running' && job.done >= job.total) {
      job.state = 'done';
      job.current = undefined;
    }
  }

  /** Leave a cancelled import's queued files out. */
  private dropQueued(job: Job): void {
    const kept: Queued[] = [];
    for (const q of this.queue) {
      if (q.job !== job) kept.push(q);
      else {
        this.queuedBytes -= q.bytes.length;
        settle(job, q.index, { name: q.name, status: 'cancelled' }, q.bytes.length);
      }
    }
    this.queue.splice(0, this.queue.length, ...kept);
    this.wakeUploaders();
  }

  private wakeUploaders(): void {
    if (this.queuedBytes > this.queueLimit) return;
    for (const wake of this.roomWaiters.splice(0)) wake();
  }

  private forgetFinished(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.jobs.delete(j.id);
  }
}

/**
 * The API calls that add, remove and put back the reader's articles.
 *
 * @param bundled whether an id is one of the bundled library's (which cannot be removed)
 */
export function userLibraryService(library: UserLibrary, jobs: ImportJobs, engine: Engine, bundled: (id: string) => boolean): UserLibraryApi {
  /** Run a change of the reader's library, its failures as the API's errors. */
  const changed = async <T>(method: string, f: () => Promise<T>): Promise<T> => {
    try {
      const result = await f();
      await engine.sync();
      return result;
    } catch (e) {
      if (e instanceof UnknownUserArticleError) throw new ApiError('not-found', `${method}: ${e.message}`);
      if (e instanceof UserLibrarySaveError) throw new ApiError('not-saved', `${e.message}\n${method}: not saved`);
      throw e;
    }
  };
  return {
    startImport: async (total) => jobs.start(total),
    addImportFiles: (id, files) => jobs.add(id, files),
    importProgress: async (id) => jobs.progress(id),
    cancelImport: async (id) => jobs.cancel(id),
    removeArticle: async (id) => {
      if (bundled(id)) throw new ApiError('invalid-argument', `removeArticle: argument 0: '${id}' is an article of the bundled library, which cannot be removed; only articles you added can`);
      const removed = await changed('removeArticle', () => library.remove(id));
      return { id: removed.id, title: removed.title };
    },
    restoreArticle: async (id) => {
      await changed('restoreArticle', () => library.restore(id));
      const summary = (await engine.api.listArticles()).find((a: ArticleSummary) => a.id === id);
      if (!summary) throw new ApiError('not-found', `restoreArticle: the article '${id}' was put back, but is not in the library (an article of the bundled library has its id)`);
      return summary;
    },
  };
}
