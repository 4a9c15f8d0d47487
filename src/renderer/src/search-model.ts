/**
 * What the search panel shows, as plain data: results grouped by article, the options of the
 * combobox in the order they appear, filter chips, and the words of the status line. The
 * components draw this; nothing here touches the DOM.
 */
import type { QueryReading, SearchFacet, SearchHit, SearchResponse, TitleHit } from '../../shared/api';
import { PASSAGE_KINDS, type PassageKind } from '../../shared/model';
import { formatNumber, plural } from './format';
import type { Route } from './route';

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
  | { readonly type: 'hit'; readonly key: string; readonly hit: SearchHit }
  | { readonly type: 'title'; readonly key: string; readonly title: TitleHit };

/** The option of one hit. */
export type HitOption = Extract<SearchOption, { type: 'hit' }>;

/** The option of an article whose title matched: the article itself, opened at its top. */
export type TitleOption = Extract<SearchOption, { type: 'title' }>;

/** A result: a passage, or an article by its title. */
export type ResultOption = HitOption | TitleOption;

/** The results of one article: the article itself first when its title matched, then its passages, best first. */
export interface ResultGroup {
  readonly articleId: string;
  readonly articleTitle: string;
  /** Passages this article has in all (before `limit`), which may be more than are shown. */
  readonly total: number;
  /** The article's title match, when it has one. */
  readonly title?: TitleHit;
  /** The best score of the group (its title's or its best passage's), which orders the groups. */
  readonly score: number;
  readonly options: readonly ResultOption[];
}

/** The key of a hit, stable across answers so that the active option survives an update. */
export function hitKey(hit: SearchHit): string {
  return `hit:${hit.articleId}/${hit.passageId}`;
}

/** The key of a title hit. */
export function titleKey(title: TitleHit): string {
  return `title:${title.articleId}`;
}

/**
 * Group hits by article. An article whose title matched shows once, as its group's first
 * option, above its passages; an article with a title match only is a group of that one option.
 * Groups come in the order of their best score (title or passage; the earlier group on a tie),
 * hits keep their order (best first). A group's total counts passages: its count of hits when
 * every hit is shown (`total` is the number of results), and otherwise from the article facets
 * (never fewer than it shows).
 *
 * @param total How many passages the search found in all; all are shown when it is results.length.
 * @param titles The articles whose titles matched.
 * @example groupHits(response.results, response.articles, response.total, response.titles)[0]?.articleTitle
 */
export function groupHits(
  results: readonly SearchHit[],
  facets: readonly SearchFacet[],
  total = Infinity,
  titles: readonly TitleHit[] = [],
): ResultGroup[] {
  const totals = new Map(results.length >= total ? [] : facets.map((f) => [f.key, f.count]));
  const groups = new Map<string, { articleId: string; articleTitle: string; title?: TitleHit; score: number; hits: HitOption[] }>();
  const groupOf = (articleId: string, articleTitle: string) => {
    let group = groups.get(articleId);
    if (!group) {
      group = { articleId, articleTitle, score: -Infinity, hits: [] };
      groups.set(articleId, group);
    }
    return group;
  };
  for (const hit of results) {
    const group = groupOf(hit.articleId, hit.articleTitle);
    group.hits.push({ type: 'hit', key: hitKey(hit), hit });
    group.score = Math.max(group.score, hit.score);
  }
  for (const title of titles) {
    const group = groupOf(title.articleId, title.articleTitle);
    if (group.title) continue;
    group.title = title;
    group.score = Math.max(group.score, title.score);
  }
  const ordered = [...groups.values()].map((g, i) => ({ g, i })).sort((a, b) => b.g.score - a.g.score || a.i - b.i);
  return ordered.map(({ g }) => ({
    articleId: g.articleId,
    articleTitle: g.articleTitle,
    ...(g.title && { title: g.title }),
    score: g.score,
    total: Math.max(totals.get(g.articleId) ?? 0, g.hits.length),
    options: g.title ? [{ type: 'title', key: titleKey(g.title), title: g.title }, ...g.hits] : g.hits,
  }));
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

/** A hit's breadcrumb: its section path (the lead section's is its name, "Beginning"). */
export function breadcrumb(hit: SearchHit): string {
  return hit.sectionPath.join(' › ');
}

/**
 * The heading of a question-and-answer result: the question (the answer's section title) and the
 * breadcrumb above it, less the question itself. Undefined for any other kind of passage.
 *
 * @example qaHeading(answerHit)?.question // 'How long does it take for baclofen to work?'
 */
export function qaHeading(hit: SearchHit): { readonly question: string; readonly path: string } | undefined {
  if (hit.kind !== 'answer' || hit.sectionTitle.trim() === '') return undefined;
  const crumbs = breadcrumb(hit).split(' › ');
  if (crumbs.at(-1) === hit.sectionTitle) crumbs.pop();
  return { question: hit.sectionTitle, path: crumbs.join(' › ') };
}

/**
 * How many articles an answer's passages are in: its article facets, less those an article
 * filter leaves out (the facets count every article, before the article filter).
 */
export function articleCount(response: SearchResponse, articleIds: readonly string[] = []): number {
  // Without an article filter every article with hits counts, listed as a facet or not.
  if (articleIds.length === 0) return response.articleTotal;
  const chosen = new Set(articleIds);
  return response.articles.filter((f) => f.count > 0 && chosen.has(f.key)).length;
}

/**
 * What the status line says about an answer: passages and the articles they are in, and the
 * articles found by their titles, e.g. "12 passages in 2 articles · 1 title".
 *
 * @param articleIds the article filter in force, if any
 * @param best say when only the best passages are shown (the drop-down; the full view pages instead)
 */
export function statusText(response: SearchResponse | undefined, pending: boolean, articleIds: readonly string[] = [], best = true): string {
  if (!response) return pending ? 'Searching…' : '';
  const titles = response.titles.length;
  if (response.total === 0 && titles === 0) return `No results for “${response.query}”.`;
  const titlePart = titles > 0 ? plural(titles, 'title') : '';
  if (response.total === 0) return `No passages · ${titlePart}`;
  const shown = response.results.length;
  const passages = `${plural(response.total, 'passage')} in ${plural(articleCount(response, articleIds), 'article')}`;
  const cut = best && shown < response.total ? `, showing the best ${formatNumber(shown)}` : '';
  return [`${passages}${cut}`, titlePart].filter((p) => p !== '').join(' · ');
}

/** One line of the notice that says how the query was read. */
export type ReadingLine =
  /** "Showing results for <searched> (you typed <typed>)". */
  | { readonly type: 'correction'; readonly searched: string; readonly typed: string }
  /** "<word>: a brand name of baclofen" or "<word>: also searched as baclofen, Gablofen". */
  | { readonly type: 'synonym'; readonly word: string; readonly text: string };

/**
 * The lines of the "how the query was read" notice: one for the corrections, one per synonym.
 *
 * @param typed the query as typed
 * @example readingLines({ query: 'baclofen', corrections: [{ typed: 'baclofin', searched: 'baclofen' }], synonyms: [] }, 'baclofin')
 *   // [{ type: 'correction', searched: 'baclofen', typed: 'baclofin' }]
 */
export function readingLines(readAs: QueryReading | undefined, typed: string): ReadingLine[] {
  if (!readAs) return [];
  const lines: ReadingLine[] = [];
  if (readAs.corrections.length > 0) lines.push({ type: 'correction', searched: readAs.query, typed: typed.trim() });
  for (const s of readAs.synonyms) {
    const text = s.label?.trim() ? s.label.trim() : `also searched as ${s.searched.join(', ')}`;
    lines.push({ type: 'synonym', word: s.word, text });
  }
  return lines;
}

/** A page of a long result list, as the full results view pages it. */
export interface ResultPage {
  /** 1-based number of the first result shown (0 when none). */
  readonly first: number;
  /** 1-based number of the last result shown. */
  readonly last: number;
  readonly total: number;
  /** The offset of the previous page, if there is one. */
  readonly previous?: number;
  /** The offset of the next page, if there is one. */
  readonly next?: number;
}

/**
 * Where a page sits in the whole list of passages.
 *
 * @example resultPage(50, 50, 137) // { first: 51, last: 100, total: 137, previous: 0, next: 100 }
 */
export function resultPage(offset: number, size: number, total: number): ResultPage {
  const first = total === 0 ? 0 : Math.min(offset + 1, total);
  const last = Math.min(offset + size, total);
  return {
    first,
    last,
    total,
    ...(offset > 0 && { previous: Math.max(0, offset - size) }),
    ...(offset + size < total && { next: offset + size }),
  };
}

/** "Results 1–50 of 137". */
export function pageText(page: ResultPage): string {
  if (page.total === 0) return 'No passages';
  return `Results ${formatNumber(page.first)}–${formatNumber(page.last)} of ${formatNumber(page.total)}`;
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
  /** Every option, in the order shown: recent searches or suggestions first, then each group's results. */
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

/** How many filters are chosen (the count on the "Filters (n)" toggle). */
export function filterCount(filters: SearchFilters): number {
  return filters.articles.length + filters.kinds.length;
}

/** The route of the full results view. */
export type ResultsRoute = Extract<Route, { name: 'results' }>;

/**
 * The full results view of a search with these filters, at a page (`offset`, default the first).
 *
 * @example formatRoute(resultsRoute('dry mouth', NO_FILTERS)) // '#/search?q=dry+mouth'
 */
export function resultsRoute(query: string, filters: SearchFilters, offset = 0): ResultsRoute {
  return {
    name: 'results',
    query,
    ...(offset > 0 && { offset }),
    ...(filters.articles.length > 0 && { articleIds: filters.articles.map((a) => a.key) }),
    ...(filters.kinds.length > 0 && { kinds: filters.kinds }),
  };
}
