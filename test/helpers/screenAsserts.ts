/** The risk screen's round tests' shared reads and checks: the whole screen, the patterns alone, and a kind kept or ruled out. */
import assert from 'node:assert/strict';
import { content, type RiskCategory } from '../../services/content';
import { riskCategories, screenRisk } from '../../services/safety/screen';

const c = content();
/** The kinds the shipped screen (patterns and classifier) raises. */
export const screen = (text: string) => riskCategories(screenRisk(text, c));
/** The kinds the patterns alone raise (so no classifier score carries a warning sign). */
export const patterns = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));

/** Each warning sign raises its kind (by default from the patterns alone). */
export function keeps(cases: [RiskCategory, string][], read = patterns): void {
  for (const [kind, t] of cases) assert.ok(read(t).includes(kind), `${kind} swallowed: "${t}" gave ${JSON.stringify(read(t))}`);
}
/** None of the texts raises `kind`. */
export function rulesOut(kind: RiskCategory, texts: string[], read = patterns): void {
  for (const t of texts) assert.ok(!read(t).includes(kind), `${kind} raised: "${t}" gave ${JSON.stringify(read(t))}`);
}
/** None of the texts raises anything. */
export function raisesNothing(texts: string[], read = screen): void {
  for (const t of texts) assert.deepEqual(read(t), [], `raised: "${t}"`);
}
