// The stored shapes of reflections and relationships, shared by the debrief (writer) and the supervisor
// views (readers). Every free-text field here holds de-identified text only.

// The stages are declared once, with the content that describes them.
import type { StageId } from '../content';
import type { NameMemory } from './nameMemory';
export { STAGE_IDS, type StageId } from '../content';

export type Movement = 'progressing' | 'steady' | 'stalling' | 'setback';
export const MOVEMENTS: Movement[] = ['progressing', 'steady', 'stalling', 'setback'];

export type Visibility = 'shared' | 'private';

/**
 * How a planned strategy went, as the PSW reported it at the start of a later debrief (issue 14's loop):
 * helped, partly helped, didn't help, or not tried ("didn't get to it").
 */
export type OutcomeWord = 'helped' | 'partly' | 'didnt_help' | 'not_tried';
export const OUTCOME_WORDS: OutcomeWord[] = ['helped', 'partly', 'didnt_help', 'not_tried'];

/**
 * A strategy picked at a stall is only PLANNED (ReflectionDoc.stall.strategyId). It is TRIED when a later debrief
 * for the same client reports an outcome other than 'not_tried' (ReflectionDoc.strategyOutcome). To count what
 * helps: tried = outcome !== 'not_tried' (isTried); helped = outcome === 'helped'; 'partly' is its own count.
 * Ids and fixed words only, never free text, so it is de-identified by construction.
 */
export interface StrategyOutcome {
  /** Content id of the strategy (content/stalls.json, under `stage`). */
  strategyId: string;
  /** The stage of the stall it was planned for (where its strategies live in the content). */
  stage: StageId;
  /** The reflection in which it was planned. */
  plannedIn: string;
  outcome: OutcomeWord;
}

/** Tried means reported as helped, partly or didn't help; 'not_tried' was planned but never tried. */
export function isTried(o: Pick<StrategyOutcome, 'outcome'>): boolean {
  return o.outcome !== 'not_tried';
}

/** How a stall came to light: the PSW said so, or the history/text suggested it and the PSW confirmed. */
export type StallSource = 'reported' | 'inferred_duration' | 'inferred_repeat' | 'inferred_language';

export interface ReflectionAnswer {
  promptId: string;
  /** De-identified text; '' when the prompt was skipped. */
  text: string;
  skipped: boolean;
  /** What was redacted, by type and count only (never the original words). */
  redactions: Record<string, number>;
}

export interface ReflectionDoc {
  /** The debrief's id, fixed when the debrief starts: saving twice is a 409, never a duplicate. */
  id: string;
  kind: 'reflection';
  /** Pseudonymous id of the PSW (partition key). */
  psw: string;
  /** The PSW's own short client code, stored only after the identifier check. */
  clientCode: string;
  stage: StageId;
  stageChosenBy: 'psw' | 'finder';
  movement: Movement;
  answers: ReflectionAnswer[];
  /**
   * How the PSW is doing. A supervisor sees the score (and any safety topic), never the note unless the PSW chose at
   * the review to share it (noteShared); the PSW always sees their own words.
   */
  selfCheck: { score: 1 | 2 | 3 | 4 | 5; note: string; noteShared?: boolean };
  stall?: {
    stage: StageId;
    source: StallSource;
    /** Content id of the strategy the PSW PLANNED to try next time, if any (tried only once reported: strategyOutcome). */
    strategyId?: string;
    flaggedForSupervision: boolean;
  };
  /** How the strategy planned in an earlier reflection for this client went, reported at the start of this one. */
  strategyOutcome?: StrategyOutcome;
  /** Safety screen hits on this debrief (issue 8): categories only. */
  riskFlags: string[];
  visibility: Visibility;
  /** Onboarding practice debriefs are stored but never counted as real reflections. */
  practice: boolean;
  /** UTC ISO timestamp of the save. */
  createdAt: string;
  /** Retention: seconds until Cosmos deletes the document (REFLECTION_TTL_DAYS). */
  ttl: number;
}

export interface RelationshipEvent {
  at: string;
  reflectionId: string;
  stage: StageId;
  movement: Movement;
  stallSource?: StallSource;
  /** The strategy planned in this reflection (not yet tried). */
  strategyId?: string;
  /** What this reflection reported about an earlier plan. */
  strategyOutcome?: StrategyOutcome;
}

export interface RelationshipDoc {
  /** `${psw}|${clientCode normalised}`. */
  id: string;
  kind: 'relationship';
  psw: string;
  clientCode: string;
  stage: StageId;
  /** When the relationship entered its current stage (UTC ISO). */
  stageSince: string;
  /** Reflections in a row at the current stage. */
  reflectionsAtStage: number;
  lastMovement: Movement;
  lastReflectionAt: string;
  /**
   * An open stall, until a later debrief reports progress or a new stage. `strategiesTried` is a historical name: it
   * holds the strategies PLANNED at this stall; `outcomes` what the PSW reported about them since it opened.
   * `talkedThrough`: when the supervisor recorded this flag talked through (services/supervision/agenda.ts; the record
   * itself is in the `supervision` container), so a summary or digest says so without looking the record up.
   */
  stall?: { stage: StageId; since: string; source: StallSource; strategiesTried: string[]; outcomes?: StrategyOutcome[]; flaggedForSupervision: boolean; talkedThrough?: string };
  /**
   * The strategy planned most recently and not yet reported on: the next debrief for this client opens by asking how
   * it went. Cleared by that report (whatever the outcome).
   */
  plan?: { strategyId: string; stage: StageId; plannedIn: string; at: string };
  /** The newest events first, bounded (the full record is the reflections themselves). */
  history: RelationshipEvent[];
  updatedAt: string;
  /** Names the PSW asked to hide and words they said to keep for this client: salted HMACs only (nameMemory.ts). */
  names?: NameMemory;
}
