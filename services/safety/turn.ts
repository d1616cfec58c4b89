/**
 * What the bot screens in a turn (round 13): the words as typed AND the same words de-identified, hits of both.
 * The raw words live only in the memory of the turn that received them (ARCHITECTURE rule 1): screened here, never
 * kept. Reading them means a risk word the de-identifier hides as a name ("Hope", "self-harm" → [NAME]) is still
 * risk the screen sees, so the de-identifier no longer has to leave such words visible for the screen's sake. The
 * de-identified view is read too: the classifier was trained on it and a few patterns read its placeholders
 * ("xname said …"); the union keeps every hit the old de-identified-only screen had (docs/history/SAFETY-rounds.md, round 13).
 * bench/screenData.ts, the CLI and the dialogs all screen through here, so every figure is what the product does.
 */
import { content as defaultContent, type Content } from '../content';
import { deidentify } from '../deidentify';
import { screenRisk, type RiskHit, type ScreenLayers, type ScreenOptions } from './screen';
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
  // The classifier reads the de-identified view only: it was trained on de-identified text, and on names as typed it
  // misreads ("thinking about <a rare surname>" scored as suicide, round 13's end model). The patterns read both.
  const typed = raw ? screenRisk(raw, c, { ...layers, classifier: false }, opts) : [];
  const stored = screenRisk(redacted, c, layers, opts);
  // A name as typed is no one to the screen ("Maria said kms" reads as the worker's own words). So the PSW's own
  // distress found in the words as typed alone stands only when no one else is in them: no he/she/client, and no
  // capitalised word the de-identifier hid (a lower-case word it hid, "never", "should've", is no one).
  const others = !!raw && !stored.some((h) => h.category === 'psw_distress') && someoneElseIn(raw, redacted);
  const hits = typed.filter((h) => !(others && h.category === 'psw_distress'));
  const seen = new Set(hits.map((h) => `${h.category} ${h.termId}`));
  for (const h of stored) if (!seen.has(`${h.category} ${h.termId}`)) hits.push(h);
  return hits;
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
