import { describe, expect, it } from 'vitest';
import tokens from './tokens.css?raw';

/** The colour tokens of one block of CSS. */
function colours(css: string): Map<string, string> {
  return new Map([...css.matchAll(/--(color-[a-z-]+):\s*(#[0-9a-f]{6})\b/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const SYSTEM_DARK = '@media (prefers-color-scheme: dark)';
const CHOSEN_DARK = ":root[data-theme='dark']";
const SEPIA = ":root[data-theme='sepia']";

/** The CSS from `start` up to the next of the markers (or the end). */
function block(start: string): string {
  const from = tokens.indexOf(start);
  if (from < 0) return '';
  const ends = [SYSTEM_DARK, CHOSEN_DARK, SEPIA].map((m) => tokens.indexOf(m, from + start.length)).filter((i) => i > from);
  return tokens.slice(from, ends.length > 0 ? Math.min(...ends) : undefined);
}

const lightCss = tokens.slice(0, tokens.indexOf(SYSTEM_DARK));
const darkCss = block(SYSTEM_DARK);
const chosenDarkCss = block(CHOSEN_DARK);
const sepiaCss = block(SEPIA);
const light = colours(lightCss);
const schemes = { light, dark: new Map([...light, ...colours(darkCss)]), sepia: colours(sepiaCss) };

const TEXT = ['text', 'text-muted', 'link', 'link-hover', 'accent'];
const BACKGROUNDS = ['bg', 'surface', 'sidebar-bg', 'header-bg', 'popup-bg', 'input-bg', 'hover', 'selected-bg', 'comment-bg', 'flash-bg', 'danger-bg'];
const PAIRS: [string, string, number][] = [
  ...TEXT.flatMap((t) => BACKGROUNDS.map((b) => [t, b, 4.5] as [string, string, number])),
  ['mark-text', 'mark-bg', 4.5],
  ['term-text', 'term-bg', 4.5],
  ['term-line', 'bg', 3],
  ['find-current-text', 'find-current-bg', 4.5],
  ['danger-text', 'danger-bg', 4.5],
  ['topic-text', 'topic-bg', 4.5],
  ...BACKGROUNDS.map((b) => ['focus', b, 3] as [string, string, number]),
  ['border-strong', 'input-bg', 3],
  ['border-strong', 'popup-bg', 3],
  ['flash-outline', 'bg', 3],
  // Reversed text: the primary button (page colour on the accent) and the toast (page colour on text).
  ['bg', 'accent', 4.5],
  ['bg', 'text', 4.5],
];

describe('tokens.css', () => {
  it('is read as text', () => {
    // Vitest stubs CSS imports, ?raw included, unless its config lets them through.
    expect(tokens, "vitest.config.ts needs test.css.include: [/\\.css\\?raw$/]").toContain('--color-text:');
  });

  for (const [scheme, map] of Object.entries(schemes)) {
    it(`meets WCAG AA contrast in the ${scheme} scheme`, () => {
      const failures = PAIRS.flatMap(([fg, bg, needed]) => {
        const a = map.get(`color-${fg}`);
        const b = map.get(`color-${bg}`);
        if (!a || !b) return [`${fg} on ${bg}: token missing`];
        const ratio = contrast(a, b);
        return ratio >= needed ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)} < ${needed}`];
      });
      expect(failures).toEqual([]);
    });
  }
});

describe('tokens.css dark theme', () => {
  it('gives the chosen dark theme the same colours as the system dark scheme', () => {
    expect(colours(chosenDarkCss).size).toBeGreaterThan(0);
    expect(colours(chosenDarkCss)).toEqual(colours(darkCss));
  });

  it('does not apply the system dark scheme over a chosen light or sepia theme', () => {
    expect(darkCss).toContain(":root:not([data-theme='light'], [data-theme='sepia'])");
  });
});

describe('tokens.css sepia theme', () => {
  it('sets every colour the light theme sets, so none of another theme shows through', () => {
    expect([...schemes.sepia.keys()].sort()).toEqual([...light.keys()].sort());
  });

  it('is a theme of its own, not the light colours again', () => {
    expect(schemes.sepia.get('color-bg')).not.toBe(light.get('color-bg'));
    expect(sepiaCss).toContain('color-scheme: light;');
  });
});
