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
  /**
   * For a stall inferred from words alone, when every phrase that names a stage names one other stage than this
   * debrief's ("referral fell through" in a fostering debrief: bridging): the dialog asks whether the relationship
   * is now at that stage before offering any help (issue 14).
   */
  otherStage?: StageId;
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

/**
 * Whether the PSW themselves reported a stall: stalling. A setback is not a stall (issue 14): things went backwards,
 * which is part of the work, not the relationship standing still; it is recorded as the movement, never labelled.
 */
export function reportedStall(movement: Movement): boolean {
  return movement === 'stalling';
}

/** Whole weeks between two instants, counted in calendar days in the PSW's time zone (DST-safe). */
export function weeksBetween(fromIso: string, now: Date, timeZone: string): number {
  const from = DateTime.fromISO(fromIso, { zone: 'utc' }).setZone(timeZone).startOf('day');
  const to = DateTime.fromJSDate(now, { zone: 'utc' }).setZone(timeZone).startOf('day');
  return Math.floor(to.diff(from, 'days').days / 7);
}

export function inferStall(input: InferInput): StallSuggestion | undefined {
  // A reported stall needs no inference; a PSW who says things are progressing, or have gone backwards (a setback
  // is not a stall), is not second-guessed.
  if (reportedStall(input.movement) || input.movement === 'progressing' || input.movement === 'setback') return undefined;
  const rel = input.relationship;
  const sameStage = rel !== undefined && rel.stage === input.stage;
  const reflections = sameStage ? rel.reflectionsAtStage + 1 : 1;
  const weeks = sameStage ? weeksBetween(rel.stageSince, input.now, input.timeZone) : 0;
  const phrases = [...new Set(input.texts.flatMap((t) => detectStallLanguage(t).map((h) => h.id)))];
  const base = { stage: input.stage, reflections, weeks, phrases };
  if (sameStage && weeks >= input.stallWeeks) return { source: 'inferred_duration', ...base };
  if (sameStage && reflections >= input.stallReflections) return { source: 'inferred_repeat', ...base };
  if (!phrases.length) return undefined;
  const otherStage = otherStageInWords(input.stage, input.texts);
  return { source: 'inferred_language', ...base, ...(otherStage ? { otherStage } : {}) };
}

/**
 * The one other stage the words point to, when every stall phrase that names a stage names it ("referral fell
 * through" in a fostering debrief: bridging); undefined when they name this stage, several, or none.
 */
export function otherStageInWords(stage: StageId, texts: readonly string[]): StageId | undefined {
  const named = [...new Set(texts.flatMap((t) => detectStallLanguage(t)).flatMap((h) => (h.stage ? [h.stage] : [])))];
  return named.length === 1 && named[0] !== stage ? named[0] : undefined;
}
