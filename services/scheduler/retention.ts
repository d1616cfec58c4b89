// Retention on the embedded store. Azure Cosmos DB deletes a reflection `ttl` seconds after it was written; the
// embedded server ignores TTL, so on it this scheduled job does the same: every few hours it deletes each document
// of the reflections container whose own ttl has run out since its createdAt (REFLECTION_TTL_DAYS when saved).
// On Azure the job is never scheduled: the database does it (and each roll-up line carries its reflection's expiry,
// so summaries leave it out from then on; rollups.ts).
import type { Container } from '@azure/cosmos';
import { log } from '../log';
import { deleteDoc } from '../storage/documents';
import type { RollupStore } from '../supervision/rollups';
import type { JobHandler } from './job';
import type { JobStore } from './jobs';

export const RETENTION_JOB_ID = 'retention|reflections';
/** How often the sweep runs; retention is counted in days, so a few hours late is well within it. */
export const RETENTION_EVERY_MS = 6 * 3600_000;
const DAY_MS = 86_400_000;

interface Expirable {
  id: string;
  psw: string;
  createdAt: string;
  ttl: number;
}

/** Deletes what has outlived its ttl; resolves how many were deleted. */
export async function sweepExpired(reflections: Container, rollups: Pick<RollupStore, 'remove'>, now: Date): Promise<number> {
  // No ttl is under a day (REFLECTION_TTL_DAYS >= 1), so nothing younger than a day is even read.
  const { resources } = await reflections.items
    .query<Expirable>({
      query: 'SELECT c.id, c.psw, c.createdAt, c.ttl FROM c WHERE c.ttl > 0 AND c.createdAt < @dayAgo',
      parameters: [{ name: '@dayAgo', value: new Date(now.getTime() - DAY_MS).toISOString() }],
    })
    .fetchAll();
  let deleted = 0;
  for (const doc of resources) {
    if (Date.parse(doc.createdAt) + doc.ttl * 1000 > now.getTime()) continue;
    // Its roll-up line first: a crash in between leaves the reflection, which the next sweep finds and deletes again.
    await rollups.remove(doc);
    if (await deleteDoc(reflections, doc.id, doc.psw)) deleted++;
  }
  return deleted;
}

/** Another store whose documents carry their own ttl (supervisors' records: services/supervision/records.ts). */
export interface Expiring {
  sweepExpired(now: Date): Promise<number>;
}

export function retentionHandler(reflections: Container, rollups: Pick<RollupStore, 'remove'>, others: readonly Expiring[] = []): JobHandler {
  return async (_job, now) => {
    const started = Date.now();
    let count = await sweepExpired(reflections, rollups, now);
    for (const o of others) count += await o.sweepExpired(now);
    log.info('retention.swept', { count, durationMs: Date.now() - started });
    return { messages: [], next: new Date(now.getTime() + RETENTION_EVERY_MS).toISOString() };
  };
}

/** Schedules the sweep to run now and then every RETENTION_EVERY_MS (embedded store only; see bot/index.ts). */
export async function scheduleRetention(jobs: JobStore, now: Date): Promise<void> {
  await jobs.put({ id: RETENTION_JOB_ID, kind: 'retention', personId: '', due: now.toISOString(), payload: {} }, now);
}
