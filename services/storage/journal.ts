// The embedded store's write journal (DATA_DIR/cosmos-journal.jsonl): one JSON line per acknowledged change,
// replayed at start. A compacted journal starts with a header that says how many entries its compaction
// wrote, so a file cut short inside that part is told apart from the one line a kill can tear at the end
// (which was never acknowledged, and is skipped). Any other damage is reported, never skipped in silence:
// readJournal lists it, the store refuses to start, and `npm run store -- recover` salvages what it can.
import fs from 'node:fs';
import path from 'node:path';
import type { ContainerDefinition } from '@azure/cosmos';
import { BOT_STATE_CONTAINER, CONTAINERS } from './containers';
import { replaceFileDurably } from './files';

export const JOURNAL_FILE = 'cosmos-journal.jsonl';
const VERSION = 2;

export type JournalEntry =
  | { t: 'db'; db: string }
  | { t: 'dropdb'; db: string }
  | { t: 'coll'; db: string; def: ContainerDefinition }
  | { t: 'dropcoll'; db: string; coll: string }
  | { t: 'doc'; db: string; coll: string; pk: string; doc: Record<string, unknown> }
  | { t: 'del'; db: string; coll: string; id: string; pk: string };

interface Header {
  t: 'journal';
  v: number;
  /** Entries the compaction wrote after this line: a shorter file was cut. */
  entries: number;
}

export interface State {
  dbs: Set<string>;
  colls: Map<string, ContainerDefinition>; // key db/coll
  docs: Map<string, Map<string, Record<string, unknown>>>; // key db/coll -> pk+id -> doc
}

export interface Damage {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
  /** The document id the line was about, when it could still be read (ids are pseudonymous). */
  id?: string;
}

export interface JournalRead {
  state: State;
  /** Entries applied. */
  entries: number;
  damage: Damage[];
  /** The last line was cut mid-write by a kill: never acknowledged, skipped. */
  tornTail: boolean;
  /** In salvage mode: what was done to recover around the damage. */
  salvaged: { containersRebuilt: string[]; deletionsApplied: number };
}

export const emptyState = (): State => ({ dbs: new Set(), colls: new Map(), docs: new Map() });
export const collKey = (db: string, coll: string): string => `${db}/${coll}`;
const docKey = (id: string, pk: string): string => `${pk}\u0000${id}`;

/** The partition key value as the journal records it (the JSON the client sends in its header). */
export function partitionOf(def: ContainerDefinition | undefined, doc: Record<string, unknown>): string {
  const p = def?.partitionKey?.paths?.[0];
  if (!p) return JSON.stringify([{}]);
  let v: unknown = doc;
  for (const part of p.slice(1).split('/')) v = (v as Record<string, unknown> | undefined)?.[part];
  return JSON.stringify([v === undefined ? {} : v]);
}

/** Applies one entry; returns why it cannot be applied (a database or container it needs is missing). */
export function apply(state: State, e: JournalEntry): string | undefined {
  const k = 'coll' in e ? collKey(e.db, e.coll) : '';
  switch (e.t) {
    case 'db':
      state.dbs.add(e.db);
      return undefined;
    case 'dropdb':
      state.dbs.delete(e.db);
      for (const key of [...state.colls.keys()]) if (key.startsWith(`${e.db}/`)) { state.colls.delete(key); state.docs.delete(key); }
      return undefined;
    case 'coll': {
      if (!state.dbs.has(e.db)) return `container ${e.def.id} belongs to database ${e.db}, which no earlier line creates`;
      const key = collKey(e.db, e.def.id!);
      state.colls.set(key, e.def);
      if (!state.docs.has(key)) state.docs.set(key, new Map());
      return undefined;
    }
    case 'dropcoll':
      state.colls.delete(k);
      state.docs.delete(k);
      return undefined;
    case 'doc':
    case 'del': {
      const docs = state.docs.get(k);
      if (!docs) return `a document of container ${e.coll}, which no earlier line creates`;
      if (e.t === 'doc') docs.set(docKey(String(e.doc.id), e.pk), e.doc);
      else docs.delete(docKey(e.id, e.pk));
      return undefined;
    }
  }
}

const str = (v: unknown): v is string => typeof v === 'string';
const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEntry(v: unknown): v is JournalEntry {
  if (!obj(v) || !str(v.db)) return false;
  switch (v.t) {
    case 'db':
    case 'dropdb':
      return true;
    case 'coll':
      return obj(v.def) && str(v.def.id);
    case 'dropcoll':
      return str(v.coll);
    case 'doc':
      return str(v.coll) && str(v.pk) && obj(v.doc) && str(v.doc.id);
    case 'del':
      return str(v.coll) && str(v.id) && str(v.pk);
    default:
      return false;
  }
}

function isHeader(v: unknown): v is Header {
  return obj(v) && v.t === 'journal' && typeof v.v === 'number' && typeof v.entries === 'number';
}

/** Reads what it can of a damaged line: its kind and where it points (never its content). */
function glimpse(raw: string): { t?: string; db?: string; coll?: string; id?: string; pk?: string } {
  const field = (name: string) => new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.)*)"`).exec(raw)?.[1];
  const pk = field('pk');
  return { t: field('t'), db: field('db'), coll: field('coll'), id: field('id'), pk: pk === undefined ? undefined : (JSON.parse(`"${pk}"`) as string) };
}

/** The definition a container was created with, for the project's own containers; else a guess from a document. */
function rebuiltDefinition(coll: string, doc?: Record<string, unknown>, pk?: string): ContainerDefinition {
  if (coll === BOT_STATE_CONTAINER) return { id: coll, partitionKey: { paths: ['/id'] } };
  const known = (CONTAINERS as Record<string, { partitionKey: string; ttl: boolean }>)[coll];
  if (known) return { id: coll, partitionKey: { paths: [known.partitionKey] }, ...(known.ttl ? { defaultTtl: -1 } : {}) };
  const field = doc && pk !== undefined ? Object.keys(doc).find((f) => JSON.stringify([doc[f]]) === pk) : undefined;
  return { id: coll, partitionKey: { paths: [`/${field ?? 'id'}`] } };
}

/**
 * Reads a journal. Strict (the default): every damaged line is listed in `damage` and nothing around it is
 * guessed. Salvage (recover): a document whose container line was lost gets its container rebuilt, and a
 * damaged deletion that can still be read is applied, so deleted data does not come back.
 */
export function readJournal(file: string, opts: { salvage?: boolean } = {}): JournalRead {
  const out: JournalRead = { state: emptyState(), entries: 0, damage: [], tornTail: false, salvaged: { containersRebuilt: [], deletionsApplied: 0 } };
  const text = fs.readFileSync(file, 'utf8');
  if (!text) {
    out.damage.push({ line: 1, reason: 'the file is empty (a journal always holds at least its header)' });
    return out;
  }
  const lines = text.split('\n');
  const tail = lines.pop()!; // '' when the file ends with a newline, else a line cut mid-write
  let promised: number | undefined;
  let after = 0; // complete lines after the header (damaged ones too)
  lines.forEach((raw, i) => {
    const line = i + 1;
    let v: unknown;
    after++;
    try {
      v = JSON.parse(raw);
    } catch {
      const g = glimpse(raw);
      out.damage.push({ line, reason: raw ? 'not valid JSON' : 'an empty line', ...(g.id ? { id: g.id } : {}) });
      if (opts.salvage && g.t === 'del' && g.db && g.coll && g.id && g.pk !== undefined) {
        if (!apply(out.state, { t: 'del', db: g.db, coll: g.coll, id: g.id, pk: g.pk })) out.salvaged.deletionsApplied++;
      }
      return;
    }
    if (i === 0 && isHeader(v)) {
      if (v.v > VERSION) out.damage.push({ line, reason: `written by a newer version of PeerReflect (journal version ${v.v})` });
      promised = v.entries;
      after = 0; // the header is not an entry
      return;
    }
    if (!isEntry(v)) {
      out.damage.push({ line, reason: 'not a journal entry' });
      return;
    }
    let why = apply(out.state, v);
    if (why && opts.salvage) {
      out.state.dbs.add(v.db);
      if ('coll' in v && !out.state.colls.has(collKey(v.db, v.coll))) {
        out.state.colls.set(collKey(v.db, v.coll), rebuiltDefinition(v.coll, v.t === 'doc' ? v.doc : undefined, v.t === 'doc' ? v.pk : undefined));
        out.state.docs.set(collKey(v.db, v.coll), new Map());
        out.salvaged.containersRebuilt.push(collKey(v.db, v.coll));
      }
      why = apply(out.state, v);
    }
    if (why) out.damage.push({ line, reason: why, ...(v.t === 'doc' ? { id: String(v.doc.id) } : {}) });
    else out.entries++;
  });
  if (tail) out.tornTail = true;
  if (promised !== undefined && after < promised) {
    out.damage.push({ line: lines.length + 1, reason: `cut short: its last compaction wrote ${promised} entries and only ${after} are left` });
  }
  return out;
}

/** The compacted entries of a state: databases, then each container followed by its documents. */
function* entriesOf(state: State): Generator<JournalEntry> {
  for (const db of state.dbs) yield { t: 'db', db };
  for (const [k, def] of state.colls) {
    const db = k.slice(0, k.indexOf('/'));
    yield { t: 'coll', db, def };
    for (const [dk, doc] of state.docs.get(k) ?? []) yield { t: 'doc', db, coll: def.id!, pk: dk.slice(0, dk.indexOf('\u0000')), doc };
  }
}

export function countEntries(state: State): number {
  let n = state.dbs.size + state.colls.size;
  for (const docs of state.docs.values()) n += docs.size;
  return n;
}

/** Writes the state as a fresh compacted journal: new file beside, fsync, rename over, fsync the folder. */
export function writeJournal(file: string, state: State): void {
  const header: Header = { t: 'journal', v: VERSION, entries: countEntries(state) };
  replaceFileDurably(file, (function* () {
    yield `${JSON.stringify(header)}\n`;
    for (const e of entriesOf(state)) yield `${JSON.stringify(e)}\n`;
  })());
}

/** Appends entries durably: write, then fdatasync, before the change is acknowledged (off the event loop). */
export class JournalAppender {
  private fd: number;

  constructor(private readonly file: string) {
    this.fd = fs.openSync(file, 'a', 0o600);
  }

  /** Appends the entries; resolves with the bytes written once they are on disk. */
  async append(entries: JournalEntry[]): Promise<number> {
    if (!entries.length) return 0;
    const fd = this.fd;
    const buf = Buffer.from(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    for (let off = 0; off < buf.length; ) {
      off += await new Promise<number>((resolve, reject) => fs.write(fd, buf, off, buf.length - off, null, (err, n) => (err ? reject(err) : resolve(n))));
    }
    await new Promise<void>((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())));
    return buf.length;
  }

  /** After a compaction renamed a new file over ours (no append in flight): append to the new one. */
  reopen(): void {
    fs.closeSync(this.fd);
    this.fd = fs.openSync(this.file, 'a', 0o600);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** A copy of a damaged journal beside it, named for when it was set aside. */
export function keepDamagedCopy(file: string, now = new Date()): string {
  const copy = path.join(path.dirname(file), `${path.basename(file)}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(copy, 0o600);
  return copy;
}
