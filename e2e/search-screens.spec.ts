/**
 * Pictures of the search drop-down and the full results view at 390, 800, 1280 and 1920 px wide
 * in the light and dark themes, for a person to look at: written to
 * test-results/screens/search-<view>-<width>-<theme>.png.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { applyTheme, THEMES } from './screens';

const WIDTHS = [390, 800, 1280, 1920] as const;
const SCREENS_DIR = join('test-results', 'screens');

for (const theme of THEMES.filter((t) => t.choice !== 'System')) {
  test(`search drop-down and full results view, ${theme.name}`, async ({ quire, appPage }) => {
    test.setTimeout(60_000);
    await applyTheme(appPage, theme);
    for (const width of WIDTHS) {
      await appPage.setViewportSize({ width, height: 800 });
      await quire.search('baclofin sleep');
      await quire.waitForAnswers();
      await expect(quire.options.first()).toBeVisible();
      await appPage.screenshot({ path: join(SCREENS_DIR, `search-dropdown-${width}-${theme.name}.png`) });

      await quire.filtersToggle.click();
      await expect(quire.filters).toBeVisible();
      await appPage.screenshot({ path: join(SCREENS_DIR, `search-dropdown-filters-${width}-${theme.name}.png`) });

      await quire.searchBox.focus();
      await quire.showAllResults();
      await expect(quire.passageLinks.first()).toBeVisible();
      // Keyboard focus on a result, to see its ring.
      await quire.passageLinks.first().focus();
      await appPage.keyboard.press('ArrowDown');
      await appPage.screenshot({ path: join(SCREENS_DIR, `search-results-${width}-${theme.name}.png`) });
      await appPage.screenshot({ path: join(SCREENS_DIR, `search-results-full-${width}-${theme.name}.png`), fullPage: true });
      await quire.backButton.click();
      await expect(quire.resultsView).toHaveCount(0);
    }
  });
}
