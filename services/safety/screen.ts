/**
 * Risk screen: a keyword first layer over free text (client risk and the PSW's own distress).
 * A hit is a pattern match that does not overlap a match of one of its category's exclusions
 * ("killed it at the interview"). Every hit must be confirmed by a person; this never decides alone.
 * Returns ids only, never the matched text, so results are safe to log and store.
 */
import { compilePattern, content as defaultContent, normalizeForMatching, type Content, type RiskCategory } from '../content';

export type { RiskCategory } from '../content';

export interface RiskHit {
  category: RiskCategory;
  /** The id of the pattern that matched, e.g. "sui-kill-self". */
  termId: string;
}

interface CompiledCategory {
  id: RiskCategory;
  patterns: { id: string; re: RegExp }[];
  exclusions: RegExp[];
}

const compiled = new WeakMap<Content, CompiledCategory[]>();

function compile(c: Content): CompiledCategory[] {
  let out = compiled.get(c);
  if (!out) {
    out = c.riskTerms.map((cat) => ({
      id: cat.id,
      patterns: cat.patterns.map((t) => ({ id: t.id, re: compilePattern(t.pattern) })),
      exclusions: cat.exclusions.map((t) => compilePattern(t.pattern)),
    }));
    compiled.set(c, out);
  }
  return out;
}

function spans(re: RegExp, text: string): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Screens text for risk language; one entry per matching term, in category then term order. */
export function screenRisk(text: string, c: Content = defaultContent()): RiskHit[] {
  if (!text) return [];
  const t = normalizeForMatching(text);
  const hits: RiskHit[] = [];
  for (const cat of compile(c)) {
    const excluded = cat.exclusions.flatMap((re) => spans(re, t));
    for (const p of cat.patterns) {
      const real = spans(p.re, t).some(([s, e]) => !excluded.some(([xs, xe]) => s < xe && xs < e));
      if (real) hits.push({ category: cat.id, termId: p.id });
    }
  }
  return hits;
}

/** The distinct categories among hits, in RISK_CATEGORIES order. */
export function riskCategories(hits: readonly RiskHit[]): RiskCategory[] {
  return [...new Set(hits.map((h) => h.category))];
}
