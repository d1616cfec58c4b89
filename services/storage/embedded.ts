// The embedded default: an in-process Cosmos-compatible server (@vercel/cosmosdb-server) on loopback.
// That server keeps data in memory only, so every successful write is appended to a journal under the
// data folder (synchronously, so even a SIGKILL keeps what was acknowledged) and replayed at the next start.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CosmosClient, type ContainerDefinition } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { log } from '../log';
import { stripSystem } from './documents';

/** The fixed key of the Cosmos DB emulator; the embedded server accepts any key. */
export const EMBEDDED_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

type JournalEntry =
  | { t: 'db'; db: string }
  | { t: 'dropdb'; db: string }
  | { t: 'coll'; db: string; def: ContainerDefinition }
  | { t: 'dropcoll'; db: string; coll: string }
  | { t: 'doc'; db: string; coll: string; pk: string; doc: Record<string, unknown> }
  | { t: 'del'; db: string; coll: string; id: string; pk: string };

interface State {
  dbs: Set<string>;
  colls: Map<string, ContainerDefinition>; // key db/coll
  docs: Map<string, Map<string, Record<string, unknown>>>; // key db/coll -> id+pk -> doc
}

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  agent: https.Agent;
  stop(): Promise<void>;
}

export async function startEmbeddedCosmos(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedCosmos> {
  const journalPath = opts.dataDir ? path.join(opts.dataDir, 'cosmos-journal.jsonl') : undefined;
  const state = journalPath ? compact(journalPath) : undefined;

  const server = createHttpsServer({ keepAlive: true } as https.ServerOptions);
  let journaling = false;
  if (journalPath) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (journaling) journalRequest(journalPath, state!, req, res);
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `https://127.0.0.1:${port}`;
  // The self-signed certificate is trusted for this loopback server only, never globally.
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  if (state) await replay(state, endpoint, agent);
  journaling = true;
  return {
    endpoint,
    key: EMBEDDED_KEY,
    agent,
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function collKey(db: string, coll: string): string {
  return `${db}/${coll}`;
}

function docKey(id: string, pk: string): string {
  return `${pk}\u0000${id}`;
}

function partitionOf(def: ContainerDefinition | undefined, doc: Record<string, unknown>): string {
  const p = def?.partitionKey?.paths?.[0];
  if (!p) return JSON.stringify([{}]);
  let v: unknown = doc;
  for (const part of p.slice(1).split('/')) v = (v as Record<string, unknown> | undefined)?.[part];
  return JSON.stringify([v === undefined ? {} : v]);
}

function apply(state: State, e: JournalEntry): void {
  switch (e.t) {
    case 'db':
      state.dbs.add(e.db);
      break;
    case 'dropdb':
      state.dbs.delete(e.db);
      for (const k of [...state.colls.keys()]) if (k.startsWith(`${e.db}/`)) { state.colls.delete(k); state.docs.delete(k); }
      break;
    case 'coll':
      state.colls.set(collKey(e.db, e.def.id!), e.def);
      if (!state.docs.has(collKey(e.db, e.def.id!))) state.docs.set(collKey(e.db, e.def.id!), new Map());
      break;
    case 'dropcoll':
      state.colls.delete(collKey(e.db, e.coll));
      state.docs.delete(collKey(e.db, e.coll));
      break;
    case 'doc':
      state.docs.get(collKey(e.db, e.coll))?.set(docKey(String(e.doc.id), e.pk), e.doc);
      break;
    case 'del':
      state.docs.get(collKey(e.db, e.coll))?.delete(docKey(e.id, e.pk));
      break;
  }
}

/** Reads the journal into state and rewrites it compacted (atomically), so it never grows without bound. */
function compact(journalPath: string): State {
  mkdirSync(path.dirname(journalPath), { recursive: true });
  const state: State = { dbs: new Set(), colls: new Map(), docs: new Map() };
  let skipped = 0;
  if (existsSync(journalPath)) {
    for (const line of readFileSync(journalPath, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        apply(state, JSON.parse(line) as JournalEntry);
      } catch {
        skipped++; // a line torn by a kill mid-write: it was never acknowledged to the caller
      }
    }
  }
  if (skipped) log.warn('embedded.journal_lines_skipped', { count: skipped });
  const lines: string[] = [];
  for (const db of state.dbs) lines.push(JSON.stringify({ t: 'db', db }));
  for (const [k, def] of state.colls) {
    const db = k.slice(0, k.indexOf('/'));
    lines.push(JSON.stringify({ t: 'coll', db, def }));
    for (const [dk, doc] of state.docs.get(k) ?? []) {
      lines.push(JSON.stringify({ t: 'doc', db, coll: def.id, pk: dk.slice(0, dk.indexOf('\u0000')), doc }));
    }
  }
  writeFileSync(`${journalPath}.tmp`, lines.length ? `${lines.join('\n')}\n` : '');
  renameSync(`${journalPath}.tmp`, journalPath);
  return state;
}

async function replay(state: State, endpoint: string, agent: https.Agent): Promise<void> {
  const client = new CosmosClient({ endpoint, key: EMBEDDED_KEY, agent, connectionPolicy: { enableEndpointDiscovery: false } });
  let count = 0;
  for (const db of state.dbs) await client.databases.createIfNotExists({ id: db });
  for (const [k, def] of state.colls) {
    const db = k.slice(0, k.indexOf('/'));
    const { id, partitionKey, indexingPolicy, defaultTtl, uniqueKeyPolicy } = def;
    const { container } = await client.database(db).containers.createIfNotExists({ id, partitionKey, indexingPolicy, defaultTtl, uniqueKeyPolicy });
    const docs = [...(state.docs.get(k)?.values() ?? [])].map(stripSystem);
    for (let i = 0; i < docs.length; i += 100) {
      await Promise.all(docs.slice(i, i + 100).map((d) => container.items.upsert(d)));
      count += Math.min(100, docs.length - i);
    }
  }
  client.dispose();
  log.info('embedded.replayed', { count });
}


const DOC_PATH = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/?]+))?\/?(?:\?.*)?$/;
const COLL_PATH = /^\/dbs\/([^/]+)\/colls(?:\/([^/?]+))?\/?(?:\?.*)?$/;
const DB_PATH = /^\/dbs(?:\/([^/?]+))?\/?(?:\?.*)?$/;

/** Watches one request; once it has succeeded, appends what it changed to the journal. */
function journalRequest(journalPath: string, state: State, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  if (method === 'GET' || isQuery(req)) return;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as unknown as { end: (...args: unknown[]) => ServerResponse }).end = (...args: unknown[]) => {
    try {
      if (res.statusCode < 300) {
        const body = typeof args[0] === 'string' ? args[0] : '';
        for (const e of entriesFor(state, method, req, Buffer.concat(chunks).toString('utf8'), body)) {
          apply(state, e);
          appendFileSync(journalPath, `${JSON.stringify(e)}\n`);
        }
      }
    } catch (err) {
      log.error('embedded.journal_failed', { errorName: (err as Error).name });
    }
    return end(...args);
  };
}

// Mirrors the server's own router: a POST is a query when either of these says so.
function isQuery(req: IncomingMessage): boolean {
  return String(req.headers['x-ms-documentdb-isquery']).toLowerCase() === 'true' || req.headers['content-type'] === 'application/query+json';
}

function entriesFor(state: State, method: string, req: IncomingMessage, reqBody: string, resBody: string): JournalEntry[] {
  const url = decodeURI(req.url ?? '');
  const pkHeader = String(req.headers['x-ms-documentdb-partitionkey'] ?? JSON.stringify([{}]));
  let m = DOC_PATH.exec(url);
  if (m) {
    const [, db, coll, id] = m;
    const def = state.colls.get(collKey(db, coll));
    if (method === 'DELETE' && id) return [{ t: 'del', db, coll, id, pk: pkHeader }];
    if (String(req.headers['x-ms-cosmos-is-batch-request']).toLowerCase() === 'true') return batchEntries(def, db, coll, reqBody, resBody);
    const doc = JSON.parse(resBody) as Record<string, unknown>;
    return [{ t: 'doc', db, coll, pk: partitionOf(def, doc), doc }];
  }
  m = COLL_PATH.exec(url);
  if (m) {
    const [, db, coll] = m;
    if (method === 'DELETE' && coll) return [{ t: 'dropcoll', db, coll }];
    if (method === 'POST' || method === 'PUT') return [{ t: 'coll', db, def: JSON.parse(resBody) as ContainerDefinition }];
    return [];
  }
  m = DB_PATH.exec(url);
  if (m) {
    if (method === 'DELETE' && m[1]) return [{ t: 'dropdb', db: m[1] }];
    if (method === 'POST') return [{ t: 'db', db: (JSON.parse(resBody) as { id: string }).id }];
  }
  return [];
}

interface BatchOp { operationType: string; id?: string; partitionKey?: string; resourceBody?: Record<string, unknown> }
interface BatchResult { statusCode: number; resourceBody?: Record<string, unknown> }

function batchEntries(def: ContainerDefinition | undefined, db: string, coll: string, reqBody: string, resBody: string): JournalEntry[] {
  const ops = JSON.parse(reqBody) as BatchOp[];
  const results = JSON.parse(resBody) as BatchResult[];
  const out: JournalEntry[] = [];
  ops.forEach((op, i) => {
    const r = results[i];
    if (!r || r.statusCode >= 300) return;
    if (op.operationType === 'Delete' && op.id) {
      out.push({ t: 'del', db, coll, id: op.id, pk: op.partitionKey ?? JSON.stringify([{}]) });
    } else if (r.resourceBody && op.operationType !== 'Read') {
      out.push({ t: 'doc', db, coll, pk: partitionOf(def, r.resourceBody), doc: r.resourceBody });
    }
  });
  return out;
}
