/**
 * Filter chips under the search box: one toggle button per article and per kind of passage the
 * answer has hits in, with the count, and a way to clear them all.
 */
import type { PassageKind } from '../../../shared/model';
import { formatNumber } from '../format';
import type { Chip } from '../search-model';
import './FilterChips.css';

interface Props {
  /** Article chips, most hits first. */
  readonly articles: readonly Chip[];
  /** Passage-kind chips, in the canonical order. */
  readonly kinds: readonly Chip<PassageKind>[];
  /** Turn an article filter on or off. */
  readonly onToggleArticle: (chip: Chip) => void;
  /** Turn a kind filter on or off. */
  readonly onToggleKind: (kind: PassageKind) => void;
  /** Turn every filter off (offered while any is on). */
  readonly onClear: () => void;
}

interface ChipButtonProps {
  readonly chip: Chip;
  readonly onToggle: () => void;
}

function ChipButton({ chip, onToggle }: Readonly<ChipButtonProps>) {
  return (
    <li>
      <button type="button" className="chip" aria-pressed={chip.pressed} title={chip.label} onClick={onToggle}>
        <span className="chip__label">{chip.label}</span>
        <span className="chip__count">
          {formatNumber(chip.count)}
          <span className="visually-hidden"> {chip.count === 1 ? 'result' : 'results'}</span>
        </span>
      </button>
    </li>
  );
}

/**
 * Article chips shown at most: a large library can have hits in hundreds of articles, and a row
 * of hundreds of buttons helps nobody and costs a render on every keystroke.
 */
export const MAX_ARTICLE_CHIPS = 8;

/** The chip rows; nothing when there is nothing to filter by. */
export function FilterChips({ articles: allArticles, kinds, onToggleArticle, onToggleKind, onClear }: Readonly<Props>) {
  if (allArticles.length === 0 && kinds.length === 0) return null;
  // The articles with most hits, and any chosen one wherever it ranks.
  const articles = allArticles.filter((c, i) => i < MAX_ARTICLE_CHIPS || c.pressed);
  const hidden = allArticles.length - articles.length;
  const active = allArticles.some((c) => c.pressed) || kinds.some((c) => c.pressed);
  return (
    <div className="filter-chips" role="group" aria-label="Filter results">
      {articles.length > 0 && (
        <ul className="filter-chips__row" aria-label="Articles">
          {articles.map((chip) => (
            <ChipButton key={chip.key} chip={chip} onToggle={() => onToggleArticle(chip)} />
          ))}
          {hidden > 0 && (
            <li className="filter-chips__more">
              and {formatNumber(hidden)} more {hidden === 1 ? 'article' : 'articles'}
            </li>
          )}
        </ul>
      )}
      {kinds.length > 0 && (
        <ul className="filter-chips__row" aria-label="Kinds of passage">
          {kinds.map((chip) => (
            <ChipButton key={chip.key} chip={chip} onToggle={() => onToggleKind(chip.key)} />
          ))}
        </ul>
      )}
      {active && (
        <button type="button" className="filter-chips__clear" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
