// The audit trail: who read whose reflections, when, and in which view; exports and deletions too.
// Partitioned by month (`YYYY-MM`, UTC) so an admin's listing reads one partition, newest first, paged.
import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { stripSystem } from './storage/documents';

export type AuditView =
  | 'summary' // a supervisor's team summary
  | 'summary_psw' // a supervisor's drill-down into one PSW's shared reflections (one page)
  | 'digest' // the weekly digest built for a supervisor
  | 'export' // a CSV export downloaded
  | 'delete' // a person's data deleted ("delete my data")
  | 'roster' // a roster change (detail: what changed, from → to)
  | 'supervision' // a supervisor's open flags (`flags`)
  | 'supervision_record' // a supervisor marked a flag talked through or an alert acknowledged (detail: type, action, noted 0/1)
  | 'what_helps'; // a supervisor's counts of what their team tried at stalls and how often it helped

export const AUDIT_VIEWS: AuditView[] = ['summary', 'summary_psw', 'digest', 'export', 'delete', 'roster', 'supervision', 'supervision_record', 'what_helps'];

export interface AuditDoc {
  id: string;
  /** Partition key: UTC month of `at`. */
  month: string;
  /** Pseudonymous id of the person who read (or deleted, or changed the roster). */
  actor: string;
  /** The actor's alias when the record was written: a later rename must not hide who read. */
  actorAlias?: string;
  /** Pseudonymous ids of the people whose data was read or deleted. */
  subjects: string[];
  view: AuditView;
  at: string;
  /** Ids, counts and periods only — never text. */
  detail?: Record<string, string | number>;
}

export interface AuditEntry {
  actor: string;
  subjects: string[];
  view: AuditView;
  detail?: Record<string, string | number>;
  /** The actor's alias, when the caller has just read the actor from storage (not read again). */
  actorAlias?: string;
}

export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export class AuditService {
  constructor(
    private readonly container: Container,
    private readonly now: () => Date,
    /** The alias a person has now (read from storage, not a cache), kept on each record. */
    private readonly aliasOf: (personId: string) => Promise<string | undefined> = async () => undefined,
  ) {}

  /** Writes one audit record. Callers await it before showing data: no record, no read. */
  async record(entry: AuditEntry): Promise<AuditDoc> {
    const at = this.now();
    const doc: AuditDoc = { id: randomUUID(), month: monthOf(at), actor: entry.actor, subjects: [...entry.subjects], view: entry.view, at: at.toISOString() };
    const alias = entry.actorAlias ?? (await this.aliasOf(entry.actor));
    if (alias) doc.actorAlias = alias;
    if (entry.detail) doc.detail = entry.detail;
    await this.container.items.create(doc);
    return doc;
  }

  /** One page of a month's records, newest first. `continuation` comes from the previous page. */
  async list(month: string, pageSize = 20, continuation?: string): Promise<{ items: AuditDoc[]; continuation?: string }> {
    const iterator = this.container.items.query<AuditDoc>(
      { query: 'SELECT * FROM c WHERE c.month = @m ORDER BY c.at DESC', parameters: [{ name: '@m', value: month }] },
      { partitionKey: month, maxItemCount: pageSize, continuationToken: continuation },
    );
    const page = await iterator.fetchNext();
    return { items: page.resources.map(stripSystem), continuation: page.continuationToken || undefined };
  }
}
