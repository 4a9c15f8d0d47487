/**
 * A quiet "loading" line, announced politely to screen readers.
 */
import './Loading.css';

interface Props {
  /** What is being loaded, e.g. "Loading the article…". */
  readonly label: string;
}

/** A status line shown while something is on its way. */
export function Loading({ label }: Readonly<Props>) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
