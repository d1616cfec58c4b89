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
