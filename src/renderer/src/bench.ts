/**
 * Performance marks for the search benchmark, which reads them by these exact names: keep the
 * names and the `detail` values as they are.
 */

/** Marked on every input event of the search box; `detail` is the raw input value. */
export const INPUT_MARK = 'quire:input';
/** Marked once the results for an input value are committed and painted; `detail` is that value. */
export const PAINTED_MARK = 'quire:painted';

/** Mark an input event of the search box. */
export function markInput(value: string): void {
  performance.mark(INPUT_MARK, { detail: value });
}

/** Mark that the answer for `value` is on screen. */
export function markPainted(value: string): void {
  performance.mark(PAINTED_MARK, { detail: value });
}
