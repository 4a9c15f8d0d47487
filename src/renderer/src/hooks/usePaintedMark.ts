/**
 * The benchmark's "results painted" mark (see bench.ts).
 */
import { useEffect } from 'react';
import { markPainted } from '../bench';

/**
 * Mark `quire:painted` for `query` once what is shown for it has been painted: after the
 * commit that shows it, two animation frames later (the first runs before that frame's paint,
 * the second after it). Nothing is marked while `settled` is false. A mark is never cancelled:
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
    requestAnimationFrame(() => requestAnimationFrame(() => markPainted(query)));
  }, [shown, query, settled]);
}
