// One document per PSW + client code. Two debriefs about the same relationship can save at once (two devices,
// two bot instances), so every write is a read-modify-write with If-Match on the etag, retried on 412/409.
import type { Container, ItemDefinition } from '@azure/cosmos';
import { readDoc } from '../storage/documents';
import { applyReflection } from './bookkeeping';
import { PRACTICE_CODE, relationshipId } from './codes';
import type { ReflectionDoc, RelationshipDoc } from './model';
import { mergeMemory, type NameMemory } from './nameMemory';

const MAX_ATTEMPTS = 6;

export class RelationshipsService {
  constructor(private readonly container: Container) {}

  async get(psw: string, code: string): Promise<RelationshipDoc | undefined> {
    return (await this.read(psw, relationshipId(psw, code)))?.doc;
  }

  /**
   * Applies a saved reflection to its relationship, with what its debrief learnt about names (merged, in the same
   * write); a reflection already applied changes nothing twice.
   */
  async recordReflection(r: ReflectionDoc, names?: NameMemory): Promise<RelationshipDoc> {
    return this.update(r.psw, r.clientCode, (prev) => {
      const applied = prev?.history.some((e) => e.reflectionId === r.id);
      const next = applied ? prev! : applyReflection(prev, r);
      if (!names) return applied ? undefined : next;
      const merged = mergeMemory(next.names, names);
      if (applied && JSON.stringify(merged) === JSON.stringify(prev!.names)) return undefined;
      return { ...next, names: merged };
    });
  }

  /** Keeps what a debrief learnt about names on its relationship (merged with what it held); none yet, nothing kept. */
  async rememberNames(psw: string, code: string, memory: NameMemory): Promise<void> {
    if (!(await this.get(psw, code))) return;
    await this.update(psw, code, (prev) => (prev ? { ...prev, names: mergeMemory(prev.names, memory) } : undefined));
  }

  /**
   * Read-modify-write with etag. `change` returns the new document, or undefined to leave it as it is.
   * On 412 (someone wrote in between) or 409 (someone created it first) it reads again and retries.
   */
  async update(psw: string, code: string, change: (prev: RelationshipDoc | undefined) => RelationshipDoc | undefined): Promise<RelationshipDoc> {
    const id = relationshipId(psw, code);
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(psw, id);
      const next = change(current?.doc);
      if (!next) return current!.doc;
      try {
        if (current) {
          await this.container.item(id, psw).replace(next as unknown as ItemDefinition, { accessCondition: { type: 'IfMatch', condition: current.etag } });
        } else {
          await this.container.items.create(next);
        }
        return next;
      } catch (err) {
        const code = (err as { code?: number }).code;
        if ((code !== 412 && code !== 409) || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  /** The PSW's most recently reflected-on client codes (for quick choices), newest first. */
  async recentCodes(psw: string, limit = 5): Promise<string[]> {
    const { resources } = await this.container.items
      .query<{ clientCode: string }>(
        { query: `SELECT TOP ${Math.max(1, Math.min(limit, 20))} c.clientCode FROM c WHERE c.psw = @psw AND c.clientCode != @practice ORDER BY c.lastReflectionAt DESC`, parameters: [{ name: '@psw', value: psw }, { name: '@practice', value: PRACTICE_CODE }] },
        { partitionKey: psw },
      )
      .fetchAll();
    return resources.map((r) => r.clientCode);
  }

  private async read(psw: string, id: string): Promise<{ doc: RelationshipDoc; etag: string } | undefined> {
    return readDoc<RelationshipDoc>(this.container, id, psw);
  }
}
