/// <reference lib="dom" />
// The checks read the page's style sheets and resolve the tokens in it: DOM types.
/**
 * The colour themes as Chromium draws them. In every theme (chosen in the app, or followed from
 * the system), every colour token that a style sheet uses has a value, and it is the value that
 * theme's palette gives it: tokens.css's light-dark() resolved for the theme's colour scheme, or
 * the sepia rule's own. Printing stays black on white whatever the theme.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { applyTheme, THEMES, type ThemeCase } from './screens';

/** The palette a theme shows. */
type Palette = 'light' | 'dark' | 'sepia';

function paletteOf(theme: ThemeCase): Palette {
  if (theme.choice === 'Sepia') return 'sepia';
  if (theme.choice === 'Dark' || (theme.choice === 'System' && theme.scheme === 'dark')) return 'dark';
  return 'light';
}

/** A token the style sheets use: what the page resolves it to, and what its palette says it should be. */
interface Resolved {
  readonly name: string;
  readonly got: string;
  /** Empty when the palette gives the token no value. */
  readonly want: string;
}

/**
 * Every colour and shadow token the served style sheets use, resolved on a probe in the page, and
 * its palette's value resolved on a probe whose colour scheme is set to the palette's (a colour
 * read as `color`, a shadow as `box-shadow`, so both sides read alike).
 */
async function resolveTokens(page: Page, palette: Palette): Promise<Resolved[]> {
  return page.evaluate((palette) => {
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
    const used = new Set(rules.flatMap((rule) => [...rule.cssText.matchAll(/var\(--((?:color|shadow)-[a-z0-9-]+)/g)].map((m) => m[1] ?? '')));
    // The palettes are top-level rules (the print sheet's own :root sits inside @media print).
    const selector = palette === 'sepia' ? ':root[data-theme="sepia"]' : ':root';
    const source = rules.filter((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === selector);
    const probe = document.body.appendChild(document.createElement('div'));
    const read = (property: string, value: string, scheme: string): string => {
      probe.style.colorScheme = scheme;
      probe.style.setProperty(property, value);
      const resolved = getComputedStyle(probe).getPropertyValue(property);
      probe.style.removeProperty(property);
      probe.style.colorScheme = '';
      return resolved;
    };
    const rows = [...used].sort().map((name) => {
      const property = name.startsWith('shadow-') ? 'box-shadow' : 'color';
      const written = source.map((r) => r.style.getPropertyValue(`--${name}`).trim()).findLast((v) => v !== '') ?? '';
      return {
        name,
        got: read(property, `var(--${name})`, ''),
        want: written ? read(property, written, palette === 'dark' ? 'dark' : 'light') : '',
      };
    });
    probe.remove();
    return rows;
  }, palette);
}

test.describe('themes', () => {
  for (const theme of THEMES) {
    const palette = paletteOf(theme);
    test(`${theme.name}: every colour token used has the ${palette} palette's value`, async ({ appPage }) => {
      await applyTheme(appPage, theme);
      const rows = await resolveTokens(appPage, palette);
      expect(rows.length).toBeGreaterThan(30);
      expect(rows.filter((r) => r.want === '').map((r) => r.name), `tokens with no ${palette} value`).toEqual([]);
      expect(rows.filter((r) => r.got !== r.want)).toEqual([]);
    });
  }

  test("a passage's flash takes the colours of a theme chosen while it runs", async ({ appPage, quire }) => {
    // At start the article opens (and flashes where it lands) before the saved theme arrives.
    await quire.search('GABA');
    await quire.waitForAnswers();
    await quire.openResult(0);
    const flashing = appPage.locator('.article__body .is-flashing').first();
    await expect(flashing).toBeVisible();
    const [got, want] = await flashing.evaluate((el) => {
      // Held at its strongest, so that the check does not race the fade.
      for (const a of el.getAnimations()) {
        a.pause();
        a.currentTime = 100;
      }
      document.documentElement.dataset.theme = 'dark';
      const probe = document.body.appendChild(document.createElement('div'));
      probe.style.colorScheme = 'dark';
      probe.style.color = 'var(--color-flash-bg)';
      const color = getComputedStyle(probe).color;
      probe.remove();
      return [getComputedStyle(el).boxShadow, color];
    });
    expect(want).not.toBe('');
    // The shadow's colour is the dark flash colour, written either way Chromium writes a colour.
    expect(got.replace(/color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)\)/, (_, r, g, b) => `rgb(${[r, g, b].map((v) => Math.round(Number(v) * 255)).join(', ')})`)).toContain(want);
  });

  test('print stays black on white in every theme', async ({ appPage }) => {
    for (const theme of THEMES) {
      await applyTheme(appPage, theme);
      await appPage.emulateMedia({ media: 'print' });
      const body = appPage.locator('body');
      await expect(body, theme.name).toHaveCSS('background-color', 'rgb(255, 255, 255)');
      await expect(body, theme.name).toHaveCSS('color', 'rgb(0, 0, 0)');
      await appPage.emulateMedia({ media: 'screen' });
    }
  });
});
