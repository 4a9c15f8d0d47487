/**
 * A lock shared by every process on one machine that writes one file: the app, web hosts, the CLI.
 *
 * The lock is a folder beside the file with an owner record inside (process id, host, a token).
 * It appears whole, in one rename, which either succeeds or finds the lock there, atomically, on
 * every file system: no process ever sees a lock without its owner.
 * A lock whose owner process has died is broken at once, so a killed or crashed writer holds up
 * the others for no longer than it takes to notice; a lock older than `staleMs` is broken too
 * (its owner is on another host, or its process id was reused). Only one process at a time may
 * break a lock (a second folder guards that), and it checks again under that guard that the lock
 * is still the stale one, so two processes never both take it.
 *
 * Why not proper-lockfile: its only test of staleness is the lock's age, refreshed by a timer, so
 * a writer killed with the lock held blocks every other for the whole stale period (at least
 * seconds), and a busy event loop that misses a refresh makes it throw from a timer.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { errorCode } from './durable-file';

/** How a lock waits and when it is stale. */
export interface LockOptions {
  /** A held lock older than this is taken to be abandoned. */
  readonly staleMs?: number;
  /** Give up waiting after this long. */
  readonly timeoutMs?: number;
}

const DEFAULTS = { staleMs: 10_000, timeoutMs: 15_000 } as const;
/** A lock folder with no owner record is being removed; after this long it was damaged. */
const OWNERLESS_STALE_MS = 2_000;
/** A breaker's guard whose owner is alive is stale after this long (breaking takes microseconds). */
const BREAKER_STALE_MS = 10_000;
const OWNER_FILE = 'owner.json';

/** Waiting for the lock took too long: another process holds it. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly at: number;
}

/** A lock this process holds. */
export interface HeldLock {
  readonly dir: string;
  readonly token: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function readOwner(dir: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? (owner as Owner) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id is running (on this host). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, but belongs to someone else.
    return errorCode(e) === 'EPERM';
  }
}

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function isStale(dir: string, staleMs: number): boolean {
  const owner = readOwner(dir);
  // Every lock is made whole, owner record and all (see `makeOwned`): one without a readable
  // record is being removed, or was damaged from outside; after a while it is taken to be stale.
  if (!owner) return (ageMs(dir) ?? 0) > OWNERLESS_STALE_MS;
  if (owner.host === hostname() && !alive(owner.pid)) return true;
  return Date.now() - owner.at > staleMs;
}

/**
 * Make the folder `dir` with its owner record already inside, in one step: the record is written
 * into a folder of another name, which is then renamed to `dir` (a rename never replaces a folder
 * that has something in it). So no other process ever sees the lock without its owner.
 *
 * @returns false when `dir` exists already
 */
function makeOwned(dir: string, owner: Owner): boolean {
  // The draft's name carries its maker's process id, so that one a killed process left is known.
  const draft = `${dir}.${owner.pid}.${owner.token}`;
  mkdirSync(draft);
  try {
    writeFileSync(join(draft, OWNER_FILE), JSON.stringify(owner));
    renameSync(draft, dir);
    return true;
  } catch (e) {
    // Someone else's lock is there (Windows says EPERM or EACCES for it): wait, or try again.
    const code = errorCode(e) ?? '';
    if (code === 'EEXIST' || code === 'ENOTEMPTY' || ((code === 'EPERM' || code === 'EACCES') && existsSync(dir))) return false;
    throw e;
  } finally {
    rmSync(draft, { recursive: true, force: true });
  }
}

const ownerRecord = (token: string): Owner => ({ pid: process.pid, host: hostname(), token, at: Date.now() });

/**
 * Remove a lock or guard folder: first renamed out of the way, in one step, so that a new lock
 * made at that moment is never the folder being emptied (a rename may replace an empty folder).
 */
function removeOwned(dir: string): void {
  const gone = `${dir}.gone.${process.pid}.${randomUUID()}`;
  try {
    renameSync(dir, gone);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return;
    throw e;
  }
  rmSync(gone, { recursive: true, force: true });
}

/** Remove the lock if it is stale, one breaker at a time; whether it may be free now. */
function breakIfStale(dir: string, staleMs: number): boolean {
  const guard = `${dir}.break`;
  const token = randomUUID();
  if (!makeOwned(guard, ownerRecord(token))) {
    // Another process is breaking it; a guard whose breaker died is removed (by its owner record).
    if (isStale(guard, BREAKER_STALE_MS)) removeOwned(guard);
    return false;
  }
  try {
    if (ageMs(dir) === undefined) return true;
    if (!isStale(dir, staleMs)) return false;
    removeOwned(dir);
    return true;
  } finally {
    if (readOwner(guard)?.token === token) removeOwned(guard);
  }
}

/**
 * Take the lock at `dir` (a folder path), waiting while another process holds it.
 *
 * @throws LockTimeoutError after `timeoutMs`; a file system error (a full disk, a folder that
 *   cannot be written) as it is
 */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<HeldLock> {
  const { staleMs, timeoutMs } = { ...DEFAULTS, ...options };
  const token = randomUUID();
  const deadline = Date.now() + timeoutMs;
  let wait = 1;
  for (;;) {
    if (makeOwned(dir, ownerRecord(token))) return { dir, token };
    if (breakIfStale(dir, staleMs)) continue;
    if (Date.now() > deadline) throw new LockTimeoutError(`lock: ${dir} is held by another process`);
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 25);
  }
}

/**
 * Remove what killed processes left while making a lock or a guard (see `makeOwned`): drafts
 * whose owner has died. Call it holding the lock.
 */
export function removeAbandonedDrafts(lockDir: string): void {
  const folder = dirname(lockDir);
  const prefix = `${basename(lockDir)}.`;
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix)) continue;
    // <lock>.<pid>.<token>, <lock>.gone.<pid>.<id>, <lock>.break.<pid>.<token>, <lock>.break.gone.<pid>.<id>
    const pid = Number(/^(?:break\.)?(?:gone\.)?(\d+)\./.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) rmSync(join(folder, name), { recursive: true, force: true });
  }
}

/** Whether this process still holds a lock it took (a stale-lock breaker may have taken it). */
export function stillHeld(lock: HeldLock): boolean {
  return readOwner(lock.dir)?.token === lock.token;
}

/** Give the lock back (only if it is still this process's). */
export function releaseLock(lock: HeldLock): void {
  if (stillHeld(lock)) removeOwned(lock.dir);
}

/**
 * Run `work` holding the lock.
 *
 * @example await withLock('/data/quire.json.lock', () => write())
 */
export async function withLock<T>(dir: string, work: (lock: HeldLock) => Promise<T>, options?: LockOptions): Promise<T> {
  const lock = await acquireLock(dir, options);
  try {
    return await work(lock);
  } finally {
    releaseLock(lock);
  }
}
