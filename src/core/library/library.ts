/**
 * The library: every article, with fast lookups by article and by search document.
 *
 * This folder is a built library as the app serves it. library.ts holds its serialized form
 * (`LibraryData`, what the build writes) and the in-memory `Library`, which numbers every
 * passage as a search document; load.ts reads a built library folder, checks that its library
 * and index files belong together, and makes the `LoadedLibrary` that search works on, with what
 * search derives once per library (scorer, passage table); paths.ts says where the bundled
 * library lives and opens a content folder the way every front end does. Building a library from
 * Markdown is content/'s job, searching it search/'s.
 */
import type { Article, ArticleSummary, Passage, Section } from '../../shared/model';
import { type SynonymGroup, SynonymTable } from '../search/synonyms';
import type { LibraryView } from '../search/source';
import { Vocabulary, type VocabularyEntry } from '../search/vocabulary';

/**
 * Version of the serialized library format; bump when its shape or meaning changes (4: the lead
 * section is named Beginning; 5: library and index record the fingerprint and document count;
 * 6: an image is rendered as its description, and code in a list item, quote or comment is part
 * of its passage's text).
 */
export const LIBRARY_FORMAT = 6;

/** The serialized library, as written by the build and read at start. */
export interface LibraryData {
  readonly format: typeof LIBRARY_FORMAT;
  /** Hash of the content files the library was built from. */
  readonly fingerprint: string;
  /**
   * SHA-256 of the index file written beside it (absent in memory, before it is written), so a
   * loader can tell that the two belong together.
   */
  readonly index?: string;
  /**
   * How many search documents (passages) the library has, also recorded in the index file
   * (absent in memory, before it is written).
   */
  readonly documents?: number;
  /** Articles, newest first, undated last, then by title. */
  readonly articles: readonly Article[];
  /** Synonym groups from the content folder's synonyms.yaml. */
  readonly synonyms: readonly SynonymGroup[];
  /** Every indexed word as written (folded), with its stem. */
  readonly vocabulary: Readonly<Record<string, VocabularyEntry>>;
}

/** One searchable passage with the article and section it belongs to. */
export interface PassageRef {
  readonly article: Article;
  readonly section: Section | undefined;
  readonly passage: Passage;
}

/**
 * The loaded library: articles by id and every passage by its search document number.
 *
 * Document numbers are positions in reading order over all articles (body, then comments), so
 * the index stores small integers instead of string ids.
 */
export class Library implements LibraryView {
  readonly articles: readonly Article[];
  readonly fingerprint: string;
  readonly synonymGroups: readonly SynonymGroup[];
  readonly synonyms: SynonymTable;
  readonly vocabulary: Vocabulary;
  private readonly byId: Map<string, Article>;
  private readonly docs: PassageRef[] = [];

  constructor(data: LibraryData) {
    this.articles = data.articles;
    this.fingerprint = data.fingerprint;
    this.synonymGroups = data.synonyms ?? [];
    this.synonyms = new SynonymTable(this.synonymGroups);
    this.vocabulary = new Vocabulary(data.vocabulary ?? {});
    this.byId = new Map(data.articles.map((a) => [a.id, a]));
    for (const article of data.articles) {
      const sections = new Map(article.sections.map((s) => [s.id, s]));
      for (const passage of [...article.passages, ...article.comments]) {
        this.docs.push({ article, section: sections.get(passage.sectionId), passage });
      }
    }
  }

  /** The article with this id, if any. */
  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /** Every article's metadata, in library order. */
  summaries(): ArticleSummary[] {
    return this.articles.map(summarize);
  }

  /** The passage with this search document number. */
  doc(n: number): PassageRef | undefined {
    return this.docs[n];
  }

  /** Every passage with its document number, in order. */
  allDocs(): readonly PassageRef[] {
    return this.docs;
  }

  /** One past the highest document number. */
  get docCount(): number {
    return this.docs.length;
  }

  /** Each article with the document number of its first passage, in library order. */
  *placed(): Iterable<{ article: Article; firstDoc: number }> {
    let firstDoc = 0;
    for (const article of this.articles) {
      yield { article, firstDoc };
      firstDoc += article.passages.length + article.comments.length;
    }
  }
}

/** An article's metadata without its body. */
export function summarize(a: Article): ArticleSummary {
  return {
    id: a.id,
    title: a.title,
    origin: a.origin ?? 'bundled',
    ...(a.added ? { added: a.added } : {}),
    ...(a.published ? { published: a.published } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.author ? { author: a.author } : {}),
    topics: a.topics,
    ...(a.summary ? { summary: a.summary } : {}),
    wordCount: a.wordCount,
    commentCount: a.commentCount,
  };
}

/** Library order: newest first, undated last, then by title, then by id. */
export function compareArticles(a: ArticleSummary, b: ArticleSummary): number {
  if (a.published !== b.published) {
    if (!a.published) return 1;
    if (!b.published) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
