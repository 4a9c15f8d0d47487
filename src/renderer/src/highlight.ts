/**
 * Split a search snippet into plain and matched runs, so the UI can wrap matches in `<mark>`
 * without ever treating the snippet as HTML.
 */

/** One run of a snippet. */
export interface SnippetPart {
  readonly text: string;
  /** Whether this run is a matched word. */
  readonly marked: boolean;
}

/**
 * Cut `snippet` at the `[start, end)` ranges; ranges may come unsorted, overlapping or out of
 * bounds and are clamped and merged.
 *
 * @example splitSnippet('a pickle jar', [[2, 8]]) // [{text:'a ',marked:false},{text:'pickle',marked:true},{text:' jar',marked:false}]
 */
export function splitSnippet(snippet: string, ranges: readonly (readonly [number, number])[]): SnippetPart[] {
  const clamped = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, snippet.length)), Math.max(0, Math.min(e, snippet.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of clamped) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) parts.push({ text: snippet.slice(at, s), marked: false });
    parts.push({ text: snippet.slice(s, e), marked: true });
    at = e;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts;
}
