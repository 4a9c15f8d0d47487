/**
 * Running axe-core over the app's window: the WCAG 2.0/2.1 A and AA rules and axe's best
 * practices, with the violations sorted into those a test fails on (serious, critical) and those
 * it only reports (moderate, minor).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rule sets checked. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One violated rule, as a line a person can act on. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  /** The rule's summary and the selectors of the elements that break it. */
  readonly detail: string;
}

/** What axe found on one screen. */
export interface AxeReport {
  /** Serious and critical violations: a test fails on these. */
  readonly blocking: readonly AxeFinding[];
  /** Moderate and minor ones: reported, not failed on. */
  readonly advisory: readonly AxeFinding[];
}

/**
 * Check the page as it is now.
 *
 * @example const { blocking } = await axe(page); expect(blocking).toEqual([]);
 */
export async function axe(page: Page): Promise<AxeReport> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const findings = violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    detail: `${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`).join('; ')}`,
  }));
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  return { blocking, advisory: findings.filter((f) => !blocking.includes(f)) };
}
