/**
 * Reader comments, set apart from the article: their own landmark after it, a note saying what
 * they are, and a look of their own.
 */
import { useId } from 'react';
import type { Passage } from '../../../shared/model';
import { passageDomId } from '../article-layout';
import { formatDateTime } from '../format';
import './CommentsSection.css';

interface Props {
  /** The comments, in thread order. */
  readonly comments: readonly Passage[];
}

/** The "Reader comments (N)" region; nothing when there are none. */
export function CommentsSection({ comments }: Readonly<Props>) {
  const headingId = useId();
  if (comments.length === 0) return null;
  return (
    <section className="comments" aria-labelledby={headingId}>
      <h2 id={headingId} className="comments__title">
        Reader comments ({comments.length})
      </h2>
      <p className="comments__note">These are comments from readers, not part of the article. Quire keeps them as they were posted.</p>
      <ol className="comments__list">
        {comments.map((comment) => (
          <li key={comment.id}>
            <article id={passageDomId(comment.id)} data-passage-id={comment.id} tabIndex={-1} className="comment passage">
              <header className="comment__header">
                <h3 className="comment__author">{comment.attribution ?? 'Anonymous reader'}</h3>
                {comment.time && (
                  <time className="comment__time" dateTime={comment.time}>
                    {formatDateTime(comment.time)}
                  </time>
                )}
              </header>
              {/* Sanitized by the engine, like every passage's HTML. */}
              <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.html }} />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
