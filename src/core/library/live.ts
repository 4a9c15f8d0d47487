/**
 * The library as the app serves it: the bundled library, and beside it the reader's own articles,
 * searched as one.
 *
 * The bundled library is loaded as it was built and never changes. The reader's articles sit in
 * a second index, a segment (in Lucene's sense) that grows and shrinks in place as they are
 * added and removed: MiniSearch's `add` and `discard`, never a rebuild of either index. The
 * scorer reads both as one index (scorer.ts), and passages are numbered after the bundled ones,
 * the reader's in the order they were added, so no number ever moves.
 *
 * What the reader's library holds is what its manifest on disk says (user/user-library.ts): this
 * module follows it, article by article, reading each one's file while searches are answered
 * while a large import is indexed, each article searchable whole or not at all. Another process
 * that changes the manifest (the CLI, a second window's import) is followed the same way, noticed
 * on the next call. The segment is saved beside the manifest (`segment.json`, a cache stamped
 * with the files it holds), so that the next start loads it instead of indexing the articles
 * again; a saved segment that does not match is corrected article by article, or dropped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article, ArticleSummary } from '../../shared/model';
import { DocTable } from '../search/doc-table';
import { RANKING, TITLE_FIELD } from '../search/ranking';
import { Scorer } from '../search/scorer';
import { INDEX_OPTIONS, SearchIndex, searchDoc, type SearchDoc } from '../search/search-index';
import { serializeIndex } from '../search/postings';
import { textMatchesIn, type LibraryView, type SearchSource } from '../search/source';
import type { SynonymTable } from '../search/synonyms';
import { articleTexts, collectVocabulary, type Vocabulary, type VocabularyEntry } from '../search/vocabulary';
import { WordsMemo } from '../search/words';
import { errorCode, replaceFile } from '../user/durable-file';
import { Serial } from '../user/serial';
import { DamagedArticleFileError, type StoredArticle, type UserArticleEntry } from '../user/user-library';
import { compareArticles, summarize, type PassageRef } from './library';
import type { LoadedLibrary } from './load';

/** The saved segment's file name, in the reader's library folder. */
export const SEGMENT_FILE = 'segment.json';
/** Version of the saved segment's layout. */
export const SEGMENT_FORMAT = 2;
/** How long the segment waits, after its last change, before it is saved. */
const SAVE_QUIET_MS = 2_000;
/** Times the manifest is read again when an article file it named was replaced meanwhile. */
const MAX_FOLLOW_ATTEMPTS = 3;
/** A saved segment more than this share holes (removed articles' numbers) is indexed afresh. */
const MAX_HOLE_SHARE = 0.5;

/** What the live library reads of the reader's library (user/user-library.ts's UserLibrary). */
export interface UserArticles {
  /** The reader's library folder, where the segment is saved. */
  readonly dir: string;
  /** The articles as the manifest lists them now. */
  entries(): Promise<readonly UserArticleEntry[]>;
  /** One article's file. */
  read(entry: Pick<UserArticleEntry, 'file'>): Promise<StoredArticle>;
  /** How the manifest on disk is now (changes whenever it is rewritten); undefined when there is none. */
  stamp(): string | undefined;
  /** Set aside an article's damaged file, taking the article out of the manifest. */
  setAside?(entry: Pick<UserArticleEntry, 'id' | 'file'>, why: string): Promise<unknown>;
}

/** One of the reader's articles in the segment. */
interface Held {
  readonly article: Article;
  /** The article file it was read from: another file is another version. */
  readonly file: string;
  /** The segment's number of its first passage. */
  readonly firstLocal: number;
  readonly count: number;
}

const SavedSchema = z.object({
  format: z.literal(SEGMENT_FORMAT),
  docCount: z.number().int().min(0),
  articles: z.array(z.object({ file: z.string(), firstLocal: z.number().int().min(0), article: z.custom<Article>((a) => typeof a === 'object' && a !== null) })),
  vocabulary: z.record(z.string(), z.custom<VocabularyEntry>((e) => Array.isArray(e) && e.length === 3)),
  /** The index as `serializeIndex` wrote it, inside this file (not a string of it: parsed once). */
  index: z.custom<object>((i) => typeof i === 'object' && i !== null),
});

/** The bundled library and the reader's own articles, searched as one. */
export class LiveLibrary implements SearchSource, LibraryView {
  readonly scorer: Scorer;
  readonly table: DocTable;
  readonly words = new WordsMemo();
  private readonly bundled: LoadedLibrary;
  private readonly user: UserArticles | undefined;
  private readonly bundledDocs: number;
  private readonly userIndex: SearchIndex;
  private userDocs: (PassageRef | undefined)[] = [];
  private readonly held = new Map<string, Held>();
  /** The reader's articles' words, summed (saved with the segment, so a start need not count them). */
  private readonly userWords = new Map<string, VocabularyEntry>();
  private ordered: Article[] | undefined;
  private seenStamp: string | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private changedSinceSave = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly saving = new Serial();
  /** Ids of the reader's articles that the bundled library also has, which it keeps (see {@link shadowed}). */
  private readonly shadowedIds = new Set<string>();
  /** Articles whose file could not be read or parsed nor set aside, by id, with that file (tried again once it changes). */
  private readonly unreadable = new Map<string, string>();

  private constructor(bundled: LoadedLibrary, user: UserArticles | undefined, userIndex: SearchIndex) {
    this.bundled = bundled;
    this.user = user;
    this.bundledDocs = bundled.library.docCount;
    this.userIndex = userIndex;
    this.scorer = new Scorer(
      [
        { index: bundled.index, docBase: 0 },
        { index: userIndex, docBase: this.bundledDocs },
      ],
      RANKING,
      TITLE_FIELD,
    );
    this.table = new DocTable(bundled.library.placed());
  }

  /**
   * The bundled library with the reader's articles beside it: their saved segment loaded, then
   * brought up to the manifest (the articles added or removed since it was saved are indexed now).
   *
   * The live library takes the loaded library over: its vocabulary gains the reader's words.
   *
   * @example const live = await LiveLibrary.open(await loadLibrary('out/library'), (await UserLibrary.open(dataDir)).library)
   */
  static async open(bundled: LoadedLibrary, user?: UserArticles): Promise<LiveLibrary> {
    const saved = user ? await readSaved(user.dir) : undefined;
    let live: LiveLibrary | undefined;
    if (saved) {
      live = new LiveLibrary(bundled, user, SearchIndex.loadPacked<SearchDoc>(saved.index, INDEX_OPTIONS, true));
      // A saved segment that does not hold together is dropped: every article is indexed again.
      if (!live.restore(saved)) live = undefined;
    }
    live ??= new LiveLibrary(bundled, user, new SearchIndex<SearchDoc>(INDEX_OPTIONS));
    if (user) await live.sync();
    return live;
  }

  // What search reads of the library (LibraryView).

  get library(): LibraryView {
    return this;
  }

  /** Every article, bundled and the reader's, in library order. */
  get articles(): readonly Article[] {
    this.ordered ??= [...this.bundled.library.articles, ...[...this.held.values()].map((h) => h.article)].sort(compareArticles);
    return this.ordered;
  }

  article(id: string): Article | undefined {
    return this.bundled.library.article(id) ?? this.held.get(id)?.article;
  }

  doc(n: number): PassageRef | undefined {
    return n < this.bundledDocs ? this.bundled.library.doc(n) : this.userDocs[n - this.bundledDocs];
  }

  get docCount(): number {
    return this.bundledDocs + this.userDocs.length;
  }

  get vocabulary(): Vocabulary {
    return this.bundled.library.vocabulary;
  }

  get synonyms(): SynonymTable {
    return this.bundled.library.synonyms;
  }

  textMatches(words: readonly string[]): number[] {
    return textMatchesIn(
      [
        { index: this.bundled.index, docBase: 0 },
        { index: this.userIndex, docBase: this.bundledDocs },
      ],
      words,
    );
  }

  /** Every article's metadata, in library order, each saying where it comes from. */
  summaries(): ArticleSummary[] {
    return this.articles.map(summarize);
  }

  /** Ids of the reader's articles left out because the bundled library has an article of the same id. */
  shadowed(): readonly string[] {
    return [...this.shadowedIds];
  }

  /** Ids of the reader's articles left out because their file could not be read or parsed (and was not set aside). */
  unreadableIds(): readonly string[] {
    return [...this.unreadable.keys()];
  }

  // Following the reader's library.

  /**
   * Start following the manifest if it changed since it was last followed (a stat, no more):
   * called on every library call, so that another process's change is searched soon after.
   */
  noticeChanges(): void {
    if (this.user && this.user.stamp() !== this.seenStamp) void this.sync().catch(() => undefined);
  }

  /**
   * Bring the reader's articles up to the manifest as it is now: resolves once every article it
   * lists is searchable and every other is gone. Articles are indexed one at a time, with the
   * event loop free between them.
   */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.follow().finally(() => (this.running = undefined));
      return this.running;
    }
    // A run is under way, and may have read the manifest before the change this caller waits for.
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.sync();
    });
    return this.queued;
  }

  private async follow(): Promise<void> {
    const user = this.user;
    if (!user) return;
    // An article file replaced by another process between reading the manifest and reading the
    // file is found under its new name by reading the manifest again.
    for (let attempt = 0; attempt < MAX_FOLLOW_ATTEMPTS; attempt++) {
      const stamp = user.stamp();
      const missing = await this.followOnce(user);
      if (!missing) {
        this.seenStamp = stamp;
        break;
      }
    }
    if (this.changedSinceSave) this.scheduleSave();
  }

  /** Follow the manifest as it is now; whether an article file it names was missing. */
  private async followOnce(user: UserArticles): Promise<boolean> {
    const entries = await user.entries();
    const wanted = new Map(entries.map((e) => [e.id, e]));
    for (const [id, held] of this.held) {
      if (wanted.get(id)?.file !== held.file) this.remove(id);
    }
    for (const id of this.unreadable.keys()) if (!wanted.has(id)) this.unreadable.delete(id);
    for (const id of this.shadowedIds) if (!wanted.has(id)) this.shadowedIds.delete(id);
    let missing = false;
    for (const entry of entries) {
      if (this.held.get(entry.id)?.file === entry.file || this.unreadable.get(entry.id) === entry.file) continue;
      if (this.bundled.library.article(entry.id)) {
        this.shadowedIds.add(entry.id);
        continue;
      }
      let stored: StoredArticle;
      try {
        stored = await user.read(entry);
      } catch (e) {
        if (errorCode(e) === 'ENOENT') missing = true;
        // A file that cannot be read or parsed keeps that one article out, never the others. A
        // damaged one is set aside, out of the manifest, for the reader to be told and to add its
        // file again (which may write a file of the same name: read then, as any new entry's).
        else if (!(e instanceof DamagedArticleFileError && (await this.setAside(user, entry, e.message)))) this.unreadable.set(entry.id, entry.file);
        continue;
      }
      this.unreadable.delete(entry.id);
      // Reading the next article's file gives the event loop to what waits (a search) between articles.
      this.add(stored.article, entry.file);
    }
    return missing;
  }

  /** Set aside a damaged article file; whether the manifest no longer names it. */
  private async setAside(user: UserArticles, entry: UserArticleEntry, why: string): Promise<boolean> {
    if (!user.setAside) return false;
    try {
      await user.setAside(entry, why);
      return true;
    } catch {
      return false;
    }
  }

  /** Index one article of the reader's, whole, after the last passage indexed so far. */
  private add(article: Article, file: string): void {
    this.remove(article.id);
    const firstLocal = this.userDocs.length;
    const sections = new Map(article.sections.map((s) => [s.id, s]));
    const passages = [...article.passages, ...article.comments];
    const docs: SearchDoc[] = [];
    for (const passage of passages) {
      const ref: PassageRef = { article, section: sections.get(passage.sectionId), passage };
      docs.push(searchDoc(ref, this.userDocs.length));
      this.userDocs.push(ref);
    }
    this.userIndex.addAll(docs);
    this.countWords(collectVocabulary(articleTexts(article)), 1);
    this.held.set(article.id, { article, file, firstLocal, count: passages.length });
    this.table.place({ article, firstDoc: this.bundledDocs + firstLocal });
    this.changed();
  }

  /** Take one of the reader's articles out of the index (its numbers stay unused). */
  private remove(id: string): void {
    const held = this.held.get(id);
    if (!held) return;
    for (let local = held.firstLocal; local < held.firstLocal + held.count; local++) {
      this.userIndex.discard(local);
      this.userDocs[local] = undefined;
    }
    this.countWords(collectVocabulary(articleTexts(held.article)), -1);
    this.held.delete(id);
    this.table.remove(id);
    this.changed();
  }

  private countWords(entries: Record<string, VocabularyEntry>, sign: 1 | -1): void {
    this.vocabulary.apply(entries, sign);
    for (const key in entries) {
      const [stem, count, written] = entries[key]!;
      const known = this.userWords.get(key);
      const total = (known?.[1] ?? 0) + sign * count;
      if (total > 0) this.userWords.set(key, [known?.[0] ?? stem, total, known?.[2] ?? written]);
      else this.userWords.delete(key);
    }
  }

  private changed(): void {
    this.scorer.invalidate();
    this.ordered = undefined;
    this.changedSinceSave = true;
  }

  // Saving and restoring the segment.

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save().catch(() => undefined);
    }, SAVE_QUIET_MS);
    this.saveTimer.unref?.();
  }

  /**
   * Save the reader's segment, if it changed since it was last saved, so that the next start
   * loads it instead of indexing the articles again. A cache: when it cannot be written (a full
   * disk), the next start indexes the articles from their files instead.
   */
  save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const run = async (): Promise<void> => {
      const user = this.user;
      if (!user || !this.changedSinceSave) return;
      this.changedSinceSave = false;
      // The index's own JSON goes in as it is, not as a string: escaped, it would be parsed twice.
      const head = JSON.stringify({
        format: SEGMENT_FORMAT,
        docCount: this.userDocs.length,
        articles: [...this.held.values()].map(({ file, firstLocal, article }) => ({ file, firstLocal, article })),
        vocabulary: Object.fromEntries(this.userWords),
      });
      const text = `${head.slice(0, -1)},"index":${serializeIndex(this.userIndex)}}`;
      try {
        await replaceFile(join(user.dir, SEGMENT_FILE), text);
      } catch (e) {
        this.changedSinceSave = true;
        throw e;
      }
    };
    return this.saving.run(run);
  }

  /** Stop the pending save (it is a cache) and wait for one under way. */
  async close(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.running?.catch(() => undefined);
    await this.saving.idle();
  }

  /** Take a saved segment in; false when it does not hold together (then nothing was changed). */
  private restore(saved: z.infer<typeof SavedSchema>): boolean {
    const docs: (PassageRef | undefined)[] = new Array<PassageRef | undefined>(saved.docCount).fill(undefined);
    let live = 0;
    for (const { article, firstLocal } of saved.articles) {
      const sections = new Map(article.sections.map((s) => [s.id, s]));
      const passages = [...article.passages, ...article.comments];
      if (firstLocal + passages.length > saved.docCount) return false;
      passages.forEach((passage, i) => (docs[firstLocal + i] = { article, section: sections.get(passage.sectionId), passage }));
      live += passages.length;
    }
    // The index must hold exactly these passages; a segment mostly of holes is indexed afresh.
    if (this.userIndex.documentCount !== live || live < saved.docCount * (1 - MAX_HOLE_SHARE)) return false;
    for (const [local, ref] of docs.entries()) if (ref && !this.userIndex.has(local)) return false;
    this.userDocs = docs;
    this.countWords(saved.vocabulary, 1);
    for (const { article, file, firstLocal } of saved.articles) {
      this.held.set(article.id, { article, file, firstLocal, count: article.passages.length + article.comments.length });
      this.table.place({ article, firstDoc: this.bundledDocs + firstLocal });
      if (this.bundled.library.article(article.id)) {
        // An article the bundled library now has too: the bundled one is served, this one dropped.
        this.remove(article.id);
        this.shadowedIds.add(article.id);
      }
    }
    this.scorer.invalidate();
    this.ordered = undefined;
    return true;
  }
}

/** The saved segment in a folder, if there is one that parses; undefined otherwise (it is a cache). */
async function readSaved(dir: string): Promise<z.infer<typeof SavedSchema> | undefined> {
  try {
    return SavedSchema.parse(JSON.parse(await readFile(join(dir, SEGMENT_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}
