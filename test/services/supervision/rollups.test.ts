// Weekly roll-ups (issue 19): kept by the Save path, a delete of someone's data and the retention sweep; a crash
// between a reflection's write and its roll-up's repaired at the next start; and a rebuild from the reflections that
// agrees with what the incremental writes made. Real embedded store throughout.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import type { ReflectionDoc } from '../../../services/reflections/model';
import { sweepExpired } from '../../../services/scheduler/retention';
import { openStore } from '../../../services/storage/cosmos';
import { stripSystem } from '../../../services/storage/documents';
import { weekPeriod } from '../../../services/supervision/period';
import { lineOf, RollupStore, rollupsOf, weekOf, type RollupDoc } from '../../../services/supervision/rollups';
import { reflection, rosterApp, type Team } from './fixtures';

const NOW = new Date('2025-03-13T12:00:00.000Z'); // a Thursday
const DAY = 86_400_000;
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 3600_000).toISOString();

/** The stored roll-ups, comparable: no system fields, and none of the write-time fields (updatedAt, ttl). */
async function snapshot(rollups: RollupStore): Promise<Omit<RollupDoc, 'updatedAt' | 'ttl'>[]> {
  return (await rollups.all()).map((d) => {
    const { updatedAt: _u, ttl: _t, ...rest } = stripSystem(d);
    return rest;
  }).sort((a, b) => a.id.localeCompare(b.id));
}

async function storedReflections(t: Team): Promise<ReflectionDoc[]> {
  return (await t.app.store.containers.reflections.items.query<ReflectionDoc>('SELECT * FROM c').fetchAll()).resources;
}

describe('weekly roll-ups', () => {
  let t: Team;
  let clock: sinon.SinonFakeTimers;
  beforeEach(async () => {
    t = await rosterApp();
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  it('puts each reflection in its UTC week (Monday), as a line without text; practice has none', () => {
    assert.equal(weekOf('2025-03-10T00:00:00.000Z'), '2025-03-10');
    assert.equal(weekOf('2025-03-09T23:59:59.999Z'), '2025-03-03');
    assert.equal(weekOf('2025-03-16T23:00:00-05:00'), '2025-03-17');
    const r = reflection('p', '2025-03-12T10:00:00Z', { riskFlags: ['psw_distress', 'psw_distress'], stall: { stage: 'trust', source: 'reported', flaggedForSupervision: true }, ttl: 3600 });
    assert.deepEqual(lineOf(r), {
      id: r.id, at: '2025-03-12T10:00:00.000Z', expires: '2025-03-12T11:00:00.000Z', visibility: 'shared', stage: 'trust', movement: 'steady', stall: true, score: 4, flags: ['psw_distress'],
    });
    assert.equal(JSON.stringify(lineOf(r)).includes('bus pass'), false);
    assert.equal(lineOf({ ...r, practice: true }), undefined);
  });

  it('after saves, repeats, a crash, a delete of someone\'s data and the retention sweep, a rebuild agrees with them', async () => {
    const { app } = t;
    const rollups = app.supervision.rollups;
    const save = (doc: ReflectionDoc) => app.outbox.submit(doc);
    // The first start, before any of this: a store with no roll-ups yet is built once (and marked as reconciled).
    clock.setSystemTime(new Date(ago(40)));
    assert.deepEqual(await rollups.reconcile(app.store.containers.reflections), { applied: 0, rebuilt: true });
    clock.setSystemTime(NOW);
    // Saves through the real Save path (commitReflection): three PSWs, several weeks, private, flagged, practice.
    const docs = [
      reflection(t.pswA1.id, ago(0, 2), { movement: 'progressing', riskFlags: ['client_harm'] }),
      reflection(t.pswA1.id, ago(1), { visibility: 'private', selfCheck: { score: 2, note: 'x' } }),
      reflection(t.pswA1.id, ago(9), { clientCode: 'K8', movement: 'stalling', stall: { stage: 'trust', source: 'reported', flaggedForSupervision: true } }),
      reflection(t.pswA2.id, ago(3)),
      reflection(t.pswA2.id, ago(20), { ttl: 10 * 86400 }), // past its retention: the sweep deletes it
      reflection(t.pswB1.id, ago(2)),
      reflection(t.pswB1.id, ago(15)),
      reflection(t.hireA.id, ago(1), { practice: true, clientCode: 'PRACTICE' }),
    ];
    for (const d of docs) assert.equal(await save(d), 'saved');
    // A repeated Save (a double tap, the outbox) changes nothing.
    await save(docs[0]!);
    // A crash between the reflection's write and its roll-up's: the reflection is stored, the roll-up is not.
    const crashed = reflection(t.pswA2.id, ago(0, 5), { movement: 'setback' });
    // (The process dies there: nothing repeats the Save, and the outbox does not hold it.)
    const record = sinon.stub(rollups, 'record').rejects(new Error('process died'));
    await assert.rejects(app.outbox.submit(crashed), /process died/);
    record.restore();
    assert.deepEqual(app.outbox.waiting(), []);
    assert.ok(await app.reflections.get(crashed.psw, crashed.id), 'the reflection was written');
    const lines = await rollups.forPeople([t.pswA2.id], ago(7), NOW.toISOString());
    assert.equal(lines.get(t.pswA2.id)!.some((l) => l.id === crashed.id), false, 'its roll-up was not');
    // The next start repairs it.
    const repaired = await rollups.reconcile(app.store.containers.reflections);
    assert.deepEqual(repaired, { applied: 1, rebuilt: false });
    assert.equal((await rollups.forPeople([t.pswA2.id], ago(7), NOW.toISOString())).get(t.pswA2.id)!.some((l) => l.id === crashed.id), true);
    assert.deepEqual(await rollups.reconcile(app.store.containers.reflections), { applied: 0, rebuilt: false }, 'a second start finds nothing to do');
    // Delete my data (PSW B1): their roll-ups go with their reflections.
    await app.dataRights.deleteAll(t.pswB1.id);
    // The retention sweep (embedded store): the expired reflection and its line go.
    assert.equal(await sweepExpired(app.store.containers.reflections, rollups, NOW), 1);

    const incremental = await snapshot(rollups);
    assert.equal(incremental.some((d) => d.psw === t.pswB1.id), false, 'no roll-up left of a deleted person');
    assert.equal(incremental.some((d) => d.psw === t.hireA.id), false, 'practice is never rolled up');
    assert.equal(incremental.reduce((n, d) => n + d.lines.length, 0), 5, 'A1 3, A2 2 (one swept, one repaired)');
    // What the reflections say, computed apart, and what the rebuild writes: the same.
    const expected = rollupsOf(await storedReflections(t), NOW).map(({ updatedAt: _u, ttl: _t, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(incremental, expected);
    const rebuilt = await rollups.rebuild(app.store.containers.reflections);
    assert.deepEqual(rebuilt, { reflections: 5, weeks: incremental.length, removed: 0 });
    assert.deepEqual(await snapshot(rollups), incremental);
  });

  it('a start whose reconcile fails still starts (the next start looks again)', async () => {
    const reconcile = sinon.stub(t.app.supervision.rollups, 'reconcile').rejects(Object.assign(new Error('storage busy'), { code: 503 }));
    await t.app.supervision.startup();
    assert.equal(reconcile.callCount, 1);
  });

  it('a rebuild removes weeks whose reflections are gone and restores ones that were lost', async () => {
    const { app } = t;
    const rollups = app.supervision.rollups;
    const a = reflection(t.pswA1.id, ago(1));
    const b = reflection(t.pswA1.id, ago(30));
    await app.outbox.submit(a);
    await app.outbox.submit(b);
    const before = await snapshot(rollups);
    // A reflection removed behind the roll-ups' back, and a roll-up lost.
    await app.store.containers.reflections.item(b.id, b.psw).delete();
    await app.store.containers.rollups.item(`${a.psw}|${weekOf(a.createdAt)}`, a.psw).delete();
    const r = await rollups.rebuild(app.store.containers.reflections);
    assert.deepEqual(r, { reflections: 1, weeks: 1, removed: 1 });
    assert.deepEqual(await snapshot(rollups), before.filter((d) => d.week === weekOf(a.createdAt)));
  });

  it('a summary counts from the roll-ups: period, privacy, flags, self-check trend, and not what has expired', async () => {
    const { app } = t;
    const week = weekPeriod('America/Toronto', NOW);
    await app.outbox.submit(reflection(t.pswA1.id, ago(0, 1), { movement: 'progressing', riskFlags: ['client_harm'], selfCheck: { score: 2, note: '' } }));
    await app.outbox.submit(reflection(t.pswA1.id, ago(1), { visibility: 'private', movement: 'setback', selfCheck: { score: 1, note: '' } }));
    await app.outbox.submit(reflection(t.pswA1.id, ago(8), { selfCheck: { score: 5, note: '' } })); // last week: the trend only
    await app.outbox.submit(reflection(t.pswA1.id, ago(2), { ttl: 3600 })); // expired since: not counted
    const r = await app.supervision.summaries.team(t.supA.id, week, NOW);
    assert.ok(r.ok);
    const a1 = r.summary.teams.flatMap((x) => x.psws).find((p) => p.person.id === t.pswA1.id)!;
    assert.deepEqual(a1.reflections, { total: 2, shared: 1, private: 1 });
    assert.equal(a1.movement.progressing, 1);
    assert.equal(a1.movement.setback, 0, 'a private reflection\'s movement is not shown to a supervisor');
    assert.deepEqual(a1.riskFlags, { client_harm: 1 });
    assert.equal(a1.selfCheck.average, 2);
    assert.equal(a1.selfCheck.previousAverage, 5);
    assert.equal(a1.selfCheck.falling, true);
    const own = await app.supervision.summaries.own(t.pswA1.id, week, NOW);
    assert.ok(own.ok);
    assert.equal(own.summary.movement.setback, 1, 'the PSW sees their own private one');
    assert.equal(own.summary.selfCheck.average, 1.5);
  });

  it('npm run store -- rollups rebuild regenerates them in a stopped data folder', async function () {
    this.timeout(120_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-rollups-'));
    try {
      clock.restore();
      const store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir: dir });
      const docs = [reflection('p1', ago(1)), reflection('p1', ago(10)), reflection('p2', ago(2))];
      for (const d of docs) await store.containers.reflections.items.create(d);
      await store.close();
      const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn('npm', ['run', '--silent', 'store', '--', 'rollups', 'rebuild', '--data-dir', dir], { cwd: path.resolve(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        child.stdout.on('data', (b) => (stdout += b));
        child.on('close', (code) => resolve({ code, stdout }));
      });
      assert.equal(out.code, 0, out.stdout);
      assert.match(out.stdout, /from 3 reflections: 3 weekly documents written/);
      const again = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir: dir });
      try {
        const stored = await new RollupStore(again.containers.rollups, () => new Date()).all();
        assert.deepEqual(stored.map((d) => d.lines.length).sort(), [1, 1, 1]);
        assert.deepEqual(stored.flatMap((d) => d.lines.map((l) => l.id)).sort(), docs.map((d) => d.id).sort());
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
