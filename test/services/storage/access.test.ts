// Who can reach the embedded store (issue 15, item 7): its port takes only requests signed with the data
// folder's own key, and the folder and its files are private to the user running PeerReflect.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { localIdSecret } from '../../../services/secret';
import { openStore, type Store } from '../../../services/storage/cosmos';

/** The Cosmos DB emulator's well-known key, which the embedded port used to accept (as it did any key). */
const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

const open = (dataDir?: string) => openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir });
const mode = (p: string) => fs.statSync(p).mode & 0o777;

function intruder(store: Store, key: string): CosmosClient {
  return new CosmosClient({ endpoint: store.endpoint, key, agent: store.agent, connectionPolicy: { enableEndpointDiscovery: false, retryOptions: { maxRetryAttemptCount: 0, maxWaitTimeInSeconds: 0, fixedRetryIntervalInMilliseconds: 0 } } });
}

describe('embedded store access: a key per DATA_DIR, private files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'pr-access-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses reads and writes signed with any other key (the emulator key included), and stores nothing from them', async () => {
    const store = await open(path.join(dir, 'data'));
    try {
      await store.containers.reflections.items.create({ id: 'mine', psw: 'p', text: 'private' });
      const journal = fs.readFileSync(path.join(dir, 'data', 'cosmos-journal.jsonl'));
      for (const key of [EMULATOR_KEY, Buffer.alloc(64, 7).toString('base64')]) {
        const other = intruder(store, key);
        const reflections = other.database('peerreflect').container('reflections');
        await assert.rejects(reflections.item('mine', 'p').read(), (e: { code?: number }) => e.code === 401);
        await assert.rejects(reflections.items.query('SELECT * FROM c').fetchAll(), (e: { code?: number }) => e.code === 401);
        await assert.rejects(reflections.items.create({ id: 'theirs', psw: 'p' }), (e: { code?: number }) => e.code === 401);
        await assert.rejects(other.databases.readAll().fetchAll(), (e: { code?: number }) => e.code === 401);
        other.dispose();
      }
      assert.deepEqual(fs.readFileSync(path.join(dir, 'data', 'cosmos-journal.jsonl')), journal, 'nothing written');
      const { resources } = await store.containers.reflections.items.query<string>('SELECT VALUE c.id FROM c').fetchAll();
      assert.deepEqual(resources, ['mine']);
    } finally {
      await store.close();
    }
  });

  it('keeps one key per DATA_DIR across restarts; another DATA_DIR (or an in-memory store) has its own', async () => {
    const a = path.join(dir, 'a');
    const first = await open(a);
    const key = first.key;
    await first.close();
    const again = await open(a);
    assert.equal(again.key, key);
    await again.close();
    const b = await open(path.join(dir, 'b'));
    const memory = await open();
    try {
      assert.notEqual(b.key, key);
      assert.notEqual(memory.key, key);
      assert.ok(Buffer.from(key, 'base64').length >= 32);
      const other = intruder(memory, key);
      await assert.rejects(other.databases.readAll().fetchAll(), (e: { code?: number }) => e.code === 401);
      other.dispose();
    } finally {
      await b.close();
      await memory.close();
    }
  });

  it('creates DATA_DIR 0700 and every file in it 0600', async () => {
    const data = path.join(dir, 'data');
    localIdSecret(data);
    const store = await open(data);
    try {
      await store.containers.people.items.create({ id: 'x' });
      assert.equal(mode(data), 0o700);
      for (const f of ['cosmos-journal.jsonl', 'id-secret', 'store-key', 'store.lock']) assert.equal(mode(path.join(data, f)), 0o600, f);
    } finally {
      await store.close();
    }
    assert.equal(mode(path.join(data, 'cosmos-journal.jsonl')), 0o600, 'after compaction too');
  });

  it('tightens a DATA_DIR left readable by an older version (0755 folder, 0644 journal and id-secret)', async () => {
    const data = path.join(dir, 'data');
    localIdSecret(data);
    let store = await open(data);
    await store.containers.people.items.create({ id: 'x' });
    await store.close();
    fs.chmodSync(data, 0o755);
    fs.chmodSync(path.join(data, 'cosmos-journal.jsonl'), 0o644);
    fs.chmodSync(path.join(data, 'id-secret'), 0o644);
    localIdSecret(data);
    store = await open(data);
    await store.close();
    assert.equal(mode(data), 0o700);
    assert.equal(mode(path.join(data, 'cosmos-journal.jsonl')), 0o600);
    assert.equal(mode(path.join(data, 'id-secret')), 0o600);
  });
});
