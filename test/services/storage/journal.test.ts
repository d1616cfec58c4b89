// The embedded store's journal under damage and faults (issue 15, item 1): real files in a temp DATA_DIR, the
// real in-process server, sinon for disk faults. A damaged journal is never accepted in silence nor rewritten.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { CosmosClient } from '@azure/cosmos';
import { COMPACT_AFTER_DELETE_MS, startEmbeddedCosmos } from '../../../services/storage/embedded';
import { isStorageUnavailable } from '../../../services/storage/retry';
import { openStore, type Store } from '../../../services/storage/cosmos';

const JOURNAL = 'cosmos-journal.jsonl';

async function open(dataDir: string): Promise<Store> {
  return openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir, backoff: { baseMs: 10, maxMs: 20, budgetMs: 100 } });
}

async function ids(store: Store): Promise<string[]> {
  const { resources } = await store.containers.reflections.items.query<string>('SELECT VALUE c.id FROM c').fetchAll();
  return resources.sort();
}

/** A store with `n` reflections (and a few people), stopped cleanly. */
async function seeded(dir: string, n: number): Promise<string[]> {
  const store = await open(dir);
  for (let i = 0; i < n; i++) await store.containers.reflections.items.create({ id: `r${String(i).padStart(3, '0')}`, psw: `p${i % 3}`, text: `answer ${i}` });
  for (let i = 0; i < 3; i++) await store.containers.people.items.create({ id: `p${i}` });
  const all = await ids(store);
  await store.close();
  return all;
}

function lines(dir: string): string[] {
  return fs.readFileSync(path.join(dir, JOURNAL), 'utf8').split('\n');
}

/** Opening must fail with a refusal that names the file, the line and the way to recover; the file is untouched. */
async function assertRefused(dir: string, line: number | RegExp): Promise<void> {
  const file = path.join(dir, JOURNAL);
  const before = fs.readFileSync(file);
  const err = (await open(dir).then(
    async (s) => {
      await s.close();
      return undefined;
    },
    (e: unknown) => e,
  )) as Error | undefined;
  assert.ok(err, 'the store refused to start');
  assert.equal(err.name, 'StoreRefused');
  assert.ok(err.message.includes(file), `names the file: ${err.message}`);
  assert.match(err.message, typeof line === 'number' ? new RegExp(`line ${line}\\b`) : line);
  assert.match(err.message, /npm run store -- check/);
  assert.match(err.message, /npm run store -- recover/);
  assert.deepEqual(fs.readFileSync(file), before, 'the damaged journal is left exactly as it was');
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no half-written replacement');
}

describe('embedded store journal: damage is refused, never accepted in silence', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'pr-journal-'));
  });
  afterEach(() => {
    sinon.restore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('one damaged container line in the middle: refuses, naming the line (not: every reflection gone)', async () => {
    await seeded(dir, 30);
    const all = lines(dir);
    const at = all.findIndex((l) => l.includes('"t":"coll"') && l.includes('"id":"reflections"'));
    assert.ok(at > 0);
    all[at] = all[at]!.slice(0, 25) + '#' + all[at]!.slice(26); // one byte flipped
    fs.writeFileSync(path.join(dir, JOURNAL), all.join('\n'));
    await assertRefused(dir, at + 1);
  });

  it('one damaged document line: refuses, naming it', async () => {
    await seeded(dir, 10);
    const all = lines(dir);
    const at = all.findIndex((l) => l.includes('"id":"r004"'));
    all[at] = all[at]!.replace('"doc":{', '"doc":{{');
    fs.writeFileSync(path.join(dir, JOURNAL), all.join('\n'));
    await assertRefused(dir, at + 1);
  });

  it('a journal cut in half: refuses (not: half the documents gone)', async () => {
    await seeded(dir, 40);
    const file = path.join(dir, JOURNAL);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    await assertRefused(dir, /cut short/);
  });

  it('a journal cut exactly at a line end: still refused', async () => {
    await seeded(dir, 20);
    const all = lines(dir);
    fs.writeFileSync(path.join(dir, JOURNAL), `${all.slice(0, 12).join('\n')}\n`);
    await assertRefused(dir, /cut short/);
  });

  it('an empty journal: refuses (not: everything gone with no warning)', async () => {
    await seeded(dir, 5);
    fs.writeFileSync(path.join(dir, JOURNAL), '');
    await assertRefused(dir, /line 1\b.*empty/);
  });

  it('a deleted journal in a DATA_DIR that held a store: refuses (not: a new empty store)', async () => {
    await seeded(dir, 3);
    fs.unlinkSync(path.join(dir, JOURNAL));
    await assert.rejects(open(dir), (e: Error) => e.name === 'StoreRefused' && /journal .* is missing/.test(e.message) && /backup/.test(e.message));
    assert.ok(!fs.existsSync(path.join(dir, JOURNAL)), 'nothing written in its place');
    fs.unlinkSync(path.join(dir, 'store-key')); // starting empty on purpose
    const store = await open(dir);
    try {
      assert.deepEqual(await ids(store), []);
    } finally {
      await store.close();
    }
  });

  it('a last line torn by a kill mid-write is normal: skipped, everything before it kept', async () => {
    const all = await seeded(dir, 12);
    fs.appendFileSync(path.join(dir, JOURNAL), '{"t":"doc","db":"peerreflect","coll":"reflections","pk":"[\\"p1\\"]","doc":{"id":"r9');
    const store = await open(dir);
    try {
      assert.deepEqual(await ids(store), all);
    } finally {
      await store.close();
    }
  });

  it('fdatasyncs the journal before a write is acknowledged', async () => {
    const store = await open(dir);
    try {
      const real = fs.fdatasync;
      let synced = 0;
      // A slow disk: each fdatasync completes 100 ms late; the client must not hear success before that.
      sinon.stub(fs, 'fdatasync').callsFake(((fd: number, cb: (err: NodeJS.ErrnoException | null) => void) =>
        setTimeout(() => real(fd, (err) => { synced++; cb(err); }), 100)) as unknown as typeof fs.fdatasync);
      let acknowledgedAfter = -1;
      await store.containers.reflections.items.create({ id: 'a', psw: 'p', text: 'x' }).then(() => { acknowledgedAfter = synced; });
      assert.ok(acknowledgedAfter >= 1, 'synced before the client heard success');
      assert.match(fs.readFileSync(path.join(dir, JOURNAL), 'utf8'), /"id":"a"/);
      // Writes that arrive together share a sync (group commit).
      const before = synced;
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.containers.reflections.items.create({ id: `g${i}`, psw: 'p', text: 'x' })));
      assert.ok(synced - before < 20, `20 concurrent writes, ${synced - before} syncs`);
    } finally {
      sinon.restore();
      await store.close();
    }
  });

  it('a failed fdatasync is not acknowledged, stops further writes, and loses nothing acknowledged', async () => {
    let store = await open(dir);
    await store.containers.reflections.items.create({ id: 'before', psw: 'p', text: 'kept' });
    const fault = sinon.stub(fs, 'fdatasync').callsFake(((_fd: number, cb: (err: NodeJS.ErrnoException | null) => void) =>
      cb(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))) as unknown as typeof fs.fdatasync);
    const err = await store.containers.reflections.items.create({ id: 'during', psw: 'p', text: 'x' }).then(() => undefined, (e: unknown) => e);
    assert.ok(isStorageUnavailable(err), 'the write is reported as storage unavailable, not success');
    fault.restore();
    const again = await store.containers.reflections.items.create({ id: 'after', psw: 'p', text: 'x' }).then(() => undefined, (e: unknown) => e);
    assert.ok(isStorageUnavailable(again), 'writes stay refused until a restart (memory may be ahead of disk)');
    const { resource } = await store.containers.reflections.item('before', 'p').read();
    assert.equal(resource?.id, 'before', 'reads still work');
    await store.close();
    store = await open(dir);
    try {
      const stored = await ids(store);
      assert.ok(stored.includes('before'), 'the acknowledged write survived');
      assert.ok(!stored.includes('after'), 'the refused write was not stored');
    } finally {
      await store.close();
    }
  });

  it('a journal that grows past its compacted size (dialog state rewritten every turn) is compacted while running', async () => {
    const server = await startEmbeddedCosmos({ dataDir: dir, compactAfterBytes: 50_000 });
    const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, agent: server.agent, connectionPolicy: { enableEndpointDiscovery: false } });
    try {
      const { database } = await client.databases.createIfNotExists({ id: 'peerreflect' });
      const { container } = await database.containers.createIfNotExists({ id: 'botstate', partitionKey: { paths: ['/id'] } });
      for (let turn = 0; turn < 120; turn++) await container.items.upsert({ id: 'conversation-1', step: turn, state: 'x'.repeat(1000) });
      const file = path.join(dir, JOURNAL);
      const deadline = Date.now() + COMPACT_AFTER_DELETE_MS + 3000;
      while (fs.statSync(file).size > 50_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.ok(fs.statSync(file).size < 50_000, `compacted to ${fs.statSync(file).size} bytes after 120 writes of about 1 KB`);
      const { resource } = await container.item('conversation-1', 'conversation-1').read<{ step: number }>();
      assert.equal(resource?.step, 119);
    } finally {
      client.dispose();
      await server.stop();
    }
  });

  it('compaction writes a new file, fsyncs it, then renames it over the old one', async () => {
    await seeded(dir, 5);
    const fsync = sinon.spy(fs, 'fsyncSync');
    const rename = sinon.spy(fs, 'renameSync');
    const store = await open(dir);
    await store.close();
    const file = path.join(dir, JOURNAL);
    const call = rename.getCalls().find((c) => c.args[1] === file);
    assert.ok(call, 'renamed into place');
    assert.equal(call.args[0], `${file}.tmp`);
    assert.ok(fsync.getCalls().some((c) => c.calledBefore(call)), 'fsynced before the rename');
  });

  it('a compaction that fails half way (disk full) leaves the last good journal whole', async () => {
    const all = await seeded(dir, 25);
    const file = path.join(dir, JOURNAL);
    const good = fs.readFileSync(file);
    const real = fs.writeSync;
    let writes = 0;
    sinon.stub(fs, 'writeSync').callsFake(((...args: Parameters<typeof fs.writeSync>) => {
      if (++writes === 1) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return (real as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    await assert.rejects(open(dir), /ENOSPC/);
    sinon.restore();
    assert.deepEqual(fs.readFileSync(file), good, 'the old journal is untouched');
    const store = await open(dir);
    try {
      assert.deepEqual(await ids(store), all);
    } finally {
      await store.close();
    }
  });
});
