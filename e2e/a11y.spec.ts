/**
 * axe-core on every screen of the app (adding articles included), in the light, dark and sepia
 * themes (chosen in the app, and followed from the system): no serious or critical violation;
 * moderate and minor ones are printed, not failed on.
 */
import type { TestInfo } from '@playwright/test';
import { axe } from './axe';
import { expect, test } from './fixtures';
import { applyTheme, THEMES, walkBookmarks, walkImport, walkReading, walkStoreNotice, type Visit } from './screens';

/** A visit that runs axe, fails softly on blocking violations and prints the rest. */
function axeVisit(testInfo: TestInfo, theme: string): Visit {
  return async (page, screen) => {
    const { blocking, advisory } = await axe(page);
    for (const f of advisory) {
      const line = `[axe ${f.impact}] ${theme} / ${screen}: ${f.id}`;
      console.log(line);
      testInfo.annotations.push({ type: `axe ${f.impact}`, description: `${theme} / ${screen}: ${f.id}: ${f.detail}` });
    }
    expect.soft(blocking.map((f) => `${f.impact} ${f.id}: ${f.detail}`), `serious or critical axe violations on ${screen} (${theme})`).toEqual([]);
  };
}

for (const theme of THEMES) {
  test.describe(`axe, ${theme.name} theme`, () => {
    test.describe.configure({ timeout: 90_000 });

    test('library, search, articles, find bar, reading settings and print preview', async ({ appPage }, testInfo) => {
      await applyTheme(appPage, theme);
      await walkReading(appPage, axeVisit(testInfo, theme.name));
    });

    test.describe('bookmarks', () => {
      test.use({ copyContent: true });

      test('panel, export menu, import error and an orphaned bookmark', async ({ appPage, contentDir, restartHost }, testInfo) => {
        if (!contentDir) throw new Error('copyContent gave no content folder');
        await applyTheme(appPage, theme);
        await walkBookmarks(appPage, contentDir, restartHost, axeVisit(testInfo, theme.name));
      });
    });

    test('store notice', async ({ dataDir, restartHost }, testInfo) => {
      await walkStoreNotice(dataDir, restartHost, theme, axeVisit(testInfo, theme.name));
    });

    test('adding articles: dialog, drop overlay, summary, your articles, progress, removal', async ({ appPage }, testInfo) => {
      await applyTheme(appPage, theme);
      await walkImport(appPage, testInfo.outputPath('import'), axeVisit(testInfo, theme.name));
    });
  });
}
