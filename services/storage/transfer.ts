// Moving a pilot's data: export the embedded store's journal to a JSON lines file, import such a file into
// any Cosmos endpoint (Azure Cosmos DB, the emulator, another embedded store). The export is read from the
// journal itself, so it works with the server stopped, and keeps each document's last-write time (_ts):
// the embedded server ignores TTL, so on import a document's remaining lifetime is what is left of its ttl
// since then, and one already past it is not imported (Azure would delete it at once).
import fs from 'node:fs';
import readline from 'node:readline';
import type { ContainerDefinition, ContainerRequest } from '@azure/cosmos';
import { stripSystem } from './documents';
import { ensureContainer, type Store } from './cosmos';
import { PRIVATE_FILE_MODE } from './files';
import type { State } from './journal';

export const EXPORT_KIND = 'peerreflect-store-export';

export type ExportLine =
  | { kind: typeof EXPORT_KIND; v: 1; exportedAt: string }
  | { kind: 'container'; db: string; def: ContainerRequest }
  | { kind: 'doc'; db: string; coll: string; doc: Record<string, unknown> };

/** What a container needs on another Cosmos: its id, partitioning, TTL and unique keys (no server-made fields). */
function portable(def: ContainerDefinition): ContainerRequest {
  const { id, partitionKey, defaultTtl, uniqueKeyPolicy } = def;
  return { id, partitionKey, ...(defaultTtl !== undefined ? { defaultTtl } : {}), ...(uniqueKeyPolicy ? { uniqueKeyPolicy } : {}) };
}

/** Writes the state as an export file (0600: it holds everyone's reflections); returns documents written. */
export function writeExport(state: State, file: string, now = new Date()): { documents: number; containers: number } {
  const fd = fs.openSync(file, 'w', PRIVATE_FILE_MODE);
  let documents = 0;
  try {
    const put = (line: ExportLine) => fs.writeSync(fd, `${JSON.stringify(line)}\n`);
    put({ kind: EXPORT_KIND, v: 1, exportedAt: now.toISOString() });
    for (const [k, def] of state.colls) {
      const db = k.slice(0, k.indexOf('/'));
      put({ kind: 'container', db, def: portable(def) });
      for (const doc of state.docs.get(k)?.values() ?? []) {
        put({ kind: 'doc', db, coll: def.id!, doc });
        documents++;
      }
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { documents, containers: state.colls.size };
}

/**
 * The ttl a document should carry when written again now: what is left of its own ttl (or its container's
 * default) since its last write; 0 when it has already expired; undefined when it never expires.
 */
export function remainingTtl(doc: Record<string, unknown>, defaultTtl: number | undefined, nowSeconds: number): number | undefined {
  const ttl = typeof doc.ttl === 'number' ? doc.ttl : defaultTtl;
  if (ttl === undefined || ttl <= 0) return undefined; // -1 or none: never expires
  const ts = typeof doc._ts === 'number' ? doc._ts : nowSeconds;
  return Math.max(0, ttl - (nowSeconds - ts));
}

export interface ImportCounts {
  containers: number;
  imported: number;
  /** Past their ttl already: not imported. */
  expired: number;
  /** Documents each container holds on the target afterwards. */
  stored: Record<string, number>;
}

/** Imports an export file into the store's database (upserts: running it twice changes nothing). */
export async function importFile(store: Store, file: string, opts: { nowSeconds?: number; concurrency?: number } = {}): Promise<ImportCounts> {
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  const counts: ImportCounts = { containers: 0, imported: 0, expired: 0, stored: {} };
  const defs = new Map<string, ContainerRequest>();
  const containers = new Map<string, Awaited<ReturnType<typeof ensureContainer>>>();
  let pending: Promise<void>[] = [];
  let lineNo = 0;
  let database: string | undefined;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const raw of lines) {
    lineNo++;
    if (!raw) continue;
    let line: ExportLine;
    try {
      line = JSON.parse(raw) as ExportLine;
    } catch {
      throw new Error(`${file} line ${lineNo} is not valid JSON: is this file an export made by \`npm run store -- export\`?`);
    }
    if (lineNo === 1 && line.kind !== EXPORT_KIND) throw new Error(`${file} is not an export made by \`npm run store -- export\``);
    if (line.kind === 'container') {
      database ??= line.db;
      if (line.db !== database) throw new Error(`${file} holds more than one database (${database}, ${line.db}); import moves one`);
      defs.set(line.def.id!, line.def);
      containers.set(line.def.id!, await ensureContainer(store.database, line.def));
      counts.containers++;
    } else if (line.kind === 'doc') {
      const container = containers.get(line.coll);
      if (!container) throw new Error(`${file} line ${lineNo}: a document of container ${line.coll} comes before that container`);
      const ttl = remainingTtl(line.doc, defs.get(line.coll)?.defaultTtl, now);
      if (ttl === 0) {
        counts.expired++;
        continue;
      }
      const body = stripSystem(line.doc);
      if (ttl !== undefined) body.ttl = ttl;
      pending.push(container.items.upsert(body).then(() => void counts.imported++));
      if (pending.length >= (opts.concurrency ?? 20)) {
        await Promise.all(pending);
        pending = [];
      }
    }
  }
  await Promise.all(pending);
  for (const [id, container] of containers) {
    const { resources } = await container.items.query<number>('SELECT VALUE COUNT(1) FROM c').fetchAll();
    counts.stored[id] = resources[0] ?? 0;
  }
  return counts;
}
