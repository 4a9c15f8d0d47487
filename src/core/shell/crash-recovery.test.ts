import { describe, expect, it } from 'vitest';
import { CRASH_DIALOG_BUTTONS, CRASH_DIALOG_RETRY, CrashRecovery } from './crash-recovery';

describe('CrashRecovery', () => {
  it('reloads after a crash, and after each crash spaced more than a minute apart', () => {
    const recovery = new CrashRecovery();
    expect(recovery.onGone('crashed', 0)).toEqual({ action: 'reload' });
    expect(recovery.onGone('oom', 30_000)).toEqual({ action: 'reload' });
    expect(recovery.onGone('killed', 90_001)).toEqual({ action: 'reload' });
    expect(recovery.onGone('abnormal-exit', 200_000)).toEqual({ action: 'reload' });
  });

  it('gives up on the third crash within a minute, saying why', () => {
    const recovery = new CrashRecovery();
    recovery.onGone('crashed', 1_000);
    recovery.onGone('crashed', 20_000);
    const third = recovery.onGone('oom', 59_999);
    expect(third.action).toBe('give-up');
    expect(third.action === 'give-up' && third.message).toBe(
      'Quire’s window stopped 3 times in 60 seconds (last: oom). Your bookmarks and settings are saved.',
    );
  });

  it('reloads again once the user chose to try again', () => {
    const recovery = new CrashRecovery({ maxCrashes: 2, windowMs: 10_000 });
    recovery.onGone('crashed', 0);
    expect(recovery.onGone('crashed', 1).action).toBe('give-up');
    recovery.reset();
    expect(recovery.onGone('crashed', 2).action).toBe('reload');
  });

  it('ignores a clean exit and gives up at once on an integrity failure', () => {
    const recovery = new CrashRecovery();
    expect(recovery.onGone('clean-exit', 0)).toEqual({ action: 'ignore' });
    expect(recovery.onGone('integrity-failure', 0).action).toBe('give-up');
  });

  it('refuses limits that could never reload or never stop', () => {
    expect(() => new CrashRecovery({ maxCrashes: 0, windowMs: 1 })).toThrow(/crash-recovery: limits must have maxCrashes >= 1/);
    expect(() => new CrashRecovery({ maxCrashes: 3, windowMs: 0 })).toThrow(/windowMs > 0/);
  });

  it('offers Try Again as the retry button', () => {
    expect(CRASH_DIALOG_BUTTONS[CRASH_DIALOG_RETRY]).toBe('Try Again');
  });
});
