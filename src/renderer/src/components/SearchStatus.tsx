/**
 * The words of the search status line: how the query was read (corrections, synonyms), how many
 * passages in how many articles and how many titles, or none and a corrected spelling to try.
 */
import type { SearchResponse } from '../../../shared/api';
import { statusText } from '../search-model';
import { QueryReadingNotice } from './QueryReadingNotice';
import './SearchStatus.css';

interface Props {
  /** The newest answer; while `pending`, it may answer an earlier text. */
  readonly response: SearchResponse | undefined;
  /** A search for the current text is on its way. */
  readonly pending: boolean;
  /** Search for the corrected query instead. */
  readonly onAcceptCorrection: (query: string) => void;
  /** The article filter in force (for counting the articles). */
  readonly articleIds?: readonly string[];
  /** The results come in pages (the full view), so "showing the best N" does not apply. */
  readonly paged?: boolean;
}

/** Status text, with how the query was read above it and a "Did you mean" button when the engine has a correction. */
export function SearchStatus({ response, pending, onAcceptCorrection, articleIds, paged = false }: Readonly<Props>) {
  const text = statusText(response, pending, articleIds, !paged);
  const correction = response && response.results.length === 0 && response.titles.length === 0 ? response.didYouMean : undefined;
  return (
    <>
      {response && <QueryReadingNotice readAs={response.readAs} typed={response.query} />}
      {text}
      {correction && (
        <>
          {' '}
          Did you mean{' '}
          <button type="button" className="did-you-mean" onClick={() => onAcceptCorrection(correction)}>
            {correction}
          </button>
          ?
        </>
      )}
    </>
  );
}
