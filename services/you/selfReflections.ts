// Storing reflections of kind 'self' (the worker's own side) and the little a supervisor may learn of them: how many
// there were in a period, and the needs the PSW chose to share. Every query stays in the PSW's own partition.
import type { Container } from '@azure/cosmos';
import { content as defaultContent, type Content } from '../content';
import { readDoc } from '../storage/documents';
import type { SelfReflectionDoc } from './model';

/** A need the PSW chose to share with their supervisor: which, its few words, and when. */
export interface SharedNeed {
  id: string;
  /** The need's title from content ("Support for me"), or its id if the content no longer has it. */
  title: string;
  text: string;
  createdAt: string;
}

export class SelfReflections {
  constructor(private readonly container: Container) {}

  /** Stores it once: a repeated Save of the same draft (same id) writes nothing. */
  async save(doc: SelfReflectionDoc): Promise<{ created: boolean }> {
    try {
      await this.container.items.create(doc);
      return { created: true };
    } catch (err) {
      if ((err as { code?: number }).code === 409) return { created: false };
      throw err;
    }
  }

  async get(psw: string, id: string): Promise<SelfReflectionDoc | undefined> {
    const found = (await readDoc<SelfReflectionDoc>(this.container, id, psw))?.doc;
    return found?.kind === 'self' ? found : undefined;
  }

  /** How many the PSW saved in [from, to): what a supervisor may see of them, unless a need is shared. */
  async count(psw: string, from: string, to: string): Promise<number> {
    const { resources } = await this.container.items
      .query<number>(
        { query: "SELECT VALUE COUNT(1) FROM c WHERE c.psw = @p AND c.kind = 'self' AND c.createdAt >= @f AND c.createdAt < @t", parameters: [{ name: '@p', value: psw }, { name: '@f', value: from }, { name: '@t', value: to }] },
        { partitionKey: psw },
      )
      .fetchAll();
    return resources[0] ?? 0;
  }

  /** The needs the PSW chose to share in [from, to), newest first (at most 20): never their answers. */
  async sharedNeeds(psw: string, from: string, to: string, c: Content = defaultContent()): Promise<SharedNeed[]> {
    const { resources } = await this.container.items
      .query<{ need: { id: string; text: string }; createdAt: string }>(
        {
          query: "SELECT TOP 20 c.need, c.createdAt FROM c WHERE c.psw = @p AND c.kind = 'self' AND c.need.shared = true AND c.createdAt >= @f AND c.createdAt < @t ORDER BY c.createdAt DESC",
          parameters: [{ name: '@p', value: psw }, { name: '@f', value: from }, { name: '@t', value: to }],
        },
        { partitionKey: psw },
      )
      .fetchAll();
    return resources.map((r) => ({ id: r.need.id, title: c.you.supervision.needs.find((n) => n.id === r.need.id)?.title ?? r.need.id, text: r.need.text, createdAt: r.createdAt }));
  }
}
