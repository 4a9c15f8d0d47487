/**
 * The open article: fetches it, titles the window, lands on the passage the address names,
 * highlights the words of the search it was opened from, and finds text in it.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { BookmarkView, NewBookmark } from '../../../shared/bookmarks';
import { sectionDomId } from '../article-layout';
import { ArticleToolbar } from '../components/ArticleToolbar';
import { ArticleView } from '../components/ArticleView';
import { ErrorNotice } from '../components/ErrorNotice';
import { FindBar } from '../components/FindBar';
import { HighlightNotice } from '../components/HighlightNotice';
import { Loading } from '../components/Loading';
import { landOn } from '../dom';
import { currentTarget } from '../dom-bookmark';
import { bookmarksByTarget } from '../hooks/useBookmarks';
import { useHotkey } from '../hooks/useHotkey';
import { useSaveReadingPosition } from '../hooks/useSaveReadingPosition';
import { useArticle } from '../hooks/useArticle';
import { useArticleMarks } from '../hooks/useArticleMarks';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLandOnPassage } from '../hooks/useLandOnPassage';
import { useQueryTerms } from '../hooks/useQueryTerms';

/** The element id of the article title. */
const TITLE_ID = 'article-title';
/** The class that sets the current find occurrence apart (see styles/base.css). */
const CURRENT_FIND_CLASS = 'find-hit--current';

/** What the app can ask of the open article. */
export interface ArticleScreenHandle {
  /** Open the find bar (or focus it, if open) and select its text. */
  openFind(): void;
}

interface Props {
  /** The article to show. */
  readonly articleId: string;
  /** The passage to land on, if the address names one. */
  readonly passageId: string | undefined;
  /** Changes on every navigation (see useRoute). */
  readonly visit: number;
  /** The search the article was opened from, whose words to highlight. */
  readonly highlightQuery: string | undefined;
  /** Take the search highlights off. */
  readonly onClearHighlights: () => void;
  /** Every bookmark (those of this article are marked in it). */
  readonly bookmarks: readonly BookmarkView[];
  /** Add a bookmark. */
  readonly onAddBookmark: (input: NewBookmark) => void;
  /** Delete a bookmark. */
  readonly onRemoveBookmark: (id: string) => void;
  /** Where the app gets the {@link ArticleScreenHandle}. */
  readonly ref?: Ref<ArticleScreenHandle>;
}

/** The state of the find bar. */
interface FindState {
  readonly open: boolean;
  readonly query: string;
  /** The current occurrence. */
  readonly index: number;
}

const FIND_CLOSED: FindState = { open: false, query: '', index: 0 };

/** Scroll to a section and focus its heading (or the section, if it has none). */
function goToSection(sectionId: string): void {
  const section = document.getElementById(sectionDomId(sectionId));
  if (!section) return;
  const heading = section.querySelector<HTMLElement>(':scope > .bookmark-row--heading > :is(h2, h3, h4, h5, h6)');
  landOn(section, { block: 'start', smooth: true, focus: heading ?? section });
}

/** The article route's view. */
export function ArticleScreen({
  articleId,
  passageId,
  visit,
  highlightQuery,
  onClearHighlights,
  bookmarks,
  onAddBookmark,
  onRemoveBookmark,
  ref,
}: Readonly<Props>) {
  const { article, retry } = useArticle(articleId);
  const ready = article.status === 'ready' ? article.value : undefined;
  useDocumentTitle(ready?.title);
  useLandOnPassage({ articleId: ready?.id, passageId, visit, titleId: TITLE_ID });

  const content = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  // Where focus was before the find bar opened, to go back to when it closes.
  const focusBeforeFind = useRef<Element | null>(null);
  const [find, setFind] = useState<FindState>(FIND_CLOSED);
  const terms = useQueryTerms(ready?.id, highlightQuery);
  const { termCount, findHits } = useArticleMarks(content, ready?.id, terms, find.open ? find.query : '');
  useSaveReadingPosition(content, ready?.id);

  const byTarget = useMemo(() => bookmarksByTarget(bookmarks, ready?.id), [bookmarks, ready?.id]);
  // The same set while the same things are bookmarked, so that the (memoized) article is drawn
  // again only when a mark changes, not on every refresh of the list.
  const bookmarkedKey = [...byTarget.keys()].sort().join('\n');
  const bookmarked = useMemo(() => new Set(bookmarkedKey ? bookmarkedKey.split('\n') : []), [bookmarkedKey]);
  const latestByTarget = useRef(byTarget);
  useEffect(() => {
    latestByTarget.current = byTarget;
  }, [byTarget]);
  // Said out loud: Ctrl+D changes a bookmark without moving focus to its toggle.
  const [announcement, setAnnouncement] = useState('');
  const toggleBookmark = useCallback(
    (target: 'passage' | 'section', id: string) => {
      const existing = latestByTarget.current.get(id);
      if (existing) onRemoveBookmark(existing.id);
      else onAddBookmark({ articleId, target, targetId: id });
      setAnnouncement(existing ? 'Bookmark removed' : `Bookmark added to this ${target}`);
    },
    [onAddBookmark, onRemoveBookmark, articleId],
  );
  // Ctrl/Cmd+D: bookmark the focused passage or section, or else the passage at the top of the view.
  useHotkey(
    'd',
    () => {
      const target = content.current ? currentTarget(content.current) : undefined;
      if (target) toggleBookmark(target.target, target.id);
    },
    ready !== undefined,
  );
  const current = findHits.length > 0 ? Math.min(find.index, findHits.length - 1) : -1;

  // Set the current occurrence apart and bring it into view.
  useEffect(() => {
    const hit = findHits[current];
    if (!hit) return;
    hit.classList.add(CURRENT_FIND_CLASS);
    hit.scrollIntoView({ block: 'center' });
    return () => hit.classList.remove(CURRENT_FIND_CLASS);
  }, [findHits, current]);

  const openFind = useCallback(() => {
    const input = findInput.current;
    if (input) {
      input.focus();
      input.select();
      return;
    }
    focusBeforeFind.current = document.activeElement;
    // The bar's input takes focus as it mounts (autoFocus).
    setFind((f) => ({ ...f, open: true }));
  }, []);
  useImperativeHandle(ref, () => ({ openFind }), [openFind]);

  const closeFind = (): void => {
    // Leave focus where the reader found something, or else where it was before.
    const landing = findHits[current]?.closest<HTMLElement>('[tabindex="-1"]');
    const before = focusBeforeFind.current;
    setFind(FIND_CLOSED);
    if (landing) landing.focus({ preventScroll: true });
    else if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    else document.getElementById(TITLE_ID)?.focus({ preventScroll: true });
  };
  const step = (by: 1 | -1): void => {
    const total = findHits.length;
    if (total > 0) setFind((f) => ({ ...f, index: (current + by + total) % total }));
  };

  if (article.status === 'loading') return <Loading label="Loading the article…" />;
  if (article.status === 'error') {
    return (
      <ErrorNotice title="The article could not be opened" error={article.error} onRetry={retry}>
        <a href="#/">Go to the library</a>
      </ErrorNotice>
    );
  }
  const showHighlights = highlightQuery !== undefined && termCount > 0;
  return (
    <div ref={content}>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {(find.open || showHighlights) && (
        <ArticleToolbar>
          {find.open && (
            <FindBar
              query={find.query}
              onQueryChange={(query) => setFind((f) => ({ ...f, query, index: 0 }))}
              total={findHits.length}
              current={current}
              onNext={() => step(1)}
              onPrevious={() => step(-1)}
              onClose={closeFind}
              inputRef={findInput}
            />
          )}
          {showHighlights && <HighlightNotice query={highlightQuery} count={termCount} onClear={onClearHighlights} />}
        </ArticleToolbar>
      )}
      <ArticleView
        article={article.value}
        titleId={TITLE_ID}
        onNavigateToSection={goToSection}
        bookmarked={bookmarked}
        onToggleBookmark={toggleBookmark}
      />
    </div>
  );
}
