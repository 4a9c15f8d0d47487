/**
 * Work that must not overlap, run one after another in the order it was asked for: the changes
 * of one process to a file it shares (the store, the reader's library), each made on what the
 * one before it left.
 */

/** A queue of async work, each started once the one before has settled (failed or not). */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * Run `work` after everything queued before it; resolves or fails as it does.
   *
   * @example await serial.run(() => writeChange())
   */
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once everything queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
