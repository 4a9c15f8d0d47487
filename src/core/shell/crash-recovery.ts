/**
 * What the shell does when a window's renderer process goes away: reload it (the store lives in
 * main, so the reader comes back to the same article and position), unless it keeps crashing.
 *
 * src/main feeds it Electron's render-process-gone reasons; nothing here imports Electron.
 */

/** Why a renderer went away (Electron's RenderProcessGoneDetails.reason). */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

/** How often a window may crash before Quire stops reloading it. */
export interface CrashLimits {
  /** Crashes within {@link CrashLimits.windowMs} after which reloading stops. */
  readonly maxCrashes: number;
  readonly windowMs: number;
}

/** Three crashes within a minute: something that reloading will not fix. */
export const DEFAULT_CRASH_LIMITS: CrashLimits = { maxCrashes: 3, windowMs: 60_000 };

/** What to do. */
export type CrashAction =
  /** Nothing: the renderer ended normally (the window is closing). */
  | { readonly action: 'ignore' }
  /** Load the app again. */
  | { readonly action: 'reload' }
  /** Stop: tell the user, and let them try again or quit. */
  | { readonly action: 'give-up'; readonly message: string };

/**
 * Tracks one window's crashes and decides each time.
 *
 * @example
 * const recovery = new CrashRecovery();
 * contents.on('render-process-gone', (_e, d) => { if (recovery.onGone(d.reason, Date.now()).action === 'reload') reload(); });
 */
export class CrashRecovery {
  private crashes: number[] = [];

  constructor(private readonly limits: CrashLimits = DEFAULT_CRASH_LIMITS) {
    if (!(limits.maxCrashes >= 1) || !(limits.windowMs > 0)) {
      throw new Error(`crash-recovery: limits must have maxCrashes >= 1 and windowMs > 0, got ${JSON.stringify(limits)}`);
    }
  }

  /**
   * Record that the renderer went away, and decide what to do.
   *
   * @param now the time of the event in milliseconds
   */
  onGone(reason: GoneReason | string, now: number): CrashAction {
    if (reason === 'clean-exit') return { action: 'ignore' };
    if (reason === 'integrity-failure') {
      return { action: 'give-up', message: 'Quire’s files failed their integrity check: reinstall Quire.' };
    }
    this.crashes = [...this.crashes.filter((t) => now - t < this.limits.windowMs), now];
    if (this.crashes.length >= this.limits.maxCrashes) {
      const seconds = Math.round(this.limits.windowMs / 1000);
      return {
        action: 'give-up',
        message: `Quire’s window stopped ${this.crashes.length} times in ${seconds} seconds (last: ${reason}). Your bookmarks and settings are saved.`,
      };
    }
    return { action: 'reload' };
  }

  /** Forget past crashes (the user chose to try again). */
  reset(): void {
    this.crashes = [];
  }
}

/** The buttons of the give-up dialog, in order. */
export const CRASH_DIALOG_BUTTONS = ['Quit', 'Try Again'] as const;
/** The index of the button that reloads. */
export const CRASH_DIALOG_RETRY = 1;
