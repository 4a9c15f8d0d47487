/**
 * The words of the search status line: how many results, or none and a corrected spelling to try.
 */
import type { SearchResponse } from '../../../shared/api';
import { statusText } from '../search-model';
import './SearchStatus.css';

interface Props {
  /** The newest answer; while `pending`, it may answer an earlier text. */
  readonly response: SearchResponse | undefined;
  /** A search for the current text is on its way. */
  readonly pending: boolean;
  /** Search for the corrected query instead. */
  readonly onAcceptCorrection: (query: string) => void;
}

/** Status text, with a "Did you mean" button when the engine has a correction. */
export function SearchStatus({ response, pending, onAcceptCorrection }: Readonly<Props>) {
  const text = statusText(response, pending);
  const correction = response && response.results.length === 0 ? response.didYouMean : undefined;
  if (!correction) return text;
  return (
    <>
      {text} Did you mean{' '}
      <button type="button" className="did-you-mean" onClick={() => onAcceptCorrection(correction)}>
        {correction}
      </button>
      ?
    </>
  );
}
