/**
 * An article's table of contents: its section headings, nested by level.
 */
import type { TocEntry } from '../article-layout';
import { sectionDomId } from '../article-layout';
import { isModifiedClick } from '../dom';
import './TableOfContents.css';

interface Props {
  /** The sections to list (the lead section is never one of them). */
  readonly entries: readonly TocEntry[];
  /** Take the reader to a section (the links do not change the address). */
  readonly onNavigate: (sectionId: string) => void;
}

interface ListProps {
  /** Entries at one level. */
  readonly entries: readonly TocEntry[];
  /** Called when a link is followed. */
  readonly onNavigate: (sectionId: string) => void;
}

function TocList({ entries, onNavigate }: Readonly<ListProps>) {
  return (
    <ol className="toc__list">
      {entries.map(({ section, children }) => (
        <li key={section.id} className="toc__item">
          <a
            className="toc__link"
            href={`#${sectionDomId(section.id)}`}
            onClick={(event) => {
              if (isModifiedClick(event)) return;
              // The address holds the route; an in-page anchor would replace it.
              event.preventDefault();
              onNavigate(section.id);
            }}
          >
            {section.title}
          </a>
          {children.length > 0 && <TocList entries={children} onNavigate={onNavigate} />}
        </li>
      ))}
    </ol>
  );
}

/** The "Table of contents" navigation landmark; nothing when there are no sections. */
export function TableOfContents({ entries, onNavigate }: Readonly<Props>) {
  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-label="Table of contents">
      <h2 className="toc__title">Contents</h2>
      <TocList entries={entries} onNavigate={onNavigate} />
    </nav>
  );
}
