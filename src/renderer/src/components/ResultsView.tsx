/**
 * The full results view: every result of a search in the main pane, grouped by article (the
 * article itself first in its group when its title matched), with the filter chips and pages.
 * Each result is a link: Tab reaches it, Enter opens it; the arrow keys move between results;
 * Escape or "Back" returns to where the search was made.
 */
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { SearchHit, TitleHit } from '../../../shared/api';
import type { PassageKind } from '../../../shared/model';
import { plural } from '../format';
import { formatRoute } from '../route';
import { pageText, type Chip, type ResultGroup, type ResultPage } from '../search-model';
import { FilterChips } from './FilterChips';
import { HitView, TitleView } from './SearchHit';
import './ResultsView.css';

interface Props {
  /** The page's heading, focused on arrival. */
  readonly headingRef?: Ref<HTMLHeadingElement>;
  /** The search, as typed. */
  readonly query: string;
  /** The status line (counts, how the query was read); announced politely. */
  readonly status: ReactNode;
  /** The results of this page, grouped by article. */
  readonly groups: readonly ResultGroup[];
  /** Where this page sits in the whole list; undefined until the first answer. */
  readonly page: ResultPage | undefined;
  /** Article chips, most hits first. */
  readonly articleChips: readonly Chip[];
  /** Passage-kind chips. */
  readonly kindChips: readonly Chip<PassageKind>[];
  /** Shown above the results (an error). */
  readonly notice?: ReactNode;
  /** Turn an article filter on or off. */
  readonly onToggleArticle: (chip: Chip) => void;
  /** Turn a kind filter on or off. */
  readonly onToggleKind: (kind: PassageKind) => void;
  /** Turn every filter off. */
  readonly onClearFilters: () => void;
  /** Open a passage. */
  readonly onOpenHit: (hit: SearchHit) => void;
  /** Open an article found by its title, at its top. */
  readonly onOpenTitle: (title: TitleHit) => void;
  /** Go to another page, by its offset. */
  readonly onPage: (offset: number) => void;
  /** Return to where the search was made. */
  readonly onBack: () => void;
}

/** Move focus to the next or previous result link with the arrow keys. */
function onListKeyDown(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.results__link')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  event.preventDefault();
  links[Math.max(0, Math.min(links.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

/** One page of results, with its heading, status, chips and pager. */
export function ResultsView({
  headingRef,
  query,
  status,
  groups,
  page,
  articleChips,
  kindChips,
  notice,
  onToggleArticle,
  onToggleKind,
  onClearFilters,
  onOpenHit,
  onOpenTitle,
  onPage,
  onBack,
}: Readonly<Props>) {
  const base = useId();
  const headingId = `${base}-heading`;
  return (
    <section
      className="results"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <div className="results__top">
        <button type="button" className="button results__back" onClick={onBack}>
          <span aria-hidden="true">←</span> Back
        </button>
      </div>
      <h1 id={headingId} ref={headingRef} tabIndex={-1} className="results__heading">
        Results for “{query}”
      </h1>
      <p className="results__status" role="status">
        {status}
      </p>
      {notice}
      <FilterChips
        articles={articleChips}
        kinds={kindChips}
        onToggleArticle={onToggleArticle}
        onToggleKind={onToggleKind}
        onClear={onClearFilters}
      />
      <div className="results__groups" onKeyDown={onListKeyDown}>
        {groups.map((group, g) => (
          <section key={group.articleId} className="results__group" aria-labelledby={`${base}-group-${g}`}>
            <h2 id={`${base}-group-${g}`} className="results__group-heading">
              <span className="results__group-title">{group.articleTitle}</span>{' '}
              <span className="results__count">{group.total > 0 ? plural(group.total, 'passage') : 'title only'}</span>
            </h2>
            <ol className="results__list">
              {group.options.map((option) => (
                <li key={option.key} className="results__item">
                  {option.type === 'title' ? (
                    <a
                      className="results__link search-hit"
                      data-result="title"
                      href={formatRoute({ name: 'article', articleId: option.title.articleId })}
                      onClick={(event) => {
                        event.preventDefault();
                        onOpenTitle(option.title);
                      }}
                    >
                      <TitleView title={option.title} />
                    </a>
                  ) : (
                    <a
                      className={`results__link search-hit${option.hit.kind === 'comment' ? ' search-hit--comment' : ''}`}
                      data-result="passage"
                      data-kind={option.hit.kind}
                      href={formatRoute({ name: 'article', articleId: option.hit.articleId, passageId: option.hit.passageId })}
                      onClick={(event) => {
                        event.preventDefault();
                        onOpenHit(option.hit);
                      }}
                    >
                      <HitView hit={option.hit} />
                    </a>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
      {page && page.total > 0 && (
        <nav className="results__pager" aria-label="Result pages">
          <button
            type="button"
            className="button"
            disabled={page.previous === undefined}
            onClick={() => page.previous !== undefined && onPage(page.previous)}
          >
            Previous page
          </button>
          <span className="results__range">{pageText(page)}</span>
          <button type="button" className="button" disabled={page.next === undefined} onClick={() => page.next !== undefined && onPage(page.next)}>
            Next page
          </button>
        </nav>
      )}
    </section>
  );
}
