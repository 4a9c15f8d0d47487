/**
 * A failure, said plainly, with a way forward where there is one.
 */
import type { ReactNode } from 'react';
import { ApiError } from '../../../shared/api';
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

/** Explain an error code in the reader's terms. */
function explain(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'not-found':
        return `It is not in the library. (${error.message})`;
      case 'invalid-argument':
        return `The request was not understood. (${error.message})`;
      case 'forbidden':
        return `Quire refused the request (${error.message}). If you use Quire in a browser, open it with the address the web host printed.`;
      case 'internal':
        return `Something went wrong inside Quire. (${error.message})`;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/** Whether asking again could succeed: not for a missing item, a refused call or a bad argument. */
function canRetry(error: unknown): boolean {
  return !(error instanceof ApiError) || error.code === 'internal';
}

/** An error message in an alert region, announced as soon as it appears. */
export function ErrorNotice({ title, error, onRetry: retry, children }: Readonly<Props>) {
  const onRetry = canRetry(error) ? retry : undefined;
  return (
    <div className="error-notice" role="alert">
      <p className="error-notice__title">{title}</p>
      <p className="error-notice__detail">{explain(error)}</p>
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
