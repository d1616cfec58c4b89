// Everything a finished debrief writes, in one idempotent step: the reflection (fixed id: a repeat is a 409),
// the relationship's bookkeeping (skips a reflection already in its history) and, for a stall, the follow-up
// job (upsert by a fixed id). The debrief and the outbox both deliver through this, so a repeat is harmless.
import type { Container } from '@azure/cosmos';
import type { PeopleService } from '../people';
import { scheduleFollowUp } from '../stalls/followUp';
import type { ReflectionDoc } from './model';
import type { RelationshipsService } from './relationships';
import type { ReflectionsService } from './service';

export interface CommitDeps {
  reflections: ReflectionsService;
  relationships: RelationshipsService;
  people: PeopleService;
  schedules: Container;
  /** The week's roll-up (services/supervision/rollups.ts) the summaries read; idempotent like the rest. */
  rollups: { record(doc: ReflectionDoc): Promise<void> };
  followUpDays: number;
  defaultTimeZone: string;
}

export async function commitReflection(deps: CommitDeps, doc: ReflectionDoc): Promise<{ created: boolean }> {
  // The reflection first: if it can't be saved nothing else is written, and the outbox repeats the whole step.
  const { created } = await deps.reflections.save(doc);
  if (doc.practice) return { created };
  // The relationship and the follow-up don't depend on each other: written side by side, the Save turn is shorter.
  // (issue 19) The roll-up too, side by side: a crash before it is written is repaired by RollupStore.reconcile at the next start.
  await Promise.all([deps.relationships.recordReflection(doc), deps.rollups.record(deps.reflections.withTtl(doc)), doc.stall ? followUp(deps, doc) : undefined]);
  return { created };
}

async function followUp(deps: CommitDeps, doc: ReflectionDoc): Promise<void> {
  const person = await deps.people.get(doc.psw);
  await scheduleFollowUp(deps.schedules, {
    psw: doc.psw, clientCode: doc.clientCode, now: new Date(doc.createdAt), timeZone: person?.timeZone ?? deps.defaultTimeZone, days: deps.followUpDays,
  });
}
