/**
 * Quitting without cutting work short: the app's first `will-quit` is held while the host closes
 * (an import stops with the group being added whole, the reader's search index is saved, the
 * store is closed), then the app quits for real. A close that hangs does not keep the app open:
 * it quits after {@link QUIT_GRACE_MS} all the same, the library being whole at any moment.
 *
 * src/main feeds it Electron's will-quit events; nothing here imports Electron.
 */

/** Longest a quit waits for the host to close. */
export const QUIT_GRACE_MS = 5_000;

/** The part of Electron's will-quit event this uses. */
export interface QuitEvent {
  preventDefault(): void;
}

/**
 * A will-quit handler that holds the first quit until `close` settles (or `graceMs` passes),
 * then calls `quit` again, and lets that second quit through.
 *
 * @param close what must finish before the app ends
 * @param quit ask the app to quit (Electron's app.quit)
 * @param log told why a close failed or was cut short
 * @example app.on('will-quit', closeBeforeQuit(() => host.close(), () => app.quit(), console.error))
 */
export function closeBeforeQuit(close: () => Promise<void>, quit: () => void, log: (message: string) => void, graceMs: number = QUIT_GRACE_MS): (event: QuitEvent) => void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`quire: closing took over ${graceMs / 1000} s; quitting anyway`);
        resolve();
      }, graceMs);
    });
    const closing = close().catch((e: unknown) => log(`quire: while closing: ${(e as Error).message}`));
    void Promise.race([closing, late]).then(() => {
      clearTimeout(timer);
      state = 'closed';
      quit();
    });
  };
}
