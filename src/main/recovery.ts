/**
 * Recovery from a renderer that went away: reload the window (the store lives in main, so the
 * reader comes back where they were), and stop if it keeps crashing, as src/core/shell/crash-recovery.ts
 * decides.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { CRASH_DIALOG_BUTTONS, CRASH_DIALOG_RETRY, CrashRecovery } from '../core/shell/crash-recovery';

/**
 * Watch a window's renderer and recover it.
 *
 * @param reload loads the app into the window again
 */
export function recoverFromCrashes(window: BrowserWindow, reload: () => Promise<void>): void {
  const recovery = new CrashRecovery();
  const reloadLogged = (): void => {
    reload().catch((e: unknown) => console.error(`quire: reloading the window failed: ${(e as Error).message}`));
  };
  window.webContents.on('render-process-gone', (_event, details) => {
    if (window.isDestroyed()) return;
    const decision = recovery.onGone(details.reason, Date.now());
    console.error(`quire: the window's renderer went away (${details.reason}, exit code ${details.exitCode}): ${decision.action}`);
    if (decision.action === 'reload') return reloadLogged();
    if (decision.action === 'ignore') return;
    void dialog
      .showMessageBox(window, {
        type: 'error',
        title: 'Quire',
        message: 'Quire’s window keeps stopping',
        detail: decision.message,
        buttons: [...CRASH_DIALOG_BUTTONS],
        defaultId: CRASH_DIALOG_RETRY,
        cancelId: 0,
        noLink: true,
      })
      .then(({ response }) => {
        if (response !== CRASH_DIALOG_RETRY) return app.quit();
        recovery.reset();
        reloadLogged();
      });
  });
}
