/**
 * axe-core in the page under test. The pane's CSP forbids inline scripts (addScriptTag with content
 * would be refused), so axe's source is evaluated through the DevTools protocol, which CSP does not
 * govern; the page's own policy stays as built.
 */
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Fluent UI's focus manager (Tabster) puts `<i data-tabster-dummy tabindex=0 aria-hidden>` bumpers
 * around widgets such as TabList; they hand focus on at once and are hidden from screen readers on
 * purpose. Axe's aria-hidden-focus flags them; Microsoft documents it as a false positive
 * (microsoft/tabster#288; Accessibility Insights suppresses it). Only those nodes of only that rule
 * are dropped here.
 */
function isTabsterBumper(ruleId: string, html: string): boolean {
  return ruleId === 'aria-hidden-focus' && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);
}

/** Every serious or critical axe violation on the page (WCAG 2.x A and AA rules plus best practices). */
export async function seriousViolations(page: Page, include = 'body'): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (selector: string) => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run({ include: [selector] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html })) }));
  }, include);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.filter((n) => !isTabsterBumper(v.id, n.html)).map((n) => n.target) }))
    .filter((v) => v.targets.length > 0);
}
