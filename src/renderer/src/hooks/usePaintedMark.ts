/**
 * The benchmark's "results painted" mark (see bench.ts).
 */
import { useEffect } from 'react';
import { markPainted } from '../bench';

/**
 * Mark `quire:painted` for `query` once what is shown for it has been painted: the animation
 * frame callback runs just before the frame's paint, and a task queued from it runs just after
 * (a second animation frame would wait a whole extra frame). Nothing is marked while `settled` is false. A mark is never cancelled:
 * if the reader types on before the paint, the frame painted still shows this answer (the list
 * keeps it until the next one arrives).
 *
 * @param shown What is displayed (the response object); a new value means a new commit to mark.
 * @param query The raw input value the shown answer belongs to.
 * @param settled Whether the shown answer is the one for `query` (no search on its way).
 * @example usePaintedMark(response, inputValue, !pending);
 */
export function usePaintedMark(shown: unknown, query: string, settled: boolean): void {
  useEffect(() => {
    if (!settled) return;
    requestAnimationFrame(() => setTimeout(() => markPainted(query), 0));
  }, [shown, query, settled]);
}
