/**
 * Above the library list: how many articles it shows, the topic it is filtered by (with a way to
 * remove the filter), and the order it is sorted in.
 */
import { useId } from 'react';
import { LIBRARY_SORT_LABELS, LIBRARY_SORTS, isLibrarySort, type LibrarySort } from '../library-order';
import { plural } from '../format';
import './LibraryControls.css';

interface Props {
  /** Articles shown (after the topic filter). */
  readonly shown: number;
  /** The topic the list is filtered by, if any. */
  readonly topic: string | undefined;
  /** Remove the topic filter. */
  readonly onClearTopic: () => void;
  /** The order of the list. */
  readonly sort: LibrarySort;
  /** Choose another order. */
  readonly onSortChange: (sort: LibrarySort) => void;
}

/** The library list's filter state and sort control. */
export function LibraryControls({ shown, topic, onClearTopic, sort, onSortChange }: Readonly<Props>) {
  const sortId = useId();
  return (
    <div className="library-controls">
      <p className="library-controls__status" role="status">
        {topic === undefined ? (
          `${plural(shown, 'article')}`
        ) : (
          <>
            {plural(shown, 'article')} on the topic <strong className="library-controls__topic">{topic}</strong>
          </>
        )}
      </p>
      {topic !== undefined && (
        <button type="button" className="button library-controls__clear" onClick={onClearTopic}>
          Remove the filter “{topic}”
        </button>
      )}
      <div className="library-controls__sort">
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
  );
}
