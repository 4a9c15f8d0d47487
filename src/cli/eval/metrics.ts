/**
 * The usual measures of a ranking against graded judgments, as trec_eval computes them.
 *
 * nDCG@k uses linear gains (the grade itself) and a log2 discount (`ndcg_cut.k`); the ideal
 * ranking is the judged documents by grade. Recall@k is the share of relevant documents in the
 * first k; MRR@k is the reciprocal rank of the first relevant one (0 when none is in the first k).
 */

/** The measures of one ranking, or their means over queries. */
export interface Measures {
  readonly ndcg10: number;
  readonly recall100: number;
  readonly mrr10: number;
}

/**
 * nDCG at depth k.
 *
 * @example ndcg(['a', 'b'], new Map([['b', 1]]), 10) // 1 / log2(3)
 */
export function ndcg(ranking: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((id, i) => {
    dcg += (judged.get(id) ?? 0) / Math.log2(i + 2);
  });
  const ideal = [...judged.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

/** Share of the relevant documents found in the first k. */
export function recall(ranking: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  if (judged.size === 0) return 0;
  return ranking.slice(0, k).filter((id) => (judged.get(id) ?? 0) > 0).length / judged.size;
}

/** Reciprocal rank of the first relevant document in the first k, 0 when there is none. */
export function reciprocalRank(ranking: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  const at = ranking.slice(0, k).findIndex((id) => (judged.get(id) ?? 0) > 0);
  return at === -1 ? 0 : 1 / (at + 1);
}

/** The three measures of one ranking. */
export function measure(ranking: readonly string[], judged: ReadonlyMap<string, number>): Measures {
  return { ndcg10: ndcg(ranking, judged, 10), recall100: recall(ranking, judged, 100), mrr10: reciprocalRank(ranking, judged, 10) };
}

/** The mean of each measure over queries (0 for none). */
export function meanMeasures(all: readonly Measures[]): Measures {
  const mean = (pick: (m: Measures) => number): number => (all.length === 0 ? 0 : all.reduce((s, m) => s + pick(m), 0) / all.length);
  return { ndcg10: mean((m) => m.ndcg10), recall100: mean((m) => m.recall100), mrr10: mean((m) => m.mrr10) };
}
