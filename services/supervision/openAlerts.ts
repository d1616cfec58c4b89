// Safety alerts not yet acknowledged, kept where the weekly digest already reads (issue 19): one document per PSW,
// `<psw>|alerts` in their partition of the `rollups` container, listing each alert delivered about their work and not
// yet acknowledged — ids, kinds, client code and times only, never anything they wrote. The digest reads these in its
// one roll-up query (RollupStore.readTeam), so it makes no query of its own for alerts.
//
// Kept in step with the alerts themselves (the `schedules` jobs, services/safety) and the acknowledgements (the
// `supervision` records, ./records.ts):
// - delivered: the delivery handler adds the alert once it reached someone (services/safety/delivery.ts), an
//   etag-guarded read-modify-write keyed by the alert's id (a repeat changes nothing); a failed write is tried again
//   by the alert's own job before its week ends;
// - acknowledged: SupervisionAgenda.close takes it out after the record is written (and again when the record was
//   already there, so a close repeated after a crash repairs it);
// - expired: each entry carries the time its job ends (a week after delivery); readers leave it out from then on, and
//   the document's Cosmos ttl is its last entry's.
// rebuild() recomputes every document from the delivered alerts and the records; it runs at every start (alerts are
// kept a week, so this reads a week's alerts, not history) and with `npm run store -- rollups rebuild`.
import type { Container } from '@azure/cosmos';
import type { DeliveredAlert, SafetyAlertPayload } from '../safety/alerts';
import { deleteDoc, readModifyWrite, stripSystem } from '../storage/documents';
import { recordKey } from './records';

/** A delivered alert not yet acknowledged, and when its record ends. */
export interface OpenAlert extends DeliveredAlert {
  /** UTC ISO: the alert's job (and so the alert) is gone from then on. */
  expires: string;
}

export interface OpenAlertsDoc {
  /** `${psw}|alerts`. */
  id: string;
  kind: 'alerts';
  psw: string;
  /** Newest first. */
  alerts: OpenAlert[];
  updatedAt: string;
  /** Seconds: Cosmos deletes the document once its last alert has expired. */
  ttl: number;
}

export function openAlertsId(psw: string): string {
  return `${psw}|alerts`;
}

/** The document with `alert` in place of any entry of the same id; undefined when nothing changes. */
export function withAlert(prev: OpenAlertsDoc | undefined, alert: OpenAlert, now: Date): OpenAlertsDoc | undefined {
  const old = prev?.alerts.find((a) => a.id === alert.id);
  if (old && JSON.stringify(old) === JSON.stringify(alert)) return undefined;
  return makeDoc(alert.psw, [...(prev?.alerts.filter((a) => a.id !== alert.id) ?? []), alert], now);
}

/** The document without the alert; undefined when it had none. */
export function withoutAlert(prev: OpenAlertsDoc | undefined, alertId: string, now: Date): OpenAlertsDoc | undefined {
  if (!prev?.alerts.some((a) => a.id === alertId)) return undefined;
  return makeDoc(prev.psw, prev.alerts.filter((a) => a.id !== alertId), now);
}

function makeDoc(psw: string, alerts: OpenAlert[], now: Date): OpenAlertsDoc {
  const sorted = [...alerts].sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt) || a.id.localeCompare(b.id));
  const last = Math.max(...sorted.map((a) => Date.parse(a.expires)), now.getTime());
  return { id: openAlertsId(psw), kind: 'alerts', psw, alerts: sorted, updatedAt: now.toISOString(), ttl: Math.max(1, Math.ceil((last - now.getTime()) / 1000)) };
}

/** The open alerts a set of delivered alerts and acknowledgements leave, per PSW (the rebuild's result, and tests' reference). */
export function openAlertsOf(delivered: Iterable<OpenAlert>, acknowledged: ReadonlySet<string>, now: Date): OpenAlertsDoc[] {
  const byPsw = new Map<string, OpenAlert[]>();
  for (const a of delivered) {
    if (acknowledged.has(alertKey(a.id)) || a.expires <= now.toISOString()) continue;
    byPsw.set(a.psw, [...(byPsw.get(a.psw) ?? []), a]);
  }
  return [...byPsw].map(([psw, alerts]) => makeDoc(psw, alerts, now));
}

/** The acknowledgement record's key for an alert (records.ts recordKey). */
export function alertKey(alertId: string): string {
  return recordKey({ type: 'alert', alertId, categories: [], deliveredAt: '' });
}

/** Which of a document's alerts are still kept at `now`. */
export function liveAlerts(doc: Pick<OpenAlertsDoc, 'alerts'>, now: Date): OpenAlert[] {
  const at = now.toISOString();
  return doc.alerts.filter((a) => a.expires > at);
}

export class OpenAlertsStore {
  constructor(
    private readonly rollups: Container,
    private readonly now: () => Date,
  ) {}

  /** A delivered alert joins its PSW's open alerts. Idempotent. */
  async delivered(alert: OpenAlert): Promise<void> {
    const now = this.now();
    await readModifyWrite<OpenAlertsDoc>(this.rollups, openAlertsId(alert.psw), alert.psw, (prev) => withAlert(prev, alert, now));
  }

  /** An acknowledged alert leaves them; the document goes with its last alert. Idempotent. */
  async acknowledged(psw: string, alertId: string): Promise<void> {
    const now = this.now();
    const doc = await readModifyWrite<OpenAlertsDoc>(this.rollups, openAlertsId(psw), psw, (prev) => withoutAlert(prev, alertId, now));
    if (doc && !doc.alerts.length) await deleteDoc(this.rollups, doc.id, psw);
  }

  /**
   * Recomputes every PSW's open alerts from the delivered alerts' jobs (`schedules`) and the acknowledgements, writes
   * what differs and deletes what is no longer open. Resolves how many documents it wrote and deleted.
   */
  async rebuild(schedules: Container, isRecorded: (keys: string[]) => Promise<Set<string>>): Promise<{ written: number; removed: number }> {
    const now = this.now();
    const { resources: jobs } = await schedules.items
      .query<{ id: string; due: string; payload: AlertPayload & { openUntil?: string } }>(
        "SELECT c.id, c.due, c.payload FROM c WHERE c.kind = 'safety_alert' AND c.payload.state = 'delivered'",
      )
      .fetchAll();
    // A delivered alert's job is due when its week ends (or, while its entry is still to be written, says when).
    const delivered = jobs.map((j) => openAlertOf(j.id, j.payload, j.payload.openUntil ?? j.due));
    const acknowledged = await isRecorded(delivered.map((a) => alertKey(a.id)));
    const want = new Map(openAlertsOf(delivered, acknowledged, now).map((d) => [d.id, d]));
    const { resources: stored } = await this.rollups.items.query<OpenAlertsDoc>("SELECT * FROM c WHERE c.kind = 'alerts'").fetchAll();
    let written = 0;
    let removed = 0;
    for (const s of stored) {
      const w = want.get(s.id);
      want.delete(s.id);
      if (!w) {
        if (await deleteDoc(this.rollups, s.id, s.psw)) removed++;
      } else if (JSON.stringify(w.alerts) !== JSON.stringify(stripSystem(s).alerts)) {
        await this.rollups.items.upsert(w);
        written++;
      }
    }
    for (const w of want.values()) {
      await this.rollups.items.upsert(w);
      written++;
    }
    return { written, removed };
  }

  /** Every PSW's open-alerts document (tests and the rebuild check). */
  async all(): Promise<OpenAlertsDoc[]> {
    const { resources } = await this.rollups.items.query<OpenAlertsDoc>("SELECT * FROM c WHERE c.kind = 'alerts'").fetchAll();
    return resources.map(stripSystem);
  }
}

/** An alert's open entry from its stored payload: `expires` is when its job ends (the job's due once delivered). */
type AlertPayload = Pick<SafetyAlertPayload, 'psw' | 'categories' | 'clientCode' | 'since' | 'chain' | 'at'>;

export function openAlertOf(id: string, p: AlertPayload, expires: string): OpenAlert {
  return { id, psw: p.psw, categories: [...p.categories], ...(p.clientCode ? { clientCode: p.clientCode } : {}), deliveredAt: p.since, to: p.chain[p.at] ?? '', expires };
}
