// Small helpers every container wrapper shares: stored documents without Cosmos' system fields, and point reads
// that answer undefined for a missing document (with its etag for If-Match writes).
import type { Container } from '@azure/cosmos';

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_ts', '_attachments'];

export function stripSystem<T extends object>(doc: T): T {
  const out = { ...doc } as Record<string, unknown>;
  for (const k of SYSTEM_FIELDS) delete out[k];
  return out as T;
}

export function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A point read: the document (system fields removed) and its etag, or undefined when there is none. */
export async function readDoc<T extends object>(container: Container, id: string, partitionKey: string): Promise<{ doc: T; etag: string } | undefined> {
  try {
    const { resource, etag } = await container.item(id, partitionKey).read<T>();
    return resource ? { doc: stripSystem(resource), etag } : undefined;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** Deletes one document; true when there was one to delete. */
export async function deleteDoc(container: Container, id: string, partitionKey: string = id): Promise<boolean> {
  try {
    await container.item(id, partitionKey).delete();
    return true;
  } catch (err) {
    if (statusOf(err) === 404) return false;
    throw err;
  }
}

/**
 * Read-modify-write with If-Match: `change` gets the stored document (undefined when there is none) and returns the
 * new one, or undefined to leave it as it is. On 412 (someone wrote in between) or 409 (someone created it first)
 * it reads again and retries. Resolves with what is stored afterwards.
 */
export async function readModifyWrite<T extends { id: string }>(container: Container, id: string, partitionKey: string, change: (prev: T | undefined) => T | undefined, attempts = 5): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await readDoc<T>(container, id, partitionKey);
    const next = change(current?.doc);
    if (!next) return current?.doc;
    try {
      if (current) await container.item(id, partitionKey).replace(next, { accessCondition: { type: 'IfMatch', condition: current.etag } });
      else await container.items.create(next);
      return next;
    } catch (err) {
      const code = statusOf(err);
      if ((code !== 412 && code !== 409) || attempt >= attempts) throw err;
    }
  }
}
