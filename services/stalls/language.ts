/**
 * Stall language: phrases in free text that hint a relationship is stuck ("no-show",
 * "referral fell through"). A hint only: the dialog asks the PSW before surfacing stall prompts.
 * Returns ids (and the stage each hints at), never the matched text.
 */
import { compilePattern, content as defaultContent, normalizeForMatching, type Content, type StageId } from '../content';

export interface StallLanguageHit {
  id: string;
  stage?: StageId;
}

const compiled = new WeakMap<Content, { id: string; stage?: StageId; re: RegExp }[]>();

/** Finds stall phrases in text; one entry per phrase id, in content order. */
export function detectStallLanguage(text: string, c: Content = defaultContent()): StallLanguageHit[] {
  if (!text) return [];
  let list = compiled.get(c);
  if (!list) {
    list = c.stallLanguage.map((p) => ({ id: p.id, stage: p.stage, re: compilePattern(p.pattern, 'i') }));
    compiled.set(c, list);
  }
  const t = normalizeForMatching(text);
  return list.filter((p) => p.re.test(t)).map((p) => (p.stage ? { id: p.id, stage: p.stage } : { id: p.id }));
}
