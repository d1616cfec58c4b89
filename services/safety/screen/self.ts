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

/** The worker doing something now, in the first person: "i have been looking up", "i picked up", "i am going to".
 * Not "i keep" or "i still": those are what stays with someone ("i keep replaying it"), what the strand is for. */
const ACTS_NOW = /\bi (?:have been|picked up|bought|went back|started|am (?:going to|gonna|planning))\b/;

/** The parts of a reflective sentence (split where ConText ends a cue's scope) that are not reflective themselves and
 * say the worker does something now, joined; '' when none. */
function actsNow(text: string, reflective: RegExp): string {
  return text
    .split(/ , |\bbut\b|\band\b/)
    .map((p) => p.trim())
    .filter((p) => p && ACTS_NOW.test(p) && !reflective.test(p))
    .join(' , ');
}

const FIRST_PERSON = /\b(?:i|me|my|myself)\b/;

/**
 * In a debrief "i" is the worker: a suicide, overdose or self-harm hit in text about the worker alone (first
 * person, no one else in it: "the memorial was today and i do not want to be here") is also their own risk, so
 * psw_distress joins it and their supports are shown beside the client response.
 */
export function workerAlone(norm: string): boolean {
  return FIRST_PERSON.test(norm) && !THIRD_PERSON.test(norm);
}

/** Someone besides the worker is in the text (a pronoun, a client, a name's placeholder). */
export function someoneElse(norm: string): boolean {
  return THIRD_PERSON.test(norm);
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
    const whole = norm.slice(start, end).trim();
    if (!whole) continue;
    const now = cues.current.test(whole);
    // A reflective sentence raises nothing, except a part of it where the worker does something now (round 10: "her
    // story stays with me and i have been looking up how many it would take"; before, the memory ruled out the plan).
    const text = cues.reflective.test(whole) && !now ? actsNow(whole, cues.reflective) : whole;
    if (!text) continue;
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
