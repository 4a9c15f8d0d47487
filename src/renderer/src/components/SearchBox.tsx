/**
 * The search box and its panel, as an ARIA combobox: focus stays in the input while the arrow
 * keys move through the options (`aria-activedescendant`), Enter takes the active one (or, with
 * none, searches for what is typed), Escape closes the panel (and a second Escape clears the box).
 */
import { useEffect, useId, type FocusEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { markInput } from '../bench';
import { nextOptionKey, type SearchListModel, type SearchOption } from '../search-model';
import { SearchList } from './SearchList';
import './SearchBox.css';

/** The search input's element id: the app has one search box, which the skip links lead to. */
export const SEARCH_INPUT_ID = 'search-input';

interface Props {
  /** The text in the box. */
  readonly query: string;
  /** The reader changed the text. */
  readonly onQueryChange: (query: string) => void;
  /** Whether the panel shows (the container decides whether there is anything to show). */
  readonly expanded: boolean;
  /** Ask to open or close the panel. */
  readonly onOpenChange: (open: boolean) => void;
  /** The input got focus. */
  readonly onFocus: () => void;
  /** What the list shows: recent searches, suggestions and grouped results. */
  readonly list: SearchListModel;
  /** Key of the active option, if any. */
  readonly activeKey: string | undefined;
  /** Make another option active (undefined for none). */
  readonly onActiveKeyChange: (key: string | undefined) => void;
  /** Take an option: open a result, or put a suggestion or recent search in the box. */
  readonly onChoose: (option: SearchOption) => void;
  /** Enter with no active option: the reader settled on the text typed. */
  readonly onSubmit: () => void;
  /** Answers for the current text are still on their way. */
  readonly busy: boolean;
  /** The status line: how many results, or why there are none. */
  readonly status: ReactNode;
  /** Shown at the end of the status line's row (the "Filters" toggle). */
  readonly toolbar?: ReactNode;
  /** Shown between the status line and the list (filters, errors). */
  readonly header?: ReactNode;
  /** Shown after the list ("Show more results", "Clear recent searches"). */
  readonly footer?: ReactNode;
  /** Shown beside the box, outside the panel (the help button). */
  readonly aside?: ReactNode;
  /** The input element, so that a shortcut can focus it. */
  readonly inputRef: Ref<HTMLInputElement>;
  /** How the focus shortcut reads on this system, e.g. "Ctrl K"; shown as a hint. */
  readonly shortcutLabel: string;
}

/** The library search box with its panel of options. */
export function SearchBox({
  query,
  onQueryChange,
  expanded,
  onOpenChange,
  onFocus,
  list,
  activeKey,
  onActiveKeyChange,
  onChoose,
  onSubmit,
  busy,
  status,
  toolbar,
  header,
  footer,
  aside,
  inputRef,
  shortcutLabel,
}: Readonly<Props>) {
  const id = useId();
  const inputId = SEARCH_INPUT_ID;
  const listId = `${id}-results`;
  const hintId = `${id}-hint`;
  const { options } = list;
  const activeIndex = expanded && activeKey !== undefined ? options.findIndex((o) => o.key === activeKey) : -1;
  const active = options[activeIndex];
  const optionId = (i: number): string => `${id}-option-${i}`;

  // Keep the active option in view as the arrow keys move through a long list.
  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!expanded) onOpenChange(true);
        else onActiveKeyChange(nextOptionKey(options, active?.key, event.key === 'ArrowDown' ? 1 : -1));
        return;
      }
      case 'Enter':
        if (active) {
          event.preventDefault();
          onChoose(active);
        } else if (query.trim() !== '') {
          event.preventDefault();
          onSubmit();
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

  // Close when focus leaves the box and its panel (a click inside the panel keeps focus in the input).
  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget)) onOpenChange(false);
  };

  // Escape on a control in the panel (a filter chip, say) goes back to the box.
  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || event.target === event.currentTarget) return;
    event.preventDefault();
    document.getElementById(inputId)?.focus();
    onOpenChange(false);
  };

  return (
    <div className="search" role="search">
      <div className="search__combo" onBlur={onBlur}>
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
          onChange={(event) => {
            markInput(event.target.value);
            onQueryChange(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onClick={() => onOpenChange(true)}
        />
        <span id={hintId} className="search__hint">
          <span className="visually-hidden">Shortcut: </span>
          <kbd>{shortcutLabel}</kbd>
        </span>
        {/* Clicks inside the panel must not take focus from the input. */}
        <div
          className="search__panel"
          hidden={!expanded}
          onMouseDown={(event) => event.preventDefault()}
          onKeyDown={onPanelKeyDown}
        >
          <div className="search__bar">
            <p className="search__status" role="status">
              {expanded ? status : ''}
            </p>
            {expanded && toolbar}
          </div>
          {expanded && header}
          <SearchList id={listId} list={list} activeIndex={activeIndex} optionIdPrefix={`${id}-option-`} onChoose={onChoose} busy={busy} />
          {expanded && footer}
        </div>
      </div>
      {aside}
    </div>
  );
}
