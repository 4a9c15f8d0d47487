/**
 * The full results view wired to the engine: one page of a search's results, its filters and
 * its page held in the route (so that Back returns to the same page), searched with the API's
 * `offset` and `limit`.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SearchHit, SearchOptions, TitleHit } from '../../../shared/api';
import type { ArticleSummary, PassageKind } from '../../../shared/model';
import { ErrorNotice } from '../components/ErrorNotice';
import { ResultsView } from '../components/ResultsView';
import { SearchStatus } from '../components/SearchStatus';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSearch } from '../hooks/useSearch';
import {
  articleChips,
  groupHits,
  kindChips,
  NO_FILTERS,
  resultPage,
  resultsRoute,
  toggleArticle,
  toggleKind,
  type Chip,
  type ResultsRoute,
  type SearchFilters,
} from '../search-model';

/** Results on one page of the full view. */
export const RESULTS_PAGE_SIZE = 50;

interface Props {
  /** The search, its page and its filters. */
  readonly route: ResultsRoute;
  /** The library's articles (for naming a chosen article filter the answer does not mention). */
  readonly articles: readonly ArticleSummary[];
  /** Open a passage; `query` is the search it came from. */
  readonly onOpenHit: (hit: SearchHit, query: string) => void;
  /** Open an article found by its title, at its top. */
  readonly onOpenTitle: (title: TitleHit, query: string) => void;
  /** Show another page or other filters of the same search (in place of this one). */
  readonly onChange: (route: ResultsRoute) => void;
  /** Return to where the search was made. */
  readonly onBack: () => void;
}

/** One page of a search's results in the main pane. */
export function ResultsScreen({ route, articles, onOpenHit, onOpenTitle, onChange, onBack }: Readonly<Props>) {
  const { query } = route;
  const offset = route.offset ?? 0;
  // The route is read afresh from the address: compare its filters by value, not by identity.
  const articleKey = (route.articleIds ?? []).join('\u0000');
  const kindKey = (route.kinds ?? []).join(',');
  const options = useMemo<SearchOptions>(() => {
    const articleIds = articleKey === '' ? [] : articleKey.split('\u0000');
    const kinds = kindKey === '' ? [] : (kindKey.split(',') as PassageKind[]);
    return {
      limit: RESULTS_PAGE_SIZE,
      offset,
      ...(articleIds.length > 0 && { articleIds }),
      ...(kinds.length > 0 && { kinds }),
    };
  }, [articleKey, kindKey, offset]);
  const { response, pending, error } = useSearch(query, options);
  useDocumentTitle(`Results for “${query}”`);

  const filters = useMemo<SearchFilters>(() => {
    const label = (id: string): string =>
      response?.articles.find((f) => f.key === id)?.label ?? articles.find((a) => a.id === id)?.title ?? id;
    return { articles: (options.articleIds ?? []).map((id) => ({ key: id, label: label(id), count: 0 })), kinds: options.kinds ?? [] };
  }, [options, response, articles]);
  const groups = useMemo(
    () => groupHits(response?.results ?? [], response?.articles ?? [], Infinity, response?.titles ?? []),
    [response],
  );
  const page = response ? resultPage(offset, RESULTS_PAGE_SIZE, response.total) : undefined;

  // Arrive on the heading: when the view opens and on every new page.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [query, offset]);

  const setFilters = (next: SearchFilters): void => onChange(resultsRoute(query, next));
  return (
    <ResultsView
      headingRef={heading}
      query={query}
      status={
        <SearchStatus
          response={response}
          pending={pending}
          paged
          articleIds={options.articleIds}
          onAcceptCorrection={(corrected) => onChange(resultsRoute(corrected, NO_FILTERS))}
        />
      }
      groups={groups}
      page={page}
      articleChips={articleChips(response?.articles ?? [], filters)}
      kindChips={kindChips(response?.kinds ?? [], filters)}
      notice={error && <ErrorNotice title="The search failed" error={error} />}
      onToggleArticle={(chip: Chip) => setFilters(toggleArticle(filters, chip))}
      onToggleKind={(kind: PassageKind) => setFilters(toggleKind(filters, kind))}
      onClearFilters={() => setFilters(NO_FILTERS)}
      onOpenHit={(hit) => onOpenHit(hit, query)}
      onOpenTitle={(title) => onOpenTitle(title, query)}
      onPage={(next) => onChange(resultsRoute(query, filters, next))}
      onBack={onBack}
    />
  );
}
