/**
 * The combobox's listbox: recent searches or suggestions, then the results grouped by article,
 * each group headed by the article's title and how many passages it has: the article itself
 * first when its title matched, then its passages.
 */
import { memo, useId, type ReactNode } from 'react';
import { plural } from '../format';
import { optionStarts, type SearchListModel, type SearchOption } from '../search-model';
import { HitView, TitleView } from './SearchHit';
import './SearchList.css';

interface Props {
  /** The listbox's element id (the input's `aria-controls`). */
  readonly id: string;
  /** What to show. */
  readonly list: SearchListModel;
  /** Index of the active option in `list.options`, or -1. */
  readonly activeIndex: number;
  /** Option element ids are this followed by the option's index in `list.options`. */
  readonly optionIdPrefix: string;
  /** Take an option (a click). */
  readonly onChoose: (option: SearchOption) => void;
  /** Answers for the current text are still on their way. */
  readonly busy: boolean;
}

interface OptionProps {
  /** What the option stands for. */
  readonly option: SearchOption;
  /** Its element id (for `aria-activedescendant`). */
  readonly id: string;
  /** Whether it is the active option. */
  readonly active: boolean;
  /** Take it (a click). */
  readonly onChoose: (option: SearchOption) => void;
}

/** One option: a result, a suggestion or a recent search. */
function OptionView({ option, id, active, onChoose }: Readonly<OptionProps>) {
  const kind = option.type === 'hit' ? option.hit.kind : undefined;
  const result = option.type === 'hit' ? 'passage' : option.type === 'title' ? 'title' : undefined;
  const className = result ? `search-option search-hit${kind === 'comment' ? ' search-hit--comment' : ''}` : `search-option search-option--${option.type}`;
  return (
    <li
      id={id}
      className={className}
      role="option"
      aria-selected={active}
      data-kind={kind}
      data-result={result}
      onClick={() => onChoose(option)}
    >
      {option.type === 'hit' ? <HitView hit={option.hit} /> : option.type === 'title' ? <TitleView title={option.title} /> : option.text}
    </li>
  );
}

interface GroupProps {
  /** The group heading's element id. */
  readonly headingId: string;
  /** The heading's content. */
  readonly heading: ReactNode;
  /** The group's options. */
  readonly options: readonly SearchOption[];
  /** Index of the group's first option in the whole list. */
  readonly first: number;
  /** Extra class for the group's look. */
  readonly className: string;
  /** Index of the active option in the whole list, or -1. */
  readonly activeIndex: number;
  /** Option element ids are this followed by the option's index in the whole list. */
  readonly optionIdPrefix: string;
  /** Take an option (a click). */
  readonly onChoose: (option: SearchOption) => void;
}

/** A labelled group of options (APG's grouped listbox: a presentational heading, then options). */
function Group({ headingId, heading, options, first, className, activeIndex, optionIdPrefix, onChoose }: Readonly<GroupProps>) {
  return (
    <ul role="group" aria-labelledby={headingId} className={`search-list__group ${className}`}>
      <li role="presentation" id={headingId} className="search-list__heading">
        {heading}
      </li>
      {options.map((option, i) => (
        <OptionView key={option.key} option={option} id={`${optionIdPrefix}${first + i}`} active={first + i === activeIndex} onChoose={onChoose} />
      ))}
    </ul>
  );
}

/** The listbox (hidden while it has no options). */
export const SearchList = memo(function SearchList({ id, list, activeIndex, optionIdPrefix, onChoose, busy }: Readonly<Props>) {
  const base = useId();
  const shared = { activeIndex, optionIdPrefix, onChoose };
  const starts = optionStarts(list);
  return (
    <div id={id} className="search-list" role="listbox" aria-label="Search results" aria-busy={busy} hidden={list.options.length === 0}>
      {list.recent.length > 0 && (
        <Group {...shared} headingId={`${base}-recent`} heading="Recent searches" options={list.recent} first={0} className="search-list__group--recent" />
      )}
      {list.suggestions.length > 0 && (
        <Group
          {...shared}
          headingId={`${base}-suggestions`}
          heading="Suggestions"
          options={list.suggestions}
          first={starts.suggestions}
          className="search-list__group--suggestions"
        />
      )}
      {list.groups.map((group, g) => (
        <Group
          {...shared}
          key={group.articleId}
          headingId={`${base}-group-${g}`}
          heading={
            <>
              <span className="search-list__title">{group.articleTitle}</span>{' '}
              <span className="search-list__count">{group.total > 0 ? plural(group.total, 'passage') : 'title only'}</span>
            </>
          }
          options={group.options}
          first={starts.groups[g] ?? 0}
          className="search-list__group--article"
        />
      ))}
    </div>
  );
});
