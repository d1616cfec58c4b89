// axe-core in the page under test: its script comes from node_modules (nothing fetched), and a check returns the
// violations that matter for WCAG 2.2 AA — serious and critical — each with the elements it found.
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe over the whole page; returns the serious and critical violations (empty when the page passes). */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, not a <script> tag: the page's CSP (script-src 'self') stays as served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, WCAG_AA);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The check at each width a person uses (desktop and phone); restores the viewport it found. */
export async function seriousViolationsAtWidths(page: Page, widths = [1280, 390]): Promise<Record<number, AxeFinding[]>> {
  const before = page.viewportSize();
  const found: Record<number, AxeFinding[]> = {};
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(100); // let Web Chat re-lay out its transcript
    found[width] = await seriousViolations(page);
  }
  if (before) await page.setViewportSize(before);
  return found;
}
