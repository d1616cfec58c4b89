// Whether a finished debrief offers the worker's own side, and with what words — one short question, never forced.
// In proportion: words in the answers that touch the PSW themselves (a client's death, their own recovery stirred
// up, something staying with them, a boundary, sharing their story) offer that topic; a rough self-check (1 or 2)
// offers a few minutes on how they are doing; a 1, or a second rough one in a row, says so, points to supervision
// too, and offers a check-in the next morning. The self-care step at the self-check (dialogs/reflectionDebrief.ts)
// has already been shown; this adds the reflective route after the save, and nothing when neither applies.
import { compilePattern, content as defaultContent, normalizeForMatching, type Content, type YouTopic } from '../content';
import type { SelfOrigin } from './model';

export interface OfferInput {
  /** The debrief's de-identified texts: its answers and the self-check note. */
  texts: readonly string[];
  /** Its answers by prompt: an answer to a prompt a topic names (afterPrompts) offers that topic unless it is a no. */
  answers?: readonly { promptId: string; text: string; skipped: boolean }[];
  score: number;
  /** The self-check score of the PSW's previous real reflection, if any. */
  previousScore?: number;
}

export interface SelfOffer {
  /** The topic to open with (its words were in the answers); none: the PSW picks. */
  topic?: string;
  text: string;
  origin: Exclude<SelfOrigin, 'command'>;
  /** A 1, or a second rough one in a row: a check-in the next morning is offered too (services/you/checkIn.ts). */
  checkIn?: true;
}

/** A self-check this low gets the offer (the self-care step is shown for the same scores). */
export const LOW_SCORE = 2;

const compiled = new WeakMap<YouTopic, RegExp[]>();
function patternsOf(topic: YouTopic): RegExp[] {
  let res = compiled.get(topic);
  if (!res) {
    res = (topic.offer?.patterns ?? []).map((p) => compilePattern(p.pattern, 'i'));
    compiled.set(topic, res);
  }
  return res;
}

/** "No", "nope", "didn't", "not this time": an answer that says the thing asked about did not happen. */
const PLAIN_NO = /^\s*(?:no|nope|nah|none|not (?:today|this time|really)|didn'?t|did not|i didn'?t|i did not)\b/i;

/** The first topic (content order) whose offer words appear in any of the texts, or whose prompt was answered. */
export function topicIn(texts: readonly string[], c: Content = defaultContent(), answers: OfferInput['answers'] = []): YouTopic | undefined {
  const normal = texts.filter(Boolean).map(normalizeForMatching);
  const answered = new Set(answers.filter((a) => !a.skipped && a.text.trim() && !PLAIN_NO.test(a.text)).map((a) => a.promptId));
  return c.you.topics.find((t) => t.offer && (patternsOf(t).some((re) => normal.some((s) => re.test(s))) || (t.offer.afterPrompts ?? []).some((id) => answered.has(id))));
}

/** Whether the previous self-check can change the offer (a 2 now; a 1 says so alone): else the Save turn need not read it. */
export function needsPreviousScore(score: number): boolean {
  return score <= LOW_SCORE && score !== 1;
}

export function offerAfterDebrief(input: OfferInput, c: Content = defaultContent()): SelfOffer | undefined {
  const topic = topicIn(input.texts, c, input.answers);
  const low = input.score <= LOW_SCORE;
  const again = low && (input.score === 1 || (input.previousScore !== undefined && input.previousScore <= LOW_SCORE));
  const withTopic = topic ? { topic: topic.id } : {};
  if (again) return { ...withTopic, text: c.you.lowSelfCheck.again, origin: 'offer-low-again', checkIn: true };
  if (low) return { ...withTopic, text: topic?.offer?.text ?? c.you.lowSelfCheck.offer, origin: 'offer-low' };
  if (topic?.offer) return { topic: topic.id, text: topic.offer.text, origin: 'offer-topic' };
  return undefined;
}
