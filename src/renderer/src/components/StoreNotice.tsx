/**
 * A message from the host about the store (an unreadable file set aside at start), shown once
 * until dismissed.
 */
import './StoreNotice.css';

interface Props {
  /** The message. */
  readonly message: string;
  /** Hide it. */
  readonly onDismiss: () => void;
}

/** The notice banner (a status message). */
export function StoreNotice({ message, onDismiss }: Readonly<Props>) {
  return (
    <div role="status" className="store-notice">
      <p className="store-notice__text">{message}</p>
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
