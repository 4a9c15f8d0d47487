/**
 * The highlights laid over the open article: the words of the search it was opened from, and the
 * occurrences of the find bar's text.
 */
import { useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { markableRoots, markText } from '../mark-layer';
import { findOccurrences, findWholeWords } from '../text-match';

/** The class of a search word's highlight (see ArticleScreen's stylesheet). */
export const QUERY_TERM_CLASS = 'query-term';
/** The class of a find-in-article highlight. */
export const FIND_HIT_CLASS = 'find-hit';

/** What {@link useArticleMarks} gives. */
export interface ArticleMarks {
  /** How many search-word highlights there are. */
  readonly termCount: number;
  /** The find highlights, in document order. */
  readonly findHits: readonly HTMLElement[];
}

const NONE: ArticleMarks = { termCount: 0, findHits: [] };

/**
 * The marks laid on the page, published to React: they live in the DOM, outside React's state,
 * and the component reads them as it would any external store.
 */
class MarksStore {
  private value: ArticleMarks = NONE;
  private readonly listeners = new Set<() => void>();

  readonly get = (): ArticleMarks => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(value: ArticleMarks): void {
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}

/**
 * Highlight `terms` (whole words) and `find` (anywhere, ignoring case and accents) in the
 * article drawn inside `container`.
 *
 * Both layers are laid in one effect, search words first, and taken off in reverse order, so
 * that a find highlight inside a search-word highlight never outlives it.
 *
 * @param articleKey Identifies the drawn article; undefined while none is drawn.
 * @example const { findHits } = useArticleMarks(ref, article?.id, ['baclofen'], 'sleep');
 */
export function useArticleMarks(
  container: RefObject<HTMLElement | null>,
  articleKey: string | undefined,
  terms: readonly string[],
  find: string,
): ArticleMarks {
  const [store] = useState(() => new MarksStore());
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || articleKey === undefined) return;
    const roots = markableRoots(root);
    const termSet = terms.length > 0 ? markText(roots, (text) => findWholeWords(text, terms), QUERY_TERM_CLASS) : undefined;
    const findSet = find.trim() !== '' ? markText(roots, (text) => findOccurrences(text, find), FIND_HIT_CLASS) : undefined;
    store.set({ termCount: termSet?.marks.length ?? 0, findHits: findSet?.marks ?? [] });
    return () => {
      findSet?.clear();
      termSet?.clear();
      store.set(NONE);
    };
  }, [store, container, articleKey, terms, find]);
  return useSyncExternalStore(store.subscribe, store.get);
}
