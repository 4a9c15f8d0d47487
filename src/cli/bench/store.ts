/**
 * The store with many bookmarks: 10,000 of them, a 9.9 MB export imported into a fresh data
 * folder on the 50k-passage library, then listing, adding, editing and removing, each through
 * the API's dispatch as the web host and the app's IPC call it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Bookmark } from '../../shared/bookmarks';
import { MAX_NOTE_LENGTH } from '../../shared/bookmarks';
import { quotePassage } from '../../core/user/anchoring';
import { exportJson } from '../../core/user/bookmark-io';
import { dispatch } from '../../core/api/dispatch';
import type { LoadedLibrary } from '../../core/library/load';
import { createService } from '../../core/api/service';
import { openStore } from '../../core/user/store';
import { type Percentiles, percentiles, roundMs } from './stats';

/** What was measured of the store. */
export interface StoreFigures {
  readonly bookmarks: number;
  /** UTF-8 bytes of the imported export. */
  readonly importBytes: number;
  /** importBookmarks of the whole export into an empty store, ms. */
  readonly importMs: number;
  /** The first listBookmarks after the import, which anchors every bookmark, ms. */
  readonly firstListMs: number;
  readonly list: Percentiles;
  readonly add: Percentiles;
  readonly update: Percentiles;
  readonly remove: Percentiles;
  /** Calls timed per operation. */
  readonly calls: number;
}

/** Bookmarks in the store. */
const BOOKMARKS = 10_000;
/** The size of the export they are imported from, as the issue measured it. */
const EXPORT_BYTES = 9.9e6;
/** Calls timed of each operation. */
const CALLS = 100;

/** 10,000 bookmarks spread over the library's passages, with notes that make the export 9.9 MB. */
export function manyBookmarks(loaded: LoadedLibrary, count = BOOKMARKS, exportBytes = EXPORT_BYTES): Bookmark[] {
  const docs = loaded.library.allDocs();
  const step = Math.max(1, Math.floor(docs.length / count));
  const at = '2026-12-01T07:00:00.000Z';
  const bookmarks = Array.from({ length: Math.min(count, docs.length) }, (_, i): Bookmark => {
    const ref = docs[i * step]!;
    return {
      id: `bench-bookmark-${String(i).padStart(6, '0')}`,
      articleId: ref.article.id,
      target: 'passage',
      targetId: ref.passage.id,
      quote: quotePassage(ref.article, ref.passage.id)!,
      note: '',
      tags: ['bench'],
      createdAt: at,
      updatedAt: at,
    };
  });
  const room = Math.floor((exportBytes - Buffer.byteLength(exportJson(bookmarks))) / bookmarks.length);
  const note = 'A note the reader wrote. '.repeat(Math.ceil(Math.max(0, room) / 25)).slice(0, Math.min(Math.max(0, room), MAX_NOTE_LENGTH));
  return bookmarks.map((b) => ({ ...b, note }));
}

async function timeCalls(count: number, call: (i: number) => Promise<unknown>): Promise<Percentiles> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call(i);
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

/**
 * Import 10,000 bookmarks into a fresh store on `loaded`, then time the calls people make.
 *
 * @throws Error when a call fails (a bench that times failures would time nothing)
 */
export async function measureStore(loaded: LoadedLibrary, log: (line: string) => void = () => {}, size: { bookmarks: number; exportBytes: number; calls: number } = { bookmarks: BOOKMARKS, exportBytes: EXPORT_BYTES, calls: CALLS }): Promise<StoreFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-bench-store-'));
  const calls = size.calls;
  try {
    const bookmarks = manyBookmarks(loaded, size.bookmarks, size.exportBytes);
    const content = exportJson(bookmarks);
    const { store } = await openStore(dir);
    const api = createService(loaded, store);
    const call = async (method: Parameters<typeof dispatch>[1], args: unknown[]): Promise<unknown> => {
      const result = await dispatch(api, method, args);
      if (!result.ok) throw new Error(`bench: ${method} failed: ${result.error.message}`);
      return result.value;
    };
    log(`store: importing ${bookmarks.length} bookmarks (${(Buffer.byteLength(content) / 1e6).toFixed(1)} MB)`);
    let start = performance.now();
    await call('importBookmarks', [content]);
    const importMs = performance.now() - start;
    start = performance.now();
    await call('listBookmarks', []);
    const firstListMs = performance.now() - start;
    log('store: timing list, add, update and remove');
    const list = await timeCalls(calls, () => call('listBookmarks', []));
    // New bookmarks on passages between the bookmarked ones.
    const docs = loaded.library.allDocs();
    const marked = new Set(bookmarks.map((b) => b.targetId));
    const free = docs.filter((ref) => !marked.has(ref.passage.id));
    const added: string[] = [];
    const add = await timeCalls(calls, async (i) => {
      const ref = free[i]!;
      added.push(((await call('addBookmark', [{ articleId: ref.article.id, target: 'passage', targetId: ref.passage.id }])) as Bookmark).id);
    });
    const update = await timeCalls(calls, (i) => call('updateBookmark', [bookmarks[(i * 7) % bookmarks.length]!.id, { note: `changed ${i}`, tags: ['bench', 'edited'] }]));
    const remove = await timeCalls(calls, (i) => call('removeBookmark', [added[i]!]));
    await store.close();
    return {
      bookmarks: bookmarks.length,
      importBytes: Buffer.byteLength(content),
      importMs: roundMs(importMs),
      firstListMs: roundMs(firstListMs),
      list,
      add,
      update,
      remove,
      calls,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
