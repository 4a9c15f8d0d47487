/**
 * A failure, said plainly, with a way forward where there is one.
 */
import type { ReactNode } from 'react';
import { ApiError, errorLines } from '../../../shared/api';
import './ErrorNotice.css';

interface Props {
  /** What could not be done, e.g. "The article could not be opened". */
  readonly title: string;
  /** The error behind it. */
  readonly error: unknown;
  /** Offer a "Try again" button that calls this (not offered when retrying cannot help). */
  readonly onRetry?: () => void;
  /** More ways forward, such as a link back to the library. */
  readonly children?: ReactNode;
}

/** An error in the reader's terms, and the technical detail to show smaller under it. */
function explain(error: unknown): { readonly text: string; readonly detail: string } {
  const lines = errorLines(error instanceof Error ? error.message : String(error));
  // A message written for the reader is shown as it is.
  if (!(error instanceof ApiError) || lines.detail !== '') return lines;
  const detail = error.message;
  switch (error.code) {
    case 'not-found':
      return { text: 'It is not in the library.', detail };
    case 'invalid-argument':
      return { text: 'The request was not understood.', detail };
    case 'forbidden':
      return { text: 'Quire refused the request. If you use Quire in a browser, open it with the address the web host printed.', detail };
    case 'internal':
      return { text: 'Something went wrong inside Quire.', detail };
    default:
      return lines;
  }
}

/** Whether asking again could succeed: not for a missing item, a refused call or a bad argument. */
function canRetry(error: unknown): boolean {
  return !(error instanceof ApiError) || error.code === 'internal';
}

/** An error message in an alert region, announced as soon as it appears. */
export function ErrorNotice({ title, error, onRetry: retry, children }: Readonly<Props>) {
  const onRetry = canRetry(error) ? retry : undefined;
  const { text, detail } = explain(error);
  return (
    <div className="error-notice" role="alert">
      <p className="error-notice__title">{title}</p>
      <p className="error-notice__detail">{text}</p>
      {detail && <p className="error-notice__tech">{detail}</p>}
      {(onRetry || children) && (
        <div className="error-notice__actions">
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
