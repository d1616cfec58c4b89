// Storage faults at the client boundary, injected by a proxy in front of the real in-process Cosmos server.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Store } from '../../../services/storage/cosmos';
import { isStorageUnavailable, isTransient } from '../../../services/storage/retry';
import { faultProxy, type FaultProxy } from '../../helpers/faultProxy';
import { closeStores, freshStore } from '../../helpers/store';

const DOCS = /colls\/relationships\/docs/;

describe('storage retries (fault proxy in front of the embedded Cosmos server)', () => {
  let proxy: FaultProxy;
  let store: Store;
  before(async () => {
    proxy = faultProxy();
    store = await freshStore({ interpose: proxy.interpose, requestTimeoutMs: 400, backoff: { baseMs: 20, maxMs: 200, budgetMs: 1500 } });
  });
  afterEach(() => proxy.up());
  after(async () => {
    await closeStores();
    await proxy.close();
  });
  const doc = () => ({ id: randomUUID(), psw: 'p1', kind: 'test' });
  const count = async (id: string) =>
    (await store.containers.relationships.items.query({ query: 'SELECT VALUE COUNT(1) FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: id }] }).fetchAll()).resources[0];

  it('retries 503 on a create, and the document is stored once', async () => {
    proxy.add({ method: 'POST', path: DOCS, status: 503, times: 3 });
    const before = proxy.stats.status;
    const d = doc();
    await store.containers.relationships.items.create(d);
    assert.equal(proxy.stats.status - before, 3);
    assert.equal(await count(d.id), 1);
  });

  it('waits out 429s (the SDK throttle policy, with our limits)', async () => {
    proxy.add({ path: DOCS, status: 429, times: 4 });
    const d = doc();
    await store.containers.relationships.items.upsert(d);
    const { resource } = await store.containers.relationships.item(d.id, 'p1').read();
    assert.equal(resource?.id, d.id);
  });

  it('retries dropped connections on reads and writes', async () => {
    const d = doc();
    proxy.add({ path: DOCS, drop: true, times: 2 });
    await store.containers.relationships.items.upsert(d);
    proxy.add({ path: DOCS, drop: true, times: 2 });
    const { resource } = await store.containers.relationships.item(d.id, 'p1').read();
    assert.equal(resource?.id, d.id);
  });

  it('retries a create that timed out; the late first attempt cannot make a duplicate (409 on the fixed id)', async () => {
    proxy.add({ method: 'POST', path: DOCS, delayMs: 600, times: 1 });
    const d = doc();
    await store.containers.relationships.items.create(d).catch((err: { code?: number }) => {
      if (err.code !== 409) throw err; // the retry found the late first attempt's document: already saved
    });
    await new Promise((r) => setTimeout(r, 400)); // let the held request land
    assert.equal(await count(d.id), 1);
  });

  it('does not repeat a PATCH (an increment must not apply twice)', async () => {
    const d = { ...doc(), n: 0 };
    await store.containers.relationships.items.create(d);
    proxy.add({ method: 'PATCH', status: 503, times: 1 });
    await assert.rejects(store.containers.relationships.item(d.id, 'p1').patch([{ op: 'incr', path: '/n', value: 1 }]), (e: { code?: number }) => e.code === 503);
    const { resource } = await store.containers.relationships.item(d.id, 'p1').read();
    assert.equal(resource?.n, 0);
  });

  it('gives up within the budget when storage stays down, with an error callers recognise', async () => {
    proxy.down();
    const started = Date.now();
    const err = await store.containers.relationships.items.create(doc()).catch((e: unknown) => e);
    const took = Date.now() - started;
    assert.ok(isStorageUnavailable(err), 'storage-unavailable error');
    assert.ok(took < 2500, `gave up after ${took} ms`);
    proxy.up();
    await store.containers.relationships.items.create(doc()); // and works again at once
  });

  it('classifies faults: transient or not', () => {
    for (const e of [{ code: 429 }, { code: 503 }, { code: 408 }, { code: 'ECONNRESET' }, { code: 'TimeoutError' }, { name: 'TimeoutError' }, { cause: { code: 'ECONNREFUSED' } }]) assert.ok(isTransient(e), JSON.stringify(e));
    for (const e of [{ code: 409 }, { code: 412 }, { code: 400 }, { code: 404 }, new TypeError('x'), undefined]) assert.ok(!isTransient(e), JSON.stringify(e));
  });
});
