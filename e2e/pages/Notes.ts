/**
 * Notes in place: the note popover, the margin control beside a passage, the notes in the margin
 * and under passages; and the web host's API, to make bookmarks and highlights with notes.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** A bookmark or highlight as the API takes it (see src/shared/bookmarks.ts NewBookmarkSchema). */
export type NewMark =
  | { articleId: string; target: 'passage'; targetId: string; note?: string; tags?: string[] }
  | {
      articleId: string;
      target: 'text';
      range: { start: { passageId: string; offset: number }; end: { passageId: string; offset: number } };
      note?: string;
      tags?: string[];
    };

export class Notes {
  /** The note popover, whichever note it is on. */
  readonly popover: Locator;
  readonly noteField: Locator;
  readonly tagsField: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;
  /** The cards in the margin. */
  readonly marginCards: Locator;
  /** The notes under passages (shown on narrow windows). */
  readonly underNotes: Locator;
  /** The paragraphs of the open article's body, in order. */
  readonly paragraphs: Locator;

  constructor(readonly page: Page) {
    this.popover = page.getByRole('dialog', { name: /^Note on / });
    this.noteField = this.popover.getByRole('textbox', { name: 'Note' });
    this.tagsField = this.popover.getByRole('textbox', { name: /^Tags/ });
    this.saveButton = this.popover.getByRole('button', { name: 'Save' });
    this.cancelButton = this.popover.getByRole('button', { name: 'Cancel' });
    this.marginCards = page.locator('.margin-note');
    this.underNotes = page.locator('.passage-note');
    this.paragraphs = page.locator('.article__body p[data-passage-id]');
  }

  /** The id of the n-th paragraph (0-based) of the open article's body. */
  async paragraphId(n: number): Promise<string> {
    const id = await this.paragraphs.nth(n).getAttribute('data-passage-id');
    if (!id) throw new Error(`paragraph ${n} has no passage id`);
    return id;
  }

  /** The row (passage and its margin actions) of a passage. */
  row(passageId: string): Locator {
    return this.page.locator('.bookmark-row', { has: this.page.locator(`[data-passage-id="${passageId}"]`) });
  }

  /** The margin control that opens a row's note popover ("Add note…" or "Edit note…"). */
  control(passageId: string): Locator {
    return this.row(passageId).getByRole('button', { name: /^(Add|Edit) note (to|on) this / });
  }

  /** Open a row's note popover with the mouse. */
  async openFromMargin(passageId: string): Promise<void> {
    await this.page.locator(`[data-passage-id="${passageId}"]`).hover();
    await this.control(passageId).click();
    await expect(this.popover).toBeVisible();
  }

  /** Call the web host's API as the page does, with the page's token. */
  async api(method: string, ...args: unknown[]): Promise<unknown> {
    return this.page.evaluate(
      async ({ method, args }) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-quire-token': sessionStorage.getItem('quire.token') ?? '' },
          body: JSON.stringify({ args }),
        });
        const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
        if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
        return result.value;
      },
      { method, args },
    );
  }

  /** Add bookmarks and highlights through the API, then reload so that the app lists them. */
  async add(...marks: NewMark[]): Promise<void> {
    for (const mark of marks) await this.api('addBookmark', mark);
    await this.page.reload();
    await expect(this.paragraphs.first()).toBeVisible();
  }

  /** The notes as the host keeps them, by bookmark. */
  async stored(): Promise<{ note: string; tags: string[]; target: string }[]> {
    return (await this.api('listBookmarks')) as { note: string; tags: string[]; target: string }[];
  }
}
