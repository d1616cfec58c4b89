// One in-process Cosmos-compatible server per test process (real protocol, real @azure/cosmos client);
// each caller gets its own database, so tests never see each other's data.
import { randomUUID } from 'node:crypto';
import { openStore, type Store, type StoreOptions } from '../../services/storage/cosmos';
import { escapeRegExp } from '../../services/escapeRegExp';

const opened: Store[] = [];

export async function freshStore(opts: Pick<StoreOptions, 'dataDir' | 'interpose' | 'backoff' | 'requestTimeoutMs'> = {}): Promise<Store> {
  const store = await openStore({
    cosmosEndpoint: '',
    cosmosKey: '',
    cosmosDatabase: `t-${randomUUID().slice(0, 8)}`,
    embeddedCosmos: true,
    ...opts,
  });
  opened.push(store);
  return store;
}

export async function closeStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((s) => s.close()));
}

/** Every document of every container of every database the store's client can see, as `db/container: json`. */
export async function everyDocument(store: Store): Promise<string[]> {
  const out: string[] = [];
  const { resources: dbs } = await store.client.databases.readAll().fetchAll();
  for (const d of dbs) {
    const db = store.client.database(d.id);
    const { resources: containers } = await db.containers.readAll().fetchAll();
    for (const c of containers) {
      for (const doc of (await db.container(c.id).items.readAll().fetchAll()).resources) out.push(`${d.id}/${c.id}: ${JSON.stringify(doc)}`);
    }
  }
  return out;
}

/**
 * Whether stored text holds `word` as a word, case ignored. Machine-made tokens (hashes, salts, ids: runs of 16 or more
 * base64url characters) are taken out first, and a match must not touch a letter or digit: a random salt such as
 * "WnKEJoyIIr05mDwG" holds "joy" by chance, which failed round 18's CI.
 */
export function holdsWord(text: string, word: string): boolean {
  const human = text.replace(/[A-Za-z0-9_-]{16,}/g, ' ');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu').test(human);
}
