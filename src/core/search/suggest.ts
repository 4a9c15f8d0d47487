/**
 * Completions of the word being typed, from the library's vocabulary.
 */
import { MAX_QUERY_LENGTH } from '../../shared/schemas';
import type { SearchSource } from './source';
import { MIN_PREFIX_LENGTH } from './plan';
import { parseQuery } from './query';
import { foldWord } from '../../shared/text';

/**
 * Complete the word being typed with words of the library (most frequent first), keeping the
 * rest of the query as typed.
 *
 * @example suggest(loaded, 'dry mo') // ['dry mouth', ...]
 */
export function suggest(loaded: SearchSource, query: string, limit = 5): string[] {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  if (!parseQuery(q).typing) return [];
  const last = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*$/u.exec(q);
  const folded = last ? foldWord(last[0]) : '';
  // Completing costs a vocabulary walk only, so it starts a letter earlier than prefix search.
  if (!last || folded.length < MIN_PREFIX_LENGTH - 1) return [];
  // A word the library has is finished as typed: offering longer words would put words in the
  // query that the user did not start ("sleep" is not the start of "sleepy").
  if (loaded.library.vocabulary.entry(folded)) return [];
  const before = q.slice(0, last.index);
  return loaded.library.vocabulary.complete(folded, limit).map((word) => `${before}${word}`);
}
