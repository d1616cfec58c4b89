// Saving and listing reflections. A reflection's id is fixed when its debrief starts, so a save that runs twice
// (a retried turn, a double tap on "Save") is a 409 on create and never a second document.
import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { readDoc, stripSystem } from '../storage/documents';
import type { ReflectionDoc } from './model';

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; undefined on the last page. */
  continuation?: string;
}

export function newReflectionId(): string {
  return randomUUID();
}

export class ReflectionsService {
  constructor(private readonly container: Container, private readonly ttlDays: number) {}

  /** Retention in seconds for a new reflection (Cosmos deletes it after). */
  ttlSeconds(): number {
    return this.ttlDays * 24 * 3600;
  }

  /**
   * Stores the reflection once. Returns false when it was already saved (same id): nothing is written twice.
   * Every save path (the debrief, the outbox) comes through here, so retention is enforced here: a document
   * without a valid ttl gets REFLECTION_TTL_DAYS.
   */
  async save(doc: ReflectionDoc): Promise<{ created: boolean }> {
    const stored = this.withTtl(doc);
    try {
      await this.container.items.create(stored);
      return { created: true };
    } catch (err) {
      if ((err as { code?: number }).code === 409) return { created: false };
      throw err;
    }
  }

  /** The document as it is stored: its own ttl when valid, else REFLECTION_TTL_DAYS (the roll-up line expires with it). */
  withTtl(doc: ReflectionDoc): ReflectionDoc {
    return Number.isInteger(doc.ttl) && doc.ttl > 0 ? doc : { ...doc, ttl: this.ttlSeconds() };
  }

  async get(psw: string, id: string): Promise<ReflectionDoc | undefined> {
    return (await readDoc<ReflectionDoc>(this.container, id, psw))?.doc;
  }

  /** A PSW's reflections, newest first, within their partition, a page at a time. */
  async listByPsw(psw: string, opts: { pageSize?: number; continuation?: string; clientCode?: string; includePractice?: boolean } = {}): Promise<Page<ReflectionDoc>> {
    const where = ['c.psw = @psw', "c.kind = 'reflection'"];
    const parameters: { name: string; value: string }[] = [{ name: '@psw', value: psw }];
    if (opts.clientCode !== undefined) {
      where.push('c.clientCode = @code');
      parameters.push({ name: '@code', value: opts.clientCode });
    }
    if (!opts.includePractice) where.push('c.practice = false');
    const iterator = this.container.items.query<ReflectionDoc>(
      { query: `SELECT * FROM c WHERE ${where.join(' AND ')} ORDER BY c.createdAt DESC`, parameters },
      { partitionKey: psw, maxItemCount: opts.pageSize ?? 20, continuationToken: opts.continuation },
    );
    const page = await iterator.fetchNext();
    return { items: (page.resources ?? []).map(stripSystem), continuation: page.hasMoreResults ? page.continuationToken : undefined };
  }
}
