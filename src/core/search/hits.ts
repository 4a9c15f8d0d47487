/**
 * Results as the answer carries them: passage hits with snippets and matched words, and the
 * articles whose titles matched.
 */
import type { SearchHit, TitleHit } from '../../shared/api';
import type { SearchSource } from './source';
import type { Ranked } from './proximity';
import { makeSnippet } from './snippet';
import { topK } from './top-k';
import { matchedSpans } from './words';

/** Round a score for the answer (three decimals are all a person or a test compares). */
function rounded(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** A ranked passage as a hit, with the index terms it matched marked. */
export function toHit(loaded: SearchSource, { ref, score }: Ranked, matched: ReadonlySet<string>): SearchHit {
  const { article, section, passage } = ref;
  const words = loaded.words.of(passage.text);
  const { snippet, highlights } = makeSnippet(passage.text, matched, words);
  const matches = [...new Set(matchedSpans(words, matched).map(([start, end]) => passage.text.slice(start, end)))];
  return {
    articleId: article.id,
    articleTitle: article.title,
    sectionId: passage.sectionId,
    sectionTitle: section?.title ?? 'Reader comments',
    sectionPath: section?.path ?? ['Reader comments'],
    passageId: passage.id,
    kind: passage.kind,
    text: passage.text,
    snippet,
    highlights,
    matches,
    score: rounded(score),
  };
}

/** The articles whose titles matched, best first, with the matched words of each title marked. */
export function titleHits(loaded: SearchSource, scores: Float64Array, terms: ReadonlySet<string>, limit: number): TitleHit[] {
  const matched: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) matched.push(i);
  return topK(matched, scores, limit).map((i) => {
    const article = loaded.table.articleAt(i)!;
    return { articleId: article.id, articleTitle: article.title, highlights: matchedSpans(loaded.words.of(article.title), terms), score: rounded(scores[i]!) };
  });
}
