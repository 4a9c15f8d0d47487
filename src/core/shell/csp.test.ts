import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP, cspOfHtml, cspProblems, parseCsp } from './csp';
import { ROOT } from '../library/paths';

// The source page: unit tests run before the build (e2e/csp.spec.ts checks the built one).
const INDEX_HTML = join(ROOT, 'src', 'renderer', 'index.html');

describe('the renderer CSP', () => {
  const meta = cspOfHtml(readFileSync(INDEX_HTML, 'utf8'));

  it('is in index.html and passes every rule', () => {
    expect(meta, `${INDEX_HTML}: no Content-Security-Policy meta tag`).toBeDefined();
    expect(cspProblems(meta!, INDEX_HTML)).toEqual([]);
  });

  it('is the header the hosts send, but for frame-ancestors (which a meta tag cannot carry)', () => {
    expect(cspProblems(APP_CSP, 'APP_CSP')).toEqual([]);
    const header = new Map(parseCsp(APP_CSP));
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    header.delete('frame-ancestors');
    expect(header).toEqual(parseCsp(meta!));
  });
});

describe('parseCsp', () => {
  it('splits directives and sources, lower-cases names, keeps the first of a repeated name', () => {
    const parsed = parseCsp("  Default-Src 'self' ;img-src 'self'  data:;; img-src *; upgrade-insecure-requests");
    expect([...parsed]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'", 'data:']],
      ['upgrade-insecure-requests', []],
    ]);
  });
});

describe('cspOfHtml', () => {
  it('finds the policy whatever the attribute order and quotes', () => {
    expect(cspOfHtml(`<meta charset="utf-8"><meta content='a-src b' http-equiv='content-security-policy'>`)).toBe('a-src b');
    expect(cspOfHtml('<meta name="viewport" content="x">')).toBeUndefined();
  });
});

describe('cspProblems', () => {
  const good = "default-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

  it('passes a strict policy', () => {
    expect(cspProblems(good, 'p')).toEqual([]);
  });

  it.each([
    ["default-src *; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'", "p: default-src is '*', expected ''self''"],
    ["default-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'", 'p: script-src is missing'],
    [good.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"), "p: script-src allows 'unsafe-eval'"],
    [good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"), "p: script-src allows 'unsafe-inline'"],
    [good.replace("object-src 'none'", "object-src 'self'"), "p: object-src is ''self'', expected ''none''"],
    [good.replace("; base-uri 'none'", ''), 'p: base-uri is missing'],
    [good.replace("connect-src 'self'", "connect-src 'self' ws://localhost:5173"), "p: connect-src is ''self' ws://localhost:5173'"],
    [`${good}; style-src 'self' https://fonts.example.com`, "p: style-src allows 'https://fonts.example.com'"],
    [`${good}; font-src *`, "p: font-src allows '*'"],
    [`${good}; media-src https:`, "p: media-src allows 'https:'"],
    [`${good}; frame-src data:`, 'p: frame-src allows data: (only img-src may)'],
  ])('rejects %j', (policy, problem) => {
    expect(cspProblems(policy, 'p').join('\n')).toContain(problem);
  });
});
