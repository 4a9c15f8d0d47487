/**
 * The sidebar: every article in the library, the open one marked, the reader's own marked as
 * theirs, and the ways to add more.
 */
import { useId, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../shared/model';
import { formatShortDate, readingMinutes } from '../format';
import type { Loadable } from '../loadable';
import { AddArticles } from './AddArticles';
import { ArticleLink } from './ArticleLink';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import { OriginTag } from './OriginTag';
import './LibraryNav.css';

interface Props {
  /** The article list as loaded. */
  readonly articles: Loadable<readonly ArticleSummary[]>;
  /** The open article's id, if any. */
  readonly currentId: string | undefined;
  /** Open an article (a plain click on its link). */
  readonly onOpenArticle: (id: string) => void;
  /** Load the list again after an error. */
  readonly onRetry: () => void;
  /**
   * Explain a failure to load here. Off when the main view already shows the same error, so
   * that it is announced once.
   */
  readonly showError: boolean;
  /** Choose files to add. */
  readonly onChooseFiles: () => void;
  /** Choose a folder to add. */
  readonly onChooseFolder: () => void;
  /** Shown at the foot of the pane, in view however far the list scrolls (the import's progress). */
  readonly footer?: ReactNode;
}

/** The library navigation landmark. */
export function LibraryNav({ articles, currentId, onOpenArticle, onRetry, showError, onChooseFiles, onChooseFolder, footer }: Readonly<Props>) {
  const labelId = useId();
  return (
    <nav className="library-nav" aria-labelledby={labelId}>
      <p id={labelId} className="library-nav__title">
        Library
      </p>
      <AddArticles variant="compact" onChooseFiles={onChooseFiles} onChooseFolder={onChooseFolder} />
      {articles.status === 'loading' && <Loading label="Loading articles…" />}
      {articles.status === 'error' &&
        (showError ? (
          <ErrorNotice title="The library could not be loaded" error={articles.error} onRetry={onRetry} />
        ) : (
          <p className="library-nav__empty">The article list is not available.</p>
        ))}
      {articles.status === 'ready' && articles.value.length === 0 && <p className="library-nav__empty">No articles yet.</p>}
      {articles.status === 'ready' && articles.value.length > 0 && (
        <ul className="library-nav__list">
          {articles.value.map((article) => (
            <li key={article.id} className="library-nav__item" data-origin={article.origin}>
              <ArticleLink className="library-nav__link" articleId={article.id} current={article.id === currentId} onOpen={onOpenArticle}>
                {article.title}
              </ArticleLink>
              <span className="library-nav__meta">
                {article.origin === 'user' && (
                  <>
                    <OriginTag added={article.added} />{' '}
                  </>
                )}
                {article.published && (
                  <>
                    <time dateTime={article.published}>{formatShortDate(article.published)}</time>
                    {' · '}
                  </>
                )}
                {readingMinutes(article.wordCount)} min read
              </span>
            </li>
          ))}
        </ul>
      )}
      {footer}
    </nav>
  );
}
