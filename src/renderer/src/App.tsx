/**
 * The app shell: header with search, the library sidebar, the routed main view, and the ways to
 * add the reader's own files (with the import's progress).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit, TitleHit } from '../../shared/api';
import type { BookmarkPatch, BookmarkView, ExportFormat } from '../../shared/bookmarks';
import type { ArticlePosition } from '../../shared/positions';
import type { PrintScope } from '../../shared/print';
import { getApi } from './api';
import { AddArticlesDialog } from './components/AddArticlesDialog';
import { AppHeader } from './components/AppHeader';
import { BookmarksPanel } from './components/BookmarksPanel';
import { DropOverlay } from './components/DropOverlay';
import { FileChoosers } from './components/FileChoosers';
import { ImportPanel } from './components/ImportPanel';
import { ReadingSettings } from './components/ReadingSettings';
import { StoreNotice } from './components/StoreNotice';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Notice } from './components/Notice';
import { LibraryNav } from './components/LibraryNav';
import { COMMENTS_ID } from './components/CommentsSection';
import { SEARCH_INPUT_ID } from './components/SearchBox';
import { SkipLinks, type SkipLink } from './components/SkipLinks';
import { CONTENTS_ID } from './components/TableOfContents';
import { ArticleScreen, type ArticleScreenHandle, type SkipPlace } from './containers/ArticleScreen';
import { HomeScreen } from './containers/HomeScreen';
import { PrintContainer, type PrintRequest } from './containers/PrintContainer';
import { ResultsScreen } from './containers/ResultsScreen';
import { SearchContainer } from './containers/SearchContainer';
import { isArticleChange } from './bookmark-changes';
import { bookmarkRoute } from './bookmarks-model';
import { download } from './download';
import { useAddArticles } from './hooks/useAddArticles';
import { useArticles } from './hooks/useArticles';
import { useBookmarkNotice } from './hooks/useBookmarkNotice';
import { useBookmarks, type BookmarksState } from './hooks/useBookmarks';
import { useDocumentTitle } from './hooks/useDocumentTitle';
import { useDrawer } from './hooks/useDrawer';
import { useHistoryShortcuts } from './hooks/useHistoryShortcuts';
import { useHotkey } from './hooks/useHotkey';
import { useImport } from './hooks/useImport';
import { useLaunch } from './hooks/useLaunch';
import { useMediaQuery, WIDE_WINDOW } from './hooks/useMediaQuery';
import { useMenuCommand } from './hooks/useMenuCommand';
import { useOriginFilter } from './hooks/useOriginFilter';
import { usePositions } from './hooks/usePositions';
import { useRoute } from './hooks/useRoute';
import { FONT_SIZES, useSettings } from './hooks/useSettings';
import { go } from './history';
import { nextArticle } from './library-order';
import { formatRoute, HOME, type Route } from './route';
import { resultsRoute, type ResultsRoute, type SearchFilters } from './search-model';
import './App.css';
import './styles/reading.css';

/** How the search shortcut reads here: ⌘K on Apple systems, Ctrl K elsewhere. */
const APPLE = /Mac|iPhone|iPad/.test(navigator.platform);
const SHORTCUT_LABEL = APPLE ? '⌘K' : 'Ctrl K';
/** How the undo shortcut reads here. */
const UNDO_LABEL = APPLE ? '⌘Z' : 'Ctrl+Z';
const MAIN_ID = 'main-content';
const LIBRARY_ID = 'library-drawer';

/** The whole app. */
export function App() {
  const { route, visit, restoring, navigate } = useRoute();
  const { articles, retry, refresh: refreshArticles } = useArticles();
  const [origin, setOrigin] = useOriginFilter();
  const wide = useMediaQuery(WIDE_WINDOW);
  const searchInput = useRef<HTMLInputElement>(null);
  const articleScreen = useRef<ArticleScreenHandle>(null);
  // The search an article was opened from, whose words it highlights until cleared.
  const [highlight, setHighlight] = useState<{ articleId: string; query: string }>();
  // Each article's reading position; an article opened from the library, the home screen or
  // "Next article" returns to its own (a search hit or a link goes where it points instead).
  const { positions, remember: rememberPosition } = usePositions();
  const latestPositions = useRef(positions);
  useEffect(() => {
    latestPositions.current = positions;
  }, [positions]);
  const [resumeAt, setResumeAt] = useState<ArticlePosition>();
  useDocumentTitle(undefined);
  const bookmarks = useBookmarks();
  const { settings, update: updateSettings } = useSettings();
  const [panelOpen, setPanelOpen] = useState(false);
  // The library: a sidebar on wide windows, a drawer opened from the header on narrower ones.
  const {
    open: libraryOpen,
    toggle: toggleLibrary,
    close: closeLibrary,
    buttonRef: libraryButtonRef,
    panelRef: libraryPanelRef,
  } = useDrawer<HTMLButtonElement, HTMLDivElement>();
  const [printRequest, setPrintRequest] = useState<PrintRequest>();
  const bookmarksButton = useRef<HTMLButtonElement>(null);
  const closePanel = useCallback(() => {
    setPanelOpen(false);
    bookmarksButton.current?.focus();
  }, []);
  const launch = useLaunch(route.name !== 'home', navigate);
  const { send: sendBookmarkChange, refresh: refreshBookmarks } = bookmarks;
  const focusMain = useCallback(() => document.getElementById(MAIN_ID)?.focus({ preventScroll: true }), []);
  const openId = route.name === 'article' ? route.articleId : undefined;
  const latestOpenId = useRef(openId);
  useEffect(() => {
    latestOpenId.current = openId;
  }, [openId]);
  // An article of the reader's removed or put back changes the library: it is listed again (and
  // the bookmarks, now orphaned or anchored again, are read again by the send itself). A removed
  // article that is open leaves for the library.
  const sendChange = useCallback<BookmarksState['send']>(
    async (change) => {
      const outcome = await sendBookmarkChange(change);
      if (isArticleChange(change) && outcome.ok) {
        refreshArticles();
        if (change.kind === 'remove-article' && latestOpenId.current === change.id) navigate(HOME);
      }
      return outcome;
    },
    [sendBookmarkChange, refreshArticles, navigate],
  );
  // Every add and removal, from the article or the panel, reports to this one notice (Undo, Retry).
  const notice = useBookmarkNotice(sendChange, focusMain);
  const { remove: removeBookmark } = notice;
  const onRemoveBookmark = useCallback((id: string) => removeBookmark(id), [removeBookmark]);
  // The panel's Delete goes with its bookmark: focus moves to Undo.
  const removeFromPanel = useCallback((id: string) => removeBookmark(id, { focusUndo: true }), [removeBookmark]);
  // An edit's failure is shown in its form, which stays open with what was typed.
  const updateBookmark = useCallback(
    (id: string, patch: BookmarkPatch) => sendBookmarkChange({ kind: 'update', id, patch }),
    [sendBookmarkChange],
  );
  const openBookmark = useCallback(
    (bookmark: BookmarkView) => {
      setHighlight(undefined);
      setResumeAt(undefined);
      navigate(bookmarkRoute(bookmark));
    },
    [navigate],
  );
  const exportBookmarks = useCallback(async (format: ExportFormat) => download(await getApi().exportBookmarks(format)), []);
  const importBookmarks = useCallback(
    async (content: string) => {
      try {
        return await getApi().importBookmarks(content);
      } finally {
        void refreshBookmarks();
      }
    },
    [refreshBookmarks],
  );

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
  // Print: the preview, on the open article (or on the bookmarks when none is open).
  const openPrint = useCallback((scope?: PrintScope) => {
    const context = articleScreen.current?.printContext();
    setPrintRequest({
      article: context?.article,
      sectionId: context?.sectionId,
      selectedIds: context?.selectedIds ?? [],
      scope: scope ?? (context ? 'article' : 'bookmarks'),
    });
  }, []);
  const closePrint = useCallback(() => setPrintRequest(undefined), []);
  useHotkey('p', () => openPrint());
  useMenuCommand('print', () => openPrint());
  useMenuCommand('save-pdf', () => openPrint());
  useHistoryShortcuts();

  const openArticle = useCallback(
    (articleId: string) => {
      // Opened from the library, not from a search: nothing to highlight.
      setHighlight(undefined);
      setResumeAt(latestPositions.current.find((p) => p.articleId === articleId));
      navigate({ name: 'article', articleId });
    },
    [navigate],
  );
  const openHit = useCallback(
    (hit: SearchHit, query: string) => {
      setHighlight(query ? { articleId: hit.articleId, query } : undefined);
      setResumeAt(undefined);
      navigate({ name: 'article', articleId: hit.articleId, passageId: hit.passageId });
    },
    [navigate],
  );
  const openTitle = useCallback(
    (title: TitleHit, query: string) => {
      setHighlight(query ? { articleId: title.articleId, query } : undefined);
      // The article itself was found: opened where the reader left it, like from the library.
      setResumeAt(latestPositions.current.find((p) => p.articleId === title.articleId));
      navigate({ name: 'article', articleId: title.articleId });
    },
    [navigate],
  );
  const openResults = useCallback((query: string, filters: SearchFilters) => navigate(resultsRoute(query, filters)), [navigate]);
  const changeResults = useCallback((next: ResultsRoute) => navigate(next, { replace: true }), [navigate]);
  // Back from the results view: to where the search was made, or the library when it was the first page opened.
  const leaveResults = useCallback(() => {
    if (window.history.length > 1) go(-1, 'key');
    else navigate(HOME);
  }, [navigate]);
  const openLink = useCallback(
    (target: Route) => {
      setHighlight(undefined);
      setResumeAt(undefined);
      navigate(target);
    },
    [navigate],
  );
  const clearHighlights = useCallback(() => setHighlight(undefined), []);
  // The skip links: to the content and the search box always, and to the open article's contents and comments.
  const [skipPlaces, setSkipPlaces] = useState<readonly SkipPlace[]>([]);
  const skipLinks = useMemo<SkipLink[]>(
    () => [
      { label: 'Skip to content', href: `#${MAIN_ID}`, go: () => document.getElementById(MAIN_ID)?.focus() },
      { label: 'Skip to search', href: `#${SEARCH_INPUT_ID}`, go: focusSearch },
      ...skipPlaces.map((place) => ({
        label: place === 'contents' ? 'Skip to contents' : 'Skip to comments',
        href: `#${place === 'contents' ? CONTENTS_ID : COMMENTS_ID}`,
        go: () => articleScreen.current?.skipTo(place),
      })),
    ],
    [skipPlaces, focusSearch],
  );
  const library = articles.status === 'ready' ? articles.value : undefined;
  const next = useMemo(() => (library && openId ? nextArticle(library, openId) : undefined), [library, openId]);

  const openFromLibrary = useCallback(
    (articleId: string) => {
      closeLibrary();
      openArticle(articleId);
    },
    [closeLibrary, openArticle],
  );
  const { removeArticle: removeArticleWithNotice, inform } = notice;
  const removeArticle = useCallback((id: string) => void removeArticleWithNotice(id), [removeArticleWithNotice]);

  // The reader's own files: chosen, dropped or asked for from the menu, then added with progress.
  const libraryChanged = useCallback(() => {
    refreshArticles();
    void refreshBookmarks();
  }, [refreshArticles, refreshBookmarks]);
  const importer = useImport(libraryChanged);
  const { dismiss: dismissImport } = importer;
  // Dismiss goes with the panel: focus goes to the page, not to nowhere.
  const dismissImportPanel = useCallback(() => {
    dismissImport();
    focusMain();
  }, [dismissImport, focusMain]);
  const refuse = useCallback((text: string) => inform({ kind: 'refused', text }), [inform]);
  // The progress shows above the page on windows where the library is a drawer: close it.
  const importStarted = useCallback(() => {
    if (libraryOpen) closeLibrary(true);
  }, [libraryOpen, closeLibrary]);
  const adding = useAddArticles(importer, refuse, importStarted);
  const showYours = useCallback(() => {
    setOrigin('user');
    navigate(HOME);
  }, [setOrigin, navigate]);
  const importPanel = (
    <ImportPanel
      view={importer.view}
      announcement={importer.announcement}
      placement={wide ? 'sidebar' : 'page'}
      onCancel={importer.cancel}
      onRetry={importer.retry}
      onDismiss={dismissImportPanel}
      onOpenArticle={openFromLibrary}
      onShowYours={showYours}
    />
  );

  const appClass = ['app', panelOpen && 'app--panel-open', libraryOpen && 'app--library-open'].filter(Boolean).join(' ');

  return (
    <div className={appClass}>
      <SkipLinks links={skipLinks} />
      <AppHeader
        homeHref={formatRoute(HOME)}
        menu={
          <button
            ref={libraryButtonRef}
            type="button"
            className="button app__library-toggle"
            aria-expanded={libraryOpen}
            aria-controls={LIBRARY_ID}
            onClick={toggleLibrary}
          >
            <svg className="line-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />
            </svg>
            <span className="app__library-label">Library</span>
          </button>
        }
        actions={
          <>
            <button
              ref={bookmarksButton}
              type="button"
              className="button"
              aria-expanded={panelOpen}
              onClick={() => setPanelOpen((o) => !o)}
            >
              Bookmarks
            </button>
            <ReadingSettings settings={settings} fontSizes={FONT_SIZES} onChange={updateSettings} />
          </>
        }
      >
        <SearchContainer
          inputRef={searchInput}
          onOpenHit={openHit}
          onOpenTitle={openTitle}
          onOpenResults={openResults}
          onOpenLink={openLink}
          shortcutLabel={SHORTCUT_LABEL}
        />
      </AppHeader>
      {launch.notice && <StoreNotice message={launch.notice} onDismiss={launch.dismiss} />}
      {panelOpen && (
        <BookmarksPanel
          bookmarks={bookmarks.bookmarks}
          error={bookmarks.error?.message}
          onOpen={openBookmark}
          onUpdate={updateBookmark}
          onRemove={removeFromPanel}
          onExport={exportBookmarks}
          onImport={importBookmarks}
          onClose={closePanel}
          onPrint={() => openPrint('bookmarks')}
        />
      )}
      {printRequest && (
        <PrintContainer
          request={printRequest}
          bookmarks={bookmarks.bookmarks}
          settings={settings}
          onUpdateSettings={updateSettings}
          onClose={closePrint}
        />
      )}
      <div className="app__body">
        <div id={LIBRARY_ID} ref={libraryPanelRef} className="app__library">
          <LibraryNav
            articles={articles}
            currentId={route.name === 'article' ? route.articleId : undefined}
            onOpenArticle={openFromLibrary}
            onRetry={retry}
            showError={route.name !== 'home'}
            onChooseFiles={adding.chooseFiles}
            onChooseFolder={adding.chooseFolder}
            footer={wide ? importPanel : undefined}
          />
        </div>
        <main id={MAIN_ID} className="app__main" tabIndex={-1}>
          {!wide && importPanel}
          <ErrorBoundary key={route.name === 'article' ? `article/${route.articleId}` : route.name}>
            {route.name === 'results' ? (
              <ResultsScreen
                route={route}
                articles={articles.status === 'ready' ? articles.value : []}
                onOpenHit={openHit}
                onOpenTitle={openTitle}
                onChange={changeResults}
                onBack={leaveResults}
              />
            ) : route.name === 'article' ? (
              <ArticleScreen
                ref={articleScreen}
                articleId={route.articleId}
                passageId={route.passageId}
                sectionId={route.sectionId}
                visit={visit}
                restoring={restoring}
                onNavigate={navigate}
                onPrint={openPrint}
                highlightQuery={highlight?.articleId === route.articleId ? highlight.query : undefined}
                onClearHighlights={clearHighlights}
                bookmarks={bookmarks.bookmarks}
                onAddBookmark={notice.add}
                onUpdateBookmark={updateBookmark}
                onRemoveBookmark={onRemoveBookmark}
                onNotify={notice.inform}
                onSkipPlaces={setSkipPlaces}
                resume={resumeAt?.articleId === route.articleId ? resumeAt : undefined}
                onPositionSaved={rememberPosition}
                next={next}
                onOpenArticle={openArticle}
                citationStyle={settings.citationStyle}
                copyWithCitation={settings.copyWithCitation}
                onRemoveArticle={removeArticle}
              />
            ) : (
              <HomeScreen
                articles={articles}
                positions={positions}
                onOpenArticle={openArticle}
                onRetry={retry}
                shortcutLabel={SHORTCUT_LABEL}
                origin={origin}
                onOriginChange={setOrigin}
                onChooseFiles={adding.chooseFiles}
                onChooseFolder={adding.chooseFolder}
                onRemoveArticle={removeArticle}
              />
            )}
          </ErrorBoundary>
          <Notice
            shown={notice.shown}
            noticeRef={notice.ref}
            undoShortcutLabel={UNDO_LABEL}
            onUndo={notice.undo}
            onRetry={notice.retry}
            onDismiss={notice.dismiss}
          />
        </main>
      </div>
      <FileChoosers filesRef={adding.filesInput} folderRef={adding.folderInput} onChoose={adding.chosen} />
      <AddArticlesDialog open={adding.dialogOpen} onChooseFiles={adding.chooseFiles} onChooseFolder={adding.chooseFolder} onClose={adding.closeDialog} />
      <DropOverlay active={adding.dragging} busy={importer.busy} />
    </div>
  );
}
