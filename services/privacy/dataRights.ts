// Data rights (issue 8): `my data` shows and exports everything stored about a person; `delete my data`
// removes it. Reads and deletes of reflections and relationships stay in the person's own partition (/psw);
// the small per-person containers are read by id. Deletion is recorded in the audit trail with counts only.
import type { Container } from '@azure/cosmos';
import type { AuditDoc, AuditService } from '../audit';
import type { OnboardingProgress } from '../onboarding';
import type { PeopleService, Person } from '../people';
import type { ReferenceDoc, ReferenceStore } from '../references';
import type { ReflectionDoc, RelationshipDoc } from '../reflections/model';
import type { ReflectionOutbox } from '../reflections/outbox';
import type { Job } from '../scheduler/job';
import type { Store } from '../storage/cosmos';
import type { SupervisionRecordDoc } from '../supervision/records';
import { BOT_STATE_CONTAINER } from '../storage/containers';
import { deleteDoc, readDoc, stripSystem } from '../storage/documents';

/** Everything stored about one person, as exported. */
export interface MyData {
  exportedAt: string;
  person?: Person;
  onboarding?: OnboardingProgress;
  /** All of them: shared, private and onboarding practice. */
  reflections: ReflectionDoc[];
  relationships: RelationshipDoc[];
  /** Reminders and follow-ups for them, and alerts about them still waiting to be sent to their supervisor. */
  jobs: Job[];
  /** Where the bot reaches them for reminders (their personal chat). */
  conversationReference?: ReferenceDoc;
  /** Who read their data, and what they read as a supervisor: ids, views and times only. */
  audit: AuditDoc[];
  /** The bot's memory of conversations they last spoke in: where a dialog stands, a debrief's de-identified draft. */
  conversations: ConversationStateDoc[];
  /** What their supervisor recorded about their flags: talked through, alerts acknowledged, short de-identified notes. */
  supervision: SupervisionRecordDoc[];
}

/** A bot-state document (botbuilder-azure's shape): `document` holds the conversation's state, `owner` whose turn last ran. */
export interface ConversationStateDoc {
  id: string;
  realId: string;
  document: { owner?: string } & Record<string, unknown>;
}

export interface MyDataCounts {
  reflections: number;
  privateReflections: number;
  relationships: number;
  jobs: number;
  /** Of `jobs`: the reminders and follow-up check-ins they asked for. */
  reminders: number;
  /** Of `jobs`: a supervisor's weekly digest (its schedule; not a reminder they set). */
  digest: number;
  conversationReference: number;
  onboarding: number;
  audit: number;
  conversations: number;
  supervision: number;
}

export interface DeletionCounts {
  reflections: number;
  relationships: number;
  jobs: number;
  references: number;
  onboarding: number;
  /** Conversation states the person last spoke in (a debrief in progress among them), other than the one asking. */
  conversations: number;
  /** Finished reflections still waiting in this server's outbox spool (storage was down). */
  spooled: number;
  /** What supervisors recorded about their flags (services/supervision/records.ts). */
  supervision: number;
  /** 'deleted': the person document is gone; 'kept': an admin manages them, so a minimal roster entry stays. */
  person: 'deleted' | 'kept' | 'none';
}

/** Bound on audit records exported; the trail is the organisation's record and is never deleted. */
export const MAX_AUDIT_EXPORT = 1000;

/** The file name a `my data` download carries, whether attached in the chat or fetched from its link. */
export function myDataFilename(now: Date): string {
  return `peerreflect-my-data-${now.toISOString().slice(0, 10)}.json`;
}

export class DataRights {
  constructor(
    private readonly store: Store,
    private readonly people: PeopleService,
    private readonly references: ReferenceStore,
    private readonly audit: AuditService,
    private readonly outbox: ReflectionOutbox,
    private readonly now: () => Date,
  ) {}

  async collect(personId: string): Promise<MyData> {
    const c = this.store.containers;
    const [person, onboarding, reflections, relationships, jobs, reference, audit, conversations, supervision] = await Promise.all([
      this.people.get(personId),
      readById<OnboardingProgress>(c.onboarding, personId),
      inPartition<ReflectionDoc>(c.reflections, personId, 'SELECT * FROM c WHERE c.psw = @p ORDER BY c.createdAt DESC'),
      inPartition<RelationshipDoc>(c.relationships, personId, 'SELECT * FROM c WHERE c.psw = @p'),
      this.jobsOf(personId, true),
      this.references.get(personId),
      this.auditOf(personId),
      this.conversationsOf(personId),
      inPartition<SupervisionRecordDoc>(c.supervision, personId, 'SELECT * FROM c WHERE c.psw = @p ORDER BY c.at DESC'),
    ]);
    const out: MyData = { exportedAt: this.now().toISOString(), reflections, relationships, jobs, audit, conversations, supervision };
    if (person) out.person = person;
    if (onboarding) out.onboarding = onboarding;
    if (reference) out.conversationReference = reference;
    return out;
  }

  counts(data: MyData): MyDataCounts {
    return {
      reflections: data.reflections.length,
      privateReflections: data.reflections.filter((r) => r.visibility === 'private').length,
      relationships: data.relationships.length,
      jobs: data.jobs.length,
      reminders: data.jobs.filter((j) => j.kind === 'reminder' || j.kind === 'followup').length,
      digest: data.jobs.filter((j) => j.kind === 'digest').length,
      conversationReference: data.conversationReference ? 1 : 0,
      onboarding: data.onboarding ? 1 : 0,
      audit: data.audit.length,
      conversations: data.conversations.length,
      supervision: data.supervision.length,
    };
  }

  /**
   * Deletes the person's reflections, relationships, jobs, conversation reference, onboarding progress and
   * spooled reflections and the state of every conversation they last spoke in (a debrief in progress elsewhere
   * must not be saved afterwards), then their person document — or, when an admin manages them on the roster, trims
   * it to the roster entry. Records the deletion (who, when, counts) in the audit trail. Safe to run twice.
   * `asking` is the bot-state key (realId) of the conversation the deletion is asked in: its own turn is writing
   * that state, so the caller clears it instead (dialogs/privacy.ts).
   */
  async deleteAll(personId: string, asking?: string): Promise<DeletionCounts> {
    const c = this.store.containers;
    const spooled = this.outbox.discard(personId);
    let conversations = 0;
    for (const doc of await this.conversationsOf(personId)) {
      if (doc.realId !== asking && (await deleteDoc(this.botState(), doc.id))) conversations++;
    }
    const reflections = await deleteInPartition(c.reflections, personId, 'SELECT c.id FROM c WHERE c.psw = @p');
    const relationships = await deleteInPartition(c.relationships, personId, 'SELECT c.id FROM c WHERE c.psw = @p');
    await deleteInPartition(c.rollups, personId, 'SELECT c.id FROM c WHERE c.psw = @p'); // their weekly roll-ups (issue 19): counts of the reflections just deleted
    const supervision = await deleteInPartition(c.supervision, personId, 'SELECT c.id FROM c WHERE c.psw = @p');
    let jobs = 0;
    for (const job of await this.jobsOf(personId, false)) if (await deleteDoc(c.schedules, job.id)) jobs++;
    const references = (await this.references.remove(personId)) ? 1 : 0;
    const onboarding = (await deleteDoc(c.onboarding, personId)) ? 1 : 0;
    const person = await this.trimPerson(personId);
    const counts: DeletionCounts = { reflections, relationships, jobs, references, onboarding, conversations, spooled, supervision, person };
    await this.audit.record({
      actor: personId,
      subjects: [personId],
      view: 'delete',
      detail: { reflections, relationships, jobs, references, onboarding, conversations, spooled, supervision, person },
    });
    await this.store.compact(); // the embedded store's journal would otherwise keep the deleted documents until a restart
    return counts;
  }

  /** A roster entry an admin made (alias, a role other than the default, a supervisor or team) is kept, minimal. */
  private async trimPerson(personId: string): Promise<DeletionCounts['person']> {
    const p = await this.people.get(personId);
    if (!p) return 'none';
    if (!isManaged(p)) return (await this.people.remove(personId)) ? 'deleted' : 'none';
    const kept = await this.people.update(personId, (x) => minimalEntry(x));
    return kept ? 'kept' : 'none';
  }

  /**
   * Jobs addressed to the person; with `aboutThem`, also alerts about them addressed to their supervisor. Without it
   * (what deletion removes), alerts about them that have finished (delivered or reached no one) go too: only the record
   * of an alert is left then, and an acknowledgement of it (services/supervision/records.ts) is deleted with their data.
   * An alert still on its way is kept, so it reaches their supervisor.
   */
  private async jobsOf(personId: string, aboutThem: boolean): Promise<Job[]> {
    const query = aboutThem
      ? 'SELECT * FROM c WHERE c.personId = @p OR c.payload.psw = @p'
      : "SELECT * FROM c WHERE c.personId = @p OR (c.kind = 'safety_alert' AND c.payload.psw = @p AND c.payload.state != 'sending')";
    const { resources } = await this.store.containers.schedules.items.query<Job>({ query, parameters: [{ name: '@p', value: personId }] }).fetchAll();
    return resources.map(stripSystem);
  }

  private botState(): Container {
    return this.store.database.container(BOT_STATE_CONTAINER);
  }

  /**
   * Conversation states whose last turn was the person's. A cross-partition query (bot state is partitioned by
   * conversation); data rights are rare, and the container may not exist yet on a fresh store.
   */
  private async conversationsOf(personId: string): Promise<ConversationStateDoc[]> {
    try {
      const { resources } = await this.botState().items
        .query<ConversationStateDoc>({ query: 'SELECT * FROM c WHERE c.document.owner = @p', parameters: [{ name: '@p', value: personId }] })
        .fetchAll();
      return resources.map(stripSystem);
    } catch (err) {
      if ((err as { code?: number }).code === 404) return [];
      throw err;
    }
  }

  private async auditOf(personId: string): Promise<AuditDoc[]> {
    const { resources } = await this.store.containers.audit.items
      .query<AuditDoc>({ query: 'SELECT * FROM c WHERE c.actor = @p OR ARRAY_CONTAINS(c.subjects, @p)', parameters: [{ name: '@p', value: personId }] })
      .fetchAll();
    return resources.map(stripSystem).sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_AUDIT_EXPORT);
  }
}

export function isManaged(p: Person): boolean {
  return Boolean(p.alias || p.supervisorId || p.team || p.role !== 'psw');
}

/** What stays of a managed person: the roster's own fields, nothing they did. */
export function minimalEntry(p: Person): Person {
  const out: Person = { id: p.id, role: p.role, timeZone: p.timeZone, createdAt: p.createdAt };
  if (p.alias) out.alias = p.alias;
  if (p.supervisorId) out.supervisorId = p.supervisorId;
  if (p.team) out.team = p.team;
  return out;
}

async function readById<T extends object>(container: Container, id: string): Promise<T | undefined> {
  return (await readDoc<T>(container, id, id))?.doc;
}

async function inPartition<T extends object>(container: Container, pk: string, query: string): Promise<T[]> {
  const { resources } = await container.items.query<T>({ query, parameters: [{ name: '@p', value: pk }] }, { partitionKey: pk }).fetchAll();
  return resources.map(stripSystem);
}


/** Deletes every document the query finds in one partition, a few at a time. */
async function deleteInPartition(container: Container, pk: string, query: string): Promise<number> {
  const ids = (await inPartition<{ id: string }>(container, pk, query)).map((d) => d.id);
  let deleted = 0;
  for (let i = 0; i < ids.length; i += 20) {
    const done = await Promise.all(ids.slice(i, i + 20).map((id) => deleteDoc(container, id, pk)));
    deleted += done.filter(Boolean).length;
  }
  return deleted;
}
