// The digest's open safety alerts (issue 19): kept per PSW beside the roll-ups as alerts are delivered and
// acknowledged, so the weekly digest lists them without a query of its own. Through the real paths — SafetyAlerts
// .request, the real scheduler running the real delivery handler (the channel is a fake Sender), the agenda's close —
// on the real embedded store; the stored documents must equal what the rebuild computes from the alerts and the
// records, and the digest's list must equal the one the queries give (SupervisionAgenda.unacknowledgedAlerts).
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { AppServices } from '../../../services/app';
import type { SafetyAlertPayload } from '../../../services/safety/alerts';
import { safetyAlertHandler } from '../../../services/safety/delivery';
import { Scheduler, type Delivery, type SendControl, type Sender } from '../../../services/scheduler/scheduler';
import type { OutgoingMessage } from '../../../services/scheduler/job';
import { digestJobId } from '../../../services/supervision/digest';
import { alertKey, openAlertOf, openAlertsOf, type OpenAlertsDoc } from '../../../services/supervision/openAlerts';
import { closeStores } from '../../helpers/store';
import { rosterApp, type Team } from './fixtures';

const WEEK_MS = 7 * 86_400_000;

describe('open safety alerts kept beside the roll-ups (issue 19)', () => {
  let t: Team;
  let app: AppServices;
  let clock: Date;
  const sent: OutgoingMessage[] = [];
  const sender: Sender = {
    async send(m: OutgoingMessage, control?: SendControl): Promise<Delivery> {
      sent.push(m);
      if (control) control.activityId = `a-${sent.length}`;
      return 'sent';
    },
  };
  let scheduler: Scheduler;

  const request = (debriefId: string, psw: string) => app.safetyAlerts.request({ psw, debriefId, clientCode: 'K-7', categories: ['self_harm'] }, clock);
  const sorted = (docs: OpenAlertsDoc[]) => docs.map(({ id, psw, alerts }) => ({ id, psw, alerts })).sort((a, b) => a.id.localeCompare(b.id));
  /** What the rebuild would write, from the alerts' jobs and the records. */
  const reference = async () => {
    const { resources } = await app.store.containers.schedules.items
      .query<{ id: string; due: string; payload: SafetyAlertPayload }>("SELECT c.id, c.due, c.payload FROM c WHERE c.kind = 'safety_alert' AND c.payload.state = 'delivered'")
      .fetchAll();
    const delivered = resources.map((j) => openAlertOf(j.id, j.payload, j.due));
    return openAlertsOf(delivered, await app.supervision.records.recorded(delivered.map((a) => alertKey(a.id))), clock);
  };
  /** The digest's alerts for supervisor A (the real handler), by key. */
  const digestKeys = async (week: number) => {
    const due = new Date(clock.getTime() - week * WEEK_MS).toISOString();
    const r = await app.supervision.digest.handler({ id: digestJobId(t.supA.id), kind: 'digest', personId: t.supA.id, due, payload: {}, attempts: 0, createdAt: due }, clock);
    const notice = r.messages[0]?.notice;
    assert.equal(notice?.kind, 'digest');
    return (notice.kind === 'digest' ? notice.alerts ?? [] : []).map((i) => i.key);
  };
  const queryKeys = async () => (await app.supervision.agenda.unacknowledgedAlerts([t.pswA1, t.pswA2, t.hireA])).map((i) => i.key);

  before(async () => {
    t = await rosterApp();
    app = t.app;
    clock = new Date('2026-11-23T15:00:00.000Z');
    app.now = () => clock;
    for (const p of [t.supA, t.supB, t.admin]) {
      await app.references.remember(p.id, { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/amer/', conversation: { id: `c-${p.id.slice(0, 6)}` }, bot: { id: 'bot' } }, clock);
    }
    const handler = safetyAlertHandler({ people: app.people, sender, openAlerts: app.supervision.openAlerts });
    scheduler = new Scheduler({ container: app.store.containers.schedules, handlers: { safety_alert: handler }, sender, now: () => clock });
  });
  after(closeStores);
  afterEach(() => sinon.restore());

  it('a delivered alert joins its PSW’s open alerts; the digest lists them with no query of its own, as the queries do', async () => {
    assert.equal(await request('d-1', t.pswA1.id), 'sending');
    assert.equal(await request('d-2', t.pswA2.id), 'sending');
    assert.equal(await request('d-3', t.pswB1.id), 'sending');
    await scheduler.runDue();
    clock = new Date(clock.getTime() + 60_000);
    assert.equal(await request('d-4', t.pswA1.id), 'sending');
    await scheduler.runDue();
    const stored = await app.supervision.openAlerts.all();
    assert.equal(stored.length, 3);
    assert.deepEqual(sorted(stored), sorted(await reference()));
    const listed = await digestKeys(0);
    assert.deepEqual(new Set(listed), new Set(['alert|safety_alert|d-1', 'alert|safety_alert|d-2', 'alert|safety_alert|d-4']));
    assert.deepEqual(listed, await queryKeys(), 'the same alerts, in the same order, as the queries give');
    assert.equal(listed[0], 'alert|safety_alert|d-4', 'newest first');
  });

  it('an acknowledged alert leaves the list; a crash between the record and its removal is repaired by a repeated close and by the rebuild', async () => {
    const { agenda, openAlerts } = app.supervision;
    assert.equal(await agenda.close(t.supA.id, 'alert|safety_alert|d-2', undefined, clock), 'recorded');
    assert.deepEqual(await digestKeys(1), await queryKeys());
    assert.ok(!(await digestKeys(2)).includes('alert|safety_alert|d-2'));
    assert.ok(!(await openAlerts.all()).some((d) => d.psw === t.pswA2.id), 'a PSW with no open alert keeps no document');

    // The process dies after the record is written, before the open alert is taken out.
    const ack = sinon.stub(openAlerts, 'acknowledged').rejects(new Error('process died'));
    await assert.rejects(agenda.close(t.supA.id, 'alert|safety_alert|d-1', undefined, clock), /process died/);
    ack.restore();
    assert.ok((await digestKeys(3)).includes('alert|safety_alert|d-1'), 'until repaired the digest still lists it (never the other way round)');
    assert.notDeepEqual(sorted(await openAlerts.all()), sorted(await reference()));
    assert.deepEqual(await openAlerts.rebuild(app.store.containers.schedules, (k) => app.supervision.records.recorded(k)), { written: 1, removed: 0 });
    assert.deepEqual(sorted(await openAlerts.all()), sorted(await reference()));
    assert.deepEqual(await digestKeys(4), await queryKeys());
    assert.deepEqual(await openAlerts.rebuild(app.store.containers.schedules, (k) => app.supervision.records.recorded(k)), { written: 0, removed: 0 }, 'a second rebuild finds nothing');
    // And a close repeated by the supervisor (the record is there: 'already') takes it out too.
    const again = sinon.stub(openAlerts, 'acknowledged').rejects(new Error('process died'));
    await assert.rejects(agenda.close(t.supA.id, 'alert|safety_alert|d-4', undefined, clock), /process died/);
    again.restore();
    assert.equal(await agenda.close(t.supA.id, 'alert|safety_alert|d-4', undefined, clock), 'already');
    assert.deepEqual(await digestKeys(5), []);
    assert.deepEqual(await queryKeys(), []);
  });

  it('a delivered alert whose open entry cannot be written is not sent again: its job writes the entry soon after', async () => {
    const before = sent.length;
    const delivered = sinon.stub(app.supervision.openAlerts, 'delivered').rejects(Object.assign(new Error('unavailable'), { code: 503 }));
    assert.equal(await request('d-5', t.pswA2.id), 'sending');
    await scheduler.runDue();
    assert.equal(sent.length, before + 2, 'the supervisor and the PSW, once each');
    assert.deepEqual(await digestKeys(6), [], 'not listed yet');
    delivered.restore();
    clock = new Date(clock.getTime() + 61_000);
    await scheduler.runDue();
    assert.equal(sent.length, before + 2, 'nothing sent again');
    assert.deepEqual(await digestKeys(7), ['alert|safety_alert|d-5']);
    assert.deepEqual(await queryKeys(), ['alert|safety_alert|d-5']);
    assert.deepEqual(sorted(await app.supervision.openAlerts.all()), sorted(await reference()));
  });

  it('an alert is listed for its week only: after it the digest leaves it out, as its job ends', async () => {
    clock = new Date(clock.getTime() + WEEK_MS + 120_000);
    assert.deepEqual(await digestKeys(8), []);
    await scheduler.runDue(); // the alerts' jobs end
    assert.deepEqual(await queryKeys(), []);
    assert.deepEqual(sorted(await reference()), []);
    await app.supervision.openAlerts.rebuild(app.store.containers.schedules, (k) => app.supervision.records.recorded(k));
    assert.deepEqual(await app.supervision.openAlerts.all(), []);
  });
});
