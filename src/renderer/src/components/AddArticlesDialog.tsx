/**
 * The small dialog File › Add Articles… opens: Choose files… and Choose a folder…
 *
 * Why a dialog and not the file chooser at once: the menu's command reaches the page without a
 * user gesture (a click or a key press in the page), and Chromium opens a file chooser only in
 * answer to one ("File chooser dialog can only be shown with a user activation"); a click on one
 * of these buttons is that gesture. Focus goes to the first button, so Enter chooses files.
 */
import { useEffect, useId, useRef } from 'react';
import './AddArticlesDialog.css';

interface Props {
  /** Whether the dialog shows. */
  readonly open: boolean;
  /** Open the file chooser. */
  readonly onChooseFiles: () => void;
  /** Open the folder chooser. */
  readonly onChooseFolder: () => void;
  /** Close it (Cancel, Escape, or a choice made). */
  readonly onClose: () => void;
}

/** The modal dialog, over the app. */
export function AddArticlesDialog({ open, onChooseFiles, onChooseFolder, onClose }: Readonly<Props>) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const before = useRef<Element | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      before.current = document.activeElement;
      el.showModal();
      first.current?.focus();
    }
    if (!open && el.open) {
      el.close();
      // Back to where the reader was when the menu opened it.
      const back = before.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    }
  }, [open]);

  const choose = (how: () => void): void => {
    // The chooser opens in answer to this click; the dialog goes as it does.
    how();
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="add-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        // Escape: closed through the app's state, so that it can open again.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`} className="add-dialog__title">
        Add articles
      </h2>
      <p id={`${id}-text`} className="add-dialog__text">
        Add Markdown or text files, web pages saved from a browser, or EPUB books, one by one or a whole folder at a time. You can also drop them on the window.
      </p>
      <div className="add-dialog__actions">
        <button ref={first} type="button" className="button button--primary" onClick={() => choose(onChooseFiles)}>
          Choose files…
        </button>
        <button type="button" className="button" onClick={() => choose(onChooseFolder)}>
          Choose a folder…
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
