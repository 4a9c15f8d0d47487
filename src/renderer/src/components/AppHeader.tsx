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
  /** The button before the app's name (the library drawer's, on windows without the sidebar). */
  readonly menu?: ReactNode;
  /** Buttons at the end of the header (bookmarks, reading settings). */
  readonly actions?: ReactNode;
}

/** The app header (the page's banner landmark). */
export function AppHeader({ homeHref, children, menu, actions }: Readonly<Props>) {
  return (
    <header className="app-header">
      {menu && <div className="app-header__menu">{menu}</div>}
      <a className="app-header__brand" href={homeHref}>
        Quire
      </a>
      {children}
      {actions && <div className="app-header__actions">{actions}</div>}
    </header>
  );
}
