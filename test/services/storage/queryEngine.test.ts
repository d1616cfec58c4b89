// The embedded server's query engine (@zeit/cosmosdb-query 0.7.2) with our patch (patches/, applied by npm ci's
// postinstall through patch-package): FROM and JOIN build their rows by appending in place instead of copying the
// whole accumulator per document (which made every query O(n²) in the container's size; docs/BENCHMARKS.md).
// The speed itself is measured by `npm run bench`; here: the patch is applied, answers are unchanged, and a query
// runs once (our embedded wrapper answers the SDK's query-plan lookup itself).
import assert from 'node:assert/strict';
import query from '@zeit/cosmosdb-query';
import { stripUndefined } from '@zeit/cosmosdb-query/lib/helpers';
import Items from '@vercel/cosmosdb-server/lib/account/items';
import sinon from 'sinon';
import { openStore, type Store } from '../../../services/storage/cosmos';

describe('the embedded query engine (patched)', () => {
  it('appends rows in place for FROM, JOIN and FROM over a path (no accumulator copied per document)', () => {
    for (const sql of ['SELECT * FROM c WHERE c.psw = @p', 'SELECT f.id, c.n FROM f JOIN c IN f.children', 'SELECT VALUE c FROM f.children[0] c']) {
      const code = query(sql).code;
      assert.match(code, /\$\.push\(/, sql);
      assert.doesNotMatch(code, /\[\.\.\.\$,/, sql);
    }
  });

  it('drops undefined rows from a large result without changing the rest', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => (i % 10 === 0 ? undefined : { i, gone: undefined }));
    const out = stripUndefined(rows) as { i: number }[];
    assert.equal(out.length, 45_000);
    assert.deepEqual(out[0], { i: 1 });
    assert.deepEqual(out.at(-1), { i: 49_999 });
  });

  describe('through the embedded server', () => {
    let store: Store;
    before(async () => {
      store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true });
      const c = store.containers.relationships;
      await c.items.create({ id: 'a', psw: 'p1', n: 3, children: [{ n: 'x', pets: [1, 2] }, { n: 'y' }] });
      await c.items.create({ id: 'b', psw: 'p1', n: 1, children: [{ n: 'z', pets: [3] }] });
      await c.items.create({ id: 'c', psw: 'p1', n: 2 });
      await c.items.create({ id: 'd', psw: 'p2', n: 5, children: [{ n: 'w' }] });
    });
    after(async () => store.close());

    it('answers filters, counts, ORDER BY, pages and JOINs as before', async () => {
      const c = store.containers.relationships;
      const pk = { partitionKey: 'p1' };
      const ids = await c.items.query<string>('SELECT VALUE c.id FROM c WHERE c.psw = "p1" ORDER BY c.n DESC', pk).fetchAll();
      assert.deepEqual(ids.resources, ['a', 'c', 'b']);
      const count = await c.items.query<number>('SELECT VALUE COUNT(1) FROM c WHERE c.psw = "p1" AND c.n >= 2', pk).fetchAll();
      assert.deepEqual(count.resources, [2]);
      const joined = await c.items.query('SELECT c.id, k.n AS child, p AS pet FROM c JOIN k IN c.children JOIN p IN k.pets').fetchAll();
      assert.deepEqual(joined.resources.map((r) => `${r.id}:${r.child}:${r.pet}`).sort(), ['a:x:1', 'a:x:2', 'b:z:3']);
      const page = await c.items.query('SELECT c.id FROM c WHERE c.psw = "p1" ORDER BY c.n ASC', { ...pk, maxItemCount: 2 }).fetchNext();
      assert.deepEqual(page.resources.map((r) => r.id), ['b', 'c']);
      assert.ok(page.continuationToken, 'a second page');
    });

    it('runs each query once: the SDK\'s query-plan lookup is answered without running it (services/storage/embedded.ts)', async () => {
      const run = sinon.spy(Items.prototype, 'query');
      try {
        const c = store.containers.relationships;
        const { resources } = await c.items.query<string>('SELECT VALUE c.id FROM c WHERE c.n > 1 ORDER BY c.n').fetchAll();
        assert.deepEqual(resources, ['c', 'a', 'd'], 'a cross-partition ORDER BY still comes back whole and in order');
        assert.equal(run.callCount, 1);
        const top = await c.items.query<string>('SELECT TOP 1 VALUE c.id FROM c WHERE c.psw = "p1" ORDER BY c.n DESC', { partitionKey: 'p1' }).fetchAll();
        assert.deepEqual(top.resources, ['a']);
        assert.equal(run.callCount, 2);
      } finally {
        run.restore();
      }
    });
  });
});
