/**
 * How far through the article the reader is: a thin bar kept in view under the app's header
 * while the article scrolls ({@link ReadingProgress}), and "42% read · 5 min left" in the
 * article's header ({@link ReadingTimeLeft}).
 *
 * Both measure the scroll themselves (useReadingProgress) rather than take the figure as a prop,
 * so that only they are drawn again as the reader scrolls, never the (memoized) article.
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

/** "42% read · 5 min left" ("finished" at the end). */
function progressText(percent: number, wordCount: number): string {
  const left = minutesLeft(wordCount, percent / 100);
  return `${percent}% read · ${left > 0 ? `${left} min left` : 'finished'}`;
}

/**
 * The progress bar: thinner than the space a landed passage keeps under the header, so that it
 * never hides the top of what the reader was taken to.
 */
export function ReadingProgress({ articleRef, articleId, wordCount }: Readonly<Props>) {
  const { percent, headerBottom } = useReadingProgress(articleRef, articleId);
  return (
    // Just under the header as it is drawn: it wraps to more rows on narrow windows.
    <div className="reading-progress" style={headerBottom > 0 ? { insetBlockStart: `${headerBottom}px` } : undefined}>
      <progress
        className="reading-progress__bar"
        max={100}
        value={percent}
        aria-label="Reading progress"
        aria-valuetext={progressText(percent, wordCount)}
      />
    </div>
  );
}

/** The same progress in words, for the article's header. */
export function ReadingTimeLeft({ articleRef, articleId, wordCount }: Readonly<Props>) {
  const { percent } = useReadingProgress(articleRef, articleId);
  return <span className="reading-time-left">{progressText(percent, wordCount)}</span>;
}
