/**
 * Each passage's article and kind as small integers, by document number: what filtering,
 * weighting and facet counting read for every match, without touching the passage objects.
 */
import { PASSAGE_KINDS, type Article, type PassageKind } from '../../shared/model';

/** Title order, as localeCompare orders, but at a fraction of its cost per comparison (the order is sorted anew after every import). */
const TITLE_COLLATOR = new Intl.Collator();

/** The kind code of a reader comment (see {@link DocTable.kind}). */
export const COMMENT_KIND = PASSAGE_KINDS.indexOf('comment');

/** An article and the document number of its first passage (its passages, then its comments, follow). */
export interface Placed {
  readonly article: Article;
  readonly firstDoc: number;
}

/**
 * Each passage's article and kind as small integers, by document number. One per searchable
 * library.
 *
 * Articles sit in slots, numbered in the order they were placed, never reused: a removed
 * article's slot stays empty, so the slots of the others, which the arrays hold, never move.
 */
export class DocTable {
  private articleOf: Uint32Array;
  private kindOf: Uint8Array;
  private kept: Uint32Array;
  private order: Uint32Array | undefined;
  private docs = 0;
  private readonly slots: (Article | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();

  /** @param placed the articles in slot order, with where their documents start */
  constructor(placed: Iterable<Placed> = []) {
    this.articleOf = new Uint32Array(0);
    this.kindOf = new Uint8Array(0);
    this.kept = new Uint32Array(0);
    for (const p of placed) this.place(p);
  }

  /** Each document's article, as its slot (see {@link articleAt}). */
  get article(): Uint32Array {
    return this.articleOf;
  }

  /** Each document's kind, as its position in PASSAGE_KINDS. */
  get kind(): Uint8Array {
    return this.kindOf;
  }

  /** Room for the positions of every passage a query keeps, reused by each search. */
  get keptBuffer(): Uint32Array {
    if (this.kept.length < this.docs) this.kept = new Uint32Array(this.articleOf.length);
    return this.kept;
  }

  /** How many slots there are (the size of arrays indexed by slot). */
  get slotCount(): number {
    return this.slots.length;
  }

  /** The article in a slot (undefined once removed). */
  articleAt(slot: number): Article | undefined {
    return this.slots[slot];
  }

  /** Each slot's place in title order (localeCompare), so facets sort without comparing text. */
  get titleOrder(): Uint32Array {
    if (this.order) return this.order;
    const order = new Uint32Array(this.slots.length);
    this.slots
      .flatMap((a, i) => (a ? [{ title: a.title, i }] : []))
      .sort((a, b) => TITLE_COLLATOR.compare(a.title, b.title))
      .forEach(({ i }, place) => (order[i] = place));
    this.order = order;
    return order;
  }

  /** Put an article in the next slot: its documents are numbered from `firstDoc`. */
  place({ article, firstDoc }: Placed): void {
    const slot = this.slots.length;
    this.slots.push(article);
    this.slotOf.set(article.id, slot);
    this.order = undefined;
    const passages = [...article.passages, ...article.comments];
    const end = firstDoc + passages.length;
    if (end > this.articleOf.length) {
      // Grown by half again, so that articles added one by one reallocate rarely.
      const size = Math.max(end, Math.ceil(this.articleOf.length * 1.5));
      const article = new Uint32Array(size);
      article.set(this.articleOf);
      const kind = new Uint8Array(size);
      kind.set(this.kindOf);
      this.articleOf = article;
      this.kindOf = kind;
    }
    passages.forEach((p, i) => {
      this.articleOf[firstDoc + i] = slot;
      this.kindOf[firstDoc + i] = PASSAGE_KINDS.indexOf(p.kind);
    });
    this.docs = Math.max(this.docs, end);
  }

  /** Empty an article's slot (its documents are no longer searched: the index no longer has them). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slots[slot] = undefined;
    this.slotOf.delete(id);
    this.order = undefined;
  }

  /** A mask over slots: 1 for the given ids. */
  articleMask(ids: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.slots.length);
    for (const id of ids) {
      const i = this.slotOf.get(id);
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
