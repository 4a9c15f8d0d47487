/**
 * What shows while files are dragged over the window: where they go, said over the whole window
 * (the drop lands anywhere), and said to screen readers once.
 */
import './DropOverlay.css';

/** What the overlay says. */
export const DROP_TEXT = 'Drop files or folders to add them to your library';
/** What it says while files are still being added. */
export const DROP_BUSY_TEXT = 'Quire is still adding files';

interface Props {
  /** Whether files are being dragged over the window. */
  readonly active: boolean;
  /** Whether an import runs (a drop now is refused). */
  readonly busy: boolean;
}

/** The overlay, and its words in a status for screen readers. */
export function DropOverlay({ active, busy }: Readonly<Props>) {
  return (
    <>
      {/* Drawn for the eye only: its words go to the status below, once. */}
      <div className="drop-overlay" hidden={!active} aria-hidden="true" data-busy={busy || undefined}>
        <div className="drop-overlay__box">
          <svg className="drop-overlay__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 12.5h10" />
          </svg>
          <p className="drop-overlay__title">{busy ? DROP_BUSY_TEXT : DROP_TEXT}</p>
          <p className="drop-overlay__hint">
            {busy ? 'Drop these once it is done, or cancel it first.' : 'Markdown and text files, web pages saved from a browser, and EPUB books.'}
          </p>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {active ? (busy ? `${DROP_BUSY_TEXT}.` : `${DROP_TEXT}.`) : ''}
      </p>
    </>
  );
}
