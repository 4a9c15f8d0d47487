/**
 * The reading positions of the articles read, for the home screen ("Continue reading", the
 * recently-read order) and for reopening an article where it was left.
 */
import { useCallback, useEffect, useState } from 'react';
import { withPosition, type ArticlePosition } from '../../../shared/positions';
import { getApi } from '../api';

/** What {@link usePositions} gives. */
export interface PositionsState {
  /** Each article's position, most recently read first (empty until loaded, or on failure). */
  readonly positions: readonly ArticlePosition[];
  /** Take in a position just saved, without asking the store again. */
  readonly remember: (position: ArticlePosition) => void;
}

/**
 * The positions, fetched once at start and kept in step with every position saved from here.
 *
 * @example const { positions, remember } = usePositions();
 */
export function usePositions(): PositionsState {
  const [positions, setPositions] = useState<readonly ArticlePosition[]>([]);
  useEffect(() => {
    let live = true;
    getApi()
      .listPositions()
      .then(
        // A position saved before the list arrived is newer than the list's.
        (listed) => live && setPositions((saved) => saved.reduceRight((all, p) => withPosition(all, p), [...listed])),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  const remember = useCallback((position: ArticlePosition) => setPositions((all) => withPosition(all, position)), []);
  return { positions, remember };
}
