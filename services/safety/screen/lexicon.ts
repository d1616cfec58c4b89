/**
 * The pattern layer of the risk screen: content/risk-terms.json compiled once per loaded content.
 * A pattern hit counts unless (1) it overlaps one of its category's exclusions ("killing it"), (2) a negation
 * cue stands just before it in its clause ("denies SI", "would never hurt anyone"; NegEx), (3) its sentence
 * says the event is past and resolved ("years ago", "no longer") with no cue that it is current ("again",
 * "still"; ConText), or (4) a suppress rule of its category covers the sentence (harm-reduction talk for
 * overdose, accidents for self-harm). Works on normalised text (./normalise).
 */
import fs from 'node:fs';
import path from 'node:path';
import { compilePattern, ContentError, CONTENT_FILES, type Content, type RiskCategory } from '../../content';
import { clauses, sentences } from './normalise';

interface Cue {
  id: string;
  pattern: string;
  source: string;
  window?: number;
  anywhere?: string;
  pseudo?: string;
  categories?: RiskCategory[];
  unless?: string;
}
interface ContextRules {
  negation: Cue & { window: number };
  resolved: Cue;
  current: Cue;
  suppress: Cue[];
  /** The worker's own strand (`reflect me`, ./self). */
  self?: { reflective: Cue; current: Cue; risk: Cue };
}

interface CompiledLexicon {
  categories: { id: RiskCategory; patterns: { id: string; re: RegExp }[]; exclusions: RegExp[] }[];
  /** `pseudo`: phrases that contain a cue but negate nothing ("no point", "not sure"); removed before the test. */
  negation: { near: RegExp; anywhere?: RegExp; pseudo?: RegExp; window: number };
  resolved: RegExp;
  current: RegExp;
  suppress: { categories: RiskCategory[]; re: RegExp; unless?: RegExp }[];
  /** The worker's own strand: what makes a sentence reflective, current, or the worker's own risk. */
  self?: { reflective: RegExp; current: RegExp; risk: RegExp };
}

export interface LexiconOptions {
  /** Apply the context rules (negation, past-and-resolved, suppress). Off only to measure their worth. */
  context?: boolean;
}

export interface PatternHit {
  category: RiskCategory;
  termId: string;
}

const cache = new WeakMap<Content, CompiledLexicon>();

/** The context rules of risk-terms.json (validated by loadContent with the rest of the file). */
function readContext(c: Content): ContextRules {
  const file = path.join(c.dir, CONTENT_FILES.riskTerms);
  const rules = (JSON.parse(fs.readFileSync(file, 'utf8')) as { context: ContextRules }).context;
  const all = [rules.negation, rules.resolved, rules.current, ...rules.suppress, ...(rules.self ? [rules.self.reflective, rules.self.current, rules.self.risk] : [])];
  for (const cue of all) {
    if (!c.sourceById.has(cue.source)) throw new ContentError(file, `/context (${cue.id})`, `unknown source "${cue.source}"`);
  }
  return rules;
}

export function compileLexicon(c: Content): CompiledLexicon {
  let out = cache.get(c);
  if (out) return out;
  const ctx = readContext(c);
  out = {
    categories: c.riskTerms.map((cat) => ({
      id: cat.id,
      patterns: cat.patterns.map((t) => ({ id: t.id, re: compilePattern(t.pattern) })),
      exclusions: cat.exclusions.map((t) => compilePattern(t.pattern)),
    })),
    negation: {
      near: compilePattern(ctx.negation.pattern, 'i'),
      anywhere: ctx.negation.anywhere ? compilePattern(ctx.negation.anywhere, 'i') : undefined,
      pseudo: ctx.negation.pseudo ? compilePattern(ctx.negation.pseudo) : undefined,
      window: ctx.negation.window,
    },
    resolved: compilePattern(ctx.resolved.pattern, 'i'),
    current: compilePattern(ctx.current.pattern, 'i'),
    suppress: ctx.suppress.map((s) => ({
      categories: s.categories ?? [],
      re: compilePattern(s.pattern, 'i'),
      unless: s.unless ? compilePattern(s.unless, 'i') : undefined,
    })),
    self: ctx.self && {
      reflective: compilePattern(ctx.self.reflective.pattern, 'i'),
      current: compilePattern(ctx.self.current.pattern, 'i'),
      risk: compilePattern(ctx.self.risk.pattern, 'i'),
    },
  };
  cache.set(c, out);
  return out;
}

type Span = { start: number; end: number };
const within = (spans: Span[], at: number): Span => spans.find((s) => at >= s.start && at <= s.end) ?? { start: 0, end: at };

function negated(lx: CompiledLexicon, norm: string, clause: Span, at: number): boolean {
  let before = norm.slice(clause.start, at).trim();
  if (lx.negation.pseudo) before = before.replace(lx.negation.pseudo, ' ');
  if (!before) return false;
  if (lx.negation.anywhere?.test(before)) return true;
  const near = before.split(' ').slice(-lx.negation.window).join(' ');
  return lx.negation.near.test(near);
}

/**
 * Whether the sentence-level context rules rule out `kind` for the whole text: every sentence is past and
 * resolved, or covered by a suppress rule of that kind. Used for the classifier's kinds, which have no span.
 */
export function contextRulesOut(norm: string, kind: RiskCategory, c: Content): boolean {
  const lx = compileLexicon(c);
  return sentences(norm).every(({ start, end }) => {
    const text = norm.slice(start, end);
    if (!text.trim()) return true;
    if (lx.suppress.some((r) => r.categories.includes(kind) && r.re.test(text) && !r.unless?.test(text))) return true;
    return lx.resolved.test(text) && !lx.current.test(text);
  });
}

/** Pattern hits in normalised text: one entry per matching term, in category then term order. */
export function matchLexicon(norm: string, c: Content, opts: LexiconOptions = {}): PatternHit[] {
  const lx = compileLexicon(c);
  const useContext = opts.context !== false;
  const cl = clauses(norm);
  const se = sentences(norm);
  const hits: PatternHit[] = [];
  for (const cat of lx.categories) {
    let excluded: [number, number][] | undefined; // found only once a pattern matches: most text matches none
    for (const p of cat.patterns) {
      for (const m of norm.matchAll(p.re)) {
        const s = m.index;
        const e = s + m[0].length;
        excluded ??= cat.exclusions.flatMap((re) => [...norm.matchAll(re)].map((x): [number, number] => [x.index, x.index + x[0].length]));
        if (excluded.some(([xs, xe]) => s < xe && xs < e)) continue;
        if (useContext) {
          if (negated(lx, norm, within(cl, s), s)) continue;
          const sent = within(se, s);
          const text = norm.slice(sent.start, sent.end);
          if (lx.suppress.some((r) => r.categories.includes(cat.id) && r.re.test(text) && !r.unless?.test(text))) continue;
          if (lx.resolved.test(text) && !lx.current.test(text)) continue;
        }
        hits.push({ category: cat.id, termId: p.id });
        break;
      }
    }
  }
  return hits;
}
