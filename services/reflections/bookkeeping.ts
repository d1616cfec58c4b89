// How one saved reflection changes its relationship: stage and how long it has been there, the open stall and
// the strategies tried, and a bounded timeline. Pure, so it is tested without storage.
import type { ReflectionDoc, RelationshipDoc, RelationshipEvent } from './model';
import { relationshipId } from './codes';

export const HISTORY_LIMIT = 50;

export function applyReflection(prev: RelationshipDoc | undefined, r: ReflectionDoc): RelationshipDoc {
  const sameStage = prev?.stage === r.stage;
  const event: RelationshipEvent = {
    at: r.createdAt, reflectionId: r.id, stage: r.stage, movement: r.movement,
    ...(r.stall ? { stallSource: r.stall.source } : {}),
    ...(r.stall?.strategyId ? { strategyId: r.stall.strategyId } : {}),
  };
  let stall = prev?.stall;
  if (r.stall) {
    const tried = stall && stall.stage === r.stall.stage ? stall.strategiesTried : [];
    stall = {
      stage: r.stall.stage,
      since: stall && stall.stage === r.stall.stage ? stall.since : r.createdAt,
      source: r.stall.source,
      strategiesTried: r.stall.strategyId && !tried.includes(r.stall.strategyId) ? [...tried, r.stall.strategyId] : tried,
      flaggedForSupervision: r.stall.flaggedForSupervision || (stall?.stage === r.stall.stage && stall.flaggedForSupervision),
    };
  } else if (r.movement === 'progressing' || (stall && stall.stage !== r.stage)) {
    // Progress, or a move to another stage, closes the stall.
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
  if (prev?.names) doc.names = prev.names;
  return doc;
}
