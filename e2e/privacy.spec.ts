/// <reference lib="dom" />
// The recorder's self-check runs requests in the page: DOM types.
/**
 * Zero network: through a whole session (search as you type, open a result, follow the table of
 * contents, bookmark with a note, the bookmarks panel and an export, the print preview and a
 * print to PDF, a change of theme) the app asks for nothing outside its own origin, opens no
 * websocket, registers no service worker and breaks its Content Security Policy nowhere.
 */
import { expect, test } from './fixtures';
import { foreignUrls, recordNetwork } from './network';
import { BookmarksPanel } from './pages/BookmarksPanel';
import { PrintPreview } from './pages/PrintPreview';
import { readPdf } from './pdf';
import { SJOGREN } from './screens';

test.describe('zero network', () => {
  test('a whole session requests only the app’s own origin, with no websocket and no CSP violation', async ({ quire, appPage, printToPdf }) => {
    const recorder = await recordNetwork(appPage);
    await expect(quire.library.getByRole('link')).toHaveCount(2);

    await quire.search('swallowing');
    await quire.waitForAnswers();
    await expect(quire.options.first()).toBeVisible();
    await quire.openResult(0);
    await expect(quire.articleTitle).toHaveText(SJOGREN);

    const tocLink = quire.toc.getByRole('link').nth(1);
    const section = (await tocLink.innerText()).trim();
    await tocLink.click();
    await expect(appPage.getByRole('heading', { name: section })).toBeFocused();

    const bookmarks = new BookmarksPanel(appPage);
    const id = (await appPage.locator('.article__body p[data-passage-id]').first().getAttribute('data-passage-id')) ?? '';
    await bookmarks.togglePassage(id);
    await expect(bookmarks.toggleOf(id)).toHaveAttribute('aria-pressed', 'true');
    await bookmarks.open();
    await bookmarks.edit(bookmarks.items.first(), 'ask about dosing', 'dose');
    const exported = await bookmarks.export('Markdown');
    expect(exported.text).toContain('ask about dosing');

    const preview = new PrintPreview(appPage);
    await preview.openWithShortcut();
    expect(readPdf(await printToPdf()).all).toContain(SJOGREN);
    await appPage.keyboard.press('Escape');
    await expect(preview.dialog).toBeHidden();

    await bookmarks.chooseTheme('Dark');
    await expect(appPage.locator('html')).toHaveAttribute('data-theme', 'dark');

    const log = await recorder.log();
    // The recorder provably works: the page, its script and the API calls are all in it.
    expect(log.requests.length).toBeGreaterThan(3);
    expect(log.requests).toContain(appPage.url().replace(/#.*$/, ''));
    expect(log.requests).toContainEqual(expect.stringMatching(/\/assets\/[^/]+\.js$/));
    expect(foreignUrls(log.requests, recorder.appOrigin), `requests outside ${recorder.appOrigin}`).toEqual([]);
    expect(log.websockets).toEqual([]);
    expect(log.serviceWorkers).toEqual([]);
    expect(log.cspViolations).toEqual([]);
  });

  test('the recorder sees a CSP violation, a request to another origin and a websocket', async ({ appPage, target }) => {
    const recorder = await recordNetwork(appPage);
    // What the app must never do, done on purpose: the CSP blocks it, and the violation is seen.
    await appPage.evaluate(() => fetch('http://192.0.2.1/track').catch(() => undefined));
    await expect.poll(async () => (await recorder.log()).cspViolations).toContainEqual(expect.stringMatching(/^connect-src http:\/\/192\.0\.2\.1/));

    if (target === 'web') {
      // A page of the same context without the app's CSP: its request and websocket are recorded.
      const other = await appPage.context().newPage();
      await other.setContent('<p>elsewhere</p>');
      await other.evaluate(() => {
        new Image().src = 'http://127.0.0.1:9/pixel.png';
        new WebSocket('ws://127.0.0.1:9/');
      });
      await expect.poll(async () => foreignUrls((await recorder.log()).requests, recorder.appOrigin)).toContain('http://127.0.0.1:9/pixel.png');
      await expect.poll(async () => (await recorder.log()).websockets).toEqual(['ws://127.0.0.1:9/']);
      await other.close();
    }
  });
});
