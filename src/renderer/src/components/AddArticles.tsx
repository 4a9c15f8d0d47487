/**
 * "Add articles…" and "Add a folder…": the two ways to choose the reader's own files, in the
 * library pane and on the home screen.
 */
import './AddArticles.css';

interface Props {
  /** Open the system's file chooser (several files, of the kinds Quire reads). */
  readonly onChooseFiles: () => void;
  /** Open the system's folder chooser. */
  readonly onChooseFolder: () => void;
  /** `compact` in the library pane, where the room is narrow. */
  readonly variant?: 'compact' | 'full';
}

/** The two buttons. */
export function AddArticles({ onChooseFiles, onChooseFolder, variant = 'full' }: Readonly<Props>) {
  return (
    <div className={`add-articles add-articles--${variant}`}>
      <button type="button" className="button add-articles__button" onClick={onChooseFiles} aria-keyshortcuts="Control+O Meta+O">
        <svg className="line-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 3v10M3 8h10" />
        </svg>
        Add articles…
      </button>
      <button type="button" className="button add-articles__button" onClick={onChooseFolder}>
        Add a folder…
      </button>
    </div>
  );
}
