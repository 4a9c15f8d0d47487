/**
 * The selection toolbar's state: which words of the open article are selected (mouse or
 * keyboard), whether they are in one of the reader's highlights, where the toolbar goes, and
 * what its buttons and shortcuts do.
 *
 * Keyboard: a passage that takes focus gets a caret at its start (unless the selection is in it
 * already), so Shift+arrows select from there; Ctrl/Cmd+Shift+H highlights the selection in the
 * default colour, Ctrl/Cmd+Shift+E moves focus into the toolbar; Enter with the caret in a
 * highlight selects it and opens the toolbar for it; Escape in the toolbar closes it and puts
 * focus back on the selection.
 */
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { DEFAULT_HIGHLIGHT_COLOR, type BookmarkPatch, type BookmarkView, type HighlightColor, type NewBookmark } from '../../../shared/bookmarks';
import type { Article } from '../../../shared/model';
import type { TextRange } from '../../../shared/ranges';
import { noticeAfter, type BookmarkChange, type ChangeOutcome, type MessageNotice } from '../bookmark-changes';
import type { SelectionToolbarActions } from '../components/SelectionToolbar';
import { headerBottom } from '../dom-bookmark';
import { highlightAround, type DrawnHighlight } from '../highlight-layer';
import { rangeOfSelection } from '../selection-range';
import { placeToolbar, type Placement } from '../selection-toolbar';
import { passageTexts } from './useHighlightLayer';

/** The key that, with Ctrl/Cmd and Shift, highlights the selection in the default colour. */
export const HIGHLIGHT_KEY = 'h';
/** The key that, with Ctrl/Cmd and Shift, moves focus into the selection toolbar. */
export const TOOLBAR_KEY = 'e';

interface Options {
  /** The element the article is drawn in. */
  readonly container: RefObject<HTMLElement | null>;
  /** The open article (undefined while it loads). */
  readonly article: Article | undefined;
  /** The highlights as drawn now (see useHighlightLayer). */
  readonly drawn: () => readonly DrawnHighlight[];
  /** Add a highlight through the app's notice; resolves with it (undefined if it failed). */
  readonly onAdd: (input: NewBookmark) => Promise<BookmarkView | undefined>;
  /** Change a highlight's colour; resolves with the host's answer. */
  readonly onUpdate: (id: string, patch: BookmarkPatch) => Promise<ChangeOutcome<BookmarkView>>;
  /** Say how a change of colour went, in the app's notice. */
  readonly onNotify: (notice: MessageNotice) => void;
  /** Remove a highlight (the app's notice offers Undo). */
  readonly onRemove: (id: string) => void;
  /** Copy words of a passage with their citation. */
  readonly onCopy: (passageId: string, words: string) => void;
  /** Toggle the bookmark of a passage. */
  readonly onBookmarkPassage: (passageId: string) => void;
  /** Edit a highlight's note. */
  readonly onEditNote: (bookmark: BookmarkView) => void;
}

/** The words selected, as the toolbar acts on them. */
interface Selected {
  readonly range: TextRange;
  readonly dom: Range;
  /** The highlight the words are in, if they are in one. */
  readonly highlight: BookmarkView | undefined;
}

/** What {@link useSelectionToolbar} gives: the toolbar's props, and whether it is shown. */
export interface SelectionToolbarState extends SelectionToolbarActions {
  /** Whether words are selected: the toolbar is drawn. */
  readonly shown: boolean;
  /** The colour of the highlight the words are in, if they are in one. */
  readonly current: HighlightColor | undefined;
  /** Where the toolbar goes (undefined until it is measured). */
  readonly placement: Placement | undefined;
  /** The passage the selection starts in. */
  readonly passageId: string | undefined;
  /** The toolbar element. */
  readonly toolbarRef: RefObject<HTMLDivElement | null>;
}

/** The passage element a node is in. */
function passageOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-passage-id]') ?? null;
}

/** Whether two DOM ranges start and end at the same places. */
function sameRange(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;
}

/** Whether a key event is Ctrl/Cmd+Shift+`key`. */
function isShortcut(event: KeyboardEvent, key: string): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === key;
}

/** How far each key moves the caret or the selection's end (see {@link moveCaret}). */
const CARET_STEPS: Readonly<Record<string, ['forward' | 'backward', 'character' | 'line' | 'lineboundary']>> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  End: ['forward', 'lineboundary'],
  Home: ['backward', 'lineboundary'],
};

/**
 * A caret in a focused passage, as in a text field: Chromium moves one only with caret browsing
 * on, which Electron does not offer. Shift with an arrow, Home or End extends the selection (with
 * Ctrl, or Alt on a Mac, by words); Left and Right alone move the caret. Up and Down alone, and
 * every key outside a passage, keep their meaning (scrolling). Whether the key was taken.
 */
function moveCaret(event: KeyboardEvent): boolean {
  const step = CARET_STEPS[event.key];
  const target = event.target as Element;
  const selection = window.getSelection();
  if (!step || event.metaKey || !selection?.focusNode || !target.matches('[data-passage-id]')) return false;
  if (!event.shiftKey && (step[1] !== 'character' || event.altKey || event.ctrlKey)) return false;
  if (!target.contains(selection.anchorNode)) return false;
  const byWord = (event.ctrlKey || event.altKey) && step[1] === 'character';
  event.preventDefault();
  selection.modify(event.shiftKey ? 'extend' : 'move', step[0], byWord ? 'word' : step[1]);
  return true;
}

/**
 * The toolbar over the selection in `container`.
 *
 * @example const toolbar = useSelectionToolbar({ container, article, drawn, onAdd, ... }); {toolbar.shown && <SelectionToolbar {...toolbar} />}
 */
export function useSelectionToolbar({ container, article, drawn, onAdd, onUpdate, onNotify, onRemove, onCopy, onBookmarkPassage, onEditNote }: Options): SelectionToolbarState {
  const [selected, setSelected] = useState<Selected>();
  const [placement, setPlacement] = useState<Placement>();
  const toolbarRef = useRef<HTMLDivElement>(null);
  // A mouse drag shows the toolbar once the button is up, not at every word it passes.
  const dragging = useRef(false);
  // The selection Escape closed the toolbar on: it stays closed until the selection changes.
  const dismissed = useRef<Range | undefined>(undefined);

  /** Read the selection again: the words, and the highlight they are in. */
  const read = useEffectEvent((): void => {
    const root = container.current;
    const selection = window.getSelection();
    if (dragging.current) return;
    const dom = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    const range = root && article && dom ? rangeOfSelection(dom, root, passageTexts(article)) : undefined;
    if (!range || !dom) {
      // Focus in the toolbar keeps it (a button's press may move the selection).
      if (!toolbarRef.current?.contains(document.activeElement)) setSelected(undefined);
      return;
    }
    if (dismissed.current && sameRange(dismissed.current, dom)) return setSelected(undefined);
    dismissed.current = undefined;
    setSelected({ range, dom: dom.cloneRange(), highlight: highlightAround(drawn(), dom)?.bookmark });
  });

  useEffect(() => {
    if (!article) return;
    const onChange = (): void => read();
    const onDown = (event: MouseEvent): void => {
      if (!toolbarRef.current?.contains(event.target as Node)) dragging.current = true;
    };
    const onUp = (): void => {
      dragging.current = false;
      // After the click's own selection change (a click collapses it) has run.
      requestAnimationFrame(() => read());
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('mouseup', onUp);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('mouseup', onUp);
      setSelected(undefined);
    };
  }, [article]);

  /** Select the whole of the highlight the caret (or a click) is in; whether there was one. */
  const selectHighlightAtCaret = useEffectEvent((): boolean => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return false;
    const around = highlightAround(drawn(), selection.getRangeAt(0));
    if (!around) return false;
    selection.removeAllRanges();
    selection.addRange(around.range.cloneRange());
    return true;
  });

  /** Put focus into the toolbar, once it is drawn. */
  const focusToolbar = useCallback(() => {
    requestAnimationFrame(() => toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus());
  }, []);

  // A click on a highlight selects it (the toolbar opens for it); a focused passage takes a caret.
  useEffect(() => {
    const root = container.current;
    if (!root || !article) return;
    const onClick = (): void => void selectHighlightAtCaret();
    const onFocusIn = (event: FocusEvent): void => {
      const target = event.target as HTMLElement;
      // A click places its own caret.
      if (dragging.current || !target.matches('[data-passage-id]')) return;
      const selection = window.getSelection();
      if (!selection || (selection.rangeCount > 0 && target.contains(selection.getRangeAt(0).startContainer))) return;
      selection.collapse(target, 0);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (moveCaret(event)) return;
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if ((event.target as Element).closest('button, a, input, textarea, select, summary')) return;
      if (selectHighlightAtCaret()) {
        event.preventDefault();
        focusToolbar();
      }
    };
    root.addEventListener('click', onClick);
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('keydown', onKeyDown);
    return () => {
      root.removeEventListener('click', onClick);
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('keydown', onKeyDown);
    };
  }, [container, article, focusToolbar]);

  /** Leave the toolbar: collapse the selection after the words, and put focus back in their passage. */
  const finish = useCallback((at: Selected, keepSelection: boolean) => {
    const passage = passageOf(at.dom.endContainer);
    const hadFocus = toolbarRef.current?.contains(document.activeElement) ?? false;
    setSelected(undefined);
    if (hadFocus) passage?.focus({ preventScroll: true });
    const selection = window.getSelection();
    selection?.removeAllRanges();
    if (keepSelection) selection?.addRange(at.dom);
    else selection?.collapse(at.dom.endContainer, at.dom.endOffset);
  }, []);

  const highlight = useCallback(
    async (at: Selected, color: HighlightColor): Promise<BookmarkView | undefined> => {
      if (!article) return undefined;
      finish(at, false);
      return onAdd({ articleId: article.id, target: 'text', range: at.range, color });
    },
    [article, finish, onAdd],
  );

  const onKey = useEffectEvent((event: KeyboardEvent): void => {
    if (!selected) return;
    if (isShortcut(event, HIGHLIGHT_KEY)) {
      event.preventDefault();
      if (!selected.highlight) void highlight(selected, DEFAULT_HIGHLIGHT_COLOR);
    } else if (isShortcut(event, TOOLBAR_KEY)) {
      event.preventDefault();
      focusToolbar();
    }
  });
  useEffect(() => {
    if (!article) return;
    const listener = (event: KeyboardEvent): void => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [article]);

  // Placed once drawn and measured, and again as the view scrolls or changes size.
  const place = useEffectEvent((): void => {
    const toolbar = toolbarRef.current;
    if (!selected || !toolbar) return setPlacement(undefined);
    const lines = [...selected.dom.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const whole = selected.dom.getBoundingClientRect();
    const first = lines[0] ?? whole;
    const last = lines.at(-1) ?? whole;
    setPlacement(placeToolbar(first, last, toolbar.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight, top: headerBottom() }));
  });
  useLayoutEffect(() => {
    if (!selected) return;
    place();
    const onMove = (): void => place();
    window.addEventListener('scroll', onMove, { capture: true, passive: true });
    window.addEventListener('resize', onMove);
    return () => {
      window.removeEventListener('scroll', onMove, { capture: true });
      window.removeEventListener('resize', onMove);
    };
  }, [selected]);

  const passageId = selected?.range.start.passageId;
  const onColor = useCallback(
    (color: HighlightColor) => {
      if (!selected) return;
      if (selected.highlight) {
        const change: Extract<BookmarkChange, { kind: 'update' }> = { kind: 'update', id: selected.highlight.id, patch: { color } };
        if (selected.highlight.color !== color) {
          void onUpdate(change.id, change.patch).then((outcome) => {
            const notice = noticeAfter(change, outcome);
            onNotify(notice.kind === 'info' ? notice : { kind: 'refused', text: notice.text });
          });
        }
        finish(selected, false);
      } else void highlight(selected, color);
    },
    [selected, onUpdate, onNotify, finish, highlight],
  );
  const onNote = useCallback(() => {
    if (!selected) return;
    if (selected.highlight) {
      finish(selected, false);
      onEditNote(selected.highlight);
    } else void highlight(selected, DEFAULT_HIGHLIGHT_COLOR).then((made) => made && onEditNote(made));
  }, [selected, finish, highlight, onEditNote]);
  const onCopyWords = useCallback(() => {
    if (selected) onCopy(selected.range.start.passageId, selected.dom.toString());
  }, [selected, onCopy]);
  const onBookmark = useCallback(() => {
    if (selected) onBookmarkPassage(selected.range.start.passageId);
  }, [selected, onBookmarkPassage]);
  const onRemoveHighlight = useCallback(() => {
    if (!selected?.highlight) return;
    const { id } = selected.highlight;
    finish(selected, false);
    onRemove(id);
  }, [selected, finish, onRemove]);
  const onClose = useCallback(() => {
    if (!selected) return;
    dismissed.current = selected.dom;
    finish(selected, true);
  }, [selected, finish]);

  return {
    shown: selected !== undefined,
    current: selected?.highlight?.color,
    placement: selected ? placement : undefined,
    passageId,
    toolbarRef,
    onColor,
    onNote,
    onCopy: onCopyWords,
    onBookmarkPassage: onBookmark,
    onRemove: onRemoveHighlight,
    onClose,
  };
}
