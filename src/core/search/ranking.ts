/**
 * The ranking's parameters, in one place: BM25F over the passage's fields (see scorer.ts), then
 * what is added or taken away after scoring (synonyms, comments, proximity).
 */

/**
 * The ranking's parameters.
 *
 * A word in the article title counts as `weight` words of text, and one in a heading likewise:
 * they say what the passage is about, but every passage of an article (or a section) shares
 * them, so their weights stay modest. k1 and b are BM25's usual values.
 */
export const RANKING = {
  k1: 1.2,
  fields: {
    title: { weight: 2, b: 0.75 },
    heading: { weight: 1.5, b: 0.75 },
    text: { weight: 1, b: 0.75 },
  },
  /** Weight of a synonym's match relative to the word searched. */
  synonymWeight: 0.5,
  /** Score factor of a reader comment, so editorial text wins an equal match. */
  commentWeight: 0.85,
  /** Weight of a pair of query words found side by side, in order, against a word's (see rerank). */
  adjacentBonus: 0.2,
  /** Candidates re-ranked for proximity (the rest keep their order). */
  rerankDepth: 50,
};

/** The index field every passage of an article shares: matches there alone make no passage result. */
export const TITLE_FIELD = 'title';
