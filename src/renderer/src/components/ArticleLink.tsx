/**
 * A link to an article that opens it in the app on a plain click and leaves modified clicks
 * (new tab, new window) to the browser.
 */
import type { ReactNode } from 'react';
import { isModifiedClick } from '../dom';
import { formatRoute } from '../route';

interface Props {
  /** The article to open. */
  readonly articleId: string;
  /** Open it in the app. */
  readonly onOpen: (articleId: string) => void;
  /** Class of the link element. */
  readonly className?: string;
  /** Whether this is the article shown now (announced as the current page). */
  readonly current?: boolean;
  /** The link text. */
  readonly children: ReactNode;
}

/** The link; its href is the article's route, so it can be copied or opened elsewhere. */
export function ArticleLink({ articleId, onOpen, className, current, children }: Readonly<Props>) {
  return (
    <a
      className={className}
      href={formatRoute({ name: 'article', articleId })}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (isModifiedClick(event)) return;
        event.preventDefault();
        onOpen(articleId);
      }}
    >
      {children}
    </a>
  );
}
