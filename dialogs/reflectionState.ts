// What the debrief's parts (reflection.ts, reflectionDebrief.ts, reflectionReview.ts, reflectionSave.ts) share: the
// ids of the dialogs inside the debrief, what the safety screen may know of a draft, and the waterfall's values.
// The ids are stored in dialog state, so they must not change.
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { Draft } from '../services/reflections/draft';
import type { ScreenContext } from './prompts';

export const REFLECTION_DIALOG = 'reflection';
export const MAIN = 'reflection.main';
export const PROMPTS = 'reflection.prompts';
export const CODE = 'reflection.code';
export const REVIEW = 'reflection.review';
export const UNSURE = 'reflection.unsure';
export const CHOICE = 'reflection.choice';
export const FREE_TEXT = 'reflection.freeText';
export const RAW_TEXT = 'reflection.rawText';
export const FORM = 'reflection.form';

/** The turn-state key under which the review leaves the draft it saved, for the debrief's last step. */
export const SAVED_DRAFT = Symbol('reflection.savedDraft');

/**
 * What the safety screen knows of this debrief: its id, the code (not for practice), the categories already raised,
 * and its names to hide (salted hashes), for words typed at a safety pause.
 */
export function screenOf(draft: Draft): ScreenContext {
  return { debriefId: draft.id, clientCode: draft.practice ? undefined : draft.clientCode, raised: [...draft.riskFlags], ...(draft.hidden ? { hidden: draft.hidden } : {}) };
}

/** The waterfall's own values (persisted with the dialog; redacted data only). */
export function v(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
