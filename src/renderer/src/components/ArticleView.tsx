/**
 * A whole article: how far through it the reader is, title, metadata, table of contents, body, its
 * end with the next article, and (apart from it) the reader comments.
 */
import { memo, useMemo, useRef } from 'react';
import type { Article, ArticleSummary } from '../../../shared/model';
import { layoutArticle, tableOfContents } from '../article-layout';
import { citedSource, formatDate, plural, readingMinutes } from '../format';
import { ArticleEnd } from './ArticleEnd';
import { ArticleNotice } from './ArticleNotice';
import { ArticleSection } from './ArticleSection';
import { CommentsSection } from './CommentsSection';
import type { PassageActions } from './PassageRow';
import { ReadingProgress, ReadingTimeLeft } from './ReadingProgress';
import { TableOfContents } from './TableOfContents';
import './ArticleView.css';

interface Props {
  /** The article to show. */
  readonly article: Article;
  /** The element id for the title, so the container can focus it. */
  readonly titleId: string;
  /** Take the reader to a section (from the table of contents). */
  readonly onNavigateToSection: (sectionId: string) => void;
  /** The bookmark state and the actions beside each passage. */
  readonly actions: PassageActions;
  /** Whether the reader comments are shown. */
  readonly commentsOpen: boolean;
  /** Show or fold the reader comments. */
  readonly onCommentsOpenChange: (open: boolean) => void;
  /** The article after this one in the library's order (undefined after the last). */
  readonly next: ArticleSummary | undefined;
  /** Open another article (the next one). */
  readonly onOpenArticle: (id: string) => void;
}

/**
 * The article view: the article itself, then its reader comments. Memoized: a long article is
 * not drawn again for changes around it (typing in the find bar).
 */
export const ArticleView = memo(function ArticleView({
  article,
  titleId,
  onNavigateToSection,
  actions,
  commentsOpen,
  onCommentsOpenChange,
  next,
  onOpenArticle,
}: Readonly<Props>) {
  const articleRef = useRef<HTMLElement>(null);
  const sections = useMemo(() => layoutArticle(article), [article]);
  const toc = useMemo(() => tableOfContents(article.sections), [article.sections]);
  return (
    <div className="article-view">
      <ReadingProgress articleRef={articleRef} articleId={article.id} wordCount={article.wordCount} />
      <article ref={articleRef} className="article" aria-labelledby={titleId}>
        <header className="article__header">
          <h1 id={titleId} className="article__title" tabIndex={-1}>
            {article.title}
          </h1>
          <p className="article__meta">
            {article.published ? <time dateTime={article.published}>{formatDate(article.published)}</time> : <span>date not given</span>}
            <span aria-hidden="true"> · </span>
            <span>{plural(article.wordCount, 'word')}</span>
            <span aria-hidden="true"> · </span>
            <span>about {readingMinutes(article.wordCount)} min read</span>
            <span aria-hidden="true"> · </span>
            <ReadingTimeLeft articleRef={articleRef} articleId={article.id} wordCount={article.wordCount} />
          </p>
          <p className="article__source">
            <span className="article__label">Source:</span> {citedSource(article)}
          </p>
          {article.notice && <ArticleNotice text={article.notice} />}
          {article.topics.length > 0 && (
            <ul className="article__topics" aria-label="Topics">
              {article.topics.map((topic) => (
                <li key={topic} className="topic">
                  {topic}
                </li>
              ))}
            </ul>
          )}
        </header>
        <TableOfContents entries={toc} onNavigate={onNavigateToSection} />
        <div className="article__body">
          {sections.map((layout) => (
            <ArticleSection key={layout.section.id} layout={layout} actions={actions} />
          ))}
        </div>
      </article>
      <ArticleEnd next={next} onOpenArticle={onOpenArticle} />
      <CommentsSection comments={article.comments} open={commentsOpen} onOpenChange={onCommentsOpenChange} actions={actions} />
    </div>
  );
});
