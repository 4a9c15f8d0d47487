/**
 * The combobox's listbox: recent searches or suggestions, then the results grouped by article,
 * each group headed by the article's title and how many results it has.
 */
import { memo, useId, type ReactNode } from 'react';
import type { PassageKind } from '../../../shared/model';
import { plural } from '../format';
import { breadcrumb, optionStarts, type HitOption, type SearchListModel, type SearchOption } from '../search-model';
import { Snippet } from './Snippet';
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

/** A tag for the kinds of passage worth pointing out in a result (plain paragraphs get none). */
const KIND_TAGS: Partial<Record<PassageKind, string>> = {
  table: 'Table',
  quote: 'Quote',
  question: 'Question',
  answer: 'Answer',
  // Comments need no tag: their breadcrumb says "Reader comments" and they are set in italics.
};

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

interface HitProps {
  /** The search hit to describe. */
  readonly hit: HitOption['hit'];
}

/** A result: kind and breadcrumb, then the snippet with its matches marked. */
function HitView({ hit }: Readonly<HitProps>) {
  const tag = KIND_TAGS[hit.kind];
  const path = breadcrumb(hit);
  return (
    <>
      {(tag || path) && (
        <span className="search-hit__path">
          {tag && <span className="search-hit__kind">{tag}</span>}
          {path}
        </span>
      )}
      <span className="search-hit__snippet">
        <Snippet text={hit.snippet} highlights={hit.highlights} />
      </span>
    </>
  );
}

/** One option: a result, a suggestion or a recent search. */
function OptionView({ option, id, active, onChoose }: Readonly<OptionProps>) {
  const kind = option.type === 'hit' ? option.hit.kind : undefined;
  const className = kind ? `search-option search-hit${kind === 'comment' ? ' search-hit--comment' : ''}` : `search-option search-option--${option.type}`;
  return (
    <li id={id} className={className} role="option" aria-selected={active} data-kind={kind} onClick={() => onChoose(option)}>
      {option.type === 'hit' ? <HitView hit={option.hit} /> : option.text}
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
              <span className="search-list__count">{plural(group.total, 'result')}</span>
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
