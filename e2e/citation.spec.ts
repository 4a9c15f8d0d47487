/// <reference lib="dom" />
// The clipboard and the selection are read and made in the page: DOM types.
/**
 * Copy with citation: a passage from its actions in each citation style, and a selection copied
 * with Ctrl+C with the setting off and on. The clipboard is read back in Chromium, plain text and
 * HTML; the citation library loads under the app's CSP and asks nothing of the network.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { foreignUrls, recordNetwork } from './network';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { SJOGREN, SLEEP } from './screens';

/**
 * The clipboard's plain text and HTML, read as a paste would. A copy landing while it is read
 * (Chromium's "Clipboard data has changed") is read again.
 */
async function readClipboard(page: Page): Promise<{ text: string; html: string | undefined }> {
  return page.evaluate(async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        const [item] = await navigator.clipboard.read();
        const read = async (type: string): Promise<string | undefined> => (item?.types.includes(type) ? (await item.getType(type)).text() : undefined);
        return { text: (await read('text/plain')) ?? '', html: await read('text/html') };
      } catch (e) {
        if (!(e instanceof DOMException && e.name === 'InvalidStateError') || attempt >= 5) throw e;
      }
    }
  });
}

/** The "Copy this passage with citation" button of a passage (shown on hover or focus). */
function citeButton(page: Page, passageId: string) {
  return page.locator(`.bookmark-row[data-bookmark-id="${passageId}"]`).getByRole('button', { name: 'Copy this passage with citation' });
}

/** The nth paragraph of the article body: its id and its text as the article model has it. */
async function paragraph(page: Page, n: number): Promise<{ id: string; text: string }> {
  const p = page.locator('.article__body p[data-passage-id]').nth(n);
  return { id: (await p.getAttribute('data-passage-id')) ?? '', text: (await p.innerText()).trim() };
}

/** Select characters `from` to `to` of a passage's first text, as a reader's drag would. */
async function selectIn(page: Page, passageId: string, from: number, to: number): Promise<string> {
  return page.evaluate(
    ([id, a, b]) => {
      const el = document.querySelector(`[data-passage-id="${id}"]`);
      const walker = document.createTreeWalker(el!, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode()!;
      const range = document.createRange();
      range.setStart(node, a);
      range.setEnd(node, b);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [passageId, from, to] as const,
  );
}

/** What each style makes of the two bundled articles (one dated, neither with a source). */
const CITED = {
  Plain: {
    dated: 'Baclofen and Sjögren’s Syndrome: Does It Help With Dry Mouth and Swallowing Issues? 18 November 2025',
    undated: 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid. n.d.',
    italic: undefined,
  },
  APA: {
    dated: 'Baclofen and Sjögren’s Syndrome: Does It Help With Dry Mouth and Swallowing Issues? (2025, November 18).',
    undated: 'Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid. (n.d.).',
    italic: '<i>Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid</i>',
  },
  MLA: {
    dated: '“Baclofen and Sjögren’s Syndrome: Does It Help With Dry Mouth and Swallowing Issues?” 18 Nov. 2025.',
    undated: '“Can Baclofen Help You Sleep? Clinical Studies on Baclofen as a Sleep Aid.” n.d.',
    italic: undefined,
  },
} as const;

test.describe('copy with citation', () => {
  test.beforeEach(async ({ appPage }) => {
    await appPage.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  for (const [style, cited] of Object.entries(CITED)) {
    test(`copies a passage with its ${style} citation, as plain text and HTML`, async ({ quire, appPage }) => {
      const settings = new BookmarksPanel(appPage);
      if (style !== 'Plain') await settings.chooseSetting('Citation style', style);
      else {
        // Plain is the default: the group says so without being touched.
        await settings.settingsButton.click();
        await expect(settings.settingChoice('Citation style', 'Plain')).toBeChecked();
      }
      await appPage.keyboard.press('Escape');

      await quire.openArticle(SLEEP);
      const { id, text } = await paragraph(appPage, 2);
      await appPage.locator(`[data-passage-id="${id}"]`).hover();
      await citeButton(appPage, id).click();
      await expect(quire.toast('Passage copied with citation')).toBeVisible();
      const link = `quire://article/baclofen-sleep-aid/${id}`;
      const clip = await readClipboard(appPage);
      expect(clip.text).toBe(`${text}\n\n${cited.undated}\n${link}`);
      expect(clip.html).toContain(`<blockquote>${text}</blockquote>`);
      expect(clip.html).toContain(`<a href="${link}">${link}</a>`);
      if (cited.italic) expect(clip.html).toContain(cited.italic);

      await quire.openArticle(SJOGREN);
      const dated = await paragraph(appPage, 0);
      await appPage.locator(`[data-passage-id="${dated.id}"]`).hover();
      await citeButton(appPage, dated.id).click();
      await expect.poll(async () => (await readClipboard(appPage)).text).toBe(`${dated.text}\n\n${cited.dated}\nquire://article/baclofen-sjogrens-syndrome/${dated.id}`);
    });
  }

  test('reaches Copy with citation from the keyboard, in the passage’s toolbar', async ({ quire, appPage }) => {
    await quire.openArticle(SLEEP);
    const { id, text } = await paragraph(appPage, 1);
    const toolbar = appPage.locator(`.bookmark-row[data-bookmark-id="${id}"] [role="toolbar"]`);
    await toolbar.getByRole('button').first().focus();
    await appPage.keyboard.press('End');
    await expect(citeButton(appPage, id)).toBeFocused();
    await appPage.keyboard.press('Enter');
    await expect.poll(async () => (await readClipboard(appPage)).text).toContain(`${text}\n\n`);
  });

  test('a short passage’s Copy with citation takes the click, though it reaches over the next passage', async ({ quire, appPage }) => {
    await appPage.setViewportSize({ width: 1280, height: 900 });
    await quire.openArticle(SJOGREN);
    // The first passage whose third action ends below the top of the passage after it.
    const id = await appPage.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.article__body .bookmark-row[data-bookmark-target="passage"]')];
      const short = rows.find((row, i) => {
        const next = rows[i + 1];
        const button = row.querySelectorAll('.bookmark-row__toggle button')[2];
        return next && button && button.getBoundingClientRect().bottom > next.getBoundingClientRect().top;
      });
      return short?.dataset.bookmarkId;
    });
    expect(id, 'a passage shorter than its three actions').toBeDefined();
    await appPage.locator(`[data-passage-id="${id}"]`).hover();
    // A real click at the button's centre: Playwright refuses it if another element is on top.
    await citeButton(appPage, id!).click();
    await expect(quire.toast('Passage copied with citation')).toBeVisible();
  });

  test('Ctrl+C copies a selection as it is until the setting is on, then with the citation of the passage it starts in', async ({ quire, appPage }) => {
    const recorder = await recordNetwork(appPage);
    await quire.openArticle(SJOGREN);
    const first = await paragraph(appPage, 1);

    const plain = await selectIn(appPage, first.id, 4, 40);
    await appPage.keyboard.press('Control+C');
    await expect.poll(async () => (await readClipboard(appPage)).text).toBe(plain);

    const settings = new BookmarksPanel(appPage);
    await settings.settingsButton.click();
    const toggle = settings.settingsDialog.getByRole('checkbox', { name: 'Ctrl+C or Cmd+C copies text from an article with its citation' });
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await settings.chooseSetting('Citation style', 'MLA');
    await appPage.keyboard.press('Escape');

    const selected = await selectIn(appPage, first.id, 10, 60);
    await appPage.keyboard.press('Control+C');
    const link = `quire://article/baclofen-sjogrens-syndrome/${first.id}`;
    await expect.poll(async () => (await readClipboard(appPage)).text).toBe(`${selected}\n\n${CITED.MLA.dated}\n${link}`);
    const { html } = await readClipboard(appPage);
    expect(html).toContain(`<a href="${link}">${link}</a>`);
    expect(html).toContain('<blockquote>');
    await expect(quire.toast('Copied with citation')).toBeVisible();

    // A selection outside the article (the header) is the browser's copy, with no citation.
    await appPage.evaluate(() => window.getSelection()!.selectAllChildren(document.querySelector('.app-header')!));
    await appPage.keyboard.press('Control+C');
    await expect.poll(async () => (await readClipboard(appPage)).text).toContain('Reading settings');
    expect((await readClipboard(appPage)).text).not.toContain('quire://');

    // The library loaded under the app's CSP, and asked nothing of anyone.
    const log = await recorder.log();
    // (The app's script and the library's lazily loaded chunks: more than one script.)
    expect(log.requests.filter((url) => /\/assets\/[^/]+\.js$/.test(url)).length).toBeGreaterThan(1);
    expect(foreignUrls(log.requests, recorder.appOrigin)).toEqual([]);
    expect(log.cspViolations).toEqual([]);
  });
});
