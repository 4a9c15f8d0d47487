/**
 * The note shown while an article carries the highlights of the search it was opened from, with
 * the control that clears them.
 */
import { plural } from '../format';
import './HighlightNotice.css';

interface Props {
  /** The search whose words are highlighted. */
  readonly query: string;
  /** How many highlights there are. */
  readonly count: number;
  /** Take the highlights off. */
  readonly onClear: () => void;
}

/** "N matches of “query” highlighted" and a Clear button. */
export function HighlightNotice({ query, count, onClear }: Readonly<Props>) {
  return (
    <div className="highlight-notice">
      <p className="highlight-notice__text">
        <span className="highlight-notice__swatch" aria-hidden="true">
          Aa
        </span>{' '}
        {plural(count, 'match', 'matches')} for “{query}” highlighted
      </p>
      <button type="button" className="button highlight-notice__clear" onClick={onClear}>
        Clear highlights
      </button>
    </div>
  );
}
