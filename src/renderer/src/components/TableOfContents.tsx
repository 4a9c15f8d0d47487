/**
 * An article's table of contents: its section headings, nested by level, with the section being
 * read marked as the reader scrolls.
 */
import { useMemo } from 'react';
import type { TocEntry } from '../article-layout';
import { sectionDomId } from '../article-layout';
import { isModifiedClick } from '../dom';
import { useScrollSpy } from '../hooks/useScrollSpy';
import './TableOfContents.css';

interface Props {
  /** The sections to list (the lead section is never one of them). */
  readonly entries: readonly TocEntry[];
  /** Take the reader to a section. */
  readonly onNavigate: (sectionId: string) => void;
}

interface ListProps {
  /** Entries at one level. */
  readonly entries: readonly TocEntry[];
  /** Called when a link is followed. */
  readonly onNavigate: (sectionId: string) => void;
  /** The element id of the section being read. */
  readonly activeDomId: string | undefined;
}

/** Every entry's section element id, in document order. */
function domIds(entries: readonly TocEntry[]): string[] {
  return entries.flatMap((entry) => [sectionDomId(entry.section.id), ...domIds(entry.children)]);
}

function TocList({ entries, onNavigate, activeDomId }: Readonly<ListProps>) {
  return (
    <ol className="toc__list">
      {entries.map(({ section, children }) => (
        <li key={section.id} className="toc__item">
          <a
            className="toc__link"
            href={`#${sectionDomId(section.id)}`}
            aria-current={sectionDomId(section.id) === activeDomId ? 'location' : undefined}
            onClick={(event) => {
              if (isModifiedClick(event)) return;
              // The address holds the route; an in-page anchor would replace it.
              event.preventDefault();
              onNavigate(section.id);
            }}
          >
            {section.title}
          </a>
          {children.length > 0 && <TocList entries={children} onNavigate={onNavigate} activeDomId={activeDomId} />}
        </li>
      ))}
    </ol>
  );
}

/** The "Table of contents" navigation landmark; nothing when there are no sections. */
export function TableOfContents({ entries, onNavigate }: Readonly<Props>) {
  const ids = useMemo(() => domIds(entries), [entries]);
  const activeDomId = useScrollSpy(ids);
  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-label="Table of contents">
      <h2 className="toc__title">Contents</h2>
      <TocList entries={entries} onNavigate={onNavigate} activeDomId={activeDomId} />
    </nav>
  );
}
