/**
 * Running a parsed query: every passage it matches, scored (scorer.ts) and filtered by what the
 * query asks besides words (scopes, articles, exclusions, quoted phrases).
 */
import { PASSAGE_KINDS, type PassageKind } from '../../shared/model';
import type { LibraryView, SearchSource } from './source';
import { COMMENT_KIND } from './doc-table';
import { planQuery, type QueryReading } from './plan';
import { queryWords, type ParsedQuery, type Scope } from './query';
import { RANKING } from './ranking';
import type { Scored } from './scorer';
import { foldWord, termOf } from '../../shared/text';
import { containsSequence, foldedWords } from './words';

/** Which passage kinds each `in:` scope covers. */
const SCOPE_KINDS: Record<Scope, readonly PassageKind[]> = {
  comments: ['comment'],
  body: PASSAGE_KINDS.filter((k) => k !== 'comment'),
  faq: ['question', 'answer'],
  table: ['table'],
};

/** Every passage a query matches, with scores (parallel typed arrays, `count` long). */
export interface Candidates extends Scored {
  /** The index terms the query scored, for telling which matched in a passage. */
  readonly terms: readonly string[];
  /** Words searched as something else. */
  readonly reading: QueryReading;
}

/** Article ids an `article:` value names: the id itself, or titles containing its words. */
function resolveArticles(library: LibraryView, values: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const value of values) {
    const v = value.toLowerCase();
    if (library.article(v)) {
      ids.add(v);
      continue;
    }
    const words = queryWords(value.replace(/[-_]/g, ' ')).map(foldWord);
    for (const a of library.articles) {
      const title = new Set(foldedWords(a.title));
      const idWords = new Set(a.id.split('-'));
      if (words.length > 0 && words.every((w) => title.has(w) || idWords.has(w) || [...title].some((t) => t.startsWith(w) && w.length >= 3))) ids.add(a.id);
    }
  }
  return ids;
}

/** Documents an exclusion names: containing the word, or the phrase in order. */
function excludedDocs(loaded: SearchSource, parsed: ParsedQuery): Set<number> {
  const out = new Set<number>();
  for (const words of parsed.excludes) {
    const terms = words.filter((w) => termOf(w) !== null);
    if (terms.length === 0) continue;
    const folded = words.map(foldWord);
    // Only the passage's own text: a word of the article title must not exclude every passage.
    for (const id of loaded.textMatches(terms)) {
      if (words.length === 1 || containsSequence(foldedWords(loaded.library.doc(id)?.passage.text ?? ''), folded)) out.add(id);
    }
  }
  return out;
}

/** Run a parsed query: every passage it matches, with scores; undefined when it asks nothing. */
export function rank(loaded: SearchSource, parsed: ParsedQuery): Candidates | undefined {
  const { library } = loaded;
  const hasScope = parsed.scopes.length > 0 || parsed.articles.length > 0;
  if (parsed.clauses.length === 0 && !hasScope) return undefined;

  const kinds = parsed.scopes.length > 0 ? new Set(parsed.scopes.flatMap((s) => SCOPE_KINDS[s])) : undefined;
  const articleIds = parsed.articles.length > 0 ? resolveArticles(library, parsed.articles) : undefined;
  const excluded = excludedDocs(loaded, parsed);
  const required = parsed.clauses.flatMap((c) => (c.alternatives.every((a) => a.quoted) ? [c.alternatives.map((a) => a.words.map(foldWord))] : []));
  const needsFilter = kinds !== undefined || articleIds !== undefined || excluded.size > 0 || required.length > 0;
  const allowed = (id: number): boolean => {
    const ref = library.doc(id);
    if (!ref || excluded.has(id)) return false;
    if (kinds && !kinds.has(ref.passage.kind)) return false;
    if (articleIds && !articleIds.has(ref.article.id)) return false;
    if (required.length > 0) {
      const words = foldedWords(ref.passage.text);
      if (!required.every((alts) => alts.some((phrase) => containsSequence(words, phrase)))) return false;
    }
    return true;
  };

  const { words, groups, reading } = planQuery(loaded, parsed);
  const terms = [...new Set([...words.flat(), ...groups.flat(2)].map((t) => t.term))];

  let scored: Scored;
  if (parsed.clauses.length === 0) {
    const count = library.docCount;
    scored = { count, docs: Int32Array.from({ length: count }, (_, i) => i), scores: new Float64Array(count).fill(1), titleOnly: new Uint8Array(count), titleScores: new Float64Array(count) };
  } else {
    scored = loaded.scorer.score({ words, groups });
  }
  // Filter in place: the scorer's arrays are this query's own.
  const { docs, scores, titleOnly, titleScores } = scored;
  const kindOf = loaded.table.kind;
  const commentWeight = RANKING.commentWeight;
  let count = 0;
  for (let i = 0; i < scored.count; i++) {
    const doc = docs[i]!;
    if (needsFilter && !allowed(doc)) continue;
    docs[count] = doc;
    // Editorial text wins an otherwise equal match over a reader comment.
    scores[count] = kindOf[doc] === COMMENT_KIND ? scores[i]! * commentWeight : scores[i]!;
    titleOnly[count] = titleOnly[i]!;
    titleScores[count] = titleScores[i]!;
    count++;
  }
  return { count, docs, scores, titleOnly, titleScores, terms, reading };
}
