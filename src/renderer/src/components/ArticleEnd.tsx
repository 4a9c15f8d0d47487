/**
 * The end of an article: said plainly, with the next article of the library to go on to, or,
 * after the last one, the way back to the library.
 */
import type { ArticleSummary } from '../../../shared/model';
import { formatRoute, HOME } from '../route';
import { ArticleLink } from './ArticleLink';
import './ArticleEnd.css';

interface Props {
  /** The article after this one in the library's order; undefined after the last. */
  readonly next: ArticleSummary | undefined;
  /** Open an article (a plain click on the next one). */
  readonly onOpenArticle: (id: string) => void;
}

/** "End of the article" and "Next article". */
export function ArticleEnd({ next, onOpenArticle }: Readonly<Props>) {
  return (
    <section className="article-end" aria-labelledby="article-end-heading">
      <h2 id="article-end-heading" className="article-end__heading">
        End of the article
      </h2>
      {next ? (
        <ArticleLink articleId={next.id} onOpen={onOpenArticle} className="article-end__next">
          <span className="article-end__label">Next article</span>
          <span className="article-end__title">{next.title}</span>
        </ArticleLink>
      ) : (
        <p className="article-end__last">
          This is the last article in the library. <a href={formatRoute(HOME)}>Back to the library</a>
        </p>
      )}
    </section>
  );
}
