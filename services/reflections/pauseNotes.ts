// What a safety pause adds to the debrief it paused: the kinds of concern raised there, and the words the PSW typed
// there ("he also said he has a rope"), de-identified as they arrived. The words are kept with the debrief as the
// answer to that step (its own prompt id), so the review shows them and the save stores them like any answer.
import type { ReflectionAnswer } from './model';
import type { RedactedText } from './redact';

/** The prompt id of words typed at a safety pause. Stored with the reflection: it must not change. */
export const SAFETY_PAUSE_STEP = 'safety-pause';

/** What a pause hands back to the step (or dialog) it paused: kinds raised there and de-identified words kept. */
export interface PauseAdded {
  riskFlags: string[];
  notes: Pick<RedactedText, 'text' | 'redactions'>[];
}

/** A pause's result as PauseAdded, or undefined when it added nothing (or is something else). */
export function pauseAddedOf(result: unknown): PauseAdded | undefined {
  const r = result as Partial<PauseAdded> | undefined;
  if (!r || typeof r !== 'object' || !Array.isArray(r.riskFlags) || !Array.isArray(r.notes)) return undefined;
  return r.riskFlags.length || r.notes.length ? { riskFlags: r.riskFlags, notes: r.notes } : undefined;
}

/** Several pauses' additions as one (kinds once each, words in the order typed). */
export function mergePauseAdded(parts: readonly (PauseAdded | undefined)[]): PauseAdded | undefined {
  const riskFlags = [...new Set(parts.flatMap((p) => p?.riskFlags ?? []))];
  const notes = parts.flatMap((p) => p?.notes ?? []);
  return riskFlags.length || notes.length ? { riskFlags, notes } : undefined;
}

/** The draft with a pause's additions: the words as answers to the pause, after those already given; the kinds flagged. */
export function withPauseAdded<T extends { answers: ReflectionAnswer[]; riskFlags: string[] }>(draft: T, added: PauseAdded | undefined): T {
  if (!added) return draft;
  return {
    ...draft,
    answers: [...draft.answers, ...added.notes.map((n) => ({ promptId: SAFETY_PAUSE_STEP, text: n.text, skipped: false, redactions: { ...n.redactions } }))],
    riskFlags: [...new Set([...draft.riskFlags, ...added.riskFlags])],
  };
}
