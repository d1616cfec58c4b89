// Instances starting together against one store (issue 15, item 3): each creates the database and the
// containers it needs, bot state's `botstate` included. Losing that race (409, "already exists") is success.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openStore, type Store } from '../../../services/storage/cosmos';
import { BOT_STATE_CONTAINER, CONTAINER_NAMES } from '../../../services/storage/containers';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../services/storage/embedded';
import { cosmosStateStorage } from '../../../bot/stateStorage';
import { faultProxy, type FaultRule } from '../../helpers/faultProxy';
import { closeStores, freshStore } from '../../helpers/store';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'startInstance.ts');

describe('instances starting together against one store', function () {
  this.timeout(120_000); // real processes on a busy machine
  let server: EmbeddedCosmos;
  before(async () => {
    server = await startEmbeddedCosmos();
  });
  after(() => server.stop());

  const openShared = (database: string) =>
    openStore({ cosmosEndpoint: server.endpoint, cosmosKey: server.key, cosmosDatabase: database, embeddedCosmos: false, agent: server.agent });

  it('four in one process, at once: every one opens, and every container exists once', async () => {
    const database = `race-${randomUUID().slice(0, 8)}`;
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => openShared(database)));
    const failed = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason?.code));
    assert.deepEqual(failed, [], 'no instance failed');
    const stores = results.map((r) => (r as PromiseFulfilledResult<Store>).value);
    try {
      const { resources } = await stores[0]!.database.containers.readAll().fetchAll();
      assert.deepEqual(resources.map((c) => c.id).sort(), [...CONTAINER_NAMES, BOT_STATE_CONTAINER].sort());
      const botstate = resources.find((c) => c.id === BOT_STATE_CONTAINER);
      assert.deepEqual(botstate?.partitionKey?.paths, ['/id'], 'as botbuilder-azure makes it');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('bot state works when another instance created `botstate` first (botbuilder-azure would 409 and stay broken)', async () => {
    const proxy = faultProxy();
    try {
      const store = await freshStore({ interpose: proxy.interpose });
      await store.database.containers.createIfNotExists({ id: BOT_STATE_CONTAINER, partitionKey: { paths: ['/id'] } }); // the winner's
      // The race as the loser sees it: its look-up finds no container (the winner has not created it yet),
      // and by the time it creates one the winner has.
      proxy.add({ method: 'GET', path: new RegExp(`colls/${BOT_STATE_CONTAINER}$`), status: 404 as FaultRule['status'], times: 1 });
      const state = cosmosStateStorage(store);
      await state.write({ k: { step: 1 } });
      assert.deepEqual((await state.read(['k'])).k?.step, 1);
      assert.equal(proxy.stats.status, 0, 'bot state storage never looks the container up or creates it');
    } finally {
      await closeStores();
      await proxy.close();
    }
  });

  it('three real processes at once, each through to bot state (botbuilder-azure): all work', async () => {
    const database = `race-${randomUUID().slice(0, 8)}`;
    const startAt = Date.now() + 6000; // after every process has loaded
    const runs = [1, 2, 3].map(
      () =>
        new Promise<string>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
            cwd: ROOT,
            env: { ...process.env, COSMOS_ENDPOINT: server.endpoint, COSMOS_KEY: server.key, COSMOS_DATABASE: database, START_AT: String(startAt), LOG_LEVEL: 'silent' },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d));
          child.stderr.on('data', (d: Buffer) => (out += d));
          child.on('exit', () => resolve(out.trim()));
        }),
    );
    assert.deepEqual(await Promise.all(runs), ['ok', 'ok', 'ok']);
  });
});
