/**
 * Telling how a query was read: the words searched as something else (typos, synonyms), and a
 * corrected query to offer when nothing was found.
 */
import type { SearchResponse } from '../../shared/api';
import type { SearchSource } from './source';
import type { QueryReading } from './plan';
import { parseQuery } from './query';
import { rank } from './rank';
import { foldWord, termOf } from '../../shared/text';

/** How the query was read, for the answer: absent when every word was searched as typed. */
export function readingOf(q: string, { corrections, synonyms }: QueryReading): Pick<SearchResponse, 'readAs'> {
  if (corrections.length === 0 && synonyms.length === 0) return {};
  let read = q;
  for (const c of corrections) read = read.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(c.typed)}(?![\\p{L}\\p{N}])`, 'u'), c.searched);
  return { readAs: { query: read.trim(), corrections, synonyms } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A query whose words are corrected to words of the library, if that finds anything. */
export function correct(loaded: SearchSource, query: string): string | undefined {
  const parsed = parseQuery(query);
  const words = parsed.clauses.flatMap((c) => c.alternatives.flatMap((a) => a.words));
  if (words.length === 0) return undefined;
  let changed = false;
  const fixed = words.map((word) => {
    const folded = foldWord(word);
    if (termOf(word) === null || folded.length < 4 || loaded.library.vocabulary.entry(folded)) return word;
    // More typo room than a search allows: a third of the word, at most three edits.
    const closest = loaded.library.vocabulary.closest(folded, Math.min(3, Math.max(1, Math.round(folded.length / 3))));
    if (!closest) return word;
    changed = true;
    return closest;
  });
  if (!changed) return undefined;
  const corrected = fixed.join(' ');
  return rank(loaded, parseQuery(corrected))?.docs.length ? corrected : undefined;
}
