// A flagged stall's "talked through" mark on its relationship (stall.talkedThrough), so a team summary or digest says
// so from the relationships it already reads, without looking the records up (issue 19). The record itself
// (./records.ts) is what counts: SupervisionAgenda.close writes the record, then the mark (and again when the record
// was already there, so a close repeated after a crash in between repairs it); syncTalkedThrough() brings every mark
// in line with the records at each start and with `npm run store -- rollups rebuild`. Etag-guarded, like a Save's
// write of the same relationship.
import type { Container } from '@azure/cosmos';
import type { RelationshipDoc } from '../reflections/model';
import { readModifyWrite } from '../storage/documents';
import { recordKey, type SupervisionRecords } from './records';

/** Sets (or, with `at` undefined, clears) the mark of the stall begun at `since`, if that stall is still open. */
export async function markStall(relationships: Container, psw: string, relationshipId: string, since: string, at: string | undefined): Promise<void> {
  await readModifyWrite<RelationshipDoc>(relationships, relationshipId, psw, (rel) => {
    if (!rel?.stall || rel.stall.since !== since || (at ? rel.stall.talkedThrough : !rel.stall.talkedThrough)) return undefined;
    const { talkedThrough: _, ...stall } = rel.stall;
    return { ...rel, stall: at ? { ...stall, talkedThrough: at } : stall };
  });
}

/**
 * Marks every open flagged stall that has a record and clears the mark of any that has none. Two queries (the stall
 * records, the open flagged stalls); writes only what differs.
 */
export async function syncTalkedThrough(relationships: Container, records: Pick<SupervisionRecords, 'stallRecords'>): Promise<{ marked: number; cleared: number }> {
  const recorded = new Map((await records.stallRecords()).map((r) => [r.id, r.at]));
  const { resources } = await relationships.items.query<RelationshipDoc>('SELECT * FROM c WHERE IS_DEFINED(c.stall) AND c.stall.flaggedForSupervision = true').fetchAll();
  let marked = 0;
  let cleared = 0;
  for (const rel of resources) {
    const s = rel.stall!;
    const at = recorded.get(recordKey({ type: 'stall', relationshipId: rel.id, clientCode: rel.clientCode, stage: s.stage, since: s.since }));
    if (at && !s.talkedThrough) {
      await markStall(relationships, rel.psw, rel.id, s.since, at);
      marked++;
    } else if (!at && s.talkedThrough) {
      await markStall(relationships, rel.psw, rel.id, s.since, undefined);
      cleared++;
    }
  }
  return { marked, cleared };
}
