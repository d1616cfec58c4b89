// Retention on the embedded store (it ignores TTL): the scheduled sweep deletes each reflection once its ttl
// (REFLECTION_TTL_DAYS when saved) has run out, and nothing sooner — driven by the real scheduler on the real
// embedded store under a fake clock. On Azure Cosmos DB the sweep is not registered: the database does it.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { createServices, type AppServices } from '../../services/app';
import type { ReflectionDoc } from '../../services/reflections/model';
import { jobHandlers } from '../../services/scheduler/handlers';
import { RETENTION_JOB_ID, scheduleRetention } from '../../services/scheduler/retention';
import { Scheduler } from '../../services/scheduler/scheduler';
import { testConfig } from '../helpers/config';
import { closeStores, freshStore } from '../helpers/store';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T12:00:00Z');

function reflection(psw: string, id: string, createdAt: number): ReflectionDoc {
  return {
    id, kind: 'reflection', psw, clientCode: 'C-1', stage: 'trust', stageChosenBy: 'psw', movement: 'steady', answers: [],
    selfCheck: { score: 3, note: '' }, riskFlags: [], visibility: 'shared', practice: false, createdAt: new Date(createdAt).toISOString(), ttl: 0,
  } as unknown as ReflectionDoc;
}

describe('retention sweep on the embedded store (fake clock)', () => {
  let clock: sinon.SinonFakeTimers;
  let app: AppServices;
  let scheduler: Scheduler;
  const stored = async () => (await app.store.containers.reflections.items.readAll<{ id: string }>().fetchAll()).resources.map((r) => r.id).sort();

  before(async () => {
    // Only Date is faked: the Cosmos client's own timers keep real time.
    clock = sinon.useFakeTimers({ now: T0, toFake: ['Date'] });
    const store = await freshStore();
    app = createServices(testConfig({ reflectionTtlDays: 30, dataDir: mkdtempSync(path.join(tmpdir(), 'retention-sweep-')) }), store);
    scheduler = new Scheduler({ container: store.containers.schedules, handlers: jobHandlers(app), sender: { send: async () => 'sent' }, now: () => new Date() });
  });
  after(async () => {
    clock.restore();
    await closeStores();
  });

  it('deletes each reflection once REFLECTION_TTL_DAYS have passed since it was saved, not before', async () => {
    // ttl 0 in the document: save() gives it REFLECTION_TTL_DAYS (30 days), as every save path does.
    await app.reflections.save(reflection('psw-a', 'old', T0));
    await app.reflections.save(reflection('psw-b', 'newer', T0 + 10 * DAY));
    await scheduleRetention(app.jobs, new Date());

    await scheduler.runDue();
    assert.deepEqual(await stored(), ['newer', 'old'], 'day 0: both kept');

    clock.tick(29 * DAY);
    await scheduler.runDue();
    assert.deepEqual(await stored(), ['newer', 'old'], 'day 29: both kept');

    clock.tick(DAY + 7 * 3600_000); // day 30 and a few hours: the first is due, the sweep has come round again
    await scheduler.runDue();
    assert.deepEqual(await stored(), ['newer'], 'day 30: the first is gone, the second kept');

    clock.tick(10 * DAY);
    await scheduler.runDue();
    assert.deepEqual(await stored(), [], 'day 40: both gone');

    const job = await app.jobs.get(RETENTION_JOB_ID);
    assert.ok(job && Date.parse(job.due) > Date.now(), 'the sweep stays scheduled');
  });

  it('honours each document’s own ttl (set when saved), as Azure does', async () => {
    await app.reflections.save({ ...reflection('psw-c', 'short', Date.now()), ttl: 2 * 86400 });
    clock.tick(2 * DAY + 7 * 3600_000);
    await scheduler.runDue();
    assert.deepEqual(await stored(), []);
  });

  it('is not registered on Azure Cosmos DB, where the database enforces TTL', () => {
    const azure = createServices(testConfig({ embeddedCosmos: false }), app.store);
    assert.equal(jobHandlers(azure).retention, undefined);
    assert.equal(typeof jobHandlers(app).retention, 'function');
  });
});
