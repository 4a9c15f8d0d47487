/**
 * Test helper: bookmark views as the renderer receives them, for the renderer's unit tests.
 */
import type { BookmarkView } from '../../../shared/bookmarks';

/**
 * An anchored passage bookmark of the article 'sleep', with `over` changing any field.
 *
 * @example bookmarkView('b1', { note: 'why' }) // { id: 'b1', targetId: 'b1-p', quote: { exact: 'quote of b1', … }, note: 'why', … }
 */
export function bookmarkView(id: string, over: Partial<BookmarkView> = {}): BookmarkView {
  return {
    id,
    articleId: 'sleep',
    target: 'passage',
    targetId: `${id}-p`,
    quote: { exact: `quote of ${id}`, prefix: '', suffix: '' },
    note: '',
    tags: [],
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    status: 'anchored',
    ...over,
  };
}
