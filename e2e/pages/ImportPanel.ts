/**
 * Adding the reader's own files: the Add buttons and their choosers, a drop on the window (a
 * DataTransfer made in the page, as Playwright cannot drag from the system), the menu's dialog,
 * the progress and the summary, and the reader's articles in the library (the "Yours" mark, the
 * origin filter, Remove from library).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** A file to drop: its name and its bytes. */
export interface DroppedFile {
  readonly name: string;
  readonly data: Buffer | string;
}

/** What the summary's region is called at each step. */
const PANEL_NAME = /^(Adding articles|Done adding files|Adding cancelled|Adding stopped)$/;

export class ImportPanel {
  /** "Add articles…": the library pane's where it shows, else the home screen's. */
  readonly addButton: Locator;
  readonly addFolderButton: Locator;
  /** The panel, at every step (progress, summary, failure). */
  readonly panel: Locator;
  readonly progressBar: Locator;
  readonly cancelButton: Locator;
  readonly retryButton: Locator;
  readonly dismissButton: Locator;
  /** The summary line ("Added 3 articles · 1 could not be added"). */
  readonly summary: Locator;
  /** The disclosure of files not added. */
  readonly whyToggle: Locator;
  /** Each file not added, with why. */
  readonly notAdded: Locator;
  /** Links to the articles added. */
  readonly addedLinks: Locator;
  /** The overlay shown while files are dragged over the window. */
  readonly overlay: Locator;
  /** The dialog File › Add Articles… opens. */
  readonly dialog: Locator;
  /** The library pane's (or drawer's) items marked as the reader's. */
  readonly yoursInNav: Locator;
  /** The home screen's cards of the reader's articles. */
  readonly yourCards: Locator;
  /** The home screen's "Show" choice (all, added by you, came with Quire). */
  readonly originSelect: Locator;
  /** "Remove from library" on the open article. */
  readonly removeArticleButton: Locator;
  /** What screen readers are told of the import. */
  readonly announcement: Locator;

  constructor(readonly page: Page) {
    const nav = page.getByRole('navigation', { name: 'Library' });
    const home = page.getByRole('main');
    this.addButton = nav.or(home).getByRole('button', { name: 'Add articles…' }).filter({ visible: true }).first();
    this.addFolderButton = nav.or(home).getByRole('button', { name: 'Add a folder…' }).filter({ visible: true }).first();
    this.panel = page.getByRole('region', { name: PANEL_NAME });
    this.progressBar = this.panel.getByRole('progressbar');
    this.cancelButton = this.panel.getByRole('button', { name: 'Cancel adding files' });
    this.retryButton = this.panel.getByRole('button', { name: 'Retry' });
    this.dismissButton = this.panel.getByRole('button', { name: /^Dismiss/ });
    this.summary = this.panel.locator('.import-panel__summary');
    this.whyToggle = this.panel.getByText(/^Why \d+ files? (was|were) not added$/);
    this.notAdded = this.panel.locator('.import-panel__outcomes > li');
    this.addedLinks = this.panel.getByRole('list', { name: 'Articles added' }).getByRole('link');
    this.overlay = page.locator('.drop-overlay');
    this.dialog = page.getByRole('dialog', { name: 'Add articles' });
    this.yoursInNav = nav.locator('li[data-origin="user"]');
    this.yourCards = page.getByRole('region', { name: 'All articles' }).locator('article[data-origin="user"]');
    this.originSelect = page.getByRole('region', { name: 'All articles' }).getByLabel('Show');
    this.removeArticleButton = page.getByRole('button', { name: 'Remove from library' });
    this.announcement = page.locator('p.visually-hidden[role="status"]').filter({ hasText: /Adding|Done adding|stopped|Nothing to add/ });
  }

  /** Choose files with "Add articles…" (the system's chooser answered with `paths`). */
  async addFiles(paths: readonly string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.addButton.click();
    await (await chooser).setFiles([...paths]);
  }

  /** Choose a folder with "Add a folder…". */
  async addFolder(dir: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.addFolderButton.click();
    const fileChooser = await chooser;
    expect(fileChooser.isMultiple()).toBe(true);
    await fileChooser.setFiles(dir);
  }

  /** Files from the disk, as {@link dropFiles} takes them. */
  static async read(paths: readonly string[]): Promise<DroppedFile[]> {
    return Promise.all(paths.map(async (path) => ({ name: basename(path), data: await readFile(path) })));
  }

  /**
   * Drag files over the window (dragenter and dragover with a DataTransfer holding them) and, with
   * `drop`, drop them; resolves whether the app took the drag (its dragover's default prevented,
   * which is what lets a drop land).
   */
  async dropFiles(files: readonly DroppedFile[], drop = true): Promise<boolean> {
    const sent = files.map((f) => ({ name: f.name, base64: Buffer.from(f.data).toString('base64') }));
    return this.page.evaluate(
      ({ sent, drop }) => {
        const transfer = new DataTransfer();
        for (const f of sent) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
        const target = document.querySelector('main') ?? document.body;
        const fire = (type: string): boolean => !target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        fire('dragenter');
        const taken = fire('dragover');
        if (drop) fire('drop');
        return taken;
      },
      { sent, drop },
    );
  }

  /** Drag text (not files) over the window, as a selection dragged inside the app is; resolves whether the app took the drag. */
  async dragText(text: string): Promise<boolean> {
    return this.page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', text);
      const target = document.querySelector('main') ?? document.body;
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      return !target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, text);
  }

  /** End a drag without a drop (the pointer left the window). */
  async leaveWindow(): Promise<void> {
    await this.page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'x.md'));
      document.body.dispatchEvent(new DragEvent('dragleave', { bubbles: true, relatedTarget: null, dataTransfer: transfer }));
    });
  }

  /** Wait two frames, for whatever an event changes to be drawn. */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /**
   * Stand in for the desktop app's menu (`window.quireShell`), which the web host has not, and
   * reload so that the app listens to it; {@link menuCommand} then sends a command as the menu does.
   */
  async fakeDesktopShell(): Promise<void> {
    await this.page.addInitScript(() => {
      const listeners = new Set<(command: string) => void>();
      Object.assign(window, {
        quireShell: {
          onMenuCommand(listener: (command: string) => void) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        },
        sendMenuCommand: (command: string) => listeners.forEach((l) => l(command)),
      });
    });
    await this.page.reload();
    await expect(this.addButton).toBeVisible();
  }

  /** Send a menu command through the stand-in shell. */
  async menuCommand(command: string): Promise<void> {
    await this.page.evaluate((command) => (window as unknown as { sendMenuCommand: (c: string) => void }).sendMenuCommand(command), command);
  }

  /** Wait for the summary of a finished import. */
  async waitUntilDone(timeout = 60_000): Promise<void> {
    await expect(this.panel).toHaveAccessibleName(/^(Done adding files|Adding cancelled)$/, { timeout });
  }

  /** Cancel the import that runs. */
  async cancel(): Promise<void> {
    await this.cancelButton.click();
  }

  /** Cancel the import if it still runs (it may have ended meanwhile), and wait for its summary. */
  async stopIfRunning(): Promise<void> {
    await this.cancelButton.click({ timeout: 1000 }).catch(() => undefined);
    await this.waitUntilDone();
  }

  /** Unfold the list of files not added (unless it shows). */
  async showWhy(): Promise<void> {
    const open = await this.panel.locator('details').evaluate((details: HTMLDetailsElement) => details.open);
    if (!open) await this.whyToggle.click();
    await expect(this.notAdded.first()).toBeVisible();
  }

  /** The entry of one file not added. */
  notAddedFile(name: string): Locator {
    return this.notAdded.filter({ hasText: `${name}:` });
  }

  /** A card's Remove button on the home screen. */
  removeCardButton(title: string): Locator {
    return this.page.getByRole('button', { name: `Remove “${title}” from library` });
  }
}
