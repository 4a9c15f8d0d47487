/**
 * Find in the open article: a text field, "N of M", and Previous / Next. Enter goes to the next
 * occurrence, Shift+Enter to the previous one, Escape closes the bar.
 */
import { useId, type KeyboardEvent, type Ref } from 'react';
import { formatNumber } from '../format';
import './FindBar.css';

interface Props {
  /** The text to find. */
  readonly query: string;
  /** The reader changed the text. */
  readonly onQueryChange: (query: string) => void;
  /** Occurrences found. */
  readonly total: number;
  /** Index of the current occurrence (0-based; ignored when there are none). */
  readonly current: number;
  /** Go to the next occurrence (wrapping round). */
  readonly onNext: () => void;
  /** Go to the previous occurrence (wrapping round). */
  readonly onPrevious: () => void;
  /** Close the bar (and clear its highlights). */
  readonly onClose: () => void;
  /** The text field, so that Ctrl+F can focus it. */
  readonly inputRef: Ref<HTMLInputElement>;
}

/** What the count says. */
function countText(query: string, total: number, current: number): string {
  if (query.trim() === '') return '';
  if (total === 0) return 'No matches';
  return `${formatNumber(Math.min(current, total - 1) + 1)} of ${formatNumber(total)}`;
}

/** The find bar (a search landmark of its own). */
export function FindBar({ query, onQueryChange, total, current, onNext, onPrevious, onClose, inputRef }: Readonly<Props>) {
  const id = useId();
  const inputId = `${id}-input`;
  const countId = `${id}-count`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      if (event.shiftKey) onPrevious();
      else onNext();
    }
  };

  return (
    <div className="find-bar" role="search" aria-label="Find in article" onKeyDown={onKeyDown}>
      <label htmlFor={inputId} className="visually-hidden">
        Find in article
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="find-bar__input"
        type="text"
        placeholder="Find in article"
        autoComplete="off"
        spellCheck={false}
        // The bar opens on request (Ctrl+F), so taking focus as it appears is what was asked for.
        autoFocus
        aria-describedby={countId}
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
      />
      <output id={countId} className="find-bar__count" aria-live="polite" htmlFor={inputId}>
        {countText(query, total, current)}
      </output>
      <button type="button" className="find-bar__button" onClick={onPrevious} disabled={total === 0} aria-label="Previous match" title="Previous match (Shift+Enter)">
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="find-bar__button" onClick={onNext} disabled={total === 0} aria-label="Next match" title="Next match (Enter)">
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" className="find-bar__button" onClick={onClose} aria-label="Close find" title="Close (Esc)">
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
