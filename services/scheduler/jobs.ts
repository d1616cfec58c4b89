// Reading and writing scheduled jobs (the `schedules` container, partition /id = job id). Feature code schedules
// through here; services/scheduler/scheduler.ts runs what is due.
import type { Container } from '@azure/cosmos';
import { deleteDoc, readDoc } from '../storage/documents';
import type { Job, JobKind } from './job';

export interface NewJob {
  id: string;
  kind: JobKind;
  personId: string;
  due: string;
  payload: Record<string, unknown>;
  ttl?: number;
}

export class JobStore {
  constructor(private readonly container: Container) {}

  /**
   * Creates or replaces the job with this id. Replacing clears any lease: a change made while a scheduler runs the
   * job changes its etag, so that run's final write fails and this version stands.
   */
  async put(job: NewJob, now: Date): Promise<Job> {
    const existing = await this.get(job.id);
    const doc: Job = { ...job, attempts: 0, createdAt: existing?.createdAt ?? now.toISOString() };
    await this.container.items.upsert(doc);
    return doc;
  }

  async get(id: string): Promise<Job | undefined> {
    return (await readDoc<Job>(this.container, id, id))?.doc;
  }

  async remove(id: string): Promise<boolean> {
    return deleteDoc(this.container, id);
  }

  /** One person's jobs of one kind (a person's several reminders). Across partitions: a person has only a few. */
  async listFor(personId: string, kind: JobKind): Promise<Job[]> {
    const { resources } = await this.container.items
      .query<Job>({ query: 'SELECT * FROM c WHERE c.personId = @p AND c.kind = @k', parameters: [{ name: '@p', value: personId }, { name: '@k', value: kind }] })
      .fetchAll();
    return resources;
  }
}
