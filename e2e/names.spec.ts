/// <reference lib="dom" />
// The failure message describes each control from the page: DOM types.
/**
 * Accessible names: on every screen, every control that assistive technology is shown (button,
 * link, input, select, textarea and the ARIA widget roles) has a non-empty name, read from
 * Playwright's aria snapshot of that control.
 */
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { THEMES, walkBookmarks, walkImport, walkReading, walkStoreNotice, type Visit } from './screens';

/** Every kind of control a person operates. */
const CONTROLS = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  '[role="button"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="option"]',
  '[role="combobox"]',
  '[role="switch"]',
].join(', ');

/**
 * The name of the node an aria snapshot starts with (`- button "Name" [pressed]`), or '' when it
 * has none. The snapshot is YAML: a line with a colon or quote in it comes quoted as a whole.
 */
function snapshotName(snapshot: string): string {
  const [first] = parse(snapshot) as unknown[];
  const node = typeof first === 'string' ? first : first && typeof first === 'object' ? (Object.keys(first)[0] ?? '') : '';
  return /^[\w-]+ "((?:[^"\\]|\\.)*)"/.exec(node)?.[1]?.trim() ?? '';
}

/** The controls on the page that are exposed without a name, described; and how many were checked. */
async function unnamedControls(page: Page): Promise<{ checked: number; unnamed: string[] }> {
  const controls = page.locator(CONTROLS);
  const count = await controls.count();
  const unnamed: string[] = [];
  let checked = 0;
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    const snapshot = (await control.ariaSnapshot()).trim();
    // Hidden, inert or aria-hidden: not exposed at all, so nothing to name.
    if (snapshot === '') continue;
    checked += 1;
    if (snapshotName(snapshot) !== '') continue;
    const html = await control.evaluate((el) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 160));
    unnamed.push(`${snapshot.split('\n')[0]}  ←  ${html}`);
  }
  return { checked, unnamed };
}

const namesVisit: Visit = async (page, screen) => {
  const { checked, unnamed } = await unnamedControls(page);
  expect.soft(checked, `controls found on ${screen}`).toBeGreaterThan(0);
  expect.soft(unnamed, `controls without an accessible name on ${screen}`).toEqual([]);
};

test.describe('accessible names', () => {
  test.describe.configure({ timeout: 90_000 });

  test('library, search, articles, find bar, reading settings and print preview', async ({ appPage }) => {
    await walkReading(appPage, namesVisit);
  });

  test.describe('bookmarks', () => {
    test.use({ copyContent: true });

    test('panel, export menu, import error and an orphaned bookmark', async ({ appPage, contentDir, restartHost }) => {
      if (!contentDir) throw new Error('copyContent gave no content folder');
      await walkBookmarks(appPage, contentDir, restartHost, namesVisit);
    });
  });

  test('store notice', async ({ dataDir, restartHost }) => {
    await walkStoreNotice(dataDir, restartHost, THEMES[0]!, namesVisit);
  });

  test('adding articles: dialog, drop overlay, summary, your articles, progress, removal', async ({ appPage }, testInfo) => {
    await walkImport(appPage, testInfo.outputPath('import'), namesVisit);
  });

  test('reads the name from a snapshot line', () => {
    expect(snapshotName('- button "Remove bookmark" [pressed]')).toBe('Remove bookmark');
    expect(snapshotName(`- 'link "Sjögren''s: a question"':\n  - text: x`)).toBe("Sjögren's: a question");
    expect(snapshotName('- button [pressed]')).toBe('');
    expect(snapshotName('- button:\n  - img')).toBe('');
    expect(snapshotName('- textbox ""')).toBe('');
  });
});
