/**
 * The search box wired to the engine: holds what is typed and the filters, searches and asks for
 * suggestions on every change, keeps the recent searches, and tracks the open panel and the
 * active option. A Quire link pasted into it (quire://article/…) opens with Enter; Enter with no
 * active option, or "Show all N results", opens the full results view.
 */
import { useCallback, useId, useMemo, useState, type RefObject } from 'react';
import type { SearchHit, SearchOptions, TitleHit } from '../../../shared/api';
import type { PassageKind } from '../../../shared/model';
import { SEARCH_LIMIT } from '../../../shared/search-limits';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterChips } from '../components/FilterChips';
import { SearchBox } from '../components/SearchBox';
import { SearchHelp } from '../components/SearchHelp';
import { SearchStatus } from '../components/SearchStatus';
import { usePaintedMark } from '../hooks/usePaintedMark';
import { useRecentSearches } from '../hooks/useRecentSearches';
import { useSearch } from '../hooks/useSearch';
import { formatNumber } from '../format';
import { useSuggestions } from '../hooks/useSuggestions';
import { parseLink, type Route } from '../route';
import {
  articleChips,
  buildListModel,
  filterCount,
  groupHits,
  kindChips,
  NO_FILTERS,
  recentOptions,
  suggestionOptions,
  toggleArticle,
  toggleKind,
  type Chip,
  type SearchFilters,
  type SearchOption,
} from '../search-model';

interface Props {
  /** The input element, so that a shortcut can focus it. */
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** Open a result (go to its passage); `query` is the search it came from. */
  readonly onOpenHit: (hit: SearchHit, query: string) => void;
  /** Open an article found by its title, at its top; `query` is the search it came from. */
  readonly onOpenTitle: (title: TitleHit, query: string) => void;
  /** Show every result of a search, with these filters, in the main view. */
  readonly onOpenResults: (query: string, filters: SearchFilters) => void;
  /** Go to the place a pasted Quire link names. */
  readonly onOpenLink: (route: Route) => void;
  /** How the focus shortcut reads on this system. */
  readonly shortcutLabel: string;
}

/** The search box, its panel and its help, connected. */
export function SearchContainer({ inputRef, onOpenHit, onOpenTitle, onOpenResults, onOpenLink, shortcutLabel }: Readonly<Props>) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [activeKey, setActiveKey] = useState<string>();
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();

  const articleIds = useMemo(() => filters.articles.map((a) => a.key), [filters]);
  const options = useMemo<SearchOptions>(
    () => ({
      limit: SEARCH_LIMIT,
      ...(articleIds.length > 0 && { articleIds }),
      ...(filters.kinds.length > 0 && { kinds: filters.kinds }),
    }),
    [articleIds, filters],
  );
  const typed = query.trim() !== '';
  const link = useMemo(() => parseLink(query), [query]);
  const { response, pending, error } = useSearch(query, options);
  const { suggestions, pending: suggesting } = useSuggestions(query);
  const { recent, add: addRecent, refresh: refreshRecent, clear: clearRecent } = useRecentSearches();

  const groups = useMemo(
    () => groupHits(response?.results ?? [], response?.articles ?? [], response?.total, response?.titles ?? []),
    [response],
  );
  const suggestionList = useMemo(() => suggestionOptions(suggestions, query), [suggestions, query]);
  const recentList = useMemo(() => recentOptions(recent), [recent]);
  const list = useMemo(
    () => (typed ? buildListModel([], suggestionList, groups) : buildListModel(recentList, [], [])),
    [typed, suggestionList, groups, recentList],
  );
  const chips = useMemo(
    () => ({ articles: articleChips(response?.articles ?? [], filters), kinds: kindChips(response?.kinds ?? [], filters) }),
    [response, filters],
  );
  const expanded = open && (typed || list.options.length > 0);
  usePaintedMark(response, query, !pending);

  const changeQuery = useCallback((next: string) => {
    setQuery(next);
    setOpen(true);
    // Filters belong to a search: an emptied box starts afresh.
    if (next.trim() === '') {
      setFilters(NO_FILTERS);
      setFiltersOpen(false);
      setActiveKey(undefined);
    }
  }, []);

  const changeFilters = (update: (filters: SearchFilters) => SearchFilters): void => setFilters(update);

  /** Leave the box for the full results view of what is typed. */
  const openAll = (): void => {
    addRecent(query);
    setOpen(false);
    setActiveKey(undefined);
    onOpenResults(query, filters);
  };

  /** Put text in the box (a suggestion, a recent search, a correction) and keep typing there. */
  const replaceQuery = useCallback(
    (text: string) => {
      changeQuery(text);
      setActiveKey(undefined);
      inputRef.current?.focus();
    },
    [changeQuery, inputRef],
  );

  const choose = useCallback(
    (option: SearchOption) => {
      if (option.type === 'recent' || option.type === 'suggestion') {
        replaceQuery(option.text);
        return;
      }
      addRecent(query);
      setOpen(false);
      setActiveKey(undefined);
      if (option.type === 'title') onOpenTitle(option.title, query.trim());
      else onOpenHit(option.hit, query.trim());
    },
    [addRecent, onOpenHit, onOpenTitle, query, replaceQuery],
  );

  const found = response ? response.total + response.titles.length : 0;
  const showChips = typed && (chips.articles.length > 0 || chips.kinds.length > 0);
  const chosen = filterCount(filters);

  return (
    <SearchBox
      query={query}
      onQueryChange={changeQuery}
      expanded={expanded}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setActiveKey(undefined);
        if (next) setHelpOpen(false);
      }}
      onFocus={() => {
        setOpen(true);
        refreshRecent();
      }}
      list={list}
      activeKey={activeKey}
      onActiveKeyChange={setActiveKey}
      onChoose={choose}
      onSubmit={() => {
        if (!link) {
          openAll();
          return;
        }
        changeQuery('');
        setOpen(false);
        onOpenLink(link);
      }}
      busy={typed && (pending || suggesting)}
      status={
        link ? (
          'A Quire link: press Enter to open it.'
        ) : typed ? (
          <SearchStatus response={response} pending={pending} onAcceptCorrection={replaceQuery} articleIds={articleIds} />
        ) : (
          ''
        )
      }
      toolbar={
        showChips && (
          <button
            type="button"
            className="search__filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls={filtersId}
            onClick={() => setFiltersOpen((o) => !o)}
          >
            Filters{chosen > 0 && ` (${chosen})`}
          </button>
        )
      }
      header={
        <>
          {error && <ErrorNotice title="The search failed" error={error} />}
          {showChips && (
            <div id={filtersId} hidden={!filtersOpen}>
              <FilterChips
              articles={chips.articles}
              kinds={chips.kinds}
              onToggleArticle={(chip: Chip) => changeFilters((f) => toggleArticle(f, chip))}
              onToggleKind={(kind: PassageKind) => changeFilters((f) => toggleKind(f, kind))}
              onClear={() => changeFilters(() => NO_FILTERS)}
              />
            </div>
          )}
        </>
      }
      footer={
        <>
          {typed && !link && found > 0 && (
            <button type="button" className="search__action" onClick={openAll}>
              Show all {formatNumber(found)} results
            </button>
          )}
          {!typed && recent.length > 0 && (
            <button
              type="button"
              className="search__action"
              onClick={() => {
                clearRecent();
                inputRef.current?.focus();
              }}
            >
              Clear recent searches
            </button>
          )}
        </>
      }
      aside={
        <SearchHelp
          open={helpOpen}
          onOpenChange={(next) => {
            setHelpOpen(next);
            if (next) setOpen(false);
          }}
        />
      }
      inputRef={inputRef}
      shortcutLabel={shortcutLabel}
    />
  );
}
