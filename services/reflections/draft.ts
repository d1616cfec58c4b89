// A debrief in progress, and the reflection it becomes at Save. The draft lives in dialog state (Cosmos), so it
// holds redacted text only; the dialog gathers it, this module decides what is stored.
import type { HiddenNames } from './hiddenNames';
import type { Movement, ReflectionAnswer, ReflectionDoc, StageId, Visibility } from './model';

/** Everything the debrief has gathered. */
export interface Draft {
  id: string;
  practice: boolean;
  clientCode: string;
  hidden?: HiddenNames;
  stage: StageId;
  stageChosenBy: 'psw' | 'finder';
  answers: ReflectionAnswer[];
  movement: Movement;
  stall?: ReflectionDoc['stall'];
  /** How the plan from last time went (the continuity question); absent when there was none or no answer. */
  strategyOutcome?: ReflectionDoc['strategyOutcome'];
  selfCheck: ReflectionDoc['selfCheck'];
  riskFlags: string[];
  visibility: Visibility;
  /** `reflect quick`: fewer questions; the review carries the safety question. Not stored. */
  quick?: boolean;
}

/** The document saved for a finished draft: the hidden names' hashes stay behind, only what the review showed is kept. */
export function reflectionFromDraft(draft: Draft, psw: string, now: Date, ttlSeconds: number): ReflectionDoc {
  return {
    id: draft.id, kind: 'reflection', psw, clientCode: draft.clientCode, stage: draft.stage, stageChosenBy: draft.stageChosenBy,
    movement: draft.movement, answers: draft.answers, selfCheck: draft.selfCheck, riskFlags: draft.riskFlags, visibility: draft.visibility,
    practice: draft.practice, createdAt: now.toISOString(), ttl: ttlSeconds,
    ...(draft.stall ? { stall: draft.stall } : {}),
    ...(draft.strategyOutcome ? { strategyOutcome: draft.strategyOutcome } : {}),
  };
}
