// Inferred stalls: what the relationship's history or the PSW's words suggest beyond what they reported.
// A suggestion only — the dialog asks "does this feel stuck?" before surfacing anything (never a silent label).
import { DateTime } from 'luxon';
import type { Movement, RelationshipDoc, StageId, StallSource } from '../reflections/model';
import { detectStallLanguage } from './language';

export interface StallSuggestion {
  source: Exclude<StallSource, 'reported'>;
  /** The stage the stall would be at: the stage of this debrief. */
  stage: StageId;
  /** For the question to the PSW: how many reflections, or how many weeks, at this stage (0 for language). */
  reflections: number;
  weeks: number;
  /** Stall-language phrase ids (never the matched words). */
  phrases: string[];
}

export interface InferInput {
  relationship?: RelationshipDoc;
  stage: StageId;
  movement: Movement;
  /** De-identified answers of this debrief. */
  texts: string[];
  now: Date;
  timeZone: string;
  stallWeeks: number;
  stallReflections: number;
}

/** Whether the PSW themselves reported a stall: stalling or setback. */
export function reportedStall(movement: Movement): boolean {
  return movement === 'stalling' || movement === 'setback';
}

/** Whole weeks between two instants, counted in calendar days in the PSW's time zone (DST-safe). */
export function weeksBetween(fromIso: string, now: Date, timeZone: string): number {
  const from = DateTime.fromISO(fromIso, { zone: 'utc' }).setZone(timeZone).startOf('day');
  const to = DateTime.fromJSDate(now, { zone: 'utc' }).setZone(timeZone).startOf('day');
  return Math.floor(to.diff(from, 'days').days / 7);
}

export function inferStall(input: InferInput): StallSuggestion | undefined {
  // A reported stall needs no inference; a PSW who says things are progressing is not second-guessed.
  if (reportedStall(input.movement) || input.movement === 'progressing') return undefined;
  const rel = input.relationship;
  const sameStage = rel !== undefined && rel.stage === input.stage;
  const reflections = sameStage ? rel.reflectionsAtStage + 1 : 1;
  const weeks = sameStage ? weeksBetween(rel.stageSince, input.now, input.timeZone) : 0;
  const phrases = [...new Set(input.texts.flatMap((t) => detectStallLanguage(t).map((h) => h.id)))];
  const base = { stage: input.stage, reflections, weeks, phrases };
  if (sameStage && weeks >= input.stallWeeks) return { source: 'inferred_duration', ...base };
  if (sameStage && reflections >= input.stallReflections) return { source: 'inferred_repeat', ...base };
  if (phrases.length) return { source: 'inferred_language', ...base };
  return undefined;
}
