/**
 * The search box and its results, as an ARIA combobox: focus stays in the input while the arrow
 * keys move through the results (`aria-activedescendant`), Enter opens the active one, Escape
 * closes the list (and a second Escape clears the box).
 */
import { useEffect, useId, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import type { ApiError, SearchHit, SearchResponse } from '../../../shared/api';
import { plural } from '../format';
import { ErrorNotice } from './ErrorNotice';
import { Snippet } from './Snippet';
import './SearchBox.css';

interface Props {
  /** The text in the box. */
  readonly query: string;
  /** The reader changed the text. */
  readonly onQueryChange: (query: string) => void;
  /** Whether the results list is wanted (it shows only while there is text to search). */
  readonly open: boolean;
  /** Open or close the results list. */
  readonly onOpenChange: (open: boolean) => void;
  /** The newest answer; while `pending`, it may answer an earlier text. */
  readonly response: SearchResponse | undefined;
  /** A search for the current text is on its way. */
  readonly pending: boolean;
  /** Why the search for the current text failed. */
  readonly error: ApiError | undefined;
  /** Index of the active result, or -1 for none. */
  readonly activeIndex: number;
  /** Make another result active (-1 for none). */
  readonly onActiveIndexChange: (index: number) => void;
  /** Open a result. */
  readonly onChoose: (hit: SearchHit) => void;
  /** The input element, so that a shortcut can focus it. */
  readonly inputRef: Ref<HTMLInputElement>;
  /** How the focus shortcut reads on this system, e.g. "Ctrl K"; shown as a hint. */
  readonly shortcutLabel: string;
}

/** The breadcrumb of a hit: its section path, minus a leading repeat of the article title. */
function breadcrumb(hit: SearchHit): string {
  const path = hit.sectionPath[0] === hit.articleTitle ? hit.sectionPath.slice(1) : hit.sectionPath;
  return path.join(' › ');
}

/** What the status line says about the current answer. */
function statusText(response: SearchResponse | undefined, pending: boolean): string {
  if (!response) return pending ? 'Searching…' : '';
  if (response.total === 0) return `No results for “${response.query}”`;
  const shown = response.results.length;
  return shown < response.total ? `${plural(response.total, 'result')}, showing the best ${shown}` : plural(response.total, 'result');
}

/** The library search box with its results list. */
export function SearchBox({
  query,
  onQueryChange,
  open,
  onOpenChange,
  response,
  pending,
  error,
  activeIndex,
  onActiveIndexChange,
  onChoose,
  inputRef,
  shortcutLabel,
}: Readonly<Props>) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-results`;
  const hintId = `${id}-hint`;
  const optionId = (i: number): string => `${id}-option-${i}`;
  const results = response?.results ?? [];
  const expanded = open && query.trim() !== '';
  const active = expanded ? results[activeIndex] : undefined;

  // Keep the active result in view as the arrow keys move through a long list.
  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!expanded) {
          if (query.trim() !== '') onOpenChange(true);
          return;
        }
        if (results.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const from = activeIndex < 0 ? (step === 1 ? -1 : results.length) : activeIndex;
        onActiveIndexChange((from + step + results.length) % results.length);
        return;
      }
      case 'Enter':
        if (active) {
          event.preventDefault();
          onChoose(active);
        }
        return;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          onOpenChange(false);
        } else if (query !== '') {
          event.preventDefault();
          onQueryChange('');
        }
        return;
    }
  };

  // Close when focus leaves the box and its list (a click inside the list keeps focus in the input).
  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget)) onOpenChange(false);
  };

  const status = statusText(response, pending);

  return (
    <div className="search" role="search" onBlur={onBlur}>
      <label htmlFor={inputId} className="visually-hidden">
        Search the library
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="search__input"
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(activeIndex) : undefined}
        aria-describedby={hintId}
        placeholder="Search the library"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="search"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
        onClick={() => onOpenChange(true)}
      />
      <span id={hintId} className="search__hint">
        <span className="visually-hidden">Shortcut: </span>
        <kbd>{shortcutLabel}</kbd>
      </span>
      {/* Clicks inside the panel must not take focus from the input. */}
      <div className="search__panel" hidden={!expanded} onMouseDown={(event) => event.preventDefault()}>
        <p className="search__status" role="status">
          {expanded ? status : ''}
        </p>
        {error && <ErrorNotice title="The search failed" error={error} />}
        <ul id={listId} className="search__results" role="listbox" aria-label="Search results" hidden={results.length === 0}>
          {results.map((hit, i) => (
            <li
              key={`${hit.articleId}/${hit.passageId}`}
              id={optionId(i)}
              className={hit.kind === 'comment' ? 'search-hit search-hit--comment' : 'search-hit'}
              role="option"
              aria-selected={i === activeIndex}
              onClick={() => onChoose(hit)}
            >
              <span className="search-hit__title">{hit.articleTitle}</span>
              <span className="search-hit__path">{breadcrumb(hit)}</span>
              <span className="search-hit__snippet">
                <Snippet text={hit.snippet} highlights={hit.highlights} />
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
