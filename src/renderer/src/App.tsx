/**
 * The app shell: header with search, the library sidebar, and the routed main view.
 */
import { useCallback, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/api';
import { AppHeader } from './components/AppHeader';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LibraryHome } from './components/LibraryHome';
import { LibraryNav } from './components/LibraryNav';
import { ArticleScreen, type ArticleScreenHandle } from './containers/ArticleScreen';
import { SearchContainer } from './containers/SearchContainer';
import { useArticles } from './hooks/useArticles';
import { useDocumentTitle } from './hooks/useDocumentTitle';
import { useHotkey } from './hooks/useHotkey';
import { useMenuCommand } from './hooks/useMenuCommand';
import { useRoute } from './hooks/useRoute';
import { formatRoute, HOME } from './route';
import './App.css';

/** How the search shortcut reads here: ⌘K on Apple systems, Ctrl K elsewhere. */
const SHORTCUT_LABEL = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K';
const MAIN_ID = 'main-content';

/** The whole app. */
export function App() {
  const { route, visit, navigate } = useRoute();
  const { articles, retry } = useArticles();
  const searchInput = useRef<HTMLInputElement>(null);
  const articleScreen = useRef<ArticleScreenHandle>(null);
  // The search an article was opened from, whose words it highlights until cleared.
  const [highlight, setHighlight] = useState<{ articleId: string; query: string }>();
  useDocumentTitle(undefined);

  const focusSearch = useCallback(() => {
    searchInput.current?.focus();
    searchInput.current?.select();
  }, []);
  const openFind = useCallback(() => articleScreen.current?.openFind(), []);
  useHotkey('k', focusSearch);
  // Find in the open article; with none open, Ctrl+F stays the browser's own.
  useHotkey('f', openFind, route.name === 'article');
  useMenuCommand('find', () => {
    if (articleScreen.current) articleScreen.current.openFind();
    else focusSearch();
  });
  useMenuCommand('search', focusSearch);

  const openArticle = useCallback(
    (articleId: string) => {
      // Opened from the library, not from a search: nothing to highlight.
      setHighlight(undefined);
      navigate({ name: 'article', articleId });
    },
    [navigate],
  );
  const openHit = useCallback(
    (hit: SearchHit, query: string) => {
      setHighlight(query ? { articleId: hit.articleId, query } : undefined);
      navigate({ name: 'article', articleId: hit.articleId, passageId: hit.passageId });
    },
    [navigate],
  );
  const clearHighlights = useCallback(() => setHighlight(undefined), []);

  return (
    <div className="app">
      <a
        className="skip-link"
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          // The address holds the route; move focus without touching it.
          event.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
      >
        Skip to content
      </a>
      <AppHeader homeHref={formatRoute(HOME)}>
        <SearchContainer inputRef={searchInput} onOpenHit={openHit} shortcutLabel={SHORTCUT_LABEL} />
      </AppHeader>
      <div className="app__body">
        <LibraryNav
          articles={articles}
          currentId={route.name === 'article' ? route.articleId : undefined}
          onOpenArticle={openArticle}
          onRetry={retry}
          showError={route.name !== 'home'}
        />
        <main id={MAIN_ID} className="app__main" tabIndex={-1}>
          <ErrorBoundary key={route.name === 'article' ? `article/${route.articleId}` : 'home'}>
            {route.name === 'article' ? (
              <ArticleScreen
                ref={articleScreen}
                articleId={route.articleId}
                passageId={route.passageId}
                visit={visit}
                highlightQuery={highlight?.articleId === route.articleId ? highlight.query : undefined}
                onClearHighlights={clearHighlights}
              />
            ) : (
              <LibraryHome articles={articles} onOpenArticle={openArticle} onRetry={retry} shortcutLabel={SHORTCUT_LABEL} />
            )}
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
