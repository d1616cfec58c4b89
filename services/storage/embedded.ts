// The embedded default: an in-process Cosmos-compatible server (@vercel/cosmosdb-server) on loopback.
// That server keeps data in memory only, so every successful write is appended to a journal under the data
// folder (journal.ts) — written and fdatasynced before the client hears it succeeded — and replayed at the
// next start. The folder is locked to one process (lock.ts); the port takes only requests signed with this
// data folder's own key (DATA_DIR/store-key), so no other local program can read or write through it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CosmosClient, type ContainerDefinition } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { errorFields, log } from '../log';
import { stripSystem } from './documents';
import { createFileExclusively, ensurePrivateDir, makePrivate } from './files';
import {
  apply, collKey, emptyState, JOURNAL_FILE, JournalAppender, partitionOf, readJournal, writeJournal,
  type Damage, type JournalEntry, type State,
} from './journal';
import { lockDataDir, type DataDirLock } from './lock';
import { RECOVERY_HINT, StoreRefused } from './refused';

export const KEY_FILE = 'store-key';
/** How long after a deletion the journal is compacted, so deleted documents leave the disk. */
export const COMPACT_AFTER_DELETE_MS = 1000;
/** Appends since the last compaction beyond this (or beyond the compacted size, if larger) compact it too. */
export const COMPACT_AFTER_GROWTH_BYTES = 64 * 1024 * 1024;

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  agent: https.Agent;
  /** Rewrites the journal from what is stored now, so deleted documents leave the disk (no-op in memory). */
  compact(): Promise<void>;
  stop(): Promise<void>;
}

/** This data folder's key for the embedded port: made once, kept 0600; a fresh one for an in-memory store. */
export function storeKey(dataDir?: string): string {
  const fresh = randomBytes(64).toString('base64');
  if (!dataDir) return fresh;
  const file = path.join(dataDir, KEY_FILE);
  createFileExclusively(file, fresh);
  makePrivate(file);
  const key = fs.readFileSync(file, 'utf8').trim();
  if (Buffer.from(key, 'base64').length < 32) throw new StoreRefused(`${file} is not a usable key. Delete it and start again: a new one is made (it guards the port only; no data depends on it).`);
  return key;
}

/** Opens a data folder's journal for a start: refuses (changing nothing) unless it replays cleanly. */
export function openJournal(dataDir: string): { file: string; state: State } {
  const file = path.join(dataDir, JOURNAL_FILE);
  if (!fs.existsSync(file)) {
    // store-key is made at a store's first start, after its journal: with it there, the journal was lost.
    if (fs.existsSync(path.join(dataDir, KEY_FILE))) {
      throw new StoreRefused(
        `The embedded store's journal ${file} is missing, but this DATA_DIR has held a store before (${KEY_FILE} is there). ` +
        `PeerReflect has not started. Restore the journal from your backup of ${dataDir} (docs/OPERATIONS.md); to start an empty store here on purpose, delete ${path.join(dataDir, KEY_FILE)} as well.`,
      );
    }
    writeJournal(file, emptyState());
    return { file, state: emptyState() };
  }
  makePrivate(file);
  const read = readJournal(file);
  if (read.damage.length) throw damaged(file, read.damage);
  if (read.tornTail) log.warn('embedded.journal_torn_tail_skipped', { count: 1 });
  writeJournal(file, read.state); // compact: only ever over a journal that replayed cleanly
  return { file, state: read.state };
}

function damaged(file: string, damage: Damage[]): StoreRefused {
  const [first] = damage;
  const more = damage.length > 1 ? ` (and ${damage.length - 1} more damaged line${damage.length > 2 ? 's' : ''})` : '';
  return new StoreRefused(
    `The embedded store's journal ${file} is damaged at line ${first!.line}: ${first!.reason}${more}. ` +
    `PeerReflect has not started, so nothing is lost yet and the file is untouched. ${RECOVERY_HINT}`,
  );
}

export async function startEmbeddedCosmos(opts: { dataDir?: string; port?: number; compactAfterBytes?: number } = {}): Promise<EmbeddedCosmos> {
  let lock: DataDirLock | undefined;
  let journal: { file: string; state: State } | undefined;
  let key: string;
  if (opts.dataDir) ensurePrivateDir(opts.dataDir);
  if (opts.dataDir) lock = lockDataDir(opts.dataDir);
  try {
    if (opts.dataDir) journal = openJournal(opts.dataDir);
    key = storeKey(opts.dataDir);
  } catch (err) {
    lock?.release();
    throw err;
  }
  const server = createHttpsServer({ keepAlive: true } as https.ServerOptions);
  const writer = journal ? new GroupCommit(journal, opts.compactAfterBytes ?? COMPACT_AFTER_GROWTH_BYTES) : undefined;
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!signedWith(key, req)) return answer(res, 401, 'Unauthorized', 'This port takes only requests signed with its data folder key.');
    // (issue 19) The SDK asks for a query plan before every query, and the server would answer by running the whole
    // query (a scan of the container). The SDK uses a plan only after a 400 this server never sends, so one is answered here.
    if (isQueryPlanRequest(req)) return answerQueryPlan(req, res);
    if (writer && isWrite(req)) {
      if (writer.failed) return answer(res, 503, 'ServiceUnavailable', 'The journal could not be written; writes stop until a restart.');
      if (writer.ready) writer.watch(req, res);
    }
    for (const h of handlers) h.call(server, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  }).catch((err) => {
    lock?.release();
    throw err;
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `https://127.0.0.1:${port}`;
  // The self-signed certificate is trusted for this loopback server only, never globally.
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  if (journal) {
    try {
      await replay(journal.state, endpoint, key, agent);
    } catch (err) {
      agent.destroy();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await writer?.close().catch(() => undefined);
      lock?.release();
      throw err;
    }
  }
  if (writer) writer.ready = true;
  return {
    endpoint,
    key,
    agent,
    compact: async () => writer?.compact(),
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => {
          void (writer?.close() ?? Promise.resolve())
            .catch((err: unknown) => log.error('embedded.journal_close_failed', errorFields(err))) // the appended journal still stands
            .finally(() => {
              lock?.release();
              resolve();
            });
        });
        server.closeAllConnections?.();
      }),
  };
}

function answer(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-ms-activity-id': 'embedded' });
  res.end(JSON.stringify({ code, message }));
}

/**
 * Checks the Cosmos master-key signature the client sends (HMAC-SHA256 over verb, resource type, resource
 * link and date, as @azure/cosmos signs it): the key itself never crosses the wire.
 */
function signedWith(key: string, req: IncomingMessage): boolean {
  const auth = decodeURIComponent(String(req.headers.authorization ?? ''));
  const sig = /(?:^|&)sig=([^&]+)/.exec(auth)?.[1];
  const date = String(req.headers['x-ms-date'] ?? '');
  if (!sig || !date) return false;
  const segments = decodeURI((req.url ?? '/').split('?')[0]!).split('/').filter(Boolean);
  // /dbs/a/colls/b/docs/c names a resource (link: all of it); /dbs/a/colls/b/docs is a feed of its parent.
  const odd = segments.length % 2 === 1;
  const type = segments.length ? segments[segments.length - (odd ? 1 : 2)]! : '';
  const link = (odd ? segments.slice(0, -1) : segments).join('/');
  const text = `${(req.method ?? '').toLowerCase()}\n${type.toLowerCase()}\n${link}\n${date.toLowerCase()}\n\n`;
  const expected = createHmac('sha256', Buffer.from(key, 'base64')).update(text).digest();
  const given = Buffer.from(sig, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function replay(state: State, endpoint: string, key: string, agent: https.Agent): Promise<void> {
  const client = new CosmosClient({ endpoint, key, agent, connectionPolicy: { enableEndpointDiscovery: false } });
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

/**
 * Journals acknowledged writes. A write's response is held until its entries are appended and fdatasynced.
 * One append is in flight at a time, off the event loop; the writes that finish meanwhile share the next
 * append and fdatasync (group commit), so concurrency makes syncs fewer, not slower. If the journal cannot be
 * written, the held responses become 503s and every later write is refused (memory would run ahead of the
 * disk), so nothing is acknowledged that a restart would lose.
 */
class GroupCommit {
  ready = false;
  failed = false;
  private readonly appender: JournalAppender;
  private queue: { entries: JournalEntry[]; release: (ok: boolean) => void }[] = [];
  private flushing?: Promise<void>;
  private compactTimer?: NodeJS.Timeout;
  private appended = 0;
  private compactedBytes: number;

  constructor(private readonly journal: { file: string; state: State }, private readonly growthBytes: number) {
    this.appender = new JournalAppender(journal.file);
    this.compactedBytes = fs.statSync(journal.file).size;
  }

  /** Watches one write; when the server answers success, journals what it changed before the answer leaves. */
  watch(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const refuse = () => {
      res.removeHeader('etag');
      answer(Object.assign(res, { end }), 503, 'ServiceUnavailable', 'The journal could not be written; writes stop until a restart.');
    };
    (res as unknown as { end: (...args: unknown[]) => ServerResponse }).end = (...args: unknown[]) => {
      if (res.statusCode >= 300) return end(...args);
      let entries: JournalEntry[] = [];
      try {
        entries = entriesFor(this.journal.state, method, req, Buffer.concat(chunks).toString('utf8'), typeof args[0] === 'string' ? args[0] : '');
        for (const e of entries) apply(this.journal.state, e);
      } catch (err) {
        log.error('embedded.journal_entry_failed', errorFields(err));
        this.failed = true;
      }
      if (this.failed) {
        refuse();
        return res;
      }
      this.queue.push({ entries, release: (ok) => (ok ? end(...args) : refuse()) });
      this.kick();
      return res;
    };
  }

  /** Starts an append of everything queued, unless one is in flight (then the next starts when it ends). */
  private kick(): void {
    if (this.flushing || !this.queue.length) return;
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve)) // gather this turn's writes
      .then(() => this.flushQueued())
      .finally(() => {
        this.flushing = undefined;
        this.kick();
      });
  }

  private async flushQueued(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    let ok = !this.failed;
    if (ok) {
      try {
        this.appended += await this.appender.append(batch.flatMap((b) => b.entries));
      } catch (err) {
        log.error('embedded.journal_failed', errorFields(err));
        this.failed = true;
        ok = false;
      }
    }
    for (const b of batch) b.release(ok);
    const deleted = batch.some((b) => b.entries.some((e) => e.t === 'del' || e.t === 'dropcoll' || e.t === 'dropdb'));
    // Every turn rewrites its dialog state, so a long-running store's journal would grow without bound.
    const grown = this.appended > Math.max(this.growthBytes, this.compactedBytes);
    if (ok && (deleted || grown)) this.compactSoon();
  }

  /** Resolves once nothing is queued or in flight. */
  private async drain(): Promise<void> {
    while (this.flushing || this.queue.length) {
      this.kick();
      await this.flushing;
    }
  }

  /**
   * A deleted document's earlier versions stay in the journal until it is compacted: do that shortly after a
   * deletion (the wait lets the rest of the turn that deleted land first, e.g. its dialog state).
   */
  private compactSoon(): void {
    if (this.compactTimer) return; // one is due: it will include this (a steady stream of writes must not postpone it)
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      this.compact().catch((err: unknown) => log.error('embedded.journal_compact_failed', errorFields(err))); // the appended journal still stands
    }, COMPACT_AFTER_DELETE_MS);
    this.compactTimer.unref();
  }

  /**
   * Rewrites the journal from the state (write new, fsync, rename) and appends to the new file. It runs with
   * no append in flight; the state already holds any write still queued, so appending that write again to
   * the new file repeats an entry, which replays the same.
   */
  async compact(): Promise<void> {
    await this.drain();
    if (this.failed) return;
    writeJournal(this.journal.file, this.journal.state);
    this.appender.reopen();
    this.appended = 0;
    this.compactedBytes = fs.statSync(this.journal.file).size;
    log.info('embedded.journal_compacted', {});
  }

  /** At a clean stop the whole journal becomes compacted: a later cut anywhere in it is then detectable. */
  async close(): Promise<void> {
    clearTimeout(this.compactTimer);
    try {
      await this.compact();
    } finally {
      this.appender.close();
    }
  }
}

// Mirrors the server's own router: a POST is a query when either of these says so.
function isQueryPlanRequest(req: IncomingMessage): boolean {
  return String(req.headers['x-ms-cosmos-is-query-plan-request'] ?? '').toLowerCase() === 'true';
}

/** A plan that says "nothing to do on the client": one range, no ORDER BY, TOP, aggregates or DISTINCT to merge. */
function answerQueryPlan(req: IncomingMessage, res: ServerResponse): void {
  req.resume(); // the query text is not needed
  const queryInfo = {
    distinctType: 'None', top: null, offset: null, limit: null, orderBy: [], orderByExpressions: [], groupByExpressions: [], groupByAliases: [],
    aggregates: [], groupByAliasToAggregateType: {}, rewrittenQuery: '', hasSelectValue: false, dCountInfo: null, hasNonStreamingOrderBy: false,
  };
  const plan = { partitionedQueryExecutionInfoVersion: 2, queryInfo, queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }] };
  res.writeHead(200, { 'content-type': 'application/json', 'x-ms-activity-id': 'embedded', 'x-ms-request-charge': '0' });
  res.end(JSON.stringify(plan));
}

function isWrite(req: IncomingMessage): boolean {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return false;
  const query = String(req.headers['x-ms-documentdb-isquery']).toLowerCase() === 'true' || req.headers['content-type'] === 'application/query+json';
  return !query;
}

const DOC_PATH = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/?]+))?\/?(?:\?.*)?$/;
const COLL_PATH = /^\/dbs\/([^/]+)\/colls(?:\/([^/?]+))?\/?(?:\?.*)?$/;
const DB_PATH = /^\/dbs(?:\/([^/?]+))?\/?(?:\?.*)?$/;

function entriesFor(state: State, method: string, req: IncomingMessage, reqBody: string, resBody: string): JournalEntry[] {
  const url = decodeURI(req.url ?? '');
  const pkHeader = String(req.headers['x-ms-documentdb-partitionkey'] ?? JSON.stringify([{}]));
  let m = DOC_PATH.exec(url);
  if (m) {
    const [, db, coll, id] = m as unknown as [string, string, string, string | undefined];
    const def = state.colls.get(collKey(db, coll));
    if (method === 'DELETE' && id) return [{ t: 'del', db, coll, id, pk: pkHeader }];
    if (String(req.headers['x-ms-cosmos-is-batch-request']).toLowerCase() === 'true') return batchEntries(def, db, coll, reqBody, resBody);
    const doc = JSON.parse(resBody) as Record<string, unknown>;
    return [{ t: 'doc', db, coll, pk: partitionOf(def, doc), doc }];
  }
  m = COLL_PATH.exec(url);
  if (m) {
    const [, db, coll] = m as unknown as [string, string, string | undefined];
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
