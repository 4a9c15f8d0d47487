/**
 * Skip links: the first Tab stops of the window, hidden until focused, that take keyboard users
 * past the header and the library to the article, the search box, the article's table of
 * contents or its reader comments.
 */
import './SkipLinks.css';

/** One skip link: its words, the address it stands for, and what it does. */
export interface SkipLink {
  readonly label: string;
  /** The in-page address (`#id`) shown for the link. */
  readonly href: string;
  /** Move focus there (the address holds the route, so the link never follows its href). */
  readonly go: () => void;
}

/** The skip links, as a labelled list of links. */
export function SkipLinks({ links }: Readonly<{ links: readonly SkipLink[] }>) {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <ul className="skip-links__list">
        {links.map((link) => (
          <li key={link.label}>
            <a
              className="skip-link"
              href={link.href}
              onClick={(event) => {
                event.preventDefault();
                link.go();
              }}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
