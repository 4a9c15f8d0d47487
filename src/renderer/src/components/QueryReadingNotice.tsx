/**
 * How the query was read, in words, above the results: "Showing results for **baclofen** (you
 * typed baclofin)", "Lioresal: a brand name of baclofen". Phrasing only (spans): it sits inside
 * the status line, whose live region announces it.
 */
import type { QueryReading } from '../../../shared/api';
import { readingLines } from '../search-model';
import './QueryReadingNotice.css';

interface Props {
  /** How the engine read the query; nothing is shown without it. */
  readonly readAs: QueryReading | undefined;
  /** The query as typed. */
  readonly typed: string;
}

/** One line per correction set and per synonym; nothing when every word was searched as typed. */
export function QueryReadingNotice({ readAs, typed }: Readonly<Props>) {
  const lines = readingLines(readAs, typed);
  if (lines.length === 0) return null;
  return (
    <span className="query-reading">
      {lines.map((line) =>
        line.type === 'correction' ? (
          <span key="correction" className="query-reading__line">
            Showing results for <b>{line.searched}</b> (you typed {line.typed})
          </span>
        ) : (
          <span key={`synonym:${line.word}`} className="query-reading__line">
            <b>{line.word}</b>: {line.text}
          </span>
        ),
      )}
    </span>
  );
}
