import assert from 'node:assert/strict';
import sinon from 'sinon';
import { monthOf } from '../../../services/audit';
import type { Job, OutgoingMessage } from '../../../services/scheduler/job';
import { jobHandlers } from '../../../services/scheduler/handlers';
import { Scheduler, type Sender } from '../../../services/scheduler/scheduler';
import { CLAIM_MINUTES, claimDigestWeek, createDigestHandler, digestJobId, nextDigestDue } from '../../../services/supervision/digest';
import { closeStores } from '../../helpers/store';
import { putReflections, reflection, rosterApp, type Team } from './fixtures';

const MONDAY_9 = { digestWeekday: 1, digestHour: 9 };
const due = (zone: string, after: string, config = MONDAY_9) => nextDigestDue({ timeZone: zone }, new Date(after), config).toISOString();

describe('weekly digest', () => {
  describe('nextDigestDue', () => {
    it('is Monday 09:00 in the person’s own zone by default', () => {
      assert.equal(due('America/Toronto', '2025-01-15T12:00:00Z'), '2025-01-20T14:00:00.000Z'); // EST
      assert.equal(due('Asia/Kolkata', '2025-01-15T12:00:00Z'), '2025-01-20T03:30:00.000Z'); // +05:30
      assert.equal(due('America/Vancouver', '2025-01-15T12:00:00Z'), '2025-01-20T17:00:00.000Z'); // PST
      assert.equal(due('Pacific/Auckland', '2025-01-15T12:00:00Z'), '2025-01-19T20:00:00.000Z'); // NZDT: Monday there is Sunday UTC
    });

    it('keeps 09:00 local across the spring and autumn changes', () => {
      // Toronto springs forward on Sun 9 March 2025: 09:00 is 14:00Z before, 13:00Z after.
      assert.equal(due('America/Toronto', '2025-03-03T14:00:00Z'), '2025-03-10T13:00:00.000Z');
      assert.equal(due('America/Toronto', '2025-03-10T13:00:00Z'), '2025-03-17T13:00:00.000Z');
      // and falls back on Sun 2 November 2025.
      assert.equal(due('America/Toronto', '2025-10-27T13:00:00Z'), '2025-11-03T14:00:00.000Z');
      // London: BST from Sun 30 March 2025.
      assert.equal(due('Europe/London', '2025-03-24T09:00:00Z'), '2025-03-31T08:00:00.000Z');
      // Sydney leaves daylight time on Sun 6 April 2025 (southern hemisphere, the other way round).
      assert.equal(due('Australia/Sydney', '2025-03-30T22:00:00Z'), '2025-04-06T23:00:00.000Z');
    });

    it('is strictly after `after`: run at the due instant, the next is a week later', () => {
      assert.equal(due('America/Toronto', '2025-01-20T14:00:00Z'), '2025-01-27T14:00:00.000Z');
      assert.equal(due('America/Toronto', '2025-01-20T13:59:59Z'), '2025-01-20T14:00:00.000Z');
    });

    it('follows DIGEST_WEEKDAY/DIGEST_HOUR, and moves a time that does not exist to the next real one', () => {
      assert.equal(due('Europe/Berlin', '2025-01-15T12:00:00Z', { digestWeekday: 5, digestHour: 16 }), '2025-01-17T15:00:00.000Z');
      // Sunday 02:00 on 9 March 2025 does not exist in Toronto: 03:00 EDT (07:00Z).
      assert.equal(due('America/Toronto', '2025-03-08T12:00:00Z', { digestWeekday: 7, digestHour: 2 }), '2025-03-09T07:00:00.000Z');
    });
  });

  describe('the digest job', () => {
    let t: Team;
    let clock: sinon.SinonFakeTimers;
    const handlerFor = (instanceId: string) =>
      createDigestHandler({
        people: t.app.people,
        schedules: t.app.store.containers.schedules,
        summaries: t.app.supervision.summaries,
        agenda: t.app.supervision.agenda,
        config: MONDAY_9,
        instanceId,
      });
    const jobOf = async (): Promise<Job> => (await t.app.jobs.get(digestJobId(t.supA.id)))!;

    beforeEach(async () => {
      clock = sinon.useFakeTimers({ now: new Date('2025-03-05T12:00:00Z'), toFake: ['Date'] });
      t = await rosterApp();
      await putReflections(t.app, [reflection(t.pswA1.id, '2025-03-06T15:00:00Z'), reflection(t.pswB1.id, '2025-03-06T15:00:00Z')]);
    });
    afterEach(async () => {
      clock.restore();
      await closeStores();
    });

    it('exists for each supervisor from the roster, due at their local Monday 09:00', async () => {
      assert.equal((await jobOf()).due, '2025-03-10T13:00:00.000Z'); // Toronto, after the change to EDT
      assert.equal((await t.app.jobs.get(digestJobId(t.supB.id)))!.due, '2025-03-10T16:00:00.000Z'); // Vancouver, PDT
    });

    it('sends exactly one digest when two instances run the same week at once', async () => {
      const job = await jobOf();
      clock.setSystemTime(new Date(job.due));
      const [a, b] = await Promise.all([handlerFor('one')(job, new Date()), handlerFor('two')(job, new Date())]);
      const sent = [a, b].filter((o) => o.messages.length);
      assert.equal(sent.length, 1);
      assert.equal(sent[0].next, '2025-03-17T13:00:00.000Z');
      assert.deepEqual(sent[0].payload, { lastWeek: '2025-03-10' });
      // The loser comes back after the claim ends rather than skipping the week.
      const loser = [a, b].find((o) => !o.messages.length)!;
      assert.ok(Date.parse(loser.next!) > Date.parse(job.due) + CLAIM_MINUTES * 60_000);
      // The digest is for Sam's people only.
      const msg = sent[0].messages[0];
      assert.equal(msg.personId, t.supA.id);
      assert.equal(msg.notice?.kind, 'digest', 'data, for the bot to render');
      const text = JSON.stringify(msg.notice);
      assert.match(text, /PSW 1/);
      assert.doesNotMatch(text, /PSW 3/);
      // Once the scheduler has moved the job on (payload stored), a late rerun of the same week sends nothing.
      const again = await handlerFor('three')({ ...job, payload: sent[0].payload! }, new Date());
      assert.equal(again.messages.length, 0);
      // It was audited as a digest read of Sam's people.
      const rec = (await t.app.supervision.audit.list(monthOf(new Date()), 50)).items.filter((r) => r.view === 'digest');
      assert.equal(rec.length, 1);
      assert.equal(rec[0].actor, t.supA.id);
    });

    it('is not lost when the instance that claimed it dies: another takes over after the claim ends', async () => {
      const job = await jobOf();
      clock.setSystemTime(new Date(job.due));
      // Instance "one" claims the week and dies before anything is sent.
      assert.deepEqual((await claimDigestWeek(t.app.store.containers.schedules, t.supA.id, '2025-03-10', 'one', new Date())).claimed, true);
      const early = await handlerFor('two')(job, new Date());
      assert.equal(early.messages.length, 0);
      clock.setSystemTime(new Date(early.next!));
      // Two instances race for the expired claim: one wins.
      const [a, b] = await Promise.all([handlerFor('two')(job, new Date()), handlerFor('three')(job, new Date())]);
      assert.equal([a, b].filter((o) => o.messages.length).length, 1);
    });

    it('gives the claim back when the digest cannot be built, so the retry sends it', async () => {
      const job = await jobOf();
      clock.setSystemTime(new Date(job.due));
      const stub = sinon.stub(t.app.supervision.summaries, 'team').rejects(Object.assign(new Error('boom'), { code: 503 }));
      await assert.rejects(handlerFor('one')(job, new Date()));
      stub.restore();
      const retry = await handlerFor('one')(job, new Date());
      assert.equal(retry.messages.length, 1);
    });

    it('after a long outage sends one digest and schedules the next from now', async () => {
      const job = await jobOf();
      clock.setSystemTime(new Date('2025-03-26T12:00:00Z')); // two weeks late, a Wednesday
      const out = await handlerFor('one')(job, new Date());
      assert.equal(out.messages.length, 1);
      assert.equal(out.next, '2025-03-31T13:00:00.000Z');
    });

    it('follows a time-zone change and ends when the person is no longer a supervisor', async () => {
      await t.app.supervision.roster.setTimeZone('Sup S', 'Europe/London');
      const job = await jobOf();
      assert.equal(job.due, '2025-03-10T09:00:00.000Z'); // moved from Toronto's 09:00 to London's
      clock.setSystemTime(new Date(job.due));
      const out = await handlerFor('one')(job, new Date());
      assert.equal(out.next, '2025-03-17T09:00:00.000Z'); // London still on GMT on 17 March
      await t.app.supervision.roster.setRole('Sup S', 'psw');
      const end = await handlerFor('one')({ ...job, due: out.next! }, new Date(out.next!));
      assert.deepEqual(end, { messages: [] });
    });
  });
});

describe('weekly digest through the scheduler', () => {
  let t: Team;
  let clock: sinon.SinonFakeTimers;
  beforeEach(async () => {
    clock = sinon.useFakeTimers({ now: new Date('2025-10-29T12:00:00Z'), toFake: ['Date'] });
    t = await rosterApp();
    await putReflections(t.app, [reflection(t.pswA1.id, '2025-10-30T15:00:00Z')]);
  });
  afterEach(async () => {
    clock.restore();
    await closeStores();
  });

  it('two scheduler instances polling together deliver one digest per supervisor per week, across the autumn change', async () => {
    const sent: OutgoingMessage[] = [];
    const sender: Sender = {
      send: async (m) => {
        sent.push(m);
        return 'sent';
      },
    };
    const make = (owner: string) => new Scheduler({ container: t.app.store.containers.schedules, handlers: jobHandlers(t.app), sender, now: () => new Date(), owner });
    const [one, two] = [make('one'), make('two')];
    const dues: string[] = [];
    for (let week = 0; week < 3; week++) {
      const job = (await t.app.jobs.get(digestJobId(t.supA.id)))!;
      dues.push(job.due);
      clock.setSystemTime(new Date(Date.parse(job.due) + 1000));
      await Promise.all([one.runDue(), two.runDue(), one.runDue()]);
    }
    // Toronto: EDT until 2 November 2025, then EST — Monday 09:00 local throughout.
    assert.deepEqual(dues, ['2025-11-03T14:00:00.000Z', '2025-11-10T14:00:00.000Z', '2025-11-17T14:00:00.000Z']);
    const sam = sent.filter((m) => m.personId === t.supA.id);
    assert.equal(sam.length, 3);
    assert.ok(sam.every((m) => m.notice?.kind === 'digest'));
  });
});
