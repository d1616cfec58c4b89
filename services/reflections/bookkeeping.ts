// How one saved reflection changes its relationship: stage and how long it has been there, the open stall with the
// strategies planned at it and what the PSW reported about them, the plan still to ask about, and a bounded
// timeline. Pure, so it is tested without storage.
// A stall stays open until a debrief reports progress or a new stage; reporting that a strategy helped does not by
// itself close it (the PSW says how things are moving).
import type { ReflectionDoc, RelationshipDoc, RelationshipEvent, StageId } from './model';
import { relationshipId } from './codes';

export const HISTORY_LIMIT = 50;

export function applyReflection(prev: RelationshipDoc | undefined, r: ReflectionDoc): RelationshipDoc {
  const sameStage = prev?.stage === r.stage;
  const event: RelationshipEvent = {
    at: r.createdAt, reflectionId: r.id, stage: r.stage, movement: r.movement,
    ...(r.stall ? { stallSource: r.stall.source } : {}),
    ...(r.stall?.strategyId ? { strategyId: r.stall.strategyId } : {}),
    ...(r.strategyOutcome ? { strategyOutcome: r.strategyOutcome } : {}),
  };
  let stall = prev?.stall;
  // What this reflection reports about an earlier plan belongs to the stall that plan was made for, if still open.
  if (stall && r.strategyOutcome && stall.stage === r.strategyOutcome.stage) {
    stall = { ...stall, outcomes: [...(stall.outcomes ?? []).filter((o) => o.plannedIn !== r.strategyOutcome!.plannedIn), r.strategyOutcome] };
  }
  if (r.stall) {
    const same = stall && stall.stage === r.stall.stage ? stall : undefined;
    const planned = same?.strategiesTried ?? [];
    stall = {
      stage: r.stall.stage,
      since: same ? same.since : r.createdAt,
      source: r.stall.source,
      strategiesTried: r.stall.strategyId && !planned.includes(r.stall.strategyId) ? [...planned, r.stall.strategyId] : planned,
      ...(same?.outcomes?.length ? { outcomes: same.outcomes } : {}),
      flaggedForSupervision: r.stall.flaggedForSupervision || (same?.flaggedForSupervision ?? false),
      ...(same?.talkedThrough ? { talkedThrough: same.talkedThrough } : {}),
    };
  } else if (stall && closesStall(stall.stage, r)) {
    stall = undefined;
  }
  const doc: RelationshipDoc = {
    id: relationshipId(r.psw, r.clientCode),
    kind: 'relationship',
    psw: r.psw,
    clientCode: prev?.clientCode ?? r.clientCode,
    stage: r.stage,
    stageSince: sameStage ? prev!.stageSince : r.createdAt,
    reflectionsAtStage: sameStage ? prev!.reflectionsAtStage + 1 : 1,
    lastMovement: r.movement,
    lastReflectionAt: r.createdAt,
    history: [event, ...(prev?.history ?? []).filter((e) => e.reflectionId !== r.id)].slice(0, HISTORY_LIMIT),
    updatedAt: r.createdAt,
  };
  if (stall) doc.stall = stall;
  const plan = nextPlan(prev?.plan, r);
  if (plan) doc.plan = plan;
  if (prev?.names) doc.names = prev.names;
  return doc;
}

/** Progress, or a move to another stage, closes an open stall (a reflection reporting no stall of its own). */
export function closesStall(stallStage: StageId, r: Pick<ReflectionDoc, 'stage' | 'movement'>): boolean {
  return r.movement === 'progressing' || r.stage !== stallStage;
}

/** The reflections (ids) that closed a stall, replaying a timeline given newest first, as applyReflection does. */
export function stallClosings(history: readonly RelationshipEvent[]): Set<string> {
  const closed = new Set<string>();
  let open: StageId | undefined;
  for (const e of [...history].reverse()) {
    if (e.stallSource) open = e.stage;
    else if (open && closesStall(open, e)) {
      closed.add(e.reflectionId);
      open = undefined;
    }
  }
  return closed;
}

/** A new plan replaces the old; a report on the old one clears it; otherwise it waits to be asked about. */
function nextPlan(prev: RelationshipDoc['plan'], r: ReflectionDoc): RelationshipDoc['plan'] {
  if (r.stall?.strategyId) return { strategyId: r.stall.strategyId, stage: r.stall.stage, plannedIn: r.id, at: r.createdAt };
  if (prev && r.strategyOutcome?.plannedIn === prev.plannedIn) return undefined;
  return prev;
}
