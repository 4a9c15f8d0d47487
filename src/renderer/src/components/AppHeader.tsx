/**
 * The band across the top of the window: the app's name (a link home), the search box and the
 * header buttons.
 */
import type { ReactNode } from 'react';
import './AppHeader.css';

interface Props {
  /** The library's address, where the app name leads. */
  readonly homeHref: string;
  /** The search box. */
  readonly children: ReactNode;
  /** Buttons at the end of the header (bookmarks, reading settings). */
  readonly actions?: ReactNode;
}

/** The app header (the page's banner landmark). */
export function AppHeader({ homeHref, children, actions }: Readonly<Props>) {
  return (
    <header className="app-header">
      <a className="app-header__brand" href={homeHref}>
        Quire
      </a>
      {children}
      {actions && <div className="app-header__actions">{actions}</div>}
    </header>
  );
}
