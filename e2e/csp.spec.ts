/**
 * The CSP of the built page, as both shells load it (out/renderer/index.html): the unit tests
 * check the source page before the build; this checks what the build made of it. No browser is
 * needed (it runs under each project, on the same file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { APP_CSP, cspOfHtml, cspProblems, parseCsp } from '../src/core/shell/csp';

const BUILT_INDEX = join(process.cwd(), 'out', 'renderer', 'index.html');

test.describe('the built index.html', () => {
  const html = (): string => readFileSync(BUILT_INDEX, 'utf8');

  test('carries a CSP that passes every rule, the same as the header the hosts send', () => {
    const policy = cspOfHtml(html());
    expect(policy, `${BUILT_INDEX}: no Content-Security-Policy meta tag`).toBeDefined();
    expect(cspProblems(policy!, BUILT_INDEX)).toEqual([]);
    const header = new Map(parseCsp(APP_CSP));
    header.delete('frame-ancestors');
    expect(parseCsp(policy!)).toEqual(header);
  });

  test('has nothing the CSP would block: no inline script, style or handler, nothing remote', () => {
    const page = html();
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length, `${BUILT_INDEX}: no script`).toBeGreaterThan(0);
    for (const [tag, attributes, body] of scripts) {
      expect(attributes, `${BUILT_INDEX}: inline script ${tag}`).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body!.trim(), `${BUILT_INDEX}: inline script body`).toBe('');
    }
    expect(page, `${BUILT_INDEX}: a <style> element`).not.toMatch(/<style\b/i);
    expect(page, `${BUILT_INDEX}: an inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page, `${BUILT_INDEX}: a style attribute`).not.toMatch(/\sstyle\s*=/i);
    expect(page, `${BUILT_INDEX}: a remote or absolute URL`).not.toMatch(/\b(src|href)="(?!\.\/)/i);
  });
});
