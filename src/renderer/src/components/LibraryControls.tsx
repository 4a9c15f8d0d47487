/**
 * Above the library list: how many articles it shows, the topic it is filtered by (with a way to
 * remove the filter), which articles it shows by where they come from (when the reader has added
 * some of their own), and the order it is sorted in.
 */
import { useId } from 'react';
import {
  isLibrarySort,
  isOriginFilter,
  LIBRARY_SORT_LABELS,
  LIBRARY_SORTS,
  ORIGIN_FILTER_LABELS,
  ORIGIN_FILTERS,
  type LibrarySort,
  type OriginFilter,
} from '../library-order';
import { plural } from '../format';
import './LibraryControls.css';

interface Props {
  /** Articles shown (after the filters). */
  readonly shown: number;
  /** The topic the list is filtered by, if any. */
  readonly topic: string | undefined;
  /** Remove the topic filter. */
  readonly onClearTopic: () => void;
  /** Which articles are shown by where they come from; the choice is not offered when undefined. */
  readonly origin: OriginFilter | undefined;
  /** Choose which articles to show by where they come from. */
  readonly onOriginChange: (origin: OriginFilter) => void;
  /** The order of the list. */
  readonly sort: LibrarySort;
  /** Choose another order. */
  readonly onSortChange: (sort: LibrarySort) => void;
}

/** How the shown articles are described after their count. */
const ORIGIN_WORDS: Readonly<Record<OriginFilter, string>> = { all: '', user: ' added by you', bundled: ' that came with Quire' };

/** The library list's filter state, origin choice and sort control. */
export function LibraryControls({ shown, topic, onClearTopic, origin, onOriginChange, sort, onSortChange }: Readonly<Props>) {
  const sortId = useId();
  const originId = useId();
  const counted = `${plural(shown, 'article')}${ORIGIN_WORDS[origin ?? 'all']}`;
  return (
    <div className="library-controls">
      <p className="library-controls__status" role="status">
        {topic === undefined ? (
          counted
        ) : (
          <>
            {counted} on the topic <strong className="library-controls__topic">{topic}</strong>
          </>
        )}
      </p>
      {topic !== undefined && (
        <button type="button" className="button library-controls__clear" onClick={onClearTopic}>
          Remove the filter “{topic}”
        </button>
      )}
      <div className="library-controls__choices">
        {origin !== undefined && (
          <div className="library-controls__choice">
            <label htmlFor={originId}>Show</label>
            <select
              id={originId}
              className="select"
              value={origin}
              onChange={(event) => {
                if (isOriginFilter(event.target.value)) onOriginChange(event.target.value);
              }}
            >
              {ORIGIN_FILTERS.map((o) => (
                <option key={o} value={o}>
                  {ORIGIN_FILTER_LABELS[o]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="library-controls__choice">
          <label htmlFor={sortId}>Sort by</label>
          <select
            id={sortId}
            className="select"
            value={sort}
            onChange={(event) => {
              if (isLibrarySort(event.target.value)) onSortChange(event.target.value);
            }}
          >
            {LIBRARY_SORTS.map((s) => (
              <option key={s} value={s}>
                {LIBRARY_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
