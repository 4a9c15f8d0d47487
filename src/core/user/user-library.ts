/**
 * The reader's own articles: what they added from their files, kept in the data folder beside
 * the store, as a library of their own. The bundled library is never written.
 *
 * In `<data folder>/library/`:
 *
 *   manifest.json   the articles: id, title, the file each was made from, its format, when it was
 *                   added and last updated, a hash of the file's bytes and one of the article's text
 *   articles/       one file per article version: its entry, the Markdown it was converted to, and
 *                   the article model parsed from that (so no start ever parses Markdown again)
 *   segment.json    the search index of these articles, a cache written by library/live.ts
 *   .lock/          the lock every process (the app, web hosts, the CLI) takes to change them
 *
 * A change is made holding the lock, on the manifest as it is on disk then: new article files
 * are written and synced first, then the manifest is replaced in one rename. So a crash or a kill
 * at any moment leaves every article whole or absent, and an article file the manifest does not
 * name is one a change never finished, removed at the next start. A removed article stays on disk
 * (its entry kept among the removed ones) for {@link REMOVED_KEPT_DAYS} days, so that the removal
 * can be undone; bookmarks of it are kept in the store whatever happens, orphaned while it is gone.
 *
 * A manifest that cannot be read is set aside, never wiped (`manifest.corrupt-<time>.json`), and
 * the manifest is made again from the article files, each of which carries its own entry. An
 * article file that cannot be read as one is set aside too (`<file>.damaged-<time>`), its article
 * listed among the damaged ones until the reader adds its file again (see {@link UserLibrary.setAside}).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AddedFormat, Article } from '../../shared/model';
import { slugify } from '../../shared/text';
import { importedMarkdown, type Imported } from '../content/import/imported';
import { errorCode, replaceFile, tempPrefix } from './durable-file';
import { acquireLock, releaseLock, removeAbandonedDrafts, type HeldLock } from './file-lock';
import { notSavedMessage } from './not-saved';
import { Serial } from './serial';

/** The folder of the reader's library inside the data folder. */
export const USER_LIBRARY_FOLDER = 'library';
/** The manifest's file name. */
export const MANIFEST_FILE = 'manifest.json';
/** The folder of article files. */
export const ARTICLES_FOLDER = 'articles';
/** Version of the manifest's and article files' layout. */
export const USER_LIBRARY_FORMAT = 1;
/** How long a removed article can be put back. */
export const REMOVED_KEPT_DAYS = 30;
/** Most removed articles kept for undoing (the oldest go first). */
export const REMOVED_KEPT = 500;
/** Longest id made from a title (cut at a dash). */
const MAX_ID_LENGTH = 60;

const AddedFormatSchema = z.enum(['markdown', 'text', 'html', 'epub']);

/** One article of the reader's library, as the manifest lists it. */
const EntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: z.string(),
  /** The article file holding this version (in articles/). */
  file: z.string().regex(/^[a-z0-9-]+\.json$/),
  sourceFile: z.string().min(1),
  format: AddedFormatSchema,
  addedAt: z.string(),
  updatedAt: z.string(),
  /** SHA-256 of the bytes of the file it was made from. */
  sourceHash: z.string(),
  /** SHA-256 of the article's words (see {@link contentHash}): equal for the same article from another file. */
  contentHash: z.string(),
  passages: z.number().int().min(0),
});

/** One article of the reader's library, as the manifest lists it. */
export type UserArticleEntry = z.infer<typeof EntrySchema>;

const RemovedSchema = EntrySchema.extend({ removedAt: z.string() });

/** A removed article, kept so that its removal can be undone. */
export type RemovedEntry = z.infer<typeof RemovedSchema>;

const DamagedSchema = EntrySchema.extend({
  /** When its file was found damaged and set aside. */
  setAsideAt: z.string(),
  /** The damaged file, kept unchanged under this name (in articles/). */
  setAsideFile: z.string(),
  /** What was wrong with it, in words for people. */
  why: z.string(),
});

/** An article whose file was found damaged: left out, its file set aside, until its own file is added again. */
export type DamagedEntry = z.infer<typeof DamagedSchema>;

const ManifestSchema = z.object({
  format: z.literal(USER_LIBRARY_FORMAT),
  articles: z.array(EntrySchema),
  removed: z.array(RemovedSchema).default([]),
  damaged: z.array(DamagedSchema).default([]),
});

/** The manifest: the articles, and those removed that can still be put back. */
export type Manifest = z.infer<typeof ManifestSchema>;

/** One article file: the entry it was written for, the Markdown made from the reader's file, the model. */
export interface StoredArticle {
  readonly format: typeof USER_LIBRARY_FORMAT;
  readonly entry: UserArticleEntry;
  readonly markdown: string;
  readonly article: Article;
}

/**
 * A file converted and parsed, ready to join the library (see {@link UserLibrary.commit}): the id
 * it is given then replaces the provisional one it was parsed with.
 */
export interface PreparedArticle {
  readonly sourceFile: string;
  readonly sourceHash: string;
  readonly imported: Imported;
  /** Parsed with a provisional id. */
  readonly article: Article;
}

/** What committing one prepared file did. */
export type CommitOutcome =
  | { readonly status: 'added' | 'updated'; readonly entry: UserArticleEntry }
  /** The library already has this article (the same words), from this file or another. */
  | { readonly status: 'duplicate'; readonly entry: UserArticleEntry };

/** An article file that is not what Quire wrote: not JSON, or not an article of this entry. */
export class DamagedArticleFileError extends Error {
  override readonly name = 'DamagedArticleFileError';
}

/** An article id the reader's library does not have. */
export class UnknownUserArticleError extends Error {
  override readonly name = 'UnknownUserArticleError';
}

/** A change to the reader's library that was not saved: the library is as it was. */
export class UserLibrarySaveError extends Error {
  override readonly name = 'UserLibrarySaveError';
}

/**
 * A hash of an article's words: its title and every passage and comment, in order. The same
 * article from another file (a page saved twice, a copy renamed) hashes the same.
 */
export function contentHash(article: Pick<Article, 'title' | 'passages' | 'comments'>): string {
  const hash = createHash('sha256');
  hash.update(article.title);
  for (const p of [...article.passages, ...article.comments]) hash.update(`\n${p.text}`);
  return hash.digest('hex');
}

/** SHA-256 of a file's bytes, hex. */
export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * An id for a title that none of `taken` is: its slug, cut to a readable length, with `-2`,
 * `-3`… when that is taken.
 *
 * @example idFor('Sleep & You', () => false) // 'sleep-you'
 */
export function idFor(title: string, taken: (id: string) => boolean): string {
  let base = slugify(title) || 'article';
  if (base.length > MAX_ID_LENGTH) base = base.slice(0, MAX_ID_LENGTH).replace(/-[^-]*$/, '') || base.slice(0, MAX_ID_LENGTH).replace(/-$/, '');
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** How a manifest on disk was last seen: a change of any of these is a change by someone. */
function stampOf(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * An article file's text as a stored article, checked as far as a start relies on it: its entry
 * names this file, and its article has the lists search and reading walk.
 *
 * @throws DamagedArticleFileError saying what is wrong
 */
function storedArticle(text: string, file: string): StoredArticle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DamagedArticleFileError(text.trim() === '' ? 'the file is empty' : 'the file is not the JSON Quire wrote (it was cut short or changed)');
  }
  const stored = parsed as Partial<StoredArticle> | null;
  const article = stored?.article;
  if (stored?.format !== USER_LIBRARY_FORMAT) throw new DamagedArticleFileError(`the file is not an article file of format ${USER_LIBRARY_FORMAT}`);
  if (stored.entry?.file !== file) throw new DamagedArticleFileError('the file holds another article than the list says');
  if (typeof article?.id !== 'string' || typeof article.title !== 'string' || ![article.sections, article.passages, article.comments].every(Array.isArray)) {
    throw new DamagedArticleFileError("the file's article lacks its title, sections or passages");
  }
  return stored as StoredArticle;
}

const EMPTY: Manifest = { format: USER_LIBRARY_FORMAT, articles: [], removed: [], damaged: [] };

/** What {@link UserLibrary.open} found. */
export interface OpenedUserLibrary {
  readonly library: UserLibrary;
  /** Where a manifest that could not be read was set aside, if one was. */
  readonly setAside?: string;
}

/** The reader's own library in a data folder. */
export class UserLibrary {
  /** The library folder (`<data>/library`). */
  readonly dir: string;
  private readonly manifestPath: string;
  private readonly lockDir: string;
  private manifest: Manifest = EMPTY;
  private seen: string | undefined;
  private readonly serial = new Serial();

  private constructor(dir: string) {
    this.dir = dir;
    this.manifestPath = join(dir, MANIFEST_FILE);
    this.lockDir = join(dir, '.lock');
  }

  /**
   * Open the reader's library of a data folder (made when missing), tidying what a killed change
   * left: temporary files, and article files no manifest names.
   *
   * @throws Error when the folder cannot be made or read (a disk error, not a damaged file)
   */
  static async open(dataDir: string): Promise<OpenedUserLibrary> {
    const library = new UserLibrary(join(dataDir, USER_LIBRARY_FOLDER));
    mkdirSync(join(library.dir, ARTICLES_FOLDER), { recursive: true, mode: 0o700 });
    const lock = await acquireLock(library.lockDir);
    try {
      removeAbandonedDrafts(library.lockDir);
      const setAside = await library.load();
      library.tidy();
      return setAside ? { library, setAside } : { library };
    } finally {
      releaseLock(lock);
    }
  }

  /** The articles, as the manifest on disk lists them now (re-read only when it changed). */
  async entries(): Promise<readonly UserArticleEntry[]> {
    await this.refresh();
    return this.manifest.articles;
  }

  /** How the manifest on disk is now: another value whenever any process rewrote it (undefined: none yet). */
  stamp(): string | undefined {
    return stampOf(this.manifestPath);
  }

  /** Removed articles that can still be put back, most recently removed first. */
  async removedEntries(): Promise<readonly RemovedEntry[]> {
    await this.refresh();
    return [...this.manifest.removed].sort((a, b) => (a.removedAt < b.removedAt ? 1 : a.removedAt > b.removedAt ? -1 : 0));
  }

  /** Articles left out because their file was damaged, most recently found first. */
  async damagedEntries(): Promise<readonly DamagedEntry[]> {
    await this.refresh();
    return [...this.manifest.damaged].sort((a, b) => (a.setAsideAt < b.setAsideAt ? 1 : a.setAsideAt > b.setAsideAt ? -1 : 0));
  }

  /**
   * An article's file: its Markdown and model.
   *
   * @throws DamagedArticleFileError when the file is not an article file Quire wrote for this entry
   * @throws Error with the system's code when it cannot be read (missing, not allowed)
   */
  async read(entry: Pick<UserArticleEntry, 'file'>): Promise<StoredArticle> {
    return storedArticle(await readFile(join(this.dir, ARTICLES_FOLDER, entry.file), 'utf8'), entry.file);
  }

  /**
   * Set aside the damaged file of an article: the file is kept, unchanged, as
   * `<file>.damaged-<time>`, and the article leaves the list until its own file is added again,
   * when it comes back under its id (so its bookmarks find it). Nothing happens when the manifest
   * no longer names this file (another process set it aside, or the article changed since).
   *
   * @returns the article as set aside, or undefined when nothing was to be done
   * @throws UserLibrarySaveError when the change could not be saved; the library is then as it was
   */
  setAside(entry: Pick<UserArticleEntry, 'id' | 'file'>, why: string, now: Date = new Date()): Promise<DamagedEntry | undefined> {
    return this.change('set aside a damaged article file', async (manifest) => {
      const listed = manifest.articles.find((e) => e.id === entry.id && e.file === entry.file);
      if (!listed) return { manifest, result: undefined };
      const setAsideFile = `${listed.file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
      // A copy, so that the file is never without a name that keeps it: the original goes once the manifest no longer names it.
      await copyFile(join(this.dir, ARTICLES_FOLDER, listed.file), join(this.dir, ARTICLES_FOLDER, setAsideFile));
      const damaged: DamagedEntry = { ...listed, setAsideAt: now.toISOString(), setAsideFile, why };
      return {
        manifest: { ...manifest, articles: manifest.articles.filter((e) => e !== listed), damaged: [...manifest.damaged.filter((e) => e.id !== listed.id), damaged] },
        obsolete: [listed.file],
        result: damaged,
      };
    });
  }

  /** The entry of an article already made from a file with these bytes, if any. */
  async withSourceHash(hash: string): Promise<UserArticleEntry | undefined> {
    return (await this.entries()).find((e) => e.sourceHash === hash);
  }

  /**
   * Add prepared files to the library, in one change: each is added, updates the article made
   * from a file of the same name (keeping its id, so its bookmarks stay with it), or is found to
   * be a duplicate of an article the library has. Everything is on disk when this resolves.
   *
   * @param taken ids the library may not give (the bundled library's)
   * @throws UserLibrarySaveError when the change could not be saved; the library is then as it was
   */
  commit(prepared: readonly PreparedArticle[], taken: (id: string) => boolean, now: Date = new Date()): Promise<CommitOutcome[]> {
    return this.change('add your articles', async (manifest) => {
      const articles = [...manifest.articles];
      let removed = manifest.removed;
      let damaged = manifest.damaged;
      const used = new Set([...articles, ...manifest.removed, ...manifest.damaged].map((e) => e.id));
      const outcomes: CommitOutcome[] = [];
      const written: StoredArticle[] = [];
      const replaced: UserArticleEntry[] = [];
      const at = now.toISOString();
      for (const p of prepared) {
        const hash = contentHash(p.article);
        const same = articles.find((e) => e.contentHash === hash);
        if (same) {
          outcomes.push({ status: 'duplicate', entry: same });
          continue;
        }
        const previous = articles.findIndex((e) => e.sourceFile === p.sourceFile);
        const old = previous >= 0 ? articles[previous] : undefined;
        // Added again after its removal: it comes back under its own id, so its bookmarks find it.
        // So does an article whose file was damaged: added again from its own file, it is whole again.
        const back = old ? undefined : (removed.find((e) => e.contentHash === hash || e.sourceFile === p.sourceFile) ?? damaged.find((e) => e.contentHash === hash || e.sourceFile === p.sourceFile));
        if (back) {
          removed = removed.filter((e) => e !== back);
          damaged = damaged.filter((e) => e !== back);
        }
        const id = old?.id ?? back?.id ?? idFor(p.article.title, (candidate) => used.has(candidate) || taken(candidate));
        used.add(id);
        const entry: UserArticleEntry = {
          id,
          title: p.article.title,
          file: `${id}-${hash.slice(0, 12)}.json`,
          sourceFile: p.sourceFile,
          format: p.imported.format,
          addedAt: old?.addedAt ?? back?.addedAt ?? at,
          updatedAt: at,
          sourceHash: p.sourceHash,
          contentHash: hash,
          passages: p.article.passages.length + p.article.comments.length,
        };
        const article: Article = { ...p.article, id, origin: 'user', added: { sourceFile: entry.sourceFile, format: entry.format, addedAt: entry.addedAt, updatedAt: entry.updatedAt } };
        written.push({ format: USER_LIBRARY_FORMAT, entry, markdown: importedMarkdown(p.imported, id, p.sourceFile), article });
        if (old) {
          articles[previous] = entry;
          replaced.push(old);
        } else articles.push(entry);
        outcomes.push({ status: old ? 'updated' : 'added', entry });
      }
      return {
        manifest: { ...manifest, articles, removed, damaged },
        files: written,
        // The versions replaced are no longer named by the manifest: gone once it is written.
        obsolete: replaced.map((e) => e.file),
        result: outcomes,
      };
    });
  }

  /**
   * Remove an article from the library; it is kept for {@link REMOVED_KEPT_DAYS} days so that
   * {@link restore} can put it back.
   *
   * @throws UnknownUserArticleError when the library has no such article
   */
  remove(id: string, now: Date = new Date()): Promise<RemovedEntry> {
    return this.change('remove the article', async (manifest) => {
      const entry = manifest.articles.find((e) => e.id === id);
      if (!entry) throw new UnknownUserArticleError(`no article of yours with id '${id}'`);
      const removed: RemovedEntry = { ...entry, removedAt: now.toISOString() };
      return { manifest: { ...manifest, articles: manifest.articles.filter((e) => e !== entry), removed: [...manifest.removed.filter((e) => e.id !== id), removed] }, result: removed };
    });
  }

  /**
   * Put a removed article back, as it was.
   *
   * @throws UnknownUserArticleError when no removed article has this id (never removed, put back
   *   already, or removed too long ago)
   */
  restore(id: string): Promise<UserArticleEntry> {
    return this.change('put the article back', async (manifest) => {
      const removed = manifest.removed.find((e) => e.id === id);
      if (!removed) throw new UnknownUserArticleError(`no removed article with id '${id}' to put back`);
      const { removedAt: _removedAt, ...entry } = removed;
      // Added again from its file since: the newer version stays, and this one is not put back over it.
      if (manifest.articles.some((e) => e.id === id || e.contentHash === entry.contentHash)) {
        throw new UnknownUserArticleError(`the article '${id}' is in the library again already`);
      }
      return { manifest: { ...manifest, articles: [...manifest.articles, entry], removed: manifest.removed.filter((e) => e !== removed) }, result: entry };
    });
  }

  /**
   * Make one change: holding the lock, on the manifest as it is on disk, article files written
   * before the manifest that names them. Changes from this process run one after another.
   */
  private change<R>(
    action: string,
    make: (manifest: Manifest) => Promise<{ manifest: Manifest; files?: readonly StoredArticle[]; obsolete?: readonly string[]; result: R }>,
  ): Promise<R> {
    const run = async (): Promise<R> => {
      let lock: HeldLock;
      try {
        lock = await acquireLock(this.lockDir);
      } catch (e) {
        throw this.saveError(action, e);
      }
      try {
        await this.refresh();
        const { manifest, files = [], obsolete = [], result } = await make(this.manifest);
        const next = purgeRemoved(manifest, new Date());
        const written: string[] = [];
        try {
          for (const file of files) {
            const path = join(this.dir, ARTICLES_FOLDER, file.entry.file);
            await replaceFile(path, JSON.stringify(file));
            written.push(path);
          }
          await replaceFile(this.manifestPath, `${JSON.stringify(next, null, 1)}\n`);
        } catch (e) {
          // Files of a change that did not happen: no manifest names them.
          for (const path of written) rmSync(path, { force: true });
          throw this.saveError(action, e);
        }
        this.manifest = next;
        this.seen = stampOf(this.manifestPath);
        const named = new Set([...next.articles, ...next.removed].map((e) => e.file));
        const gone = [...obsolete, ...[...manifest.removed, ...this.manifest.removed].map((e) => e.file)].filter((f) => !named.has(f));
        for (const f of new Set(gone)) rmSync(join(this.dir, ARTICLES_FOLDER, f), { force: true });
        return result;
      } finally {
        releaseLock(lock);
      }
    };
    return this.serial.run(run);
  }

  private saveError(action: string, e: unknown): UserLibrarySaveError {
    return new UserLibrarySaveError(notSavedMessage(action, e, join(this.dir, ARTICLES_FOLDER), 'another Quire window or command kept your library busy'), { cause: e });
  }

  /** Read the manifest again if another process (or this one) changed it since it was read. */
  private async refresh(): Promise<void> {
    const stamp = stampOf(this.manifestPath);
    if (stamp === this.seen) return;
    await this.load();
  }

  /**
   * Read the manifest; one that cannot be read is set aside and made again from the article files.
   *
   * @returns where a damaged manifest was set aside
   */
  private async load(): Promise<string | undefined> {
    const stamp = stampOf(this.manifestPath);
    if (stamp === undefined) {
      this.manifest = EMPTY;
      this.seen = undefined;
      return undefined;
    }
    let text: string;
    try {
      text = await readFile(this.manifestPath, 'utf8');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return this.load();
      throw new Error(`Quire is not allowed to read your library's list of articles in ${this.dir} (${errorCode(e) ?? (e as Error).message})`, { cause: e });
    }
    try {
      this.manifest = ManifestSchema.parse(JSON.parse(text));
      this.seen = stamp;
      return undefined;
    } catch {
      const setAside = join(this.dir, `manifest.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      renameSync(this.manifestPath, setAside);
      this.manifest = await this.rebuilt();
      await replaceFile(this.manifestPath, `${JSON.stringify(this.manifest, null, 1)}\n`);
      this.seen = stampOf(this.manifestPath);
      return setAside;
    }
  }

  /** A manifest made from the article files: the newest version of each article, by id. */
  private async rebuilt(): Promise<Manifest> {
    const byId = new Map<string, UserArticleEntry>();
    for (const name of readdirSync(join(this.dir, ARTICLES_FOLDER))) {
      if (!name.endsWith('.json')) continue;
      try {
        const { entry } = await this.read({ file: name });
        const checked = EntrySchema.parse(entry);
        const known = byId.get(checked.id);
        if (checked.file === name && (!known || known.updatedAt < checked.updatedAt)) byId.set(checked.id, checked);
      } catch {
        // A file that is not an article file Quire wrote is left where it is, untouched.
      }
    }
    return { format: USER_LIBRARY_FORMAT, articles: [...byId.values()].sort((a, b) => (a.addedAt < b.addedAt ? -1 : 1)), removed: [], damaged: [] };
  }

  /** Remove temporary files and article files the manifest does not name (a change that never finished). */
  private tidy(): void {
    const named = new Set([...this.manifest.articles, ...this.manifest.removed].map((e) => e.file));
    const articles = join(this.dir, ARTICLES_FOLDER);
    for (const name of readdirSync(articles)) {
      if (name.includes('.tmp-') || (/^[a-z0-9-]+\.json$/.test(name) && !named.has(name))) rmSync(join(articles, name), { force: true });
    }
    const prefix = tempPrefix(this.manifestPath);
    for (const name of readdirSync(this.dir)) if (name.startsWith(prefix)) rmSync(join(this.dir, name), { force: true });
  }
}

/** The manifest without removed articles older than {@link REMOVED_KEPT_DAYS} days, or beyond the newest {@link REMOVED_KEPT}. */
function purgeRemoved(manifest: Manifest, now: Date): Manifest {
  const oldest = new Date(now.getTime() - REMOVED_KEPT_DAYS * 86_400_000).toISOString();
  const kept = manifest.removed
    .filter((e) => e.removedAt >= oldest)
    .sort((a, b) => (a.removedAt < b.removedAt ? 1 : -1))
    .slice(0, REMOVED_KEPT);
  return kept.length === manifest.removed.length ? manifest : { ...manifest, removed: kept };
}

/** The format of a stored article's file (for callers that only hold its entry's format). */
export type { AddedFormat };
