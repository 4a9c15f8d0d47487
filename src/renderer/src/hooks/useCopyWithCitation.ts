/**
 * Copy with citation: a passage's words from its actions, and, when the reader has turned it on,
 * the text they select in the article and copy with Ctrl/Cmd+C. Both put the words, the citation
 * in the reader's style and the passage's quire:// link on the clipboard (see citation.ts).
 */
import { useCallback, useEffect, useEffectEvent, type RefObject } from 'react';
import type { CitationStyle } from '../../../shared/bookmarks';
import type { Article } from '../../../shared/model';
import type { MessageNotice } from '../bookmark-changes';
import { loadCiter, loadedCiter } from '../citation';
import { copyRich } from '../clipboard';
import { selectionStart } from '../dom-bookmark';
import { formatLink, type Route } from '../route';

interface Options {
  /** The open article (undefined while it loads). */
  readonly article: Article | undefined;
  /** The element that holds it: a selection copied from inside it is cited. */
  readonly container: RefObject<HTMLElement | null>;
  /** The reader's citation style. */
  readonly style: CitationStyle;
  /** Whether Ctrl/Cmd+C of a selection copies it with its citation. */
  readonly onCopyKey: boolean;
  /** Say what was copied, or that it could not be. */
  readonly onNotify: (notice: MessageNotice) => void;
}

/**
 * Copy a passage with its citation; and, while `onCopyKey` is on, cite every copy of a selection
 * in the article.
 *
 * A copy event must set its data at once, so the library is loaded as soon as the setting is on;
 * a copy made before it has loaded is left to the browser (the words alone), never lost.
 *
 * @returns copy the passage with this id, with its citation; or, given `words` (a selection that
 *   starts in it, from the selection toolbar), those words cited with a link to the passage
 */
export function useCopyWithCitation({ article, container, style, onCopyKey, onNotify }: Options): (passageId: string, words?: string) => void {
  const copyPassage = useCallback(
    (passageId: string, words?: string) => {
      if (!article) return;
      const passage = [...article.passages, ...article.comments].find((p) => p.id === passageId);
      if (!passage) return;
      const link = formatLink({ name: 'article', articleId: article.id, passageId });
      const what = words === undefined ? 'Passage' : 'Selection';
      void loadCiter()
        .then((citer) => copyRich(citer.quote(words ?? passage.text, article, link, style)))
        .catch(() => false)
        .then((copied) =>
          onNotify(copied ? { kind: 'info', text: `${what} copied with citation` } : { kind: 'refused', text: `The ${what.toLowerCase()} could not be copied` }),
        );
    },
    [article, style, onNotify],
  );

  const onCopy = useEffectEvent((event: ClipboardEvent) => {
    const root = container.current;
    const citer = loadedCiter();
    if (!article || !root || !citer || !event.clipboardData) return;
    const start = selectionStart(root);
    const text = window.getSelection()?.toString() ?? '';
    if (!start || !text) return;
    const { target } = start;
    // A selection that starts outside any passage (in the title) cites the article.
    const route: Route =
      target?.target === 'passage'
        ? { name: 'article', articleId: article.id, passageId: target.id }
        : target?.target === 'section'
          ? { name: 'article', articleId: article.id, sectionId: target.id }
          : { name: 'article', articleId: article.id };
    const clip = citer.quote(text, article, formatLink(route), style);
    event.clipboardData.setData('text/plain', clip.text);
    event.clipboardData.setData('text/html', clip.html);
    event.preventDefault();
    onNotify({ kind: 'info', text: 'Copied with citation' });
  });

  const listening = onCopyKey && article !== undefined;
  useEffect(() => {
    if (!listening) return;
    // Loaded now, so that the copy event finds it ready.
    loadCiter().catch(() => undefined);
    const listener = (event: ClipboardEvent): void => onCopy(event);
    document.addEventListener('copy', listener);
    return () => document.removeEventListener('copy', listener);
  }, [listening]);

  return copyPassage;
}
