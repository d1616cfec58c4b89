// A relationship as it stood at a moment in the past, replayed from its own timeline, so a summary of a past
// period shows the stages and stalls of that period, not of today (issue 14). The replay is the same bookkeeping
// a save does (services/reflections/bookkeeping.ts). The timeline keeps no flag for supervision, so a replayed
// stall is flagged only when it is the stall still open today and that one is flagged.
import { applyReflection } from '../reflections/bookkeeping';
import type { ReflectionDoc, RelationshipDoc } from '../reflections/model';

/** The relationship at `asOf` (UTC ISO), or undefined when it had no reflection before then. */
export function relationshipAsOf(rel: RelationshipDoc, asOf: string): RelationshipDoc | undefined {
  if (rel.lastReflectionAt < asOf) return rel;
  const before = rel.history.filter((e) => e.at < asOf).reverse(); // oldest first
  if (!before.length) return undefined;
  let state: RelationshipDoc | undefined;
  for (const e of before) {
    const r = {
      id: e.reflectionId, psw: rel.psw, clientCode: rel.clientCode, stage: e.stage, movement: e.movement, createdAt: e.at,
      ...(e.stallSource ? { stall: { stage: e.stage, source: e.stallSource, flaggedForSupervision: false, ...(e.strategyId ? { strategyId: e.strategyId } : {}) } } : {}),
    } as ReflectionDoc;
    state = applyReflection(state, r);
  }
  if (state?.stall && rel.stall && rel.stall.since === state.stall.since) {
    state.stall.flaggedForSupervision = rel.stall.flaggedForSupervision;
    if (rel.stall.talkedThrough) state.stall.talkedThrough = rel.stall.talkedThrough;
  }
  return state;
}
