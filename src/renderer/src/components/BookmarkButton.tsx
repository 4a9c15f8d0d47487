/**
 * The bookmark toggle beside a passage or a section heading.
 */
import './BookmarkButton.css';

interface Props {
  /** Whether the passage or section is bookmarked. */
  readonly pressed: boolean;
  /** What it bookmarks, for its accessible name. */
  readonly target: 'passage' | 'section';
  /** Toggle the bookmark. */
  readonly onToggle: () => void;
  /** Its place in the Tab order (-1 when another control of its row is the row's Tab stop). */
  readonly tabIndex?: 0 | -1;
}

/** A toggle button (aria-pressed) drawn as a bookmark ribbon: outlined when off, filled when on. */
export function BookmarkButton({ pressed, target, onToggle, tabIndex }: Readonly<Props>) {
  const label = pressed ? 'Remove bookmark' : `Bookmark this ${target}`;
  return (
    <button
      type="button"
      className="row-action bookmark-button"
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      tabIndex={tabIndex}
      onClick={onToggle}
    >
      <svg className="line-icon bookmark-button__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M4 1.5h8a.5.5 0 0 1 .5.5v12.5L8 11.25 3.5 14.5V2a.5.5 0 0 1 .5-.5Z" />
      </svg>
    </button>
  );
}
