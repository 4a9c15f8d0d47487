/**
 * A search snippet with its matched words marked, built as React text (never as HTML).
 */
import { splitSnippet } from '../highlight';

interface Props {
  /** The snippet text, as the engine cut it. */
  readonly text: string;
  /** Matched ranges in `text`, as [start, end) UTF-16 offsets. */
  readonly highlights: readonly (readonly [number, number])[];
}

/** Snippet text with each match in a `<mark>`. */
export function Snippet({ text, highlights }: Readonly<Props>) {
  return (
    <>
      {splitSnippet(text, highlights).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
