/**
 * Reader comments, set apart from the article: their own landmark after it, a note saying what
 * they are, a look of their own, and a heading that folds them away.
 */
import { useId } from 'react';
import type { Passage } from '../../../shared/model';
import { passageDomId } from '../article-layout';
import { formatDateTime } from '../format';
import { PassageRow, type PassageActions } from './PassageRow';
import { usePrintMode } from './print-mode';
import './CommentsSection.css';

interface Props {
  /** The comments, in thread order. */
  readonly comments: readonly Passage[];
  /** Whether the comments are shown (folded, they stay in the page, hidden, for find and links). */
  readonly open: boolean;
  /** Show or fold the comments. */
  readonly onOpenChange: (open: boolean) => void;
  /** The bookmark state and the row actions. */
  readonly actions: PassageActions;
}

/** The element id of the article's reader comments (on screen; a print has none), which a skip link leads to. */
export const COMMENTS_ID = 'article-comments';

/** The "Reader comments (N)" region; nothing when there are none. */
export function CommentsSection({ comments, open, onOpenChange, actions }: Readonly<Props>) {
  const headingId = useId();
  const listId = useId();
  const print = usePrintMode();
  if (comments.length === 0) return null;
  return (
    <section id={print ? undefined : COMMENTS_ID} className="comments" aria-labelledby={headingId} data-open={open || undefined}>
      <h2 id={headingId} className="comments__title">
        {print ? (
          `Reader comments (${comments.length})`
        ) : (
          <button type="button" className="comments__toggle" aria-expanded={open} aria-controls={listId} onClick={() => onOpenChange(!open)}>
            <svg className="comments__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M6 3.5 10.5 8 6 12.5" />
            </svg>
            Reader comments ({comments.length})
          </button>
        )}
      </h2>
      <p className="comments__note">These are comments from readers, not part of the article. Quire keeps them as they were posted.</p>
      <ol id={listId} className="comments__list" hidden={!open && !print}>
        {comments.map((comment) => (
          <li key={comment.id}>
            <PassageRow id={comment.id} target="passage" actions={actions}>
              <article
                id={print ? undefined : passageDomId(comment.id)}
                data-passage-id={comment.id}
                tabIndex={print ? undefined : -1}
                className="comment passage"
              >
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
            </PassageRow>
          </li>
        ))}
      </ol>
    </section>
  );
}
