/**
 * The notice at the foot of the window that every bookmark change reports to: "Bookmark removed"
 * with Undo, a failed save with Retry, a refusal, a confirmation.
 */
import type { Locator, Page } from '@playwright/test';

export class Notice {
  /** The notice, while it shows something. */
  readonly root: Locator;
  /** Its words, spoken politely (removed, refused, confirmed). */
  readonly status: Locator;
  /** Its words when a change failed, spoken at once. */
  readonly alert: Locator;
  readonly undoButton: Locator;
  readonly retryButton: Locator;
  readonly dismissButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.notice[data-notice]');
    this.status = this.root.getByRole('status');
    this.alert = this.root.getByRole('alert');
    this.undoButton = this.root.getByRole('button', { name: 'Undo', exact: true });
    this.retryButton = this.root.getByRole('button', { name: 'Retry', exact: true });
    this.dismissButton = this.root.getByRole('button', { name: 'Dismiss notice' });
  }

  /** The notice's spoken words, whichever region holds them, when they hold `text`. */
  saying(text: string | RegExp): Locator {
    return this.status.or(this.alert).filter({ hasText: text });
  }
}
