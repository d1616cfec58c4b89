// `npm run store -- check | recover | export | import` as an operator runs it: real processes on real files,
// and an export imported end to end into another Cosmos endpoint (an embedded server, signed with its key).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../../services/storage/cosmos';
import { CONTAINER_NAMES } from '../../../services/storage/containers';
import { startEmbeddedCosmos } from '../../../services/storage/embedded';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const JOURNAL = 'cosmos-journal.jsonl';

function storeCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'store', '--', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const open = (dataDir: string) => openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir });

async function all(store: Store, container: 'reflections' | 'people' = 'reflections'): Promise<Record<string, unknown>[]> {
  const { resources } = await store.containers[container].items.query<Record<string, unknown>>('SELECT * FROM c ORDER BY c.id').fetchAll();
  return resources;
}

describe('npm run store -- check | recover | export | import', function () {
  this.timeout(120000);
  let dir: string;
  let data: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'pr-storecli-'));
    data = path.join(dir, 'data');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function seed(n: number): Promise<void> {
    const store = await open(data);
    for (let i = 0; i < n; i++) await store.containers.reflections.items.create({ id: `r${String(i).padStart(2, '0')}`, psw: `p${i % 3}`, text: `answer ${i}`, ttl: 730 * 86400 });
    await store.containers.people.items.create({ id: 'p0', role: 'psw' });
    await store.close();
  }

  it('check: a sound journal (exit 0) and a damaged one (exit 1, every damaged line listed, nothing changed)', async () => {
    await seed(6);
    const sound = await storeCli(['check', '--data-dir', data]);
    assert.equal(sound.code, 0, sound.out);
    assert.match(sound.out, /is sound: \d+ entries\. Documents: .*reflections 6/);
    const lines = fs.readFileSync(path.join(data, JOURNAL), 'utf8').split('\n');
    const r3 = lines.findIndex((l) => l.includes('"id":"r03"'));
    lines[r3] = lines[r3]!.slice(0, 40);
    fs.writeFileSync(path.join(data, JOURNAL), lines.join('\n'));
    const before = fs.readFileSync(path.join(data, JOURNAL));
    const damaged = await storeCli(['check'], { DATA_DIR: data });
    assert.equal(damaged.code, 1, damaged.out);
    assert.match(damaged.out, new RegExp(`line ${r3 + 1}: not valid JSON`));
    assert.match(damaged.out, /recover.*reflections 5/);
    assert.ok(!damaged.out.includes('answer'), 'prints no stored text');
    assert.deepEqual(fs.readFileSync(path.join(data, JOURNAL)), before);
  });

  it('recover: keeps the damaged file beside it and recovers every document that can be, without bringing deleted ones back', async () => {
    await seed(30);
    const file = path.join(data, JOURNAL);
    let lines = fs.readFileSync(file, 'utf8').split('\n');
    // A deletion after the compaction, then damage: the reflections container's own line, one document's
    // only line, and the deletion's line (still readable enough to apply).
    const del = JSON.stringify({ t: 'del', db: 'peerreflect', coll: 'reflections', id: 'r20', pk: JSON.stringify(['p2']) });
    lines.splice(lines.length - 1, 0, `${del.slice(0, -1)}`, JSON.stringify({ t: 'doc', db: 'peerreflect', coll: 'people', pk: JSON.stringify(['p9']), doc: { id: 'p9' } }));
    const coll = lines.findIndex((l) => l.includes('"t":"coll"') && l.includes('"id":"reflections"'));
    lines[coll] = `${lines[coll]!.slice(0, 30)}\u0000garbage`;
    const r10 = lines.findIndex((l) => l.includes('"id":"r10"'));
    lines[r10] = `${lines[r10]!.slice(0, 90)}`;
    fs.writeFileSync(file, lines.join('\n'));
    const damaged = fs.readFileSync(file);

    await assert.rejects(open(data), /StoreRefused|damaged at line/);
    const run = await storeCli(['recover', '--data-dir', data]);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /Kept the damaged journal as .*damaged-/);
    assert.match(run.out, /rebuilt from their documents: peerreflect\/reflections/);
    assert.match(run.out, /Deletions read from damaged lines and applied: 1/);
    assert.match(run.out, /document r10/);
    const copies = fs.readdirSync(data).filter((f) => f.startsWith(`${JOURNAL}.damaged-`));
    assert.equal(copies.length, 1);
    assert.deepEqual(fs.readFileSync(path.join(data, copies[0]!)), damaged, 'the damaged file is kept as it was');
    assert.equal(fs.statSync(path.join(data, copies[0]!)).mode & 0o777, 0o600);

    const store = await open(data);
    try {
      const ids = (await all(store)).map((d) => d.id);
      const expected = Array.from({ length: 30 }, (_, i) => `r${String(i).padStart(2, '0')}`).filter((id) => id !== 'r10' && id !== 'r20');
      assert.deepEqual(ids, expected, 'all but the one unreadable document; the deleted one stays deleted');
      assert.deepEqual((await all(store, 'people')).map((d) => d.id), ['p0', 'p9']);
      const { resource } = await store.containers.reflections.read();
      assert.deepEqual(resource?.partitionKey?.paths, ['/psw'], 'container rebuilt with its own partition key');
      assert.equal(resource?.defaultTtl, -1);
    } finally {
      await store.close();
    }
    lines = fs.readFileSync(file, 'utf8').split('\n');
    assert.ok(lines[0]!.startsWith('{"t":"journal"'));
  });

  it('recover refuses while a server holds DATA_DIR', async () => {
    await seed(2);
    const store = await open(data);
    try {
      fs.appendFileSync(path.join(data, JOURNAL), 'not json\n{}\n');
      const run = await storeCli(['recover', '--data-dir', data]);
      assert.equal(run.code, 1, run.out);
      assert.match(run.out, new RegExp(`in use by process ${process.pid}`));
      assert.equal(fs.readdirSync(data).filter((f) => f.includes('damaged-')).length, 0);
    } finally {
      await store.close();
    }
  });

  it('export, then import into another Cosmos endpoint (an embedded server): every document, partition keys, remaining ttl', async () => {
    await seed(12);
    let store = await open(data);
    await store.containers.people.items.create({ id: 'p1', role: 'supervisor', team: 'north' });
    await store.database.container('botstate').items.create({ id: 'conv-1', realId: 'conv/1', document: { step: 3 } });
    await store.containers.reflections.items.create({ id: 'expired', psw: 'p1', ttl: 60 });
    await store.close();
    // The expired one was last written two hours ago (the embedded server ignores TTL, Azure would not).
    const file = path.join(data, JOURNAL);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/("id":"expired"[^\n]*"_ts":)(\d+)/, (_m, a: string, ts: string) => `${a}${Number(ts) - 7200}`));

    const out = path.join(dir, 'pilot.jsonl');
    const exported = await storeCli(['export', '--data-dir', data, '--out', out]);
    assert.equal(exported.code, 0, exported.out);
    const containers = CONTAINER_NAMES.length + 1; // ours and bot state's
    assert.match(exported.out, new RegExp(`Exported 16 documents in ${containers} containers`));
    assert.equal(fs.statSync(out).mode & 0o777, 0o600);

    const target = await startEmbeddedCosmos({ dataDir: path.join(dir, 'target') });
    try {
      const env = { COSMOS_ENDPOINT: target.endpoint, COSMOS_KEY: target.key, COSMOS_DATABASE: 'pilot' };
      const imported = await storeCli(['import', '--in', out], env);
      assert.equal(imported.code, 0, imported.out);
      assert.match(imported.out, new RegExp(`Imported 15 documents into ${containers} containers of database pilot`));
      assert.match(imported.out, /already past their retention \(ttl\): 1/);
      assert.match(imported.out, /ID_SECRET/);
      const again = await storeCli(['import', '--in', out], env); // idempotent
      assert.match(again.out, /Now stored there: .*reflections 12/);
      const wrongKey = await storeCli(['import', '--in', out], { ...env, COSMOS_KEY: Buffer.alloc(64, 1).toString('base64') });
      assert.equal(wrongKey.code, 1, 'a wrong key is refused by the target');

      const moved = await openStore({ cosmosEndpoint: target.endpoint, cosmosKey: target.key, cosmosDatabase: 'pilot', embeddedCosmos: false, agent: target.agent });
      store = await open(data);
      try {
        const source = (await all(store)).filter((d) => d.id !== 'expired');
        const copied = await all(moved);
        assert.deepEqual(copied.map((d) => [d.id, d.psw, d.text]), source.map((d) => [d.id, d.psw, d.text]));
        for (const d of copied) assert.ok((d.ttl as number) <= 730 * 86400 && (d.ttl as number) > 730 * 86400 - 600, 'remaining ttl');
        assert.deepEqual((await all(moved, 'people')).map((d) => [d.id, d.role]), [['p0', 'psw'], ['p1', 'supervisor']]);
        const { resource: botstate } = await moved.database.container('botstate').item('conv-1', 'conv-1').read();
        assert.deepEqual(botstate?.document, { step: 3 });
        const { resource: def } = await moved.containers.reflections.read();
        assert.deepEqual(def?.partitionKey?.paths, ['/psw']);
      } finally {
        await moved.close();
        await store.close();
      }
    } finally {
      await target.stop();
    }
  });
});
