/**
 * What the search panel shows, as plain data: results grouped by article, the options of the
 * combobox in the order they appear, filter chips, and the words of the status line. The
 * components draw this; nothing here touches the DOM.
 */
import type { SearchFacet, SearchHit, SearchResponse } from '../../shared/api';
import { PASSAGE_KINDS, type PassageKind } from '../../shared/model';
import { plural } from './format';

/** How each passage kind reads on a filter chip. */
export const KIND_LABELS: Readonly<Record<PassageKind, string>> = {
  paragraph: 'Paragraphs',
  'list-item': 'List items',
  table: 'Tables',
  quote: 'Quotes',
  question: 'Questions',
  answer: 'Answers',
  comment: 'Comments',
};

/** One choice in the search list. */
export type SearchOption =
  | { readonly type: 'recent'; readonly key: string; readonly text: string }
  | { readonly type: 'suggestion'; readonly key: string; readonly text: string }
  | { readonly type: 'hit'; readonly key: string; readonly hit: SearchHit };

/** The option of one hit. */
export type HitOption = Extract<SearchOption, { type: 'hit' }>;

/** The hits of one article, best first. */
export interface ResultGroup {
  readonly articleId: string;
  readonly articleTitle: string;
  /** Hits this article has in all (before `limit`), which may be more than are shown. */
  readonly total: number;
  readonly options: readonly HitOption[];
}

/** The key of a hit, stable across answers so that the active option survives an update. */
export function hitKey(hit: SearchHit): string {
  return `hit:${hit.articleId}/${hit.passageId}`;
}

/**
 * Group hits by article. Groups come in the order of their best hit, hits keep their order
 * (best first). A group's total is its count of hits when every hit is shown (`total` is the
 * number of results), and otherwise comes from the article facets (never fewer than it shows).
 *
 * @param total How many hits the search found in all; all are shown when it is results.length.
 * @example groupHits(response.results, response.articles, response.total)[0]?.articleTitle
 */
export function groupHits(results: readonly SearchHit[], facets: readonly SearchFacet[], total = Infinity): ResultGroup[] {
  const totals = new Map(results.length >= total ? [] : facets.map((f) => [f.key, f.count]));
  const groups = new Map<string, { articleId: string; articleTitle: string; options: HitOption[] }>();
  for (const hit of results) {
    let group = groups.get(hit.articleId);
    if (!group) {
      group = { articleId: hit.articleId, articleTitle: hit.articleTitle, options: [] };
      groups.set(hit.articleId, group);
    }
    group.options.push({ type: 'hit', key: hitKey(hit), hit });
  }
  return [...groups.values()].map((g) => ({ ...g, total: Math.max(totals.get(g.articleId) ?? 0, g.options.length) }));
}

/**
 * The suggestions worth showing: no blanks, no repeats, and not the text already typed.
 *
 * @example suggestionOptions(['dry mouth', 'Dry mouth', 'dry'], 'dry') // one option, 'dry mouth'
 */
export function suggestionOptions(suggestions: readonly string[], typed: string): SearchOption[] {
  const seen = new Set([typed.trim().toLowerCase()]);
  const options: SearchOption[] = [];
  for (const text of suggestions) {
    const norm = text.trim().toLowerCase();
    if (norm === '' || seen.has(norm)) continue;
    seen.add(norm);
    options.push({ type: 'suggestion', key: `suggest:${norm}`, text });
  }
  return options;
}

/** The recent searches as options. */
export function recentOptions(recent: readonly string[]): SearchOption[] {
  return recent.filter((text) => text.trim() !== '').map((text) => ({ type: 'recent', key: `recent:${text}`, text }));
}

/**
 * The key of the option an arrow key moves to: the next (`step` 1) or previous (-1) one,
 * wrapping round; from no active option, the first or the last.
 *
 * @example nextOptionKey(options, undefined, 1) // options[0].key
 */
export function nextOptionKey(options: readonly SearchOption[], activeKey: string | undefined, step: 1 | -1): string | undefined {
  if (options.length === 0) return undefined;
  const at = activeKey === undefined ? -1 : options.findIndex((o) => o.key === activeKey);
  const from = at < 0 ? (step === 1 ? -1 : options.length) : at;
  return options[(from + step + options.length) % options.length]?.key;
}

/** A hit's breadcrumb: its section path, less a leading repeat of the article title. */
export function breadcrumb(hit: SearchHit): string {
  const path = hit.sectionPath[0] === hit.articleTitle ? hit.sectionPath.slice(1) : hit.sectionPath;
  return path.join(' › ');
}

/** What the status line says about an answer. */
export function statusText(response: SearchResponse | undefined, pending: boolean): string {
  if (!response) return pending ? 'Searching…' : '';
  if (response.total === 0) return `No results for “${response.query}”.`;
  const shown = response.results.length;
  return shown < response.total ? `${plural(response.total, 'result')}, showing the best ${shown}` : plural(response.total, 'result');
}

/** The filters chosen with the chips. */
export interface SearchFilters {
  /** Chosen articles, with the titles their chips showed. */
  readonly articles: readonly SearchFacet[];
  readonly kinds: readonly PassageKind[];
}

/** No filter chosen. */
export const NO_FILTERS: SearchFilters = { articles: [], kinds: [] };

/** Whether any filter is chosen. */
export function hasFilters(filters: SearchFilters): boolean {
  return filters.articles.length > 0 || filters.kinds.length > 0;
}

/** Choose an article filter, or drop it if chosen. */
export function toggleArticle(filters: SearchFilters, facet: SearchFacet): SearchFilters {
  const on = filters.articles.some((a) => a.key === facet.key);
  return {
    ...filters,
    articles: on ? filters.articles.filter((a) => a.key !== facet.key) : [...filters.articles, { key: facet.key, label: facet.label, count: 0 }],
  };
}

/** Choose a kind filter, or drop it if chosen; kinds stay in their canonical order. */
export function toggleKind(filters: SearchFilters, kind: PassageKind): SearchFilters {
  const on = filters.kinds.includes(kind);
  return { ...filters, kinds: PASSAGE_KINDS.filter((k) => (k === kind ? !on : filters.kinds.includes(k))) };
}

/** One filter chip. */
export interface Chip<K extends string = string> {
  readonly key: K;
  readonly label: string;
  /** Hits with this filter (the facet's count; 0 for a chosen filter the answer has none for). */
  readonly count: number;
  readonly pressed: boolean;
}

/**
 * The article chips: one per article the answer has hits in, most hits first, then any chosen
 * article the answer no longer mentions (so that it can still be turned off).
 */
export function articleChips(facets: readonly SearchFacet[], filters: SearchFilters): Chip[] {
  const chosen = new Set(filters.articles.map((a) => a.key));
  const chips: Chip[] = facets.filter((f) => f.count > 0 || chosen.has(f.key)).map((f) => ({ ...f, pressed: chosen.has(f.key) }));
  for (const a of filters.articles) {
    if (!facets.some((f) => f.key === a.key)) chips.push({ key: a.key, label: a.label, count: 0, pressed: true });
  }
  return chips;
}

/** The kind chips: every kind with hits or chosen, in the canonical order, labelled in words. */
export function kindChips(facets: readonly SearchFacet<PassageKind>[], filters: SearchFilters): Chip<PassageKind>[] {
  const counts = new Map(facets.map((f) => [f.key, f.count]));
  return PASSAGE_KINDS.filter((k) => (counts.get(k) ?? 0) > 0 || filters.kinds.includes(k)).map((k) => ({
    key: k,
    label: KIND_LABELS[k],
    count: counts.get(k) ?? 0,
    pressed: filters.kinds.includes(k),
  }));
}

/** Everything the search list shows, and its options in the order they appear. */
export interface SearchListModel {
  /** Recent searches (shown while the box is empty). */
  readonly recent: readonly SearchOption[];
  /** Completions of the text typed (shown above the results). */
  readonly suggestions: readonly SearchOption[];
  readonly groups: readonly ResultGroup[];
  /** Every option, in the order shown: recent searches or suggestions first, then each group's hits. */
  readonly options: readonly SearchOption[];
}

/**
 * Put the list together.
 *
 * @example buildListModel([], suggestionOptions(s, q), groupHits(r.results, r.articles)).options
 */
export function buildListModel(recent: readonly SearchOption[], suggestions: readonly SearchOption[], groups: readonly ResultGroup[]): SearchListModel {
  return { recent, suggestions, groups, options: [...recent, ...suggestions, ...groups.flatMap((g) => g.options)] };
}

/** Where each part of the list starts in {@link SearchListModel.options}. */
export function optionStarts(list: SearchListModel): { readonly suggestions: number; readonly groups: readonly number[] } {
  const suggestions = list.recent.length;
  const groups: number[] = [];
  let at = suggestions + list.suggestions.length;
  for (const group of list.groups) {
    groups.push(at);
    at += group.options.length;
  }
  return { suggestions, groups };
}

/** The result limits "Show more results" steps through. */
export const RESULT_LIMITS = [20, 50, 100, 200] as const;

/** The next, larger result limit, or undefined at the largest. */
export function nextLimit(limit: number): number | undefined {
  return RESULT_LIMITS.find((l) => l > limit);
}
