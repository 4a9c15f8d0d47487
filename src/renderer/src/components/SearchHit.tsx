/**
 * How one search result reads, in the drop-down and in the full results view alike: a passage
 * (kind, breadcrumb, snippet; a question and its answer as the question over the answer), or an
 * article found by its title.
 */
import type { SearchHit, TitleHit } from '../../../shared/api';
import type { PassageKind } from '../../../shared/model';
import { breadcrumb, qaHeading } from '../search-model';
import { Snippet } from './Snippet';
import './SearchHit.css';

/** A tag for the kinds of passage worth pointing out in a result (plain paragraphs get none). */
const KIND_TAGS: Partial<Record<PassageKind, string>> = {
  table: 'Table',
  quote: 'Quote',
  question: 'Question',
  answer: 'Q&A',
  // Comments need no tag: their breadcrumb says "Reader comments" and they are set in italics.
};

interface HitProps {
  /** The search hit to describe. */
  readonly hit: SearchHit;
}

/**
 * A passage result: kind and breadcrumb, then the snippet with its matches marked. An answer is
 * a question and its answer as one result: the question is its heading, the answer its snippet.
 */
export function HitView({ hit }: Readonly<HitProps>) {
  const tag = KIND_TAGS[hit.kind];
  const qa = qaHeading(hit);
  const path = qa ? qa.path : breadcrumb(hit);
  return (
    <>
      {(tag || path) && (
        <span className="search-hit__path">
          {tag && <span className="search-hit__kind">{tag}</span>}
          {path}
        </span>
      )}
      {qa && <span className="search-hit__heading">{qa.question}</span>}
      <span className="search-hit__snippet">
        <Snippet text={hit.snippet} highlights={hit.highlights} />
      </span>
    </>
  );
}

interface TitleProps {
  /** The article whose title matched. */
  readonly title: TitleHit;
}

/** An article found by its title: the article itself, opened at its top. */
export function TitleView({ title }: Readonly<TitleProps>) {
  return (
    <>
      <span className="search-hit__path">
        <span className="search-hit__kind">Article</span>
        The article, from the top
      </span>
      <span className="search-hit__heading">
        <Snippet text={title.articleTitle} highlights={title.highlights} />
      </span>
    </>
  );
}
