import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../services/storage/cosmos';
import { CONTAINER_NAMES } from '../../services/storage/containers';

async function open(dataDir: string): Promise<Store> {
  return openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir });
}

describe('storage on the embedded Cosmos-compatible server', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pr-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates every container with its partition key and TTL setting', async () => {
    const store = await open(dir);
    try {
      for (const name of CONTAINER_NAMES) {
        const { resource } = await store.containers[name].read();
        assert.ok(resource?.partitionKey?.paths?.length, `${name} has a partition key`);
      }
      const { resource: reflections } = await store.containers.reflections.read();
      assert.deepEqual(reflections?.partitionKey?.paths, ['/psw']);
      assert.equal(reflections?.defaultTtl, -1, 'per-document ttl is honoured on Azure');
      assert.equal(await store.ping(), true);
    } finally {
      await store.close();
    }
  });

  it('keeps creates, replaces, patches, batches and deletes across a restart', async () => {
    let store = await open(dir);
    const r = store.containers.reflections;
    await r.items.create({ id: 'a', psw: 'p1', n: 1 });
    await r.items.create({ id: 'b', psw: 'p1', n: 1 });
    await r.items.upsert({ id: 'c', psw: 'p2', n: 1 });
    await r.item('a', 'p1').replace({ id: 'a', psw: 'p1', n: 2 });
    await r.item('c', 'p2').patch([{ op: 'set', path: '/n', value: 7 }]);
    await r.item('b', 'p1').delete();
    await r.items.bulk([
      { operationType: 'Create', resourceBody: { id: 'd', psw: 'p3', n: 4 } },
      { operationType: 'Upsert', resourceBody: { id: 'e', psw: 'p3', n: 5 } },
    ]);
    await r.items.query('SELECT * FROM c').fetchAll(); // queries are not writes
    await store.close();

    store = await open(dir);
    try {
      const { resources } = await store.containers.reflections.items
        .query<{ id: string; n: number }>('SELECT c.id, c.n FROM c ORDER BY c.id')
        .fetchAll();
      assert.deepEqual(resources, [
        { id: 'a', n: 2 },
        { id: 'c', n: 7 },
        { id: 'd', n: 4 },
        { id: 'e', n: 5 },
      ]);
      // etags still guard writes after a replay
      const { resource, etag } = await store.containers.reflections.item('a', 'p1').read();
      await store.containers.reflections.item('a', 'p1').replace({ ...resource, n: 3 }, { accessCondition: { type: 'IfMatch', condition: etag! } });
      await assert.rejects(
        store.containers.reflections.item('a', 'p1').replace({ ...resource, n: 4 }, { accessCondition: { type: 'IfMatch', condition: etag! } }),
        (e: { code?: number }) => e.code === 412,
      );
    } finally {
      await store.close();
    }
  });

  it('skips a line torn by a kill mid-write and compacts the journal', async () => {
    let store = await open(dir);
    await store.containers.people.items.create({ id: 'x' });
    for (let i = 0; i < 5; i++) await store.containers.people.items.upsert({ id: 'y', v: i });
    await store.close();
    const journal = path.join(dir, 'cosmos-journal.jsonl');
    appendFileSync(journal, '{"t":"doc","db":"peerreflect","coll":"peo');
    const before = readFileSync(journal, 'utf8').split('\n').length;

    store = await open(dir);
    try {
      const { resources } = await store.containers.people.items.query('SELECT VALUE c.id FROM c ORDER BY c.id').fetchAll();
      assert.deepEqual(resources, ['x', 'y']);
      const { resource } = await store.containers.people.item('y', 'y').read<{ v: number }>();
      assert.equal(resource?.v, 4);
      const text = readFileSync(journal, 'utf8');
      assert.ok(text.endsWith('\n') && text.split('\n').length <= before, 'compacted without the torn line');
      for (const line of text.trim().split('\n')) JSON.parse(line);
    } finally {
      await store.close();
    }
  });

  it('keeps nothing on disk when no data folder is given', async () => {
    const store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'mem', embeddedCosmos: true });
    await store.containers.people.items.create({ id: 'z' });
    await store.close();
    const again = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'mem', embeddedCosmos: true });
    try {
      const { resources } = await again.containers.people.items.query('SELECT * FROM c').fetchAll();
      assert.equal(resources.length, 0);
    } finally {
      await again.close();
    }
  });
});
