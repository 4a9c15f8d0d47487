/**
 * How dates, times and lengths read in the UI. Formatting is fixed to British English day-month
 * order ("18 November 2025") and never shifts a date across time zones.
 */

/** Reading speed used for reading-time estimates, in words per minute. */
export const WORDS_PER_MINUTE = 230;

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const NUMBER = new Intl.NumberFormat('en-GB');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_TIME = /T(\d{2}):(\d{2})/;

/**
 * A calendar date as words, or the input unchanged when it is not an ISO date.
 *
 * @example formatDate('2025-11-18') // '18 November 2025'
 */
export function formatDate(iso: string): string {
  return withDate(iso, DATE);
}

/**
 * A calendar date with the month abbreviated, for tight spaces such as the sidebar.
 *
 * @example formatShortDate('2025-11-18') // '18 Nov 2025'
 */
export function formatShortDate(iso: string): string {
  return withDate(iso, SHORT_DATE);
}

function withDate(iso: string, format: Intl.DateTimeFormat): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/**
 * A local date-time as words, keeping the wall-clock time as written.
 *
 * @example formatDateTime('2025-11-20T07:08') // '20 November 2025 at 07:08'
 */
export function formatDateTime(iso: string): string {
  const date = formatDate(iso);
  const t = ISO_TIME.exec(iso);
  return t ? `${date} at ${t[1]}:${t[2]}` : date;
}

/** A whole number with thousands separators. */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/**
 * Minutes to read a text of `words` words, at least one.
 *
 * @example readingMinutes(1342) // 6
 */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * A count with its noun, singular or plural.
 *
 * @example plural(1, 'result') // '1 result'
 */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : pluralForm}`;
}

/**
 * Where an article was published, as a reader cites it: author and publication where known,
 * "not recorded" where neither is.
 *
 * @example citedSource({ author: 'Jane Doe', source: 'Healthline' }) // 'Jane Doe, Healthline'
 */
export function citedSource(article: { readonly author?: string; readonly source?: string }): string {
  return [article.author, article.source].filter(Boolean).join(', ') || 'not recorded';
}

const READ_AT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * When something was last read, in the reader's own time zone: "1 Dec 2026, 10:05"; the input
 * unchanged when it is not a date.
 */
export function formatReadAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : READ_AT.format(date);
}
