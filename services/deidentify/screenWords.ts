/**
 * The risk screen reads de-identified text, so a word it needs that is hidden as a name is risk it cannot see
 * ("Client reports [NAME]" for "Client reports self-harm"). After the detectors and the name classifier, a name
 * found on one of these is given back (docs/DEIDENTIFICATION.md, "Words the risk screen needs"):
 * - a hyphenated word built from common words and affixes (./compounds): self-harm, ex-partner, 8-year-old;
 * - a pronoun's contraction: she'll, he'd, who've, u'll;
 * - a word of the screen's keep-list groups (content/deid-keep.json) typed in lower case: "ive", "si", "dilly" are
 *   names only when capitalised ("Ive", "Si"), where the rules still judge them.
 * Other detectors' spans (addresses, dates, phones) are left alone.
 */
import type { Entity } from './types';
import { compoundAround, wordCompound } from './compounds';
import { keepGroups } from './keepList';

/** Keep-list groups the risk screen reads: risk words and contractions, drugs, services, clinical notes' words. */
export const SCREEN_GROUPS = ['risk-language', 'street-drugs', 'services', 'clinical-notes'];

const CONTRACTION = /^(?:i|you|u|he|she|it|we|they|who|that|there|what|where|how|ya)['’](?:ll|d|ve|re|m)$/i;

let screen: Set<string> | undefined;

/** Whether the name span `e` of `text` is a word the screen needs. */
function screenWord(text: string, e: Entity): boolean {
  const w = text.slice(e.start, e.end);
  if (/\s/.test(w)) return false;
  const compound = compoundAround(text, e.start, e.end);
  if (compound) return wordCompound(compound);
  if (!/^[\p{L}'’]+$/u.test(w)) return false;
  if (CONTRACTION.test(w)) return true;
  screen ??= keepGroups(...SCREEN_GROUPS);
  return w === w.toLowerCase() && screen.has(w);
}

/** `found` without the name spans that are words the risk screen needs. */
export function keepScreenWords(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const e = found[i]!;
    if (e.type === 'NAME' && screenWord(text, e)) out ??= found.slice(0, i);
    else out?.push(e);
  }
  return out ?? found;
}
