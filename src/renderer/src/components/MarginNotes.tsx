/**
 * The notes beside the text. On wide windows, where the article screen leaves room at its end,
 * {@link MarginNotes} shows each note as a short card in that margin, at the top of its passage,
 * pushed down below the card before when they would overlap; a card opens the note popover. On
 * narrower ones, {@link PassageNotes} shows a passage's notes under it, in the flow of the text,
 * two lines of each until expanded. Neither covers the text, and neither prints.
 */
import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { stackNotes } from '../note-layout';
import { noteLabel, showsNote, type NoteItem } from '../hooks/useNoteEditor';
import './MarginNotes.css';

/** The space between two cards, and between the cards and the article screen (px). */
const CARD_GAP = 8;

interface MarginProps {
  /** The notes, each with the id of the row (passage or section) it starts at, in reading order. */
  readonly notes: readonly { readonly row: string; readonly item: NoteItem }[];
  /** The article screen, which holds the cards and the rows they stand beside. */
  readonly container: RefObject<HTMLElement | null>;
  /** The cards' width (px), the room the margin has. */
  readonly width: number;
  /** Open the popover for a note, beside its passage. */
  readonly onOpen: (bookmarkId: string, anchor: Element) => void;
}

/** The row element of a passage or section in the article screen. */
function rowElement(container: HTMLElement, row: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`.bookmark-row[data-bookmark-id="${CSS.escape(row)}"]`);
}

/** A note's tags, as the panel lists them. */
function NoteTags({ tags }: Readonly<{ tags: readonly string[] }>) {
  if (tags.length === 0) return null;
  return (
    <ul className="note-tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="topic">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** The cards in the margin. */
export function MarginNotes({ notes, container, width, onOpen }: Readonly<MarginProps>) {
  const layer = useRef<HTMLDivElement>(null);
  // Each card at its passage's top, measured after every layout change of the article.
  useLayoutEffect(() => {
    const box = container.current;
    const cards = layer.current;
    if (!box || !cards) return;
    const place = (): void => {
      const top = box.getBoundingClientRect().top;
      const elements = [...cards.children] as HTMLElement[];
      const wanted = elements.map((card, i) => {
        const row = rowElement(box, notes[i]?.row ?? '');
        return { top: row ? row.getBoundingClientRect().top - top : 0, height: card.offsetHeight };
      });
      stackNotes(wanted, CARD_GAP).forEach((t, i) => {
        const card = elements[i];
        if (card) card.style.insetBlockStart = `${t}px`;
      });
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(box);
    for (const card of cards.children) observer.observe(card);
    return () => observer.disconnect();
  }, [notes, container, width]);

  return (
    <div ref={layer} className="margin-notes" style={{ inlineSize: width, insetInlineStart: `calc(100% + ${CARD_GAP}px)` }}>
      {notes.map(({ row, item }) => (
        <button
          key={item.id}
          type="button"
          className="margin-note"
          data-note-for={row}
          onClick={(event) => {
            const anchor = container.current ? rowElement(container.current, row) : null;
            onOpen(item.id, anchor ?? event.currentTarget);
          }}
        >
          <span className="visually-hidden">{noteLabel(item)}: </span>
          {item.note.trim() && <span className="margin-note__text">{item.note}</span>}
          {item.tags.length > 0 && (
            <span className="margin-note__tags">
              <span className="visually-hidden">Tags: </span>
              {item.tags.join(', ')}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

/**
 * The notes that show, with the row each starts at, in reading order: a section's before its
 * passages, the reader comments' last.
 *
 * @param order the article's passages and comments, in reading order
 */
export function marginNotes(
  rows: ReadonlyMap<string, readonly NoteItem[]>,
  order: readonly { readonly id: string; readonly sectionId: string }[],
): { row: string; item: NoteItem }[] {
  const rank = new Map<string, number>();
  order.forEach((p, i) => {
    if (!rank.has(p.sectionId)) rank.set(p.sectionId, i - 0.5);
    rank.set(p.id, i);
  });
  return [...rows.entries()]
    .filter(([row]) => rank.has(row))
    .sort(([a], [b]) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
    .flatMap(([row, items]) => items.filter(showsNote).map((item) => ({ row, item })));
}

/** One note under its passage: two lines of it, the rest on request. */
function PassageNote({ item }: Readonly<{ item: NoteItem }>) {
  const [expanded, setExpanded] = useState(false);
  // Whether two lines hide some of it, measured as the text wraps (folded, it has more to show).
  const [long, setLong] = useState(false);
  const text = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const el = text.current;
    if (!el || expanded) return;
    const measure = (): void => setLong(el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [expanded, item.note]);
  const id = useId();
  return (
    <div className="passage-note" data-expanded={expanded || undefined}>
      <p ref={text} id={id} className="passage-note__text">
        <span className="passage-note__label">{noteLabel(item)}: </span>
        {item.note}
      </p>
      <NoteTags tags={item.tags} />
      {(long || expanded) && (
        <button type="button" className="passage-note__more" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Show less' : 'Show all'}
          <span className="visually-hidden"> of the note</span>
        </button>
      )}
    </div>
  );
}

/** A passage's notes, under it (hidden while the margin shows them). */
export function PassageNotes({ items }: Readonly<{ items: readonly NoteItem[] }>) {
  const shown = items.filter(showsNote);
  if (shown.length === 0) return null;
  return (
    <div className="passage-notes">
      {shown.map((item) => (
        <PassageNote key={item.id} item={item} />
      ))}
    </div>
  );
}
