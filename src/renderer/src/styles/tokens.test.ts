import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../shared/bookmarks';
import tokens from './tokens.css?raw';

// The palettes are read from tokens.css's text here; e2e/themes.spec.ts checks that Chromium
// draws each theme with its palette.

/** The palettes tokens.css writes: light and dark (one light-dark() each), and sepia. */
type Palette = 'light' | 'dark' | 'sepia';

/** The token names (without `--`) of one palette, each with its value as written for it. */
type Tokens = ReadonlyMap<string, string>;

/** The selector of the sepia theme's block. */
const SEPIA_SELECTOR = ":root[data-theme='sepia']";

/**
 * The declarations of the first rule whose selector is `selector`, exactly (not one inside
 * @media): custom properties only.
 */
function ruleTokens(css: string, selector: string): Map<string, string> {
  const found = new RegExp(`(^|\\n)${selector.replace(/[[\]().*+?^$|\\]/g, '\\$&')} \\{\\n([^}]*)\\}`).exec(css);
  if (!found) throw new Error(`tokens.test: no rule '${selector}' at the start of a line in tokens.css`);
  return new Map([...(found[2] ?? '').matchAll(/^\s*--([a-z0-9-]+):\s*([^;]+);/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

/**
 * `value` with each light-dark(light, dark) in it replaced by the argument for `scheme`.
 *
 * @example pickScheme('0 1px light-dark(rgb(0 0 0 / 0.1), #000)', 'dark') // '0 1px #000'
 */
function pickScheme(value: string, scheme: 'light' | 'dark'): string {
  const start = value.indexOf('light-dark(');
  if (start < 0) return value;
  const open = start + 'light-dark('.length;
  let depth = 0;
  let comma = -1;
  for (let i = open; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ',' && depth === 0) comma = i;
    else if (c === ')' && depth-- === 0) {
      if (comma < 0) throw new Error(`tokens.test: light-dark() needs two colours, got '${value.slice(start, i + 1)}'`);
      const chosen = scheme === 'light' ? value.slice(open, comma) : value.slice(comma + 1, i);
      return value.slice(0, start) + chosen.trim() + pickScheme(value.slice(i + 1), scheme);
    }
  }
  throw new Error(`tokens.test: unclosed light-dark() in '${value}'`);
}

/** Whether a token is a colour, or holds colours (the shadows): the tokens a theme sets. */
function isThemed(name: string): boolean {
  return name.startsWith('color-') || name.startsWith('shadow-');
}

/**
 * Each palette's themed tokens as written for it: :root's, with light-dark() resolved, for light
 * and dark, and the sepia rule's own.
 */
function palettes(css: string): Record<Palette, Tokens> {
  const root = [...ruleTokens(css, ':root')].filter(([name]) => isThemed(name));
  const sepia = [...ruleTokens(css, SEPIA_SELECTOR)].filter(([name]) => isThemed(name));
  return {
    light: new Map(root.map(([name, value]) => [name, pickScheme(value, 'light')])),
    dark: new Map(root.map(([name, value]) => [name, pickScheme(value, 'dark')])),
    sepia: new Map(sepia),
  };
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

const schemes = palettes(tokens);
const { light } = schemes;

const TEXT = ['text', 'text-muted', 'link', 'link-hover', 'accent'];
const BACKGROUNDS = ['bg', 'surface', 'sidebar-bg', 'header-bg', 'popup-bg', 'input-bg', 'hover', 'selected-bg', 'comment-bg', 'flash-bg', 'danger-bg'];
const PAIRS: [string, string, number][] = [
  ...TEXT.flatMap((t) => BACKGROUNDS.map((b) => [t, b, 4.5] as [string, string, number])),
  ['mark-text', 'mark-bg', 4.5],
  ['term-text', 'term-bg', 4.5],
  ['term-line', 'bg', 3],
  ...HIGHLIGHT_COLORS.map((c) => ['highlight-text', `highlight-${c}-bg`, 4.5] as [string, string, number]),
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

describe('tokens.css themes', () => {
  it('gives every colour a light and a dark value, each a colour of six hex digits', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const bad = [...schemes[scheme]].filter(([name, value]) => name.startsWith('color-') && !/^#[0-9a-f]{6}$/.test(value));
      expect(bad, scheme).toEqual([]);
    }
    expect(light.size).toBeGreaterThan(30);
    expect([...schemes.dark.keys()]).toEqual([...light.keys()]);
  });

  it('has dark values of its own, not the light ones again', () => {
    const same = [...light].filter(([name, value]) => schemes.dark.get(name) === value).map(([name]) => name);
    // The current find occurrence is the same orange in both.
    expect(same).toEqual(['color-find-current-bg']);
  });

  it('lets each chosen theme set the colour scheme, and the system choose it otherwise', () => {
    expect(ruleTokens(tokens, ':root').size).toBeGreaterThan(0);
    expect(tokens).toMatch(/^:root \{\n {2}color-scheme: light dark;/m);
    expect(tokens).toMatch(/^:root\[data-theme='dark'\] \{\n {2}color-scheme: dark;/m);
    expect(tokens).toMatch(/^:root\[data-theme='light'\] \{\n {2}color-scheme: light;/m);
    expect(tokens).toMatch(/^:root\[data-theme='sepia'\] \{\n {2}color-scheme: light;/m);
  });
});

describe('tokens.css sepia theme', () => {
  it('sets every colour the light theme sets, so none of another theme shows through', () => {
    expect([...schemes.sepia.keys()].sort()).toEqual([...light.keys()].sort());
  });

  it('is a theme of its own, not the light colours again', () => {
    expect(schemes.sepia.get('color-bg')).not.toBe(light.get('color-bg'));
  });
});

describe('pickScheme', () => {
  it('takes one side of each light-dark(), colour functions included', () => {
    const shadow = '0 8px 24px light-dark(rgb(0 0 0 / 0.14), rgb(0 0 0 / 0.5)), 0 2px 6px light-dark(#111, #222)';
    expect(pickScheme(shadow, 'light')).toBe('0 8px 24px rgb(0 0 0 / 0.14), 0 2px 6px #111');
    expect(pickScheme(shadow, 'dark')).toBe('0 8px 24px rgb(0 0 0 / 0.5), 0 2px 6px #222');
    expect(pickScheme('#abcdef', 'dark')).toBe('#abcdef');
  });

  it('says what is wrong with a light-dark() it cannot read', () => {
    expect(() => pickScheme('light-dark(#111)', 'light')).toThrow("tokens.test: light-dark() needs two colours, got 'light-dark(#111)'");
    expect(() => pickScheme('light-dark(#111, #222', 'light')).toThrow('unclosed');
    expect(() => ruleTokens(tokens, SEPIA_SELECTOR + '.x')).toThrow('no rule');
  });
});
