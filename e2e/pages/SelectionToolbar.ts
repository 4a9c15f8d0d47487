/**
 * The selection toolbar and the highlights it makes: selecting words with the mouse or the
 * keyboard, its buttons, and what the CSS Custom Highlight API draws.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The highlight colours, as the toolbar names them. */
export type ColorName = 'Yellow' | 'Green' | 'Blue' | 'Pink';

export class SelectionToolbar {
  readonly toolbar: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.locator('.selection-toolbar');
  }

  /** A button of the toolbar, by its name. */
  button(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /**
   * Where, on screen, the `nth` occurrence of `words` starts and ends inside `within` (the middle
   * of its first and of its last letter).
   */
  async wordsAt(within: Locator, words: string, nth = 0, scroll = true): Promise<{ start: { x: number; y: number }; end: { x: number; y: number } }> {
    return within.first().evaluate(
      (root, { words, nth, scroll }) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const all = nodes.map((n) => n.data).join('');
        let at = -1;
        for (let i = 0; i <= nth; i++) at = all.indexOf(words, at + 1);
        if (at < 0) throw new Error(`no '${words}' in ${root.textContent?.slice(0, 80)}`);
        /** The box of the letter at a place of the joined text. */
        const letter = (offset: number): DOMRect => {
          let seen = 0;
          for (const node of nodes) {
            if (offset < seen + node.data.length) {
              const r = document.createRange();
              r.setStart(node, offset - seen);
              r.setEnd(node, offset - seen + 1);
              return r.getBoundingClientRect();
            }
            seen += node.data.length;
          }
          throw new Error('past the end');
        };
        // The words to the middle of the view, clear of the sticky header.
        if (scroll) window.scrollBy({ top: letter(at).top - window.innerHeight / 2, behavior: 'instant' });
        const first = letter(at);
        const last = letter(at + words.length - 1);
        return {
          start: { x: first.left + 1, y: first.top + first.height / 2 },
          end: { x: last.right - 1, y: last.top + last.height / 2 },
        };
      },
      { words, nth, scroll },
    );
  }

  /** Drag the mouse from the start of `from` (in `fromIn`) to the end of `to` (in `toIn`). */
  async drag(fromIn: Locator, from: string, toIn: Locator = fromIn, to: string = from): Promise<void> {
    const start = (await this.wordsAt(fromIn, from)).start;
    // Measured where the first words are in view: scrolling to these would move those.
    const end = (await this.wordsAt(toIn, to, 0, false)).end;
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
    await this.page.mouse.move(end.x, end.y, { steps: 4 });
    await this.page.mouse.up();
    await expect(this.toolbar).toBeVisible();
  }

  /** The words of each highlight drawn in a colour, as CSS.highlights holds them. */
  async drawn(color: 'yellow' | 'green' | 'blue' | 'pink'): Promise<string[]> {
    return this.page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()), `quire-${color}`);
  }

  /** What is selected now. */
  async selected(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }
}
