// What a supervisor records about a supervisee's flag: a relationship flagged for supervision talked through, or a
// safety alert acknowledged, each with an optional short note (de-identified on arrival, like any free text). One
// record per flag or alert (its id is the flag's key, so a second mark is refused, never doubled), kept in the PSW's
// own partition of the `supervision` container: `delete my data` takes it with the rest of theirs, `my data` shows
// it, and it lives as long as a reflection does (REFLECTION_TTL_DAYS: Cosmos TTL, or the embedded store's sweep).
import type { Container } from '@azure/cosmos';
import type { RiskCategory } from '../content';
import type { StageId } from '../reflections/model';
import { deleteDoc, statusOf, stripSystem } from '../storage/documents';

/** What the record is about: ids, codes and kinds only. */
export type RecordAbout =
  | { type: 'stall'; relationshipId: string; clientCode: string; stage: StageId; since: string }
  | { type: 'alert'; alertId: string; categories: RiskCategory[]; clientCode?: string; deliveredAt: string };

export interface SupervisionRecordDoc {
  /** The flag's key (recordKey): one record per flag. */
  id: string;
  kind: 'supervision_record';
  /** The supervisee (partition key). */
  psw: string;
  about: RecordAbout;
  action: 'discussed' | 'acknowledged';
  /** The supervisor who recorded it. */
  by: string;
  at: string;
  /** De-identified text, with what was hidden by type and count. */
  note?: { text: string; redactions: Record<string, number> };
  ttl: number;
}

/** A stall's key names its relationship and when the stall began, so a later stall of the same client is a new flag. */
export function recordKey(about: RecordAbout): string {
  return about.type === 'stall' ? `stall|${about.relationshipId}|${about.since}` : `alert|${about.alertId}`;
}

export class SupervisionRecords {
  constructor(
    private readonly container: Container,
    private readonly ttlDays: number,
  ) {}

  /** Creates the record; false when this flag already has one (it was marked first by someone, and that stands). */
  async create(doc: Omit<SupervisionRecordDoc, 'id' | 'kind' | 'ttl'>): Promise<boolean> {
    const full: SupervisionRecordDoc = { id: recordKey(doc.about), kind: 'supervision_record', ...doc, ttl: this.ttlDays * 86_400 };
    try {
      await this.container.items.create(full);
      return true;
    } catch (err) {
      if (statusOf(err) === 409) return false;
      throw err;
    }
  }

  /** Which of these keys one PSW already has records for (one partition, bounded by the keys asked). */
  async existing(psw: string, keys: readonly string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const { resources } = await this.container.items
      .query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.psw = @p AND ARRAY_CONTAINS(@k, c.id)', parameters: [{ name: '@p', value: psw }, { name: '@k', value: [...keys] }] }, { partitionKey: psw })
      .fetchAll();
    return new Set(resources.map((r) => r.id));
  }

  /**
   * The embedded store ignores TTL: its retention sweep (services/scheduler/retention.ts) deletes the records whose own
   * ttl has run out since they were written. On Azure Cosmos DB the database does it. Resolves how many.
   */
  async sweepExpired(now: Date): Promise<number> {
    const { resources } = await this.container.items
      .query<{ id: string; psw: string; at: string; ttl: number }>({ query: 'SELECT c.id, c.psw, c.at, c.ttl FROM c WHERE c.ttl > 0 AND c.at < @dayAgo', parameters: [{ name: '@dayAgo', value: new Date(now.getTime() - 86_400_000).toISOString() }] })
      .fetchAll();
    let deleted = 0;
    for (const r of resources) if (Date.parse(r.at) + r.ttl * 1000 <= now.getTime() && (await deleteDoc(this.container, r.id, r.psw))) deleted++;
    return deleted;
  }

  /** Which of these keys have a record, across the PSWs they belong to (one query; the keys name their PSW). */
  async recorded(keys: readonly string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const { resources } = await this.container.items.query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE ARRAY_CONTAINS(@k, c.id)', parameters: [{ name: '@k', value: [...keys] }] }).fetchAll();
    return new Set(resources.map((r) => r.id));
  }

  /** Every record about a stall: its key and when it was made (to keep the relationships' marks in step: agenda.ts). */
  async stallRecords(): Promise<{ id: string; at: string }[]> {
    const { resources } = await this.container.items.query<{ id: string; at: string }>("SELECT c.id, c.at FROM c WHERE c.about.type = 'stall'").fetchAll();
    return resources;
  }

  /** A PSW's records, newest first (their `my data`, and tests). */
  async ofPsw(psw: string): Promise<SupervisionRecordDoc[]> {
    const { resources } = await this.container.items
      .query<SupervisionRecordDoc>({ query: 'SELECT * FROM c WHERE c.psw = @p ORDER BY c.at DESC', parameters: [{ name: '@p', value: psw }] }, { partitionKey: psw })
      .fetchAll();
    return resources.map(stripSystem);
  }
}
