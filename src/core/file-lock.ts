/**
 * A lock shared by every process on one machine that writes one file: the app, web hosts, the CLI.
 *
 * The lock is a folder made beside the file (making a folder either succeeds or finds it there,
 * atomically, on every file system), with an owner record inside: process id, host and a token.
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
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
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
/** A lock folder with no owner record yet is being made; after this long its maker died. */
const OWNERLESS_STALE_MS = 2_000;
/** A breaker's guard older than this was left by a breaker that died. */
const BREAKER_STALE_MS = 5_000;
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
  if (!owner) return (ageMs(dir) ?? 0) > OWNERLESS_STALE_MS;
  if (owner.host === hostname() && !alive(owner.pid)) return true;
  return Date.now() - owner.at > staleMs;
}

/** Remove the lock if it is stale, one breaker at a time; whether it may be free now. */
function breakIfStale(dir: string, staleMs: number): boolean {
  const guard = `${dir}.break`;
  try {
    mkdirSync(guard);
  } catch (e) {
    if (errorCode(e) !== 'EEXIST') throw e;
    if ((ageMs(guard) ?? 0) > BREAKER_STALE_MS) rmSync(guard, { recursive: true, force: true });
    return false;
  }
  try {
    if (ageMs(dir) === undefined) return true;
    if (!isStale(dir, staleMs)) return false;
    rmSync(dir, { recursive: true, force: true });
    return true;
  } finally {
    rmSync(guard, { recursive: true, force: true });
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
    try {
      mkdirSync(dir);
      try {
        writeFileSync(join(dir, OWNER_FILE), JSON.stringify({ pid: process.pid, host: hostname(), token, at: Date.now() } satisfies Owner));
      } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
      return { dir, token };
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
    }
    if (breakIfStale(dir, staleMs)) continue;
    if (Date.now() > deadline) throw new LockTimeoutError(`lock: ${dir} is held by another process`);
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 25);
  }
}

/** Whether this process still holds a lock it took (a stale-lock breaker may have taken it). */
export function stillHeld(lock: HeldLock): boolean {
  return readOwner(lock.dir)?.token === lock.token;
}

/** Give the lock back (only if it is still this process's). */
export function releaseLock(lock: HeldLock): void {
  if (stillHeld(lock)) rmSync(lock.dir, { recursive: true, force: true });
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
