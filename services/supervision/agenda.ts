// A supervisor's open flags: relationships their supervisees flagged for supervision (an open stall), and safety
// alerts about them not yet acknowledged — each framed by the conversation it invites (./framing.ts). Closing one
// records it (./records.ts): a stall talked through, an alert acknowledged, with an optional de-identified note.
// Access is decided on every call from the stored roster (services/access.ts); a key from dialog state says what was
// asked, never what is allowed. Reads and records are audited before anything is returned.
import type { Container } from '@azure/cosmos';
import type { AccessService } from '../access';
import type { AuditService } from '../audit';
import type { Person } from '../people';
import type { RelationshipDoc } from '../reflections/model';
import { deliveredAlertsAbout, type DeliveredAlert, type SafetyAlertPayload } from '../safety/alerts';
import { readDoc } from '../storage/documents';
import { framing, safetyFlagKind, type Framing } from './framing';
import type { OpenAlert, OpenAlertsStore } from './openAlerts';
import { markStall, syncTalkedThrough } from './talkedThrough';
import { recordKey, type RecordAbout, type SupervisionRecords } from './records';
import type { TeamSummary } from './summaries';

/** At most this many flagged relationships are read per supervisee. */
const FLAGGED_PER_PSW = 50;

export interface AgendaItem {
  /** The flag's key (records.ts recordKey). */
  key: string;
  psw: string;
  /** The PSW's roster alias; none when they have none (the card names them in words). */
  alias?: string;
  about: RecordAbout;
  framing: Framing;
  /** A stall: whole days since it began, and the strategies planned at it (content ids). */
  days?: number;
  planned?: string[];
}

export type CloseResult = 'recorded' | 'already' | 'gone' | 'not_allowed';

export class SupervisionAgenda {
  constructor(
    private readonly relationships: Container,
    private readonly schedules: Container,
    private readonly records: SupervisionRecords,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    /** Where an acknowledged alert is taken off the digest's list (./openAlerts.ts). */
    private readonly openAlerts?: Pick<OpenAlertsStore, 'acknowledged'>,
  ) {}

  /** The viewer's open flags, alerts first (newest first), then stalls (longest first). Audited as one `supervision` read. */
  async open(viewerId: string, now: Date): Promise<{ ok: true; items: AgendaItem[] } | { ok: false; reason: 'role' | 'no_viewer' }> {
    const { viewer, subjects, scope } = await this.access.readable(viewerId);
    if (!viewer) return { ok: false, reason: 'no_viewer' };
    if (viewer.role !== 'supervisor' || scope !== 'supervisee') return { ok: false, reason: 'role' };
    await this.audit.record({ actor: viewer.id, subjects: subjects.map((s) => s.id), view: 'supervision' });
    const [alerts, stalls] = await Promise.all([this.alerts(subjects), Promise.all(subjects.map((s) => this.stalls(s, now)))]);
    return { ok: true, items: await this.withoutRecorded([...alerts, ...stalls.flat().sort((a, b) => (b.days ?? 0) - (a.days ?? 0))]) };
  }

  /**
   * Marks, on a supervisor's team summary, the flagged stalls they have already talked through, from the records (one
   * query for the team). Summaries and digests need not: they read the mark on the relationship (stall.talkedThrough,
   * written by close() and kept in step by syncTalkedThrough()); this is its reference.
   */
  async markTalkedThrough(summary: TeamSummary): Promise<void> {
    const lines = summary.teams.flatMap((t) => t.psws.flatMap((p) => p.stalls)).filter((l) => l.key);
    const done = await this.records.recorded(lines.map((l) => l.key!));
    for (const l of lines) if (done.has(l.key!)) l.talkedThrough = true;
  }

  /**
   * Safety alerts about these supervisees not yet acknowledged, read from the alerts and the records (queries). The
   * weekly digest lists the same from the open alerts it read with its roll-ups (openItems); this is their reference.
   */
  async unacknowledgedAlerts(subjects: Pick<Person, 'id' | 'alias'>[]): Promise<AgendaItem[]> {
    return this.withoutRecorded(await this.alerts(subjects));
  }

  /** For the weekly digest: the open alerts of these supervisees (already read, ./openAlerts.ts) as items, newest first. No request. */
  openItems(subjects: Pick<Person, 'id' | 'alias'>[], open: ReadonlyMap<string, readonly OpenAlert[]>): AgendaItem[] {
    const alerts = subjects.flatMap((s) => open.get(s.id) ?? []);
    return this.alertItems(subjects, alerts.sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt) || a.id.localeCompare(b.id)));
  }

  /**
   * Records one flag as talked through (a stall) or acknowledged (an alert), with an optional de-identified note. The
   * flag is read again and access decided again: only the PSW's own supervisor may close it, and only while it is open.
   */
  async close(viewerId: string, key: string, note: { text: string; redactions: Record<string, number> } | undefined, now: Date): Promise<CloseResult> {
    const about = await this.current(key);
    if (!about) return 'gone';
    const decision = await this.access.decide(viewerId, about.psw);
    if (!decision.allowed || decision.scope !== 'supervisee') return 'not_allowed';
    const action = about.about.type === 'stall' ? 'discussed' : 'acknowledged';
    // The record of the write comes first, as for a read: no audit record, no write.
    await this.audit.record({ actor: viewerId, subjects: [about.psw], view: 'supervision_record', detail: { type: about.about.type, action, noted: note?.text ? 1 : 0 } });
    const created = await this.records.create({ psw: about.psw, about: about.about, action, by: viewerId, at: now.toISOString(), ...(note?.text ? { note } : {}) });
    // Said on the summary and digest from here, after the record (which is what counts): also when the record was
    // already there, so a close repeated after a crash in between repairs it.
    if (about.about.type === 'alert') await this.openAlerts?.acknowledged(about.psw, about.about.alertId);
    else await markStall(this.relationships, about.psw, about.about.relationshipId, about.about.since, now.toISOString());
    return created ? 'recorded' : 'already';
  }

  /** Brings the relationships' talked-through marks in line with the records (./talkedThrough.ts). */
  syncTalkedThrough(): Promise<{ marked: number; cleared: number }> {
    return syncTalkedThrough(this.relationships, this.records);
  }

  /** The flag a key names, as it stands now: an open, flagged stall begun at that time, or a delivered alert. */
  private async current(key: string): Promise<{ psw: string; about: RecordAbout } | undefined> {
    const stall = /^stall\|(([^|]+)\|[^|]+)\|(.+)$/.exec(key);
    if (stall) {
      const [, relationshipId, psw, since] = stall;
      const rel = (await readDoc<RelationshipDoc>(this.relationships, relationshipId!, psw!))?.doc;
      if (!rel?.stall?.flaggedForSupervision || rel.stall.since !== since) return undefined;
      return { psw: rel.psw, about: { type: 'stall', relationshipId: rel.id, clientCode: rel.clientCode, stage: rel.stall.stage, since } };
    }
    const alert = /^alert\|(safety_alert\|.+)$/.exec(key);
    if (!alert) return undefined;
    const job = (await readDoc<{ id: string; payload: SafetyAlertPayload }>(this.schedules, alert[1]!, alert[1]!))?.doc;
    if (job?.payload?.state !== 'delivered') return undefined;
    return { psw: job.payload.psw, about: alertAbout({ id: job.id, psw: job.payload.psw, categories: job.payload.categories, clientCode: job.payload.clientCode, deliveredAt: job.payload.since, to: '' }) };
  }

  private async stalls(subject: Person, now: Date): Promise<AgendaItem[]> {
    const { resources } = await this.relationships.items
      .query<RelationshipDoc>(
        { query: `SELECT TOP ${FLAGGED_PER_PSW} * FROM c WHERE c.psw = @p AND IS_DEFINED(c.stall) AND c.stall.flaggedForSupervision = true`, parameters: [{ name: '@p', value: subject.id }] },
        { partitionKey: subject.id },
      )
      .fetchAll();
    return resources.map((rel) => {
      const s = rel.stall!;
      const about: RecordAbout = { type: 'stall', relationshipId: rel.id, clientCode: rel.clientCode, stage: s.stage, since: s.since };
      return {
        key: recordKey(about), psw: subject.id, ...(subject.alias ? { alias: subject.alias } : {}), about, framing: framing('stall'),
        days: Math.max(0, Math.floor((now.getTime() - Date.parse(s.since)) / 86_400_000)), planned: [...s.strategiesTried],
      };
    });
  }

  private async alerts(subjects: Pick<Person, 'id' | 'alias'>[]): Promise<AgendaItem[]> {
    return this.alertItems(subjects, await deliveredAlertsAbout(this.schedules, subjects.map((s) => s.id)));
  }

  private alertItems(subjects: Pick<Person, 'id' | 'alias'>[], alerts: readonly DeliveredAlert[]): AgendaItem[] {
    const byId = new Map(subjects.map((s) => [s.id, s]));
    return alerts.map((a) => {
      const about = alertAbout(a);
      // Any kind about a client invites the protocol conversation; the PSW's own distress alone invites support.
      const kind = a.categories.some((c) => safetyFlagKind(c) === 'clientSafety') ? 'clientSafety' : 'ownWellbeing';
      const alias = byId.get(a.psw)?.alias;
      return { key: recordKey(about), psw: a.psw, ...(alias ? { alias } : {}), about, framing: framing(kind) };
    });
  }

  /** Drops the items that already have a record (one query per PSW with items). */
  private async withoutRecorded(items: AgendaItem[]): Promise<AgendaItem[]> {
    const byPsw = new Map<string, string[]>();
    for (const i of items) byPsw.set(i.psw, [...(byPsw.get(i.psw) ?? []), i.key]);
    const done = new Set<string>();
    await Promise.all(
      [...byPsw].map(async ([psw, keys]) => {
        for (const k of await this.records.existing(psw, keys)) done.add(k);
      }),
    );
    return items.filter((i) => !done.has(i.key));
  }
}

function alertAbout(a: DeliveredAlert): RecordAbout {
  return { type: 'alert', alertId: a.id, categories: [...a.categories], ...(a.clientCode ? { clientCode: a.clientCode } : {}), deliveredAt: a.deliveredAt };
}
