// The stored shapes of reflections and relationships, shared by the debrief (writer) and the supervisor
// views (readers). Every free-text field here holds de-identified text only.

// The stages are declared once, with the content that describes them.
import type { StageId } from '../content';
import type { NameMemory } from './nameMemory';
export { STAGE_IDS, type StageId } from '../content';

export type Movement = 'progressing' | 'steady' | 'stalling' | 'setback';
export const MOVEMENTS: Movement[] = ['progressing', 'steady', 'stalling', 'setback'];

export type Visibility = 'shared' | 'private';

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
    /** Content id of the strategy the PSW chose to try, if any. */
    strategyId?: string;
    flaggedForSupervision: boolean;
  };
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
  strategyId?: string;
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
  /** An open stall, until a later debrief reports progress. */
  stall?: { stage: StageId; since: string; source: StallSource; strategiesTried: string[]; flaggedForSupervision: boolean };
  /** The newest events first, bounded (the full record is the reflections themselves). */
  history: RelationshipEvent[];
  updatedAt: string;
  /** Names the PSW asked to hide and words they said to keep for this client: salted HMACs only (nameMemory.ts). */
  names?: NameMemory;
}
