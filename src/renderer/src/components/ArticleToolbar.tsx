/**
 * The strip that stays in view at the top of an open article while it scrolls: the find bar, when
 * it shows. (The note about highlighted search words sits in the flow above the article instead,
 * so that it never covers the text.)
 */
import type { ReactNode } from 'react';
import './ArticleToolbar.css';

interface Props {
  /** The tools to show; the strip is left out when there are none. */
  readonly children: ReactNode;
}

/**
 * The sticky tool strip. It takes no room in the page (it floats over the top of the article),
 * so that showing or hiding it never moves the text being read.
 */
export function ArticleToolbar({ children }: Readonly<Props>) {
  return (
    <div className="article-toolbar">
      <div className="article-toolbar__panel">{children}</div>
    </div>
  );
}
