/**
 * The answer to the newest of a series of questions sent as the reader types: each new question
 * is sent at once, with no debounce, and an answer that arrives after a newer question was sent
 * is dropped, so that a slow answer to an old text never replaces the answer to the current one.
 */
import { useEffect, useRef, useState } from 'react';

/** How a question was answered: with a value, or with an error. */
export type Settled<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: unknown };

/** What {@link useNewestAnswer} gives. */
export interface NewestAnswer<A> {
  /** The newest answer received, to the current question or to an earlier one. */
  readonly answer?: Settled<A>;
  /** `answer` answers the current question (false while it is on its way, and with no question). */
  readonly current: boolean;
}

/**
 * Ask `ask` whenever it changes, and keep only the answer to the newest. Pass a memoized
 * function (a new one is a new question) or undefined for no question: that, too, drops any
 * answer still on its way.
 *
 * @example const { answer, current } = useNewestAnswer(useMemo(() => (text ? () => getApi().suggest(text, 5) : undefined), [text]));
 */
export function useNewestAnswer<A>(ask: (() => Promise<A>) | undefined): NewestAnswer<A> {
  // Each question takes a number; only the answer to the newest one is kept.
  const sequence = useRef(0);
  const [latest, setLatest] = useState<{ readonly ask: () => Promise<A>; readonly answer: Settled<A> }>();
  useEffect(() => {
    const mine = ++sequence.current;
    if (!ask) return;
    ask().then(
      (value) => {
        if (mine === sequence.current) setLatest({ ask, answer: { ok: true, value } });
      },
      (error: unknown) => {
        if (mine === sequence.current) setLatest({ ask, answer: { ok: false, error } });
      },
    );
  }, [ask]);
  return { ...(latest && { answer: latest.answer }), current: ask !== undefined && latest?.ask === ask };
}
