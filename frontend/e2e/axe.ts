/**
 * axe-core in the browser tests: its source injected into the page (the context bypasses the CSP for that one
 * inline script), run on the whole document, and the serious and critical violations reported per screen.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Moderate rules held to the same bar: one main landmark per screen, and no second banner (a dialog's header
 * rendered as <header>).
 */
const LANDMARK_RULES = ['landmark-one-main', 'landmark-no-duplicate-banner', 'landmark-banner-is-top-level', 'landmark-unique'];

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Waits until the screen has settled: no skeletons, no running transitions (a half-faded dialog misreads colours). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

/** The serious and critical violations (and the landmark rules above) axe finds on the page as it is now. */
export async function audit(page: Page, screen: string): Promise<AxeFinding[]> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (landmarks) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || landmarks.includes(violation.id))
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
  }, LANDMARK_RULES);
  return violations.map((violation) => ({ screen, ...violation }));
}

/** One line per violation: where, which rule, and the elements (the first few), for a readable failure. */
export function report(findings: AxeFinding[]): string {
  return findings
    .map(
      (finding) =>
        `[${finding.screen}] ${finding.rule} (${finding.impact}): ${finding.help}\n    ${finding.targets.slice(0, 6).join('\n    ')}${
          finding.targets.length > 6 ? `\n    … and ${finding.targets.length - 6} more` : ''
        }`,
    )
    .join('\n');
}
