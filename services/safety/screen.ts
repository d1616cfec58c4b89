/**
 * Risk screen over free text (client risk and the PSW's own distress), in layers:
 *   1. normalisation (./screen/normalise): case, phone typing, misspellings, contractions, placeholders;
 *   2. a sourced pattern lexicon with context rules (./screen/lexicon, content/risk-terms.json);
 *   3. a small trained classifier (./screen/classifier, ./screen/risk-model.json) for what patterns miss.
 * The bot runs it on the words as typed and on their de-identified text (./turn.ts). Every hit must be confirmed by a person; this never
 * decides alone. Returns ids only, never the matched text, so results are safe to log and store.
 * Figures and limits: docs/SAFETY.md (`npm run bench:screen`).
 */
import { content as defaultContent, RISK_CATEGORIES, type Content, type RiskCategory } from '../content';
import { probabilities, shippedModel, type RiskModel } from './screen/classifier';
import { contextRulesOut, inScope, matchLexicon, withoutExclusions } from './screen/lexicon';
import { normalise } from './screen/normalise';
import { isOwnKind, screenOwnStrand, workerAlone } from './screen/self';

export type { RiskCategory } from '../content';

export interface RiskHit {
  category: RiskCategory;
  /** The id of the pattern that matched, e.g. "sui-wish-dead", or "classifier" for the trained layer. */
  termId: string;
}

/** Which layers run; all by default. Switched off only to measure what each layer is worth. */
export interface ScreenLayers {
  /** Normalise phone typing, misspellings and contractions (off: lower case and spaces only). */
  normalise?: boolean;
  /** Context rules: negation, past-and-resolved, harm-reduction talk, accidents. */
  context?: boolean;
  /** The trained classifier (or `false`); a model may be passed in to measure one that is not shipped. */
  classifier?: boolean | RiskModel;
}

export const CLASSIFIER_TERM = 'classifier';

/** Whose text this is. */
export interface ScreenOptions {
  /** The worker's own strand (`reflect me`): their past, a death told as an event and someone's story raise
   * nothing; their own suicide, overdose or self-harm risk now is raised as psw_distress (./screen/self). */
  self?: boolean;
}

/** Screens text for risk language: pattern hits in category then term order, then classifier-only kinds. */
export function screenRisk(text: string, c: Content = defaultContent(), layers: ScreenLayers = {}, opts: ScreenOptions = {}): RiskHit[] {
  if (!text?.trim()) return [];
  const norm = layers.normalise === false ? text.toLowerCase().replace(/\s+/g, ' ').trim() : normalise(text);
  if (opts.self && layers.context !== false) return screenOwnStrand(norm, c, (sentence) => screenNormalised(sentence, c, layers));
  const hits = screenNormalised(norm, c, layers);
  const own = hits.find((h) => isOwnKind(h.category));
  if (own && layers.context !== false && !hits.some((h) => h.category === 'psw_distress') && workerAlone(norm)) hits.push({ category: 'psw_distress', termId: own.termId });
  return hits;
}

function screenNormalised(norm: string, c: Content, layers: ScreenLayers): RiskHit[] {
  const hits: RiskHit[] = matchLexicon(norm, c, { context: layers.context });
  if (layers.classifier !== false) {
    const model = typeof layers.classifier === 'object' ? layers.classifier : shippedModel();
    const found = new Set(hits.map((h) => h.category));
    const p = probabilities(model, norm);
    for (const kind of model.kinds) {
      if (p[kind] < model.thresholds[kind] || found.has(kind)) continue;
      if (gatedScore(norm, kind, c, model, layers.context !== false, p[kind]) < model.thresholds[kind]) continue;
      hits.push({ category: kind, termId: CLASSIFIER_TERM });
    }
  }
  return hits;
}

/**
 * The classifier's score for `kind` as the screen weighs it once the context rules have had their say: -1 (under any
 * threshold) when they rule the kind out; else the lower of its probability and that of the text read again without the words its kind's
 * exclusions match and the parts the context rules put out of scope. scripts/train-screen.ts sets thresholds on it.
 */
export function gatedScore(norm: string, kind: RiskCategory, c: Content, model: RiskModel, context = true, p = probabilities(model, norm)[kind]): number {
  if (context && contextRulesOut(norm, kind, c)) return -1;
  const plain = withoutExclusions(context ? inScope(norm, kind, c) : norm, kind, c);
  return plain === norm ? p : Math.min(p, probabilities(model, plain)[kind]);
}

/** The distinct categories among hits, in RISK_CATEGORIES order. */
export function riskCategories(hits: readonly RiskHit[]): RiskCategory[] {
  const found = new Set(hits.map((h) => h.category));
  return RISK_CATEGORIES.filter((k) => found.has(k));
}
