/**
 * Which passage or section the reader means: the one with focus, or else the passage at the top
 * of the view.
 */

/** A passage or section to bookmark. */
export interface BookmarkTarget {
  readonly target: 'passage' | 'section';
  readonly id: string;
}

/** The passage or section whose row (see ArticleSection) holds an element, if any. */
function targetOf(element: Element): BookmarkTarget | undefined {
  const row = element.closest<HTMLElement>('.bookmark-row');
  const { bookmarkTarget, bookmarkId } = row?.dataset ?? {};
  if (bookmarkId && (bookmarkTarget === 'passage' || bookmarkTarget === 'section')) return { target: bookmarkTarget, id: bookmarkId };
  const passageId = element.closest<HTMLElement>('[data-passage-id]')?.dataset.passageId;
  return passageId ? { target: 'passage', id: passageId } : undefined;
}

/**
 * The passage whose box is the first to reach below the top of the view (under the header).
 *
 * @param container where to look (the article)
 * @param top the y the view's content starts at
 */
export function topPassageId(container: ParentNode, top: number): string | undefined {
  for (const el of container.querySelectorAll<HTMLElement>('.article__body [data-passage-id]')) {
    if (el.getBoundingClientRect().bottom > top) return el.dataset.passageId;
  }
  return undefined;
}

/** The height of the sticky header, where the view's content starts. */
export function headerBottom(): number {
  return document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
}

/**
 * What the reader means: the passage or section that holds focus; in the find bar, the one with
 * the current match (what the reader is looking at, and where Esc puts focus); with focus
 * elsewhere in the article or nowhere, the passage at the top of the view. With focus outside the
 * article (the bookmarks panel, the search box, a notice) the reader means none of them.
 *
 * @param container the article
 * @param findMatch the find bar's current match, while the bar is open
 */
export function currentTarget(container: Element, findMatch?: Element): BookmarkTarget | undefined {
  const active = document.activeElement;
  const focused = active && active !== document.body ? targetOf(active) : undefined;
  if (focused) return focused;
  const top = (): BookmarkTarget | undefined => {
    const id = topPassageId(container, headerBottom());
    return id ? { target: 'passage', id } : undefined;
  };
  if (findMatch && active?.closest('.find-bar')) return targetOf(findMatch) ?? top();
  if (!active || active.contains(container) || container.contains(active)) return top();
  return undefined;
}

/**
 * The section being read: the one holding the focused passage or heading (where the reader just
 * jumped or tabbed to), else the last body section whose top has risen above a line a quarter of
 * the way down the view (as the table of contents marks it), else the first.
 */
export function currentSectionId(container: ParentNode): string | undefined {
  const focused = document.activeElement?.closest<HTMLElement>('.article__body > section[data-section-id]');
  if (focused && container.contains(focused)) return focused.dataset.sectionId;
  const top = headerBottom();
  const line = top + (window.innerHeight - top) / 4;
  const sections = [...container.querySelectorAll<HTMLElement>('.article__body > section[data-section-id]')];
  let current = sections[0]?.dataset.sectionId;
  for (const section of sections) {
    if (section.getBoundingClientRect().top > line) break;
    current = section.dataset.sectionId;
  }
  return current;
}

/** The passages (and comments) the reader's text selection touches, in document order. */
export function selectedPassageIds(container: ParentNode): string[] {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed) return [];
  const ids = new Set<string>();
  for (const element of container.querySelectorAll<HTMLElement>('[data-passage-id]')) {
    const id = element.dataset.passageId;
    if (id && selection.containsNode(element, true)) ids.add(id);
  }
  return [...ids];
}

/**
 * Where the reader's text selection starts: in which passage or section (`target`, absent when it
 * starts in neither, as in the title); undefined when nothing is selected or the selection is not
 * wholly inside the container.
 */
export function selectionStart(container: Node): { readonly target?: BookmarkTarget } | undefined {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return undefined;
  // A range may start at an element's child offset (a triple click) rather than in a text node.
  const start = range.startContainer.childNodes[range.startOffset] ?? range.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  const target = element ? targetOf(element) : undefined;
  return target ? { target } : {};
}
