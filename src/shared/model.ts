/**
 * The content model shared by the engine and the UI.
 *
 * An article is a list of sections (one per heading, plus a lead section for text before the
 * first heading) and a flat list of passages in reading order. Reader comments are passages too,
 * but they live in their own list so that they can never be mistaken for editorial text.
 */

/** What a passage is, which decides how it is shown and how it can be searched and scoped. */
export type PassageKind =
  | 'paragraph'
  | 'list-item'
  | 'table'
  | 'quote'
  | 'question'
  | 'answer'
  | 'comment';

/** Every passage kind, in a stable order (for schemas and filters). */
export const PASSAGE_KINDS: readonly PassageKind[] = [
  'paragraph',
  'list-item',
  'table',
  'quote',
  'question',
  'answer',
  'comment',
];

/**
 * Where an article comes from: the library Quire was started with (`bundled`: the articles it
 * ships with, or a content folder it serves), or a file the reader added (`user`).
 */
export type ArticleOrigin = 'bundled' | 'user';

/** The kinds of file a reader can add to their library. */
export type AddedFormat = 'markdown' | 'text' | 'html' | 'epub';

/** Where an article the reader added came from, and when. */
export interface AddedFrom {
  /** The name of the file it was made from (no folder). */
  readonly sourceFile: string;
  readonly format: AddedFormat;
  /** ISO 8601 date-time it was first added. */
  readonly addedAt: string;
  /** ISO 8601 date-time it was last added again with changes. */
  readonly updatedAt: string;
}

/** The metadata of one article, as listed in the library. */
export interface ArticleSummary {
  /**
   * Where it comes from, set by whoever serves the library, never by an article's file: always
   * in the library's list; on a whole article, `user` for the reader's own and absent otherwise.
   */
  readonly origin?: ArticleOrigin;
  /** For an article the reader added: from which file, and when. */
  readonly added?: AddedFrom;
  /** Stable slug, unique in the library (from front matter `id`). */
  readonly id: string;
  readonly title: string;
  /** ISO 8601 date (YYYY-MM-DD) where the publication date is known. */
  readonly published?: string;
  /** The publication as readers cite it (site, journal, publisher), where known. */
  readonly source?: string;
  /** Who wrote it, where known. */
  readonly author?: string;
  readonly topics: readonly string[];
  readonly summary?: string;
  /** Words in the editorial body (comments excluded). */
  readonly wordCount: number;
  /** Number of reader comments. */
  readonly commentCount: number;
}

/** One heading of an article and the text under it. */
export interface Section {
  /** Stable id, unique within the article (slug of the heading). */
  readonly id: string;
  readonly title: string;
  /** Heading level: 1 for the lead section, otherwise the Markdown heading level (2 to 6). */
  readonly level: number;
  /** Titles of the enclosing sections, outermost first, ending with this section's title. */
  readonly path: readonly string[];
  /** `faq` for a questions-and-answers block, `question` for one question in it. */
  readonly role?: 'faq' | 'question';
}

/** A table's cells in plain text, header row first. */
export interface TableData {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The smallest addressable unit of text: what search finds and what a bookmark points at. */
export interface Passage {
  /** Stable id, unique within the article. */
  readonly id: string;
  readonly kind: PassageKind;
  /** Id of the section the passage belongs to (`comments` for reader comments). */
  readonly sectionId: string;
  /** Plain text, as indexed and as quoted; words exactly as published. */
  readonly text: string;
  /**
   * Sanitized HTML of the passage's content, to be placed inside its element: inline markup for
   * paragraphs, list items, questions and answers; `<p>` blocks for quotes and comments; a whole
   * `<table>` for tables. Raw HTML in the source is escaped, never passed through.
   */
  readonly html: string;
  /** Consecutive list items share a list id; `ordered` says whether the list is numbered. */
  readonly list?: { readonly id: string; readonly ordered: boolean };
  /** Who is quoted (quotes) or who wrote it (comments). */
  readonly attribution?: string;
  /** ISO 8601 local date-time of a reader comment (`2025-11-20T07:08`). */
  readonly time?: string;
  /** Cells of a table passage. */
  readonly table?: TableData;
}

/** A whole article: metadata, sections, body passages and reader comments. */
export interface Article extends ArticleSummary {
  /**
   * A short notice shown in the article's header (such as "not medical advice"): the text of the
   * notice named by front matter `notice`, as defined in the content folder's `notices.yaml`.
   */
  readonly notice?: string;
  readonly sections: readonly Section[];
  /** Editorial passages in reading order. */
  readonly passages: readonly Passage[];
  /** Reader comments in thread order, kept apart from the editorial body. */
  readonly comments: readonly Passage[];
}

/** The id of the section that holds text before an article's first heading. */
export const LEAD_SECTION_ID = 'lead';

/**
 * The lead section's name wherever a section is named (search results, bookmarks, the print
 * preview and the printed citation). The article gives that text no heading of its own, so it is
 * named by where it stands rather than given a title ("Introduction") the author never wrote.
 */
export const LEAD_SECTION_TITLE = 'Beginning';

/** The section id every reader comment belongs to. */
export const COMMENTS_SECTION_ID = 'comments';
