/**
 * The print preview: its choices and buttons.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class PrintPreview {
  readonly dialog: Locator;
  readonly comments: Locator;
  readonly paper: Locator;
  readonly margins: Locator;
  readonly printButton: Locator;
  readonly savePdfButton: Locator;
  readonly closeButton: Locator;
  readonly message: Locator;
  /** The paper in the preview. */
  readonly paperSheet: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Print' });
    this.comments = this.dialog.getByRole('checkbox', { name: /^Include reader comments/ });
    this.paper = this.dialog.getByRole('combobox', { name: 'Paper' });
    this.margins = this.dialog.getByRole('combobox', { name: 'Margins' });
    this.printButton = this.dialog.getByRole('button', { name: 'Print…' });
    this.savePdfButton = this.dialog.getByRole('button', { name: 'Save as PDF…' });
    this.closeButton = this.dialog.getByRole('button', { name: 'Close' });
    this.message = this.dialog.getByRole('status');
    this.paperSheet = this.dialog.getByRole('region', { name: 'Preview' });
  }

  /** Open the preview with the keyboard shortcut. */
  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+P');
    await expect(this.dialog).toBeVisible();
  }

  /** A "What to print" choice, by the start of its label. */
  scope(label: string | RegExp): Locator {
    return this.dialog.getByRole('group', { name: 'What to print' }).getByRole('radio', { name: label });
  }

  /** Choose what to print. */
  async choose(label: string | RegExp): Promise<void> {
    await this.scope(label).check();
    await expect(this.scope(label)).toBeChecked();
  }
}
