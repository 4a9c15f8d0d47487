/**
 * "Continue reading": the articles read most recently, each with how far through it the reader
 * is, most recent first. Opening one returns to where it was left.
 */
import type { ArticleSummary } from '../../../shared/model';
import type { ArticlePosition } from '../../../shared/positions';
import { formatReadAt } from '../format';
import { minutesLeft, percentOf } from '../reading-progress';
import { ArticleLink } from './ArticleLink';
import './ContinueReading.css';

/** One article read, with its position. */
export interface ReadArticle {
  readonly article: ArticleSummary;
  readonly position: ArticlePosition;
}

interface Props {
  /** The articles read, most recent first (the list is not shown when there are none). */
  readonly items: readonly ReadArticle[];
  /** Open an article (a plain click on its title). */
  readonly onOpenArticle: (id: string) => void;
}

/** The list of recently read articles. */
export function ContinueReading({ items, onOpenArticle }: Readonly<Props>) {
  if (items.length === 0) return null;
  return (
    <section className="continue-reading" aria-labelledby="continue-reading-heading">
      <h2 id="continue-reading-heading" className="continue-reading__heading">
        Continue reading
      </h2>
      <ol className="continue-reading__list">
        {items.map(({ article, position }) => {
          const percent = percentOf(position.fraction);
          const left = minutesLeft(article.wordCount, position.fraction);
          return (
            <li key={article.id} className="continue-item">
              <ArticleLink articleId={article.id} onOpen={onOpenArticle} className="continue-item__title">
                {article.title}
              </ArticleLink>
              <div className="continue-item__bar" aria-hidden="true">
                <div className="continue-item__fill" style={{ inlineSize: `${percent}%` }} />
              </div>
              <p className="continue-item__meta">
                <span>{percent === 100 ? 'Finished' : `${percent}% read`}</span>
                {left > 0 && <span> · {left} min left</span>}
                <span>
                  {' · last read '}
                  <time dateTime={position.readAt}>{formatReadAt(position.readAt)}</time>
                </span>
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
