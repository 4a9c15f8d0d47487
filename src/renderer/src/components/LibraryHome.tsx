/**
 * The welcome view: what the library holds and how to find things in it.
 */
import type { ArticleSummary } from '../../../shared/model';
import { formatDate, plural, readingMinutes } from '../format';
import type { Loadable } from '../loadable';
import { ArticleLink } from './ArticleLink';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import './LibraryHome.css';

interface Props {
  /** The article list as loaded. */
  readonly articles: Loadable<readonly ArticleSummary[]>;
  /** Open an article (a plain click on its title). */
  readonly onOpenArticle: (id: string) => void;
  /** Load the list again after an error. */
  readonly onRetry: () => void;
  /** How the search shortcut reads on this system, e.g. "Ctrl K". */
  readonly shortcutLabel: string;
}

/** The library overview, shown when no article is open. */
export function LibraryHome({ articles, onOpenArticle, onRetry, shortcutLabel }: Readonly<Props>) {
  return (
    <div className="library-home">
      <h1 className="library-home__title" tabIndex={-1}>
        Your library
      </h1>
      <p className="library-home__intro">
        {articles.status === 'ready' ? `${plural(articles.value.length, 'article')}, all kept on this computer. ` : ''}
        Search every passage from the box at the top (<kbd>{shortcutLabel}</kbd>), or pick an article below.
      </p>
      {articles.status === 'loading' && <Loading label="Loading the library…" />}
      {articles.status === 'error' && <ErrorNotice title="The library could not be loaded" error={articles.error} onRetry={onRetry} />}
      {articles.status === 'ready' && (
        <ul className="library-home__list">
          {articles.value.map((article) => (
            <li key={article.id}>
              <article className="library-card" aria-labelledby={`card-${article.id}`}>
                <h2 className="library-card__title" id={`card-${article.id}`}>
                  <ArticleLink articleId={article.id} onOpen={onOpenArticle}>
                    {article.title}
                  </ArticleLink>
                </h2>
                <p className="library-card__meta">
                  {article.published && (
                    <>
                      <time dateTime={article.published}>{formatDate(article.published)}</time>
                      {' · '}
                    </>
                  )}
                  {plural(article.wordCount, 'word')} · {readingMinutes(article.wordCount)} min read
                  {article.commentCount > 0 && ` · ${plural(article.commentCount, 'reader comment')}`}
                </p>
                {article.summary && <p className="library-card__summary">{article.summary}</p>}
                {article.topics.length > 0 && (
                  <ul className="library-card__topics" aria-label="Topics">
                    {article.topics.map((topic) => (
                      <li key={topic} className="topic">
                        {topic}
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
