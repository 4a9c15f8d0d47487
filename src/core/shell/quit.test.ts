import { describe, expect, it } from 'vitest';
import { closeBeforeQuit } from './quit';

/** A will-quit event that records whether it was held. */
const event = (): { held: boolean; preventDefault(): void } => ({
  held: false,
  preventDefault() {
    this.held = true;
  },
});
const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('closeBeforeQuit', () => {
  it('holds the first quit until the close is done, then quits, and lets that quit through', async () => {
    let release!: () => void;
    const closed = new Promise<void>((resolve) => (release = resolve));
    let quits = 0;
    const logged: string[] = [];
    const onWillQuit = closeBeforeQuit(() => closed, () => quits++, (m) => logged.push(m));
    const first = event();
    onWillQuit(first);
    expect(first.held).toBe(true);
    // Quitting again while it closes (a second Cmd+Q) is held too, and starts no second close.
    const again = event();
    onWillQuit(again);
    expect(again.held).toBe(true);
    await tick(20);
    expect(quits).toBe(0);
    release();
    await tick();
    expect(quits).toBe(1);
    const last = event();
    onWillQuit(last);
    expect(last.held).toBe(false);
    expect(logged).toEqual([]);
  });

  it('quits after the grace time when the close hangs, and when it fails, saying why', async () => {
    let quits = 0;
    const logged: string[] = [];
    closeBeforeQuit(() => new Promise<void>(() => undefined), () => quits++, (m) => logged.push(m), 30)(event());
    await tick(10);
    expect(quits).toBe(0);
    await tick(40);
    expect(quits).toBe(1);
    closeBeforeQuit(() => Promise.reject(new Error('disk gone')), () => quits++, (m) => logged.push(m), 1000)(event());
    await tick();
    expect(quits).toBe(2);
    expect(logged).toEqual(['quire: closing took over 0.03 s; quitting anyway', 'quire: while closing: disk gone']);
  });
});
