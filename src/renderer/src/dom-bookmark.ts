/**
 * Which passage or section the reader means: the one with focus, or else the passage at the top
 * of the view.
 */

/** A passage or section to bookmark. */
export interface BookmarkTarget {
  readonly target: 'passage' | 'section';
  readonly id: string;
}

/** The passage or section whose row (see ArticleSection) has focus, if any. */
function focusedTarget(): BookmarkTarget | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return undefined;
  const row = active.closest<HTMLElement>('.bookmark-row');
  const { bookmarkTarget, bookmarkId } = row?.dataset ?? {};
  if (bookmarkId && (bookmarkTarget === 'passage' || bookmarkTarget === 'section')) return { target: bookmarkTarget, id: bookmarkId };
  const passageId = active.closest<HTMLElement>('[data-passage-id]')?.dataset.passageId;
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

/** What the reader means: the focused passage or section, else the passage at the top of the view. */
export function currentTarget(container: ParentNode): BookmarkTarget | undefined {
  const focused = focusedTarget();
  if (focused) return focused;
  const id = topPassageId(container, headerBottom());
  return id ? { target: 'passage', id } : undefined;
}
