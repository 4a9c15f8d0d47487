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

/** The chip rows; nothing when there is nothing to filter by. */
export function FilterChips({ articles, kinds, onToggleArticle, onToggleKind, onClear }: Readonly<Props>) {
  if (articles.length === 0 && kinds.length === 0) return null;
  const active = articles.some((c) => c.pressed) || kinds.some((c) => c.pressed);
  return (
    <div className="filter-chips" role="group" aria-label="Filter results">
      {articles.length > 0 && (
        <ul className="filter-chips__row" aria-label="Articles">
          {articles.map((chip) => (
            <ChipButton key={chip.key} chip={chip} onToggle={() => onToggleArticle(chip)} />
          ))}
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
