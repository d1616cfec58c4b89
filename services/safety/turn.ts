/**
 * What the bot screens in a turn (round 13): the words as typed AND the same words de-identified, hits of both.
 * The raw words live only in the memory of the turn that received them (ARCHITECTURE rule 1): screened here, never
 * kept. Reading them means a risk word the de-identifier hides as a name ("Hope", "self-harm" → [NAME]) is still
 * risk the screen sees, so the de-identifier no longer has to leave such words visible for the screen's sake. The
 * de-identified view is read too: a few patterns read its placeholders ("xname said …"), and a classifier trained on it
 * (before round 15) reads it; the union keeps every hit the old de-identified-only screen had
 * (docs/history/SAFETY-rounds.md, round 13).
 * bench/screenData.ts, the CLI and the dialogs all screen through here, so every figure is what the product does.
 */
import { content as defaultContent, type Content } from '../content';
import { deidentify } from '../deidentify';
import { screenRisk, type RiskHit, type ScreenLayers, type ScreenOptions } from './screen';
import { shippedModel } from './screen/classifier';
import { normalise } from './screen/normalise';
import { someoneElse } from './screen/self';

/** A turn's words: as typed (in the turn only; absent for words held across turns) and de-identified. */
export interface TurnWords {
  raw?: string;
  /** The stored (de-identified) text; derived from `raw` when absent. */
  redacted?: string;
}

/** Hits in the raw words, then those only the de-identified view adds (one per category and term). */
export function screenTurn(words: TurnWords, c: Content = defaultContent(), layers: ScreenLayers = {}, opts: ScreenOptions = {}): RiskHit[] {
  const raw = words.raw?.trim() ? words.raw : undefined;
  const redacted = words.redacted ?? (raw ? deidentify(raw).redacted : undefined);
  if (redacted === undefined || redacted === raw) return raw ? screenRisk(raw, c, layers, opts) : [];
  // The classifier reads one view, the one its model was trained on: the words as typed for a model that reads only its
  // fixed vocabulary (round 15: no name can reach it, and the de-identifier cannot move what it reads), else the
  // de-identified view (round 13's end model, trained on de-identified text, read "thinking about <a rare surname>"
  // as suicide). The patterns read both.
  const onTyped = !!raw && readsTyped(layers);
  const typed = raw ? screenRisk(raw, c, onTyped ? layers : { ...layers, classifier: false }, opts) : [];
  const stored = screenRisk(redacted, c, onTyped ? { ...layers, classifier: false } : layers, opts);
  // A name as typed is no one to the screen ("Maria said kms" reads as the worker's own words). So the PSW's own
  // distress found in the words as typed alone stands only when no one else is in them: no he/she/client, and no
  // capitalised word the de-identifier hid (a lower-case word it hid, "never", "should've", is no one).
  const others = !!raw && !stored.some((h) => h.category === 'psw_distress') && someoneElseIn(raw, redacted);
  const hits = typed.filter((h) => !(others && h.category === 'psw_distress'));
  const seen = new Set(hits.map((h) => `${h.category} ${h.termId}`));
  for (const h of stored) if (!seen.has(`${h.category} ${h.termId}`)) hits.push(h);
  return hits;
}

/** Whether the classifier of `layers` (the shipped one unless given or off) reads the words as typed. */
function readsTyped(layers: ScreenLayers): boolean {
  if (layers.classifier === false) return false;
  return !!(typeof layers.classifier === 'object' ? layers.classifier : shippedModel()).features.typed;
}

/** Someone besides the worker in the words as typed: he/she/client…, or a name the de-identifier hid. */
export function someoneElseIn(raw: string, redacted: string): boolean {
  return someoneElse(normalise(raw)) || hiddenCapital(raw, redacted);
}

/** A capitalised word of `raw` (not "I") that the de-identified text no longer has: someone's name, hidden. */
function hiddenCapital(raw: string, redacted: string): boolean {
  const kept = new Set(redacted.match(/[\p{L}'’]+/gu) ?? []);
  return (raw.match(/\p{Lu}[\p{L}'’]*/gu) ?? []).some((w) => w !== 'I' && !kept.has(w));
}
