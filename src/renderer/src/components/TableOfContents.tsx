/**
 * An article's table of contents: its section headings, nested by level, with the section being
 * read marked as the reader scrolls. Beside the text on wide windows; on narrower ones folded
 * behind its heading's button (a disclosure: Escape folds it and returns to the button).
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
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

/** The element id of the table of contents, which a skip link leads to. */
export const CONTENTS_ID = 'article-contents';

/** The "Table of contents" navigation landmark; nothing when there are no sections. */
export function TableOfContents({ entries, onNavigate }: Readonly<Props>) {
  const ids = useMemo(() => domIds(entries), [entries]);
  const activeDomId = useScrollSpy(ids);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  if (entries.length === 0) return null;
  // Only where the list folds (the button shows): beside the text it stays.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || !open || !toggle.current?.checkVisibility()) return;
    event.preventDefault();
    setOpen(false);
    toggle.current.focus();
  };
  return (
    <nav id={CONTENTS_ID} className={open ? 'toc toc--open' : 'toc'} aria-label="Table of contents" onKeyDown={onKeyDown}>
      <h2 className="toc__title">
        <button
          ref={toggle}
          type="button"
          className="toc__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          Contents
        </button>
        <span className="toc__title-text">Contents</span>
      </h2>
      <div id={bodyId} className="toc__body">
        <TocList entries={entries} onNavigate={onNavigate} activeDomId={activeDomId} />
      </div>
    </nav>
  );
}
