/**
 * Planning a query: from the words parsed (query.ts) to what the scorer is asked (scorer.ts),
 * through the vocabulary (typos, completions) and the synonyms, and what the user is told of
 * how their words were read.
 */
import type { SearchSource } from './source';
import type { ParsedQuery } from './query';
import { RANKING } from './ranking';
import type { TermGroup, WeightedTerm, WordTerms } from './scorer';
import { foldWord, termOf } from '../../shared/text';
import { maxTypos } from './vocabulary';

/** Shortest typed word that is matched as a prefix (shorter prefixes match too much). */
export const MIN_PREFIX_LENGTH = 3;

/** How a query's words were read: those searched as something else, to be told. */
export interface QueryReading {
  readonly corrections: { typed: string; searched: string }[];
  readonly synonyms: { word: string; searched: string[]; label?: string }[];
}

/** What a query asks of the scorer, and how its words were read. */
export interface QueryPlan {
  readonly words: WordTerms[];
  readonly groups: TermGroup[];
  readonly reading: QueryReading;
}

/** The index terms of one word, with weights (typos and, when typing, completions). */
function expandWord(loaded: SearchSource, word: string, prefix: boolean): WeightedTerm[] {
  const terms = loaded.library.vocabulary.expand(word, prefix && foldWord(word).length >= MIN_PREFIX_LENGTH, loaded.scorer.rarity);
  return [...terms].map(([term, weight]) => ({ term, weight }));
}

/** The query's words as typed, with their terms, in order (stop words left out), for synonyms. */
function clauseWords(parsed: ParsedQuery): { written: string; term: string }[] {
  return parsed.clauses.flatMap((c) =>
    (c.alternatives.length === 1 ? c.alternatives[0]!.words : []).flatMap((w) => {
      const term = termOf(w);
      return term === null ? [] : [{ written: w, term }];
    }),
  );
}

/**
 * Plan a query: each word's terms, synonym groups for every run of words that has synonyms,
 * and the words that were searched as something else (corrections and synonyms), to be told.
 *
 * Every word counts on its own, none is required: the parts of a hyphenated word (fast-twitch,
 * IGF-1) are words like any other, brought together by the side-by-side bonus, and a quoted
 * phrase is required by a filter, not by scoring. A word the library lacks is read through its
 * synonyms when it has any there, otherwise through typos.
 */
export function planQuery(loaded: SearchSource, parsed: ParsedQuery): QueryPlan {
  const { scorer } = loaded;
  const { vocabulary, synonyms: table } = loaded.library;
  const present = (terms: readonly string[]): boolean => terms.every((t) => scorer.documentFrequency(t) > 0);
  const plan: QueryPlan = { words: [], groups: [], reading: { corrections: [], synonyms: [] } };

  // Synonyms, for every run of words (longest first) that has some in the library.
  const sequence = clauseWords(parsed);
  const coveredBySynonym = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < sequence.length; i++) {
    for (let n = Math.min(table.longest, sequence.length - i); n >= 1; n--) {
      const run = sequence.slice(i, i + n);
      const found = table.lookup(run.map((w) => w.term)).filter((syn) => present(syn.terms));
      const fresh = found.filter((syn) => !seen.has(syn.terms.join(' ')));
      for (const synonym of fresh) {
        seen.add(synonym.terms.join(' '));
        // A synonym phrase of n words adds n terms' scores: each weighs 1/n² of a synonym, so
        // a phrase never outranks the word searched.
        const weight = RANKING.synonymWeight / synonym.terms.length ** 2;
        plan.groups.push(synonym.terms.map((term) => [{ term, weight }]));
      }
      // Words the library lacks, found through synonyms: say so, with the group's label.
      if (found.length > 0 && !present(run.map((w) => w.term))) {
        const word = run.map((w) => w.written).join(' ');
        if (n === 1) coveredBySynonym.add(run[0]!.written);
        if (!plan.reading.synonyms.some((s) => s.word === word)) {
          const label = found.find((syn) => !syn.fromHead && syn.group.label)?.group.label;
          plan.reading.synonyms.push({ word, searched: [...new Set(found.map((syn) => syn.written))], ...(label ? { label } : {}) });
        }
      }
    }
  }

  const lastClause = parsed.clauses.length - 1;
  parsed.clauses.forEach((clause, ci) =>
    clause.alternatives.forEach((alt, ai) => {
      const typingAlt = parsed.typing && ci === lastClause && ai === clause.alternatives.length - 1;
      const words = alt.words.filter((w) => termOf(w) !== null);
      words.forEach((w, wi) => {
        const typing = typingAlt && wi === words.length - 1;
        if (alt.quoted || coveredBySynonym.has(w)) {
          plan.words.push([{ term: termOf(w)!, weight: 1 }]);
          return;
        }
        const terms = expandWord(loaded, w, typing);
        if (terms.length > 0) plan.words.push(terms);
        // A word the library lacks, read as its nearest words: say so, but not for a word still
        // being typed that its completions account for.
        const folded = foldWord(w);
        if (vocabulary.stemCount(termOf(w)!) === 0 && terms.length > 1 && !(typing && vocabulary.hasPrefix(folded))) {
          const searched = vocabulary.closest(folded, maxTypos(folded));
          if (searched && !plan.reading.corrections.some((c) => c.typed === w)) plan.reading.corrections.push({ typed: w, searched });
        }
      });
    }),
  );
  return plan;
}
