/**
 * The home screen's container: the library overview with the reader's topic filter and order.
 */
import type { ArticleSummary } from '../../../shared/model';
import type { ArticlePosition } from '../../../shared/positions';
import { LibraryHome } from '../components/LibraryHome';
import { useLibrarySort } from '../hooks/useLibrarySort';
import { useTopicFilter } from '../hooks/useTopicFilter';
import type { OriginFilter } from '../library-order';
import type { Loadable } from '../loadable';

interface Props {
  /** The article list as loaded. */
  readonly articles: Loadable<readonly ArticleSummary[]>;
  /** Reading positions, most recently read first. */
  readonly positions: readonly ArticlePosition[];
  /** Open an article, where the reader left it. */
  readonly onOpenArticle: (id: string) => void;
  /** Load the list again after an error. */
  readonly onRetry: () => void;
  /** How the search shortcut reads on this system, e.g. "Ctrl K". */
  readonly shortcutLabel: string;
  /** Which articles to show by where they come from. */
  readonly origin: OriginFilter;
  /** Choose which articles to show by where they come from. */
  readonly onOriginChange: (origin: OriginFilter) => void;
  /** Choose files to add. */
  readonly onChooseFiles: () => void;
  /** Choose a folder to add. */
  readonly onChooseFolder: () => void;
  /** Remove an article the reader added. */
  readonly onRemoveArticle: (id: string) => void;
}

/** The home route's view. */
export function HomeScreen(props: Readonly<Props>) {
  const [sort, setSort] = useLibrarySort();
  const [topic, setTopic] = useTopicFilter();
  // A topic no article has any more (the library changed) filters nothing out of sight.
  const known = props.articles.status !== 'ready' || topic === undefined || props.articles.value.some((a) => a.topics.includes(topic));
  return <LibraryHome {...props} topic={known ? topic : undefined} onTopicChange={setTopic} sort={sort} onSortChange={setSort} />;
}
