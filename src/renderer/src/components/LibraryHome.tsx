/**
 * The welcome view: what the library holds and how to add to it, the articles read most recently
 * ("Continue reading"), and the library itself, which can be filtered by a topic and by where the
 * articles come from, and sorted. The reader's own articles are marked as theirs, with the file
 * each came from and a way to remove it.
 */
import { useMemo } from 'react';
import type { ArticleSummary } from '../../../shared/model';
import type { ArticlePosition } from '../../../shared/positions';
import { formatDate, plural, readingMinutes } from '../format';
import { hasOwnArticles, sortArticles, withOrigin, withTopic, type LibrarySort, type OriginFilter } from '../library-order';
import type { Loadable } from '../loadable';
import { percentOf } from '../reading-progress';
import { AddArticles } from './AddArticles';
import { ArticleLink } from './ArticleLink';
import { ContinueReading, type ReadArticle } from './ContinueReading';
import { ErrorNotice } from './ErrorNotice';
import { LibraryControls } from './LibraryControls';
import { Loading } from './Loading';
import { OriginTag } from './OriginTag';
import './LibraryHome.css';

/** Most articles listed under "Continue reading". */
export const CONTINUE_READING_LIMIT = 5;

interface Props {
  /** The article list as loaded. */
  readonly articles: Loadable<readonly ArticleSummary[]>;
  /** Reading positions, most recently read first. */
  readonly positions: readonly ArticlePosition[];
  /** Open an article (a plain click on its title). */
  readonly onOpenArticle: (id: string) => void;
  /** Load the list again after an error. */
  readonly onRetry: () => void;
  /** How the search shortcut reads on this system, e.g. "Ctrl K". */
  readonly shortcutLabel: string;
  /** The topic the library is filtered by, if any. */
  readonly topic: string | undefined;
  /** Filter by a topic, or (undefined) show every article. */
  readonly onTopicChange: (topic: string | undefined) => void;
  /** The library's order. */
  readonly sort: LibrarySort;
  /** Choose another order. */
  readonly onSortChange: (sort: LibrarySort) => void;
  /** Which articles to show by where they come from (all of them while the reader has none of their own). */
  readonly origin: OriginFilter;
  /** Choose which articles to show by where they come from. */
  readonly onOriginChange: (origin: OriginFilter) => void;
  /** Choose files to add. */
  readonly onChooseFiles: () => void;
  /** Choose a folder to add. */
  readonly onChooseFolder: () => void;
  /** Remove an article the reader added (the app's notice offers Undo). */
  readonly onRemoveArticle: (id: string) => void;
}

/** The library overview, shown when no article is open. */
export function LibraryHome({
  articles,
  positions,
  onOpenArticle,
  onRetry,
  shortcutLabel,
  topic,
  onTopicChange,
  sort,
  onSortChange,
  origin,
  onOriginChange,
  onChooseFiles,
  onChooseFolder,
  onRemoveArticle,
}: Readonly<Props>) {
  const all = articles.status === 'ready' ? articles.value : undefined;
  const byId = useMemo(() => new Map((all ?? []).map((a) => [a.id, a])), [all]);
  const read = useMemo(() => new Map(positions.map((p) => [p.articleId, p])), [positions]);
  const recent = useMemo(
    () =>
      positions
        .flatMap((position): ReadArticle[] => {
          const article = byId.get(position.articleId);
          return article ? [{ article, position }] : [];
        })
        .slice(0, CONTINUE_READING_LIMIT),
    [positions, byId],
  );
  // With none of the reader's own, there is nothing to choose between: every article shows.
  const own = all !== undefined && hasOwnArticles(all);
  const from = own ? origin : 'all';
  const shown = useMemo(() => (all ? sortArticles(withTopic(withOrigin(all, from), topic), sort, positions) : []), [all, from, topic, sort, positions]);
  return (
    <div className="library-home">
      <h1 className="library-home__title" tabIndex={-1}>
        Your library
      </h1>
      <p className="library-home__intro">
        {all ? `${plural(all.length, 'article')}, all kept on this computer. ` : ''}
        Search every passage from the box at the top (<kbd>{shortcutLabel}</kbd>), or pick an article below.
      </p>
      <div className="library-home__add">
        <AddArticles onChooseFiles={onChooseFiles} onChooseFolder={onChooseFolder} />
        <p className="library-home__add-hint">Markdown and text files, web pages saved from a browser, EPUB books. Or drop them on this window.</p>
      </div>
      {articles.status === 'loading' && <Loading label="Loading the library…" />}
      {articles.status === 'error' && <ErrorNotice title="The library could not be loaded" error={articles.error} onRetry={onRetry} />}
      {all && <ContinueReading items={recent} onOpenArticle={onOpenArticle} />}
      {all && (
        <section className="library-home__library" aria-labelledby="library-heading">
          <h2 id="library-heading" className="library-home__heading">
            All articles
          </h2>
          <LibraryControls
            shown={shown.length}
            topic={topic}
            onClearTopic={() => onTopicChange(undefined)}
            origin={own ? from : undefined}
            onOriginChange={onOriginChange}
            sort={sort}
            onSortChange={onSortChange}
          />
          <ul className="library-home__list">
            {shown.map((article) => {
              const position = read.get(article.id);
              return (
                <li key={article.id}>
                  <article className="library-card" aria-labelledby={`card-${article.id}`} data-origin={article.origin}>
                    <h3 className="library-card__title" id={`card-${article.id}`}>
                      <ArticleLink articleId={article.id} onOpen={onOpenArticle}>
                        {article.title}
                      </ArticleLink>
                    </h3>
                    <p className="library-card__meta">
                      {article.origin === 'user' && (
                        <>
                          <OriginTag added={article.added} />{' '}
                        </>
                      )}
                      {article.published && (
                        <>
                          <time dateTime={article.published}>{formatDate(article.published)}</time>
                          {' · '}
                        </>
                      )}
                      {plural(article.wordCount, 'word')} · {readingMinutes(article.wordCount)} min read
                      {article.commentCount > 0 && ` · ${plural(article.commentCount, 'reader comment')}`}
                      {position && ` · ${percentOf(position.fraction)}% read`}
                    </p>
                    {article.added && (
                      <p className="library-card__added">
                        Added from <span className="library-card__file">{article.added.sourceFile}</span> on{' '}
                        <time dateTime={article.added.addedAt}>{formatDate(article.added.addedAt)}</time>
                        {article.added.updatedAt !== article.added.addedAt && (
                          <>
                            , updated <time dateTime={article.added.updatedAt}>{formatDate(article.added.updatedAt)}</time>
                          </>
                        )}
                      </p>
                    )}
                    {article.summary && <p className="library-card__summary">{article.summary}</p>}
                    {article.topics.length > 0 && (
                      <ul className="library-card__topics" aria-label="Topics (filter the library)">
                        {article.topics.map((t) => (
                          <li key={t}>
                            <button
                              type="button"
                              className="topic library-card__topic"
                              aria-pressed={t === topic}
                              onClick={() => onTopicChange(t === topic ? undefined : t)}
                            >
                              {t}
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                    {article.origin === 'user' && (
                      <div className="library-card__actions">
                        <button type="button" className="button library-card__remove" onClick={() => onRemoveArticle(article.id)}>
                          {/* One span: a flex container (.button) would trim the spaces around the hidden words. */}
                          <span>
                            Remove <span className="visually-hidden">“{article.title}” </span>from library
                          </span>
                        </button>
                      </div>
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
