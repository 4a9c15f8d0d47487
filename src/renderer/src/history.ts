/**
 * Back and forward between articles and positions.
 *
 * Every navigation adds a history entry (the address holds the route). Before it leaves, the
 * entry being left is rewritten to name the passage at the top of the view, so that going back
 * returns to that position, not to the top of the article. Back and forward come from the keys
 * (Alt+Left/Right), the mouse's side buttons and, in the desktop app, the menu and the system's
 * app commands; {@link go} takes them all and drops the echo when two of them report one press.
 */
import { formatRoute, type Route } from './route';

/** The history state of an entry whose position Quire recorded. */
interface PositionState {
  readonly quirePosition: true;
}

/** Where a request to go back or forward came from. */
export type HistorySource = 'key' | 'mouse' | 'menu';

/**
 * Two requests this close together from different sources are one press reported twice (a key
 * and its menu accelerator, a mouse button and the system's app command).
 */
const ECHO_MS = 150;

let positionSource: (() => Route | undefined) | undefined;
let lastGo: { direction: number; source?: HistorySource; at: number } = { direction: 0, at: -Infinity };

/**
 * Say where the reader is, for the entry to record before a navigation leaves it (or stop, with
 * undefined). The open article registers this.
 */
export function setPositionSource(source: (() => Route | undefined) | undefined): void {
  positionSource = source;
}

/** Rewrite the current history entry to name where the reader is, without moving. */
export function recordPosition(): void {
  const here = positionSource?.();
  if (!here) return;
  const hash = formatRoute(here);
  const state: PositionState = { quirePosition: true };
  if (window.location.hash !== hash || !isRestoredPosition(window.history.state)) window.history.replaceState(state, '', hash);
}

/** Whether a history state is one {@link recordPosition} wrote (so arriving there restores a position). */
export function isRestoredPosition(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Partial<PositionState>).quirePosition === true;
}

/**
 * Go back (-1) or forward (1) one entry.
 *
 * @param source where the request came from, for dropping echoes
 * @param now the time of the request (default: now)
 * @returns whether it went (false for an echo)
 */
export function go(direction: -1 | 1, source: HistorySource, now: number = performance.now()): boolean {
  if (isEcho(lastGo, { direction, source, at: now })) return false;
  lastGo = { direction, source, at: now };
  recordPosition();
  window.history.go(direction);
  return true;
}

/**
 * Whether a request repeats the previous one: same direction, another source, within
 * {@link ECHO_MS}. Two quick presses of the same key are two steps.
 */
export function isEcho(
  previous: { readonly direction: number; readonly source?: HistorySource; readonly at: number },
  next: { readonly direction: number; readonly source: HistorySource; readonly at: number },
): boolean {
  return previous.direction === next.direction && previous.source !== next.source && next.at - previous.at < ECHO_MS;
}

/**
 * The direction a key press asks for, if it is a history shortcut: Alt+Left/Right, and on Apple
 * systems also Cmd+[ and Cmd+].
 *
 * @example historyKey({ key: 'ArrowLeft', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false }, false) // -1
 */
export function historyKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>, apple: boolean): -1 | 1 | undefined {
  if (event.shiftKey || event.ctrlKey) return undefined;
  if (event.altKey && !event.metaKey) {
    if (event.key === 'ArrowLeft') return -1;
    if (event.key === 'ArrowRight') return 1;
  }
  if (apple && event.metaKey && !event.altKey) {
    if (event.key === '[') return -1;
    if (event.key === ']') return 1;
  }
  return undefined;
}
