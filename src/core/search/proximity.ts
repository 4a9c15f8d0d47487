/**
 * Re-ranking the best candidates by proximity: query words found side by side, in order.
 */
import { LEAD_SECTION_ID } from '../../shared/model';
import type { PassageRef } from '../library/library';
import type { SearchSource } from './source';
import type { ParsedQuery } from './query';
import { RANKING } from './ranking';
import { termOf } from '../../shared/text';

/** A candidate on its way to becoming a hit. */
export interface Ranked {
  readonly ref: PassageRef;
  readonly doc: number;
  score: number;
}

/**
 * Re-rank the best candidates by proximity: each pair of query words found side by side, in
 * order, adds a BM25 score of its own, as if the pair were one more term of the query (the
 * ordered-pair feature of Metzler and Croft's sequential dependence model). The pair is at least
 * as rare as the rarer of its words, so it takes that word's idf; its frequency saturates and is
 * normalised by the passage's length like any term's. Adding it, rather than multiplying the
 * whole score, keeps a long query's many pairs from swamping what its words found.
 */
export function rerank(loaded: SearchSource, ranked: Ranked[], parsed: ParsedQuery): void {
  const queryTerms = parsed.clauses.flatMap((c) => c.alternatives.flatMap((a) => a.words.map(termOf))).filter((t): t is string => t !== null);
  if (queryTerms.length < 2 || RANKING.adjacentBonus === 0) return;
  const depth = Math.min(ranked.length, RANKING.rerankDepth);
  const { scorer, words: memo } = loaded;
  const idfs = queryTerms.map((t) => scorer.idf(scorer.documentFrequency(t)));
  const { k1 } = RANKING;
  const { b } = RANKING.fields.text;
  const mean = scorer.averageLength('text');
  const pairs = queryTerms.slice(1).map((y, k) => [queryTerms[k]!, y] as const);
  for (let i = 0; i < depth; i++) {
    const r = ranked[i]!;
    // A pair can stand together only where both its words are: most candidates of a query being
    // typed lack one, and need not be read word by word.
    if (!pairs.some(([x, y]) => scorer.has(r.doc, x) && scorer.has(r.doc, y))) continue;
    // Stop words between query words do not break adjacency: compare the sequence without them.
    // The passage's own heading counts too (a question is its answer's heading).
    const seq = memo.of(r.ref.passage.text).sequence;
    const heading = r.ref.section && r.ref.section.id !== LEAD_SECTION_ID ? memo.of(r.ref.section.title).sequence : [];
    const norm = 1 - b + (b * seq.length) / mean;
    let bonus = 0;
    for (let k = 0; k + 1 < queryTerms.length; k++) {
      const [x, y] = [queryTerms[k]!, queryTerms[k + 1]!];
      let tf = 0;
      for (const words of [seq, heading]) for (let j = 0; j + 1 < words.length; j++) if (words[j] === x && words[j + 1] === y) tf++;
      if (tf > 0) bonus += (Math.max(idfs[k]!, idfs[k + 1]!) * tf * (k1 + 1)) / (tf + k1 * norm);
    }
    r.score += RANKING.adjacentBonus * bonus;
  }
  // Only the re-ranked head moves; sort is stable, so equal scores keep the scorer's order.
  const head = ranked.slice(0, depth).sort((a, b) => b.score - a.score);
  ranked.splice(0, depth, ...head);
}
