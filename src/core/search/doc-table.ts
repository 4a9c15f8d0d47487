/**
 * Each passage's article and kind as small integers, by document number: what filtering,
 * weighting and facet counting read for every match, without touching the passage objects.
 */
import { PASSAGE_KINDS, type PassageKind } from '../../shared/model';
import type { Library } from '../library/library';

/** The kind code of a reader comment (see {@link DocTable.kind}). */
export const COMMENT_KIND = PASSAGE_KINDS.indexOf('comment');

/** Each passage's article and kind as small integers, by document number. One per loaded library. */
export class DocTable {
  /** Each document's article, as its position in `library.articles`. */
  readonly article: Uint32Array;
  /** Each document's kind, as its position in PASSAGE_KINDS. */
  readonly kind: Uint8Array;
  /** Each article's place in title order (localeCompare), so facets sort without comparing text. */
  readonly titleOrder: Uint32Array;
  /** Room for the positions of every passage a query keeps, reused by each search. */
  readonly keptBuffer: Uint32Array;
  private readonly articleIndex: Map<string, number>;

  constructor(library: Library) {
    const docs = library.allDocs();
    this.articleIndex = new Map(library.articles.map((a, i) => [a.id, i]));
    this.titleOrder = new Uint32Array(library.articles.length);
    library.articles
      .map((a, i) => ({ title: a.title, i }))
      .sort((a, b) => a.title.localeCompare(b.title))
      .forEach(({ i }, place) => (this.titleOrder[i] = place));
    this.article = new Uint32Array(docs.length);
    this.kind = new Uint8Array(docs.length);
    this.keptBuffer = new Uint32Array(docs.length);
    docs.forEach((ref, i) => {
      this.article[i] = this.articleIndex.get(ref.article.id)!;
      this.kind[i] = PASSAGE_KINDS.indexOf(ref.passage.kind);
    });
  }

  /** A mask over article indices: 1 for the given ids. */
  articleMask(ids: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.articleIndex.size);
    for (const id of ids) {
      const i = this.articleIndex.get(id);
      if (i !== undefined) mask[i] = 1;
    }
    return mask;
  }

  /** A mask over kind codes: 1 for the given kinds. */
  kindMask(kinds: readonly PassageKind[]): Uint8Array {
    const mask = new Uint8Array(PASSAGE_KINDS.length);
    for (const k of kinds) mask[PASSAGE_KINDS.indexOf(k)] = 1;
    return mask;
  }
}
