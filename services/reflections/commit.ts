// Everything a finished debrief writes, in one idempotent step: the reflection (fixed id: a repeat is a 409),
// the relationship's bookkeeping (skips a reflection already in its history) and, for a stall, the follow-up
// job (upsert by a fixed id). The debrief and the outbox both deliver through this, so a repeat is harmless.
import type { Container } from '@azure/cosmos';
import type { PeopleService } from '../people';
import { scheduleFollowUp } from '../stalls/followUp';
import type { ReflectionDoc } from './model';
import type { NameMemory } from './nameMemory';
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

/**
 * What the turn that saves already knows, so the Save need not read or write it again (issue 19). Not kept in the
 * outbox's spool: a reflection saved later from there reads the person's zone, and its debrief's names are not kept
 * (as before).
 */
export interface CommitExtras {
  /** The PSW's time zone, for the follow-up's local time (else the person is read). */
  timeZone?: string;
  /** What the debrief learnt about names (hashes only), merged into the relationship in the same write. */
  names?: NameMemory;
}

export async function commitReflection(deps: CommitDeps, doc: ReflectionDoc, extras: CommitExtras = {}): Promise<{ created: boolean }> {
  // The reflection first: if it can't be saved nothing else is written, and the outbox repeats the whole step.
  const { created } = await deps.reflections.save(doc);
  if (doc.practice) return { created };
  // The relationship and the follow-up don't depend on each other: written side by side, the Save turn is shorter.
  // (issue 19) The roll-up too, side by side: a crash before it is written is repaired by RollupStore.reconcile at the next start.
  await Promise.all([deps.relationships.recordReflection(doc, extras.names), deps.rollups.record(deps.reflections.withTtl(doc)), doc.stall ? followUp(deps, doc, extras.timeZone) : undefined]);
  return { created };
}

async function followUp(deps: CommitDeps, doc: ReflectionDoc, knownZone: string | undefined): Promise<void> {
  const timeZone = knownZone ?? (await deps.people.get(doc.psw))?.timeZone ?? deps.defaultTimeZone;
  await scheduleFollowUp(deps.schedules, { psw: doc.psw, clientCode: doc.clientCode, now: new Date(doc.createdAt), timeZone, days: deps.followUpDays });
}
