/// <reference lib="dom" />
// Some steps run in the page (selecting text, reading the reader's passages): DOM types.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { PrintPreview } from './pages/PrintPreview';
import { expectInOrder, normalize, readPdf } from './pdf';

const SLEEP = 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid';
const SJOGREN = "Baclofen and Sjögren's Syndrome: Does It Help With Dry Mouth and Swallowing Issues?";
const NUMBERS = 'What the Numbers Say: Digging Into Sleep Latency, Quality, and Duration';
/** Words of the app around an article, none of which may reach paper. */
const UI_TEXT = ['Search the library', 'Reading settings', 'Bookmarks', 'Copy link', 'Bookmark this', 'What to print', 'Save as PDF', 'Skip to content', 'Contents', 'Print…', 'Library'];

/** The reader's passages of the open article (body, then comments), id and text, in reading order. */
async function readerPassages(page: Page, where: '.article__body' | '.comments' = '.article__body'): Promise<{ id: string; kind: string; text: string }[]> {
  return page.locator(`main ${where} [data-passage-id]`).evaluateAll((elements) =>
    elements.map((e) => ({ id: (e as HTMLElement).dataset.passageId ?? '', kind: e.className, text: (e as HTMLElement).innerText })),
  );
}

/** The start of a passage as it reads on paper: its first words (tables are checked cell by cell). */
function opening(text: string): string {
  return normalize(text).slice(0, 60).replace(/\s\S*$/, '');
}

function today(): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
}

/** The section titles of the open article, from its table of contents. */
async function sectionTitles(page: Page): Promise<string[]> {
  const titles = await page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link').allInnerTexts();
  return titles.map(normalize).filter((t) => t.length > 0);
}

/** No page ends with a heading: each is followed on its page by the text it heads. */
function expectNoStrandedHeadings(pages: readonly string[], titles: readonly string[]): void {
  for (const [i, page] of pages.entries()) {
    const body = page.replace(/Page \d+ of \d+$/, '').trim();
    for (const title of titles) expect(body.endsWith(title), `heading "${title}" stranded at the foot of page ${i + 1}`).toBe(false);
  }
}

function expectNoUiText(text: string): void {
  for (const ui of UI_TEXT) expect(text, `UI text "${ui}" on paper`).not.toContain(ui);
}

test.describe('print', () => {
  test('prints the whole article: citation header, every passage in order, table rows kept whole, page numbers', async ({
    quire,
    appPage,
    printToPdf,
  }) => {
    await quire.openArticle(SLEEP);
    const passages = await readerPassages(appPage);
    const preview = new PrintPreview(appPage);
    await preview.openWithShortcut();
    await expect(preview.scope('The whole article')).toBeChecked();
    const { pages, all } = readPdf(await printToPdf());

    // Citation header first, then the text in reading order.
    expectInOrder(all, [SLEEP, 'Source', 'not recorded', 'Published', 'date not given', 'Printed', today()]);
    expectInOrder(
      all,
      passages.filter((p) => !p.kind.includes('passage--table')).map((p) => opening(p.text)),
    );
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    // The running header names the article on the pages after the first.
    for (const page of pages.slice(1)) expect(page).toContain(SLEEP);
    expectNoStrandedHeadings(pages, await sectionTitles(appPage));
    expectNoUiText(all);

    // Each row of the results table on one page, its cells together.
    const rows = await appPage.locator('main .article__body table tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const cells of rows) {
      const page = pages.find((p) => cells.every((cell) => p.includes(cell)));
      expect(page, `table row ${cells.join(' | ')} split across pages`).toBeDefined();
    }
  });

  test('prints reader comments only when chosen, after the article, and remembers the choice', async ({ quire, appPage, printToPdf }) => {
    await quire.openArticle(SJOGREN);
    await quire.commentsToggle(12).click();
    const comments = await readerPassages(appPage, '.comments');
    const preview = new PrintPreview(appPage);
    await preview.openWithShortcut();
    await expect(preview.comments).not.toBeChecked();
    const without = readPdf(await printToPdf()).all;
    expect(without).toContain('What if baclofen makes me too sleepy?');
    expect(without).not.toContain('Reader comments');
    for (const comment of comments) expect(without).not.toContain(opening(comment.text));

    await preview.comments.check();
    const printed = readPdf(await printToPdf());
    const withComments = printed.all;
    expectNoStrandedHeadings(printed.pages, [...(await sectionTitles(appPage)), 'Reader comments (12)']);
    expectInOrder(withComments, ['What if baclofen makes me too sleepy?', 'Reader comments (12)', ...comments.map((c) => opening(c.text))]);
    expect(withComments).toContain('Angela Gutschwager');
    expectNoUiText(withComments);

    // Remembered: closed and opened again (even after a reload), it is still on.
    await preview.closeButton.click();
    await expect(preview.dialog).toBeHidden();
    await appPage.reload();
    await expect(quire.articleTitle).toHaveText(SJOGREN);
    await preview.openWithShortcut();
    await expect(preview.comments).toBeChecked();
  });

  test('prints the section being read, and only it', async ({ quire, appPage, printToPdf }) => {
    await quire.openArticle(SLEEP);
    await quire.toc.getByRole('link', { name: NUMBERS }).click();
    await expect(quire.currentTocLink).toHaveText(NUMBERS);
    const passages = await readerPassages(appPage);
    const inSection = passages.filter((p) => p.id.startsWith('what-the-numbers-say'));
    const outside = passages.filter((p) => !p.id.startsWith('what-the-numbers-say') && !p.kind.includes('passage--table'));
    expect(inSection.length).toBeGreaterThan(2);

    const preview = new PrintPreview(appPage);
    await preview.openWithShortcut();
    await preview.choose(/^This section: What the Numbers Say/);
    const { all } = readPdf(await printToPdf());
    expectInOrder(all, [`Section: ${NUMBERS}`, SLEEP, NUMBERS, ...inSection.filter((p) => !p.kind.includes('passage--table')).map((p) => opening(p.text))]);
    for (const p of outside) expect(all, `passage ${p.id} is outside the section`).not.toContain(opening(p.text));
  });

  test('prints the passages selected in the article', async ({ quire, appPage, printToPdf }) => {
    await quire.openArticle(SLEEP);
    const passages = (await readerPassages(appPage)).filter((p) => p.kind.includes('passage--paragraph'));
    const [first, second] = [passages[1], passages[2]];
    if (!first || !second) throw new Error('the sleep article has fewer paragraphs than expected');
    // Select from the middle of one paragraph to the middle of the next, as with a mouse.
    await appPage.evaluate(
      ([a, b]) => {
        const start = document.querySelector(`main [data-passage-id="${a}"]`)?.firstChild;
        const end = document.querySelector(`main [data-passage-id="${b}"]`)?.firstChild;
        if (!start || !end) throw new Error('passages not found');
        const range = document.createRange();
        range.setStart(start, 10);
        range.setEnd(end, 10);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      },
      [first.id, second.id],
    );
    const preview = new PrintPreview(appPage);
    await preview.openWithShortcut();
    await preview.choose('Selected passages (2)');
    const { all } = readPdf(await printToPdf());
    expectInOrder(all, ['2 selected passages', SLEEP, opening(first.text), opening(second.text)]);
    for (const p of passages.filter((q) => q.id !== first.id && q.id !== second.id)) expect(all).not.toContain(opening(p.text));
  });

  test('prints the bookmarks list with notes, from the bookmarks panel', async ({ quire, appPage, printToPdf }) => {
    await quire.openArticle(SLEEP);
    const bookmarks = new BookmarksPanel(appPage);
    const passage = (await readerPassages(appPage)).find((p) => p.kind.includes('passage--paragraph'));
    if (!passage) throw new Error('no paragraph');
    await bookmarks.togglePassage(passage.id);
    await bookmarks.open();
    await bookmarks.edit(bookmarks.items.first(), 'ask the pharmacist', 'dose, night');
    await bookmarks.panel.getByRole('button', { name: 'Print… bookmarks' }).click();
    const preview = new PrintPreview(appPage);
    await expect(preview.scope(/^Bookmarks with notes \(1\)/)).toBeChecked();
    const { all } = readPdf(await printToPdf());
    expectInOrder(all, ['Bookmarks', 'Printed', today(), SLEEP, opening(passage.text), 'Note: ask the pharmacist', 'Tags: dose, night']);
    expect(all).not.toContain('Search the library');
  });

  test('prints a highlight in the bookmarks list: its colour by name, its words and note, black on white', async ({ quire, appPage, printToPdf }) => {
    await quire.openArticle(SLEEP);
    const bookmarks = new BookmarksPanel(appPage);
    const passage = (await readerPassages(appPage)).find((p) => p.kind.includes('passage--paragraph'));
    if (!passage) throw new Error('no paragraph');
    const highlight = await bookmarks.highlightByApi('baclofen-sleep-aid', passage.id, 0, 48, 'yellow', 'worth asking about');
    await bookmarks.open();
    await bookmarks.panel.getByRole('button', { name: 'Print… bookmarks' }).click();
    const quote = appPage.locator('.print-bookmark__quote[data-color="yellow"]');
    // No fill behind the words: the colour is the rule beside them only.
    await expect(quote).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    await expect(quote).toHaveCSS('border-inline-start-color', 'rgb(154, 115, 0)');
    const { all } = readPdf(await printToPdf());
    expectInOrder(all, ['Bookmarks', SLEEP, 'Yellow highlight', opening(highlight.quote.exact), 'Note: worth asking about']);
  });

  test('sets paper and margins, prints from the button, and closes back to the article', async ({ quire, appPage, printToPdf, target }) => {
    await quire.openArticle(SLEEP);
    const preview = new PrintPreview(appPage);
    await appPage.getByRole('button', { name: 'Print…' }).click();
    await expect(preview.dialog).toBeVisible();
    await preview.paper.selectOption('Letter');
    await preview.margins.selectOption('wide');
    const pdf = await printToPdf();
    // US Letter is 612 x 792 points.
    expect(pdf.toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 612 792\s*\]/);
    expect(readPdf(pdf).all).toContain(SLEEP);

    if (target === 'web') {
      // The browser's print dialog cannot be driven; count that it was asked for.
      await appPage.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      await preview.printButton.click();
      await preview.savePdfButton.click();
      await expect.poll(() => appPage.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
      await expect(preview.message).toHaveText('To save a PDF, choose “Save as PDF” as the printer.');
    }
    await appPage.keyboard.press('Escape');
    await expect(preview.dialog).toBeHidden();
    await expect(appPage.getByRole('button', { name: 'Print…' })).toBeFocused();
  });
});
