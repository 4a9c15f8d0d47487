/**
 * The open article: fetches it, titles the window, lands on the passage the address names,
 * highlights the words of the search it was opened from, and finds text in it.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import type { BookmarkPatch, BookmarkView, CitationStyle, NewBookmark } from '../../../shared/bookmarks';
import type { Article, ArticleSummary } from '../../../shared/model';
import type { ArticlePosition } from '../../../shared/positions';
import { ArticleToolbar } from '../components/ArticleToolbar';
import { ArticleView } from '../components/ArticleView';
import { ErrorNotice } from '../components/ErrorNotice';
import { FindBar } from '../components/FindBar';
import { HighlightNotice } from '../components/HighlightNotice';
import { Loading } from '../components/Loading';
import { MarginNotes, marginNotes } from '../components/MarginNotes';
import { NotePopover } from '../components/NotePopover';
import { SelectionToolbar } from '../components/SelectionToolbar';
import type { PassageActions } from '../components/PassageRow';
import { tableOfContents } from '../article-layout';
import { keyToggle, type ChangeOutcome, type MessageNotice } from '../bookmark-changes';
import { copyText } from '../clipboard';
import { currentSectionId, currentTarget, headerBottom, selectedPassageIds, topPassageId } from '../dom-bookmark';
import { landOn } from '../dom';
import { currentOccurrence } from '../find-model';
import { setPositionSource } from '../history';
import { bookmarksByTarget } from '../hooks/useBookmarks';
import { useHighlightLayer } from '../hooks/useHighlightLayer';
import { useHotkey } from '../hooks/useHotkey';
import { useSaveReadingPosition } from '../hooks/useSaveReadingPosition';
import { useArticle } from '../hooks/useArticle';
import { useArticleMarks } from '../hooks/useArticleMarks';
import { useCommentsFold } from '../hooks/useCommentsFold';
import { useCopyWithCitation } from '../hooks/useCopyWithCitation';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFindBar } from '../hooks/useFindBar';
import { useLandOnPassage } from '../hooks/useLandOnPassage';
import { useMarginRoom } from '../hooks/useMarginRoom';
import { useNoteEditor, useRowNotes } from '../hooks/useNoteEditor';
import { useQueryTerms } from '../hooks/useQueryTerms';
import { HIGHLIGHT_KEY, useSelectionToolbar } from '../hooks/useSelectionToolbar';
import { formatLink, type Route } from '../route';

/** Whether shortcuts read with ⌘ (Apple systems) rather than Ctrl. */
const APPLE = /Mac|iPhone|iPad/.test(navigator.platform);
/** The element id of the article title. */
const TITLE_ID = 'article-title';
/** The class that sets the current find occurrence apart (see styles/base.css). */
const CURRENT_FIND_CLASS = 'find-hit--current';

/** What the app can ask of the open article. */
export interface ArticleScreenHandle {
  /** Open the find bar (or focus it, if open) and select its text. */
  openFind(): void;
  /** The article, the section being read and the passages selected: what a print can hold. */
  printContext(): { article: Article; sectionId: string | undefined; selectedIds: string[] } | undefined;
  /** Move focus to a place of the article (a skip link): its table of contents, or its reader comments' toggle. */
  skipTo(place: SkipPlace): void;
}

/** The places of an article a skip link can lead to. */
export type SkipPlace = 'contents' | 'comments';

interface Props {
  /** The article to show. */
  readonly articleId: string;
  /** The passage to land on, if the address names one. */
  readonly passageId: string | undefined;
  /** The section to land on, if the address names one (and no passage). */
  readonly sectionId: string | undefined;
  /** Changes on every navigation (see useRoute). */
  readonly visit: number;
  /** Whether the reader came back to a position they had left (see useRoute). */
  readonly restoring: boolean;
  /** Go somewhere (a section, from the table of contents). */
  readonly onNavigate: (route: Route) => void;
  /** Open the print preview. */
  readonly onPrint: () => void;
  /** The search the article was opened from, whose words to highlight. */
  readonly highlightQuery: string | undefined;
  /** Take the search highlights off. */
  readonly onClearHighlights: () => void;
  /** Every bookmark (those of this article are marked in it). */
  readonly bookmarks: readonly BookmarkView[];
  /** Add a bookmark or highlight; resolves with it (undefined if it failed). */
  readonly onAddBookmark: (input: NewBookmark) => Promise<BookmarkView | undefined>;
  /**
   * Change a bookmark: its note and tags (from the note popover), a highlight's colour (from the
   * selection toolbar); resolves with how it went.
   */
  readonly onUpdateBookmark: (id: string, patch: BookmarkPatch) => Promise<ChangeOutcome<BookmarkView>>;
  /** Delete a bookmark (the app's notice offers Undo). */
  readonly onRemoveBookmark: (id: string) => void;
  /** Say something in the app's notice (a copied link, a removal Ctrl+D refuses). */
  readonly onNotify: (notice: MessageNotice) => void;
  /** Told which {@link SkipPlace}s the open article has, as it opens (none while none is open). */
  readonly onSkipPlaces?: (places: readonly SkipPlace[]) => void;
  /** Where the reader left this article, to return to when the address names no place in it. */
  readonly resume: ArticlePosition | undefined;
  /** Told of each position of this article that the store kept. */
  readonly onPositionSaved: (position: ArticlePosition) => void;
  /** The article after this one in the library's order (undefined after the last). */
  readonly next: ArticleSummary | undefined;
  /** Open another article (the next one), where the reader left it. */
  readonly onOpenArticle: (id: string) => void;
  /** How copied words are cited. */
  readonly citationStyle: CitationStyle;
  /** Whether Ctrl/Cmd+C of a selection in the article copies it with its citation. */
  readonly copyWithCitation: boolean;
  /** Remove the article from the library (offered for the reader's own articles only). */
  readonly onRemoveArticle?: (id: string) => void;
  /** Where the app gets the {@link ArticleScreenHandle}. */
  readonly ref?: Ref<ArticleScreenHandle>;
}

/** The article route's view. */
export function ArticleScreen({
  articleId,
  passageId,
  sectionId,
  visit,
  restoring,
  onNavigate,
  onPrint,
  highlightQuery,
  onClearHighlights,
  bookmarks,
  onAddBookmark,
  onUpdateBookmark,
  onRemoveBookmark,
  onNotify,
  onSkipPlaces,
  resume,
  onPositionSaved,
  next,
  onOpenArticle,
  citationStyle,
  copyWithCitation,
  onRemoveArticle,
  ref,
}: Readonly<Props>) {
  const { article, retry } = useArticle(articleId);
  const ready = article.status === 'ready' ? article.value : undefined;
  useDocumentTitle(ready?.title);

  const content = useRef<HTMLDivElement>(null);
  // Each find move first records the comments' fold (declared below: it needs the current occurrence).
  const find = useFindBar({ fallbackFocusId: TITLE_ID, onMove: () => fold.record() });
  const terms = useQueryTerms(ready?.id, highlightQuery);
  const { termCount, findHits } = useArticleMarks(content, ready?.id, terms, find.text);
  const current = currentOccurrence(find.state, findHits.length);
  const currentHit = findHits[current];

  // Reader comments start folded, and unfold for a link, search hit or bookmark that lands in
  // them, and for a find occurrence in them.
  const fold = useCommentsFold({
    landing: ready ? `${ready.id}/${visit}/${passageId ?? ''}` : '',
    landsInComments: passageId !== undefined && (ready?.comments.some((c) => c.id === passageId) ?? false),
    hit: currentHit,
    hitInComments: currentHit?.closest('.comments__list') != null,
  });
  const commentsOpen = fold.open;
  useLandOnPassage({ articleId: ready?.id, passageId, sectionId, visit, restoring, titleId: TITLE_ID, resume, onLanded: fold.record });
  useSaveReadingPosition(content, ready?.id, onPositionSaved);
  // Back and forward return to the passage the reader was at when they left.
  useEffect(() => {
    const id = ready?.id;
    if (!id) return;
    setPositionSource((): Route => {
      const top = headerBottom();
      // While the title is in view the reader is at the top, not at the first passage.
      const atTop = (document.getElementById(TITLE_ID)?.getBoundingClientRect().bottom ?? 0) > top;
      const passage = content.current && !atTop ? topPassageId(content.current, top) : undefined;
      return passage ? { name: 'article', articleId: id, passageId: passage } : { name: 'article', articleId: id };
    });
    return () => setPositionSource(undefined);
  }, [ready?.id]);

  const byTarget = useMemo(() => bookmarksByTarget(bookmarks, ready?.id), [bookmarks, ready?.id]);
  // The same set while the same things are bookmarked, so that the (memoized) article is drawn
  // again only when a mark changes, not on every refresh of the list.
  const bookmarkedKey = [...byTarget.keys()].sort().join('\n');
  const bookmarked = useMemo(() => new Set(bookmarkedKey ? bookmarkedKey.split('\n') : []), [bookmarkedKey]);
  const latestByTarget = useRef(byTarget);
  useEffect(() => {
    latestByTarget.current = byTarget;
  }, [byTarget]);
  // The ribbon names the bookmark it removes: it may remove any, note and all (with Undo).
  const toggleBookmark = useCallback(
    (target: 'passage' | 'section', id: string) => {
      const existing = latestByTarget.current.get(id);
      if (existing) onRemoveBookmark(existing.id);
      else onAddBookmark({ articleId, target, targetId: id });
    },
    [onAddBookmark, onRemoveBookmark, articleId],
  );
  // Ctrl/Cmd+D acts on whatever holds focus, which the reader may not be looking at: it adds, and
  // removes only a bookmark with nothing of the reader's in it.
  const toggleBookmarkByKey = useCallback(
    (target: 'passage' | 'section', id: string) => {
      const decision = keyToggle(latestByTarget.current.get(id));
      if (decision.do === 'add') onAddBookmark({ articleId, target, targetId: id });
      else if (decision.do === 'remove') onRemoveBookmark(decision.id);
      else onNotify({ kind: 'refused', text: decision.text });
    },
    [onAddBookmark, onRemoveBookmark, onNotify, articleId],
  );
  const copyLink = useCallback(
    (target: 'passage' | 'section', id: string) => {
      const route: Route = target === 'passage' ? { name: 'article', articleId, passageId: id } : { name: 'article', articleId, sectionId: id };
      void copyText(formatLink(route)).then((copied) =>
        onNotify(copied ? { kind: 'info', text: `Link to this ${target} copied` } : { kind: 'refused', text: 'The link could not be copied' }),
      );
    },
    [articleId, onNotify],
  );
  const copyCited = useCopyWithCitation({ article: ready, container: content, style: citationStyle, onCopyKey: copyWithCitation, onNotify });
  // Notes in place: the popover (notes.openNote is its one entry point), the margin cards.
  const notes = useNoteEditor(bookmarks, content);
  const rowNotes = useRowNotes(bookmarks, ready?.id);
  const marginWidth = useMarginRoom(content, ready !== undefined);
  const shownNotes = useMemo(() => (ready ? marginNotes(rowNotes, [...ready.passages, ...ready.comments]) : []), [rowNotes, ready]);
  const { openNote } = notes;
  // The selection toolbar's Add note / Edit note: the popover, beside the highlight's first passage.
  const editNoteInPlace = useCallback(
    (bookmark: BookmarkView) => {
      const passage = content.current?.querySelector(`[data-passage-id="${CSS.escape(bookmark.resolvedId ?? bookmark.targetId)}"]`);
      if (passage) openNote(bookmark.id, passage);
    },
    [content, openNote],
  );
  const actions = useMemo<PassageActions>(
    () => ({ bookmarked, onToggleBookmark: toggleBookmark, onCopyLink: copyLink, onCopyWithCitation: copyCited, notes: rowNotes, onOpenNote: openNote }),
    [bookmarked, toggleBookmark, copyLink, copyCited, rowNotes, openNote],
  );
  // The reader's highlights, drawn over the text, and the toolbar over a selection that makes them.
  const drawnHighlights = useHighlightLayer(content, ready, bookmarks);
  const bookmarkPassage = useCallback((id: string) => toggleBookmark('passage', id), [toggleBookmark]);
  const selection = useSelectionToolbar({
    container: content,
    article: ready,
    drawn: drawnHighlights,
    onAdd: onAddBookmark,
    onUpdate: onUpdateBookmark,
    onNotify,
    onRemove: onRemoveBookmark,
    onCopy: copyCited,
    onBookmarkPassage: bookmarkPassage,
    onEditNote: editNoteInPlace,
  });
  const goToSection = useCallback((id: string) => onNavigate({ name: 'article', articleId, sectionId: id }), [onNavigate, articleId]);
  // Ctrl/Cmd+D: bookmark the focused passage or section (in the find bar, the current match's),
  // or else the passage at the top of the view.
  useHotkey(
    'd',
    () => {
      const target = content.current ? currentTarget(content.current, find.state.open ? currentHit : undefined) : undefined;
      if (target) toggleBookmarkByKey(target.target, target.id);
    },
    ready !== undefined,
  );

  // Set the current occurrence apart and bring it into view (again once folded comments unfold).
  useEffect(() => {
    if (!currentHit) return;
    currentHit.classList.add(CURRENT_FIND_CLASS);
    currentHit.scrollIntoView({ block: 'center' });
    return () => currentHit.classList.remove(CURRENT_FIND_CLASS);
  }, [currentHit, commentsOpen]);

  const { openFind } = find;
  const printContext = useCallback(() => {
    const container = content.current;
    if (!ready || !container) return undefined;
    return { article: ready, sectionId: currentSectionId(container), selectedIds: selectedPassageIds(container) };
  }, [ready]);
  const skipTo = useCallback((place: SkipPlace) => {
    // The contents: their first link beside the text, or the button that unfolds them on narrower windows.
    const candidates = content.current?.querySelectorAll<HTMLElement>(place === 'contents' ? '.toc__toggle, .toc a' : '.comments__toggle') ?? [];
    const target = [...candidates].find((el) => el.checkVisibility());
    if (target) landOn(target, { block: 'start' });
  }, []);
  useImperativeHandle(ref, () => ({ openFind, printContext, skipTo }), [openFind, printContext, skipTo]);
  // The skip links name only the places this article has.
  const hasContents = ready ? tableOfContents(ready.sections).length > 0 : false;
  const hasComments = (ready?.comments.length ?? 0) > 0;
  useEffect(() => {
    if (!onSkipPlaces) return;
    onSkipPlaces([...(hasContents ? (['contents'] as const) : []), ...(hasComments ? (['comments'] as const) : [])]);
    return () => onSkipPlaces([]);
  }, [onSkipPlaces, hasContents, hasComments]);

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
    <div ref={content} className="article-screen" data-notes={marginWidth > 0 ? 'margin' : 'under'}>
      {find.state.open && (
        <ArticleToolbar>
          <FindBar
            query={find.state.query}
            onQueryChange={find.type}
            total={findHits.length}
            current={current}
            onNext={() => find.step(1, findHits.length)}
            onPrevious={() => find.step(-1, findHits.length)}
            onClose={() => find.close(currentHit)}
            inputRef={find.inputRef}
          />
        </ArticleToolbar>
      )}
      <div className="article-actions">
        {/* In the flow above the article, not floating over its text. */}
        {showHighlights && <HighlightNotice query={highlightQuery} count={termCount} onClear={onClearHighlights} />}
        {/* Only an article the reader added can be removed: the bundled library is Quire's. */}
        {article.value.origin === 'user' && onRemoveArticle && (
          <button type="button" className="button" onClick={() => onRemoveArticle(article.value.id)}>
            Remove from library
          </button>
        )}
        <button type="button" className="button" onClick={() => onPrint()} aria-keyshortcuts="Control+P Meta+P">
          Print…
        </button>
      </div>
      {selection.shown && (
        <SelectionToolbar
          {...selection}
          passageBookmarked={selection.passageId !== undefined && bookmarked.has(selection.passageId)}
          highlightShortcut={`${APPLE ? '⌘' : 'Ctrl+'}Shift+${HIGHLIGHT_KEY.toUpperCase()}`}
        />
      )}
      <ArticleView
        article={article.value}
        titleId={TITLE_ID}
        onNavigateToSection={goToSection}
        actions={actions}
        commentsOpen={commentsOpen}
        onCommentsOpenChange={fold.setOpen}
        next={next}
        onOpenArticle={onOpenArticle}
      />
      {marginWidth > 0 && <MarginNotes notes={shownNotes} container={content} width={marginWidth} onOpen={openNote} />}
      {notes.open && (
        <NotePopover
          key={notes.open.bookmark.id}
          bookmark={notes.open.bookmark}
          label={notes.open.label}
          place={notes.open.place}
          onUpdate={onUpdateBookmark}
          onSaved={() => onNotify({ kind: 'info', text: 'Note and tags saved.' })}
          onClose={notes.close}
        />
      )}
    </div>
  );
}
