/**
 * The note popover of the open article: which bookmark or highlight it edits, where it is
 * anchored, and where focus goes back to when it closes. `openNote` is the one way in: the
 * margin control, the margin notes and the selection toolbar's "Add note" all call it.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { BookmarkView } from '../../../shared/bookmarks';
import { hasReaderContent } from '../bookmark-changes';
import { truncate } from '../bookmarks-model';
import { placePopover, type Box, type PopoverPlace } from '../note-layout';

/** What a note popover or a margin note is about: a bookmark or a highlight with its note. */
export interface NoteItem {
  /** The bookmark's id. */
  readonly id: string;
  /** A passage or section bookmark, or a highlight. */
  readonly kind: 'passage' | 'section' | 'highlight';
  /** The note (may be empty). */
  readonly note: string;
  /** The tags. */
  readonly tags: readonly string[];
  /** The words it marks (a highlight's, or the passage's opening). */
  readonly quote: string;
}

/** How many characters of a highlight's words name its popover. */
const LABEL_QUOTE_LENGTH = 60;
/** The popover's width where there is room for it, and the least it may have beside its passage (px). */
export const POPOVER_WIDTH = 352;
const POPOVER_MIN_WIDTH = 288;

/** What the popover is about, in words: its accessible name. */
export function noteLabel(item: Pick<NoteItem, 'kind' | 'quote'>): string {
  return item.kind === 'highlight' ? `Note on highlight: “${truncate(item.quote, LABEL_QUOTE_LENGTH)}”` : `Note on ${item.kind}`;
}

/** Whether an item has anything to show as a note: a note that is not only spaces, or tags. */
export function showsNote(item: Pick<NoteItem, 'note' | 'tags'>): boolean {
  return hasReaderContent({ note: item.note, tags: [...item.tags] });
}

/**
 * The article's bookmarks and highlights that can carry a note, by the passage or section they
 * start at now, in the order of the list (orphans have no place in the text and are left out).
 *
 * @example notesByRow(bookmarks, 'sleep').get('sleep-3') // [{ id, kind: 'highlight', note, tags, quote }]
 */
export function notesByRow(bookmarks: readonly BookmarkView[], articleId: string | undefined): ReadonlyMap<string, readonly NoteItem[]> {
  const rows = new Map<string, NoteItem[]>();
  for (const b of bookmarks) {
    if (b.articleId !== articleId || b.status === 'orphaned') continue;
    const row = b.resolvedId ?? b.targetId;
    const item: NoteItem = { id: b.id, kind: b.target === 'text' ? 'highlight' : b.target, note: b.note, tags: b.tags, quote: b.quote.exact };
    // The passage's own bookmark first: the margin control opens the first.
    const list = rows.get(row) ?? [];
    if (item.kind === 'highlight') list.push(item);
    else list.unshift(item);
    rows.set(row, list);
  }
  return rows;
}

/**
 * {@link notesByRow}, the same map while the same notes are there: the (memoized) article is drawn
 * again when a note, a tag or a mark changes, not on every refresh of the list.
 */
export function useRowNotes(bookmarks: readonly BookmarkView[], articleId: string | undefined): ReadonlyMap<string, readonly NoteItem[]> {
  const key = JSON.stringify([...notesByRow(bookmarks, articleId)]);
  return useMemo(() => new Map(JSON.parse(key) as [string, NoteItem[]][]), [key]);
}

/** Where a note popover is anchored: an element (a passage) or a rectangle in the window (a selection). */
export type NoteAnchor = Element | DOMRect;

/** The open popover. */
export interface OpenNote {
  /** The bookmark or highlight it edits, as the list has it now. */
  readonly bookmark: BookmarkView;
  /** What it is about (see {@link noteLabel}). */
  readonly label: string;
  /** Where it is, in the coordinates of the article screen. */
  readonly place: PopoverPlace;
}

/** What {@link useNoteEditor} gives. */
export interface NoteEditor {
  /** The open popover, if one is open and its bookmark is still in the list. */
  readonly open: OpenNote | undefined;
  /**
   * Open the popover for a bookmark or highlight, beside `anchor`. Focus goes back to the element
   * that had it (the control that opened it) when the popover closes.
   */
  readonly openNote: (bookmarkId: string, anchor: NoteAnchor) => void;
  /** Close the popover; `returnFocus` false when a click elsewhere has put focus where it wants it. */
  readonly close: (returnFocus?: boolean) => void;
}

interface Opened {
  readonly id: string;
  /** A passage to measure again on every layout, or a rectangle fixed in the article screen. */
  readonly anchor: Element | Box;
  readonly opener: HTMLElement | undefined;
}

/** A box relative to another one. */
function relative(rect: DOMRect | Box, to: DOMRect): Box {
  return { left: rect.left - to.left, top: rect.top - to.top, width: rect.width, height: rect.height };
}

/**
 * The note popover's state, for the article in `container` (the article screen, which holds it).
 *
 * @example const notes = useNoteEditor(bookmarks, content); notes.openNote(bookmark.id, passageElement);
 */
export function useNoteEditor(bookmarks: readonly BookmarkView[], container: RefObject<HTMLElement | null>): NoteEditor {
  const [opened, setOpened] = useState<Opened>();
  const [place, setPlace] = useState<PopoverPlace>();

  const openNote = useCallback(
    (bookmarkId: string, anchor: NoteAnchor) => {
      const box = container.current?.getBoundingClientRect();
      if (!box) return;
      const active = document.activeElement;
      // A selection's rectangle moves with the text: kept in the article screen's coordinates.
      setOpened({ id: bookmarkId, anchor: anchor instanceof Element ? anchor : relative(anchor, box), opener: active instanceof HTMLElement ? active : undefined });
    },
    [container],
  );

  // Placed on opening, and again whenever the window's width (and with it the text) changes.
  useEffect(() => {
    if (!opened) return;
    const measure = (): void => {
      const box = container.current?.getBoundingClientRect();
      if (!box) return;
      const anchor = opened.anchor instanceof Element ? relative(opened.anchor.getBoundingClientRect(), box) : opened.anchor;
      const visible = { left: -box.left, top: -box.top, width: document.documentElement.clientWidth, height: window.innerHeight };
      setPlace(placePopover(anchor, visible, POPOVER_WIDTH, POPOVER_MIN_WIDTH));
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (container.current) observer.observe(container.current);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [opened, container]);

  const close = useCallback(
    (returnFocus = true) => {
      setOpened(undefined);
      setPlace(undefined);
      if (!returnFocus || !opened) return;
      // The control that opened it, or (gone with a change of the list) the passage it is about.
      const target = opened.opener?.isConnected ? opened.opener : opened.anchor instanceof Element ? opened.anchor.querySelector<HTMLElement>('[tabindex="-1"]') : null;
      target?.focus({ preventScroll: true });
    },
    [opened],
  );

  const bookmark = opened ? bookmarks.find((b) => b.id === opened.id) : undefined;
  const open: OpenNote | undefined =
    bookmark && place
      ? { bookmark, label: noteLabel({ kind: bookmark.target === 'text' ? 'highlight' : bookmark.target, quote: bookmark.quote.exact }), place }
      : undefined;
  return { open, openNote, close };
}
