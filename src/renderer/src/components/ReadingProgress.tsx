/**
 * How far through the article the reader is: a bar and "42% read · 5 min left", kept in view at
 * the top of the article while it scrolls.
 *
 * It measures the scroll itself (useReadingProgress) rather than taking the figure as a prop, so
 * that only it is drawn again as the reader scrolls, never the (memoized) article.
 */
import type { RefObject } from 'react';
import { useReadingProgress } from '../hooks/useReadingProgress';
import { minutesLeft } from '../reading-progress';
import './ReadingProgress.css';

interface Props {
  /** The `<article>` whose progress is shown. */
  readonly articleRef: RefObject<HTMLElement | null>;
  /** The article shown (measured afresh when it changes). */
  readonly articleId: string;
  /** Words in the article's text, for the time left. */
  readonly wordCount: number;
}

/** The progress bar with its percentage and minutes left. */
export function ReadingProgress({ articleRef, articleId, wordCount }: Readonly<Props>) {
  const percent = useReadingProgress(articleRef, articleId);
  const left = minutesLeft(wordCount, percent / 100);
  return (
    <div className="reading-progress" data-testid="reading-progress">
      <progress className="reading-progress__bar" max={100} value={percent} aria-label="Reading progress" />
      <p className="reading-progress__text">
        <span className="reading-progress__percent">{percent}% read</span>
        <span aria-hidden="true"> · </span>
        <span className="reading-progress__left">{left > 0 ? `${left} min left` : 'finished'}</span>
      </p>
    </div>
  );
}
