/**
 * The query language, parsed into a plain structure the search engine runs.
 *
 *   words            every word counts toward the score; none is required
 *   "exact phrase"   the words must stand together, in order
 *   -word -"phrase"  passages containing it are left out
 *   a OR b           either word fills the same place in the query
 *   article:<x>      only articles whose id is x or whose title has the word x
 *   in:comments in:body in:faq in:table   only passages of that part of an article
 *
 * Parsing never fails: an unbalanced quote, a lone "-", an unknown scope or a bare "OR" all fall
 * back to plain words, so whatever is typed is searched.
 */

/** Parts of an article a query can be scoped to. */
export type Scope = 'comments' | 'body' | 'faq' | 'table';
const SCOPES: readonly Scope[] = ['comments', 'body', 'faq', 'table'];

/** One alternative of a clause: a word, a hyphenated word's parts, or a quoted phrase. */
export interface Alternative {
  readonly words: readonly string[];
  /** Quoted: the words must stand together, in order, for a passage to match. */
  readonly quoted: boolean;
}

/** One place in the query: a word, a phrase, or alternatives joined by OR. */
export interface Clause {
  readonly alternatives: readonly Alternative[];
}

/** A parsed query. */
export interface ParsedQuery {
  /** The positive clauses, in query order. */
  readonly clauses: readonly Clause[];
  /** Words and phrases whose passages are left out. */
  readonly excludes: readonly (readonly string[])[];
  /** article: values, as typed. */
  readonly articles: readonly string[];
  /** in: scopes. */
  readonly scopes: readonly Scope[];
  /** The last word is still being typed (no space or quote after it): match it as a prefix. */
  readonly typing: boolean;
}

interface Lexeme {
  readonly text: string;
  readonly quoted: boolean;
  readonly negated: boolean;
}

/** Split a query into bare words and quoted phrases, each possibly negated. */
function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && /\s/.test(query[i]!)) i++;
    if (i >= n) break;
    let negated = false;
    if (query[i] === '-' && i + 1 < n && !/\s/.test(query[i + 1]!)) {
      negated = true;
      i++;
    }
    if (query[i] === '"' || query[i] === '“' || query[i] === '”') {
      const end = query.slice(i + 1).search(/["“”]/);
      if (end !== -1) {
        out.push({ text: query.slice(i + 1, i + 1 + end), quoted: true, negated });
        i += end + 2;
        continue;
      }
      // Unbalanced quote: the rest is plain words.
      i++;
      continue;
    }
    let j = i;
    while (j < n && !/\s/.test(query[j]!) && !(j > i && /["“”]/.test(query[j]!))) j++;
    out.push({ text: query.slice(i, j), quoted: false, negated });
    i = j;
  }
  return out;
}

/** The words of a piece of query text: letters and digits only (punctuation is not searched). */
export function queryWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu) ?? [];
}

/**
 * Parse a query. Never throws.
 *
 * @example parseQuery('"dry mouth" -botox in:faq').clauses[0]?.alternatives // [['dry', 'mouth']]
 */
export function parseQuery(query: string): ParsedQuery {
  const clauses: { alternatives: Alternative[] }[] = [];
  const excludes: string[][] = [];
  const articles: string[] = [];
  const scopes: Scope[] = [];
  let joinNext = false;

  for (const lexeme of lex(query)) {
    if (!lexeme.quoted) {
      const scope = /^(article|in):(.+)$/i.exec(lexeme.text);
      if (scope && !lexeme.negated) {
        const value = scope[2]!;
        if (scope[1]!.toLowerCase() === 'article') {
          articles.push(value);
          continue;
        }
        const s = value.toLowerCase() as Scope;
        if (SCOPES.includes(s)) {
          scopes.push(s);
          continue;
        }
      }
      if (lexeme.text === 'OR' && !lexeme.negated) {
        joinNext = clauses.length > 0;
        continue;
      }
    }
    const words = queryWords(lexeme.text);
    if (words.length === 0) continue;
    if (lexeme.negated) {
      excludes.push(words);
      continue;
    }
    // A bare word with inner punctuation (CBT-I, 10-20) is searched as its parts, in one place.
    const alternative: Alternative = { words, quoted: lexeme.quoted };
    if (joinNext && clauses.length > 0) clauses[clauses.length - 1]!.alternatives.push(alternative);
    else clauses.push({ alternatives: [alternative] });
    joinNext = false;
  }
  const last = clauses.at(-1)?.alternatives.at(-1);
  const typing = /[\p{L}\p{N}\p{M}]$/u.test(query) && last !== undefined && !last.quoted;
  return { clauses, excludes, articles, scopes, typing };
}
