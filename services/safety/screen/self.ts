/**
 * The worker's own strand (`reflect me`): what a PSW writes there is about themselves, so the screen reads it
 * differently, sentence by sentence (ConText's "experiencer" and "historical" rules):
 *   - a reflective sentence (memories, their own past use, a death told as an event, someone's story, a meeting)
 *     raises nothing, unless it also says the risk is now ("again", "last night", "have been using");
 *   - a suicide, overdose or self-harm hit in a sentence about the worker (no third person in it) is the worker's
 *     own risk, so it is raised as `psw_distress`, whose response speaks to them (their supports, 9-8-8 / 988);
 *     a third person's risk keeps its kind ("my client told me tonight she has a plan"); a sentence with both
 *     ("since he died i want to die too") raises both, so neither response is lost;
 *   - a few phrases that are only risk when the worker says them of themselves ("did it again", "saving my
 *     pills") raise `psw_distress`.
 * Cues: content/risk-terms.json, context.self. Measured on bench/data/screen-you-*.jsonl (docs/SAFETY.md).
 */
import type { Content, RiskCategory } from '../../content';
import { compileLexicon } from './lexicon';
import { sentences } from './normalise';

/** Kinds that, said of the worker themselves, are the worker's own risk. */
const OWN_KINDS: readonly RiskCategory[] = ['suicide', 'overdose', 'self_harm'];
/** Someone else may be the one at risk (subject or reflexive; "her funeral" or "told him" leave it the worker's). */
const THIRD_PERSON = /\b(?:he|she|they|himself|herself|themselves|clients?|xname|someone|somebody|people)\b/;
/** The worker says it of themselves even beside a third person ("since he died i want to die too"). */
const FIRST_PERSON_RISK = /\b(?:myself|my (?:own )?life|i (?:\w+ )?(?:want|wanna|wish|need|plan|am going|am gonna) to|i (?:\w+ )?(?:do not|can not) (?:want|go on|keep|see the point)|i (?:am|keep|have been) (?:\w+ )?(?:thinking|using|drinking|cutting))\b/;

export const SELF_TERM = 'self-risk';

const FIRST_PERSON = /\b(?:i|me|my|myself)\b/;

/**
 * In a debrief "i" is the worker: a suicide, overdose or self-harm hit in text about the worker alone (first
 * person, no one else in it: "the memorial was today and i do not want to be here") is also their own risk, so
 * psw_distress joins it and their supports are shown beside the client response.
 */
export function workerAlone(norm: string): boolean {
  return FIRST_PERSON.test(norm) && !THIRD_PERSON.test(norm);
}

export const isOwnKind = (k: RiskCategory): boolean => OWN_KINDS.includes(k);

export interface SelfHit {
  category: RiskCategory;
  termId: string;
}

/**
 * Screens normalised own-strand text: `screenSentence` runs the ordinary screen on one sentence; this keeps,
 * re-kinds or drops its hits by the rules above. Without context.self in the content, the ordinary screen's hits.
 */
export function screenOwnStrand(norm: string, c: Content, screenSentence: (sentence: string) => SelfHit[]): SelfHit[] {
  const cues = compileLexicon(c).self;
  if (!cues) return screenSentence(norm);
  const out: SelfHit[] = [];
  for (const { start, end } of sentences(norm)) {
    const text = norm.slice(start, end).trim();
    if (!text) continue;
    const now = cues.current.test(text);
    if (cues.reflective.test(text) && !now) continue;
    // Only the worker: their own risk. The worker and someone else: both, so neither response is lost.
    const other = THIRD_PERSON.test(text);
    const own = !other || FIRST_PERSON_RISK.test(text);
    for (const h of screenSentence(text)) {
      if (!own || !OWN_KINDS.includes(h.category)) out.push(h);
      else if (!other) out.push({ category: 'psw_distress', termId: h.termId });
      else out.push(h, { category: 'psw_distress', termId: h.termId });
    }
    if (own && cues.risk.test(text)) out.push({ category: 'psw_distress', termId: SELF_TERM });
  }
  return out;
}
