/**
 * The open article: fetches it, titles the window, and lands on the passage the address names.
 */
import { sectionDomId } from '../article-layout';
import { ArticleView } from '../components/ArticleView';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { landOn } from '../dom';
import { useArticle } from '../hooks/useArticle';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLandOnPassage } from '../hooks/useLandOnPassage';

/** The element id of the article title. */
const TITLE_ID = 'article-title';

interface Props {
  /** The article to show. */
  readonly articleId: string;
  /** The passage to land on, if the address names one. */
  readonly passageId: string | undefined;
  /** Changes on every navigation (see useRoute). */
  readonly visit: number;
}

/** Scroll to a section and focus its heading (or the section, if it has none). */
function goToSection(sectionId: string): void {
  const section = document.getElementById(sectionDomId(sectionId));
  if (!section) return;
  const heading = section.querySelector<HTMLElement>(':scope > :is(h2, h3, h4, h5, h6)');
  landOn(section, { block: 'start', smooth: true, focus: heading ?? section });
}

/** The article route's view. */
export function ArticleScreen({ articleId, passageId, visit }: Readonly<Props>) {
  const { article, retry } = useArticle(articleId);
  const ready = article.status === 'ready' ? article.value : undefined;
  useDocumentTitle(ready?.title);
  useLandOnPassage({ articleId: ready?.id, passageId, visit, titleId: TITLE_ID });

  if (article.status === 'loading') return <Loading label="Loading the article…" />;
  if (article.status === 'error') {
    return (
      <ErrorNotice title="The article could not be opened" error={article.error} onRetry={retry}>
        <a href="#/">Go to the library</a>
      </ErrorNotice>
    );
  }
  return <ArticleView article={article.value} titleId={TITLE_ID} onNavigateToSection={goToSection} />;
}
