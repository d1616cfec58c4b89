import assert from 'node:assert/strict';
import type { Container } from '@azure/cosmos';
import type { Job, JobHandler, OutgoingMessage } from '../../services/scheduler/job';
import { setLogLevel } from '../../services/log';
import { JobStore } from '../../services/scheduler/jobs';
import { Scheduler, type Delivery, type JobHandlers, type Sender } from '../../services/scheduler/scheduler';
import type { Store } from '../../services/storage/cosmos';
import { closeStores, freshStore } from '../helpers/store';

/** A Sender at the boundary: records what it is asked to send and answers from a script (default 'sent'). */
class ScriptedSender implements Sender {
  readonly sent: OutgoingMessage[] = [];
  readonly answers: Delivery[] = [];
  async send(m: OutgoingMessage): Promise<Delivery> {
    const d = this.answers.shift() ?? 'sent';
    if (d === 'sent') this.sent.push(m);
    return d;
  }
}

describe('scheduler (real store, scripted sender)', () => {
  let store: Store;
  let schedules: Container;
  let jobs: JobStore;
  let clock: Date;
  const now = () => clock;
  const T0 = new Date('2026-11-25T15:00:00Z');

  before(() => setLogLevel('silent'));
  beforeEach(async () => {
    store = await freshStore();
    schedules = store.containers.schedules;
    jobs = new JobStore(schedules);
    clock = T0;
  });
  after(closeStores);

  const at = (ms: number) => new Date(T0.getTime() + ms);
  const once: JobHandler = async (job) => ({ messages: [{ personId: job.personId, text: `hello ${job.id}` }] });
  const scheduler = (sender: Sender, handlers: JobHandlers = { followup: once }, extra = {}) =>
    new Scheduler({ container: schedules, handlers, sender, now, leaseMs: 60_000, retry: { baseMs: 60_000, maxMs: 3600_000, random: () => 1 }, ...extra });
  const put = (id: string, dueMs = 0, kind: Job['kind'] = 'followup', personId = 'p1') =>
    jobs.put({ id, kind, personId, due: at(dueMs).toISOString(), payload: {} }, T0);

  it('runs only what is due, then deletes a one-off job', async () => {
    await put('a', 0);
    await put('later', 60_000);
    const sender = new ScriptedSender();
    const s = scheduler(sender);
    assert.equal((await s.runDue()).sent, 1);
    assert.deepEqual(sender.sent.map((m) => m.text), ['hello a']);
    assert.equal(await jobs.get('a'), undefined);
    assert.ok(await jobs.get('later'));
    assert.equal((await s.runDue()).due, 0, 'nothing else is due yet');
  });

  it('reads a bounded batch per poll, oldest first', async () => {
    for (let i = 0; i < 5; i++) await put(`j${i}`, -i * 1000);
    const sender = new ScriptedSender();
    const summary = await scheduler(sender, undefined, { batch: 2, concurrency: 1 }).runDue();
    assert.equal(summary.due, 2);
    assert.deepEqual(sender.sent.map((m) => m.text), ['hello j4', 'hello j3']);
  });

  it('reschedules a repeating job with its next time and payload', async () => {
    await put('r', 0, 'reminder');
    const handler: JobHandler = async (job, t) => ({ messages: [{ personId: job.personId, text: 'nudge' }], next: new Date(t.getTime() + 86_400_000).toISOString(), payload: { runs: 1 } });
    await scheduler(new ScriptedSender(), { reminder: handler }).runDue();
    const job = await jobs.get('r');
    assert.equal(job?.due, at(86_400_000).toISOString());
    assert.deepEqual(job?.payload, { runs: 1 });
    assert.equal(job?.leaseOwner, undefined);
    assert.equal(job?.attempts, 0);
  });

  it('two instances polling the same store send once', async () => {
    for (let i = 0; i < 6; i++) await put(`k${i}`);
    const a = new ScriptedSender();
    const b = new ScriptedSender();
    const [ra, rb] = await Promise.all([scheduler(a).runDue(), scheduler(b).runDue()]);
    assert.equal(ra.claimed + rb.claimed, 6);
    assert.equal(a.sent.length + b.sent.length, 6);
    assert.equal(new Set([...a.sent, ...b.sent].map((m) => m.text)).size, 6);
  });

  it('leaves a leased job alone until the lease expires, then takes it over', async () => {
    // What an instance that died mid-run leaves behind: a claim whose due is the end of its lease.
    const leaseEnd = at(60_000).toISOString();
    await schedules.items.upsert({ id: 'orphan', kind: 'followup', personId: 'p1', due: leaseEnd, leaseUntil: leaseEnd, leaseOwner: 'dead', payload: {}, attempts: 0, createdAt: T0.toISOString() });
    const sender = new ScriptedSender();
    const s = scheduler(sender);
    clock = at(30_000);
    assert.equal((await s.runDue()).claimed, 0);
    clock = at(60_000);
    assert.equal((await s.runDue()).sent, 1);
    assert.equal(await jobs.get('orphan'), undefined);
  });

  it('keeps undelivered messages in the job and delivers them later without running the handler again', async () => {
    await put('multi');
    let runs = 0;
    const handler: JobHandler = async () => {
      runs++;
      return { messages: [{ personId: 'p1', text: 'one' }, { personId: 'p2', text: 'two' }] };
    };
    const sender = new ScriptedSender();
    sender.answers.push('sent', 'failed');
    const s = scheduler(sender, { followup: handler });
    await s.runDue();
    const parked = (await jobs.get('multi')) as Job & { outbox?: { messages: OutgoingMessage[] }; done?: Record<string, string> };
    assert.deepEqual(parked.outbox?.messages.map((m) => m.text), ['one', 'two']);
    assert.deepEqual(parked.done, { 0: 'sent' }, 'the one sent is recorded as done');
    assert.equal(parked.attempts, 1);
    assert.equal(parked.due, at(60_000).toISOString(), 'retried after the backoff');
    clock = at(60_000);
    await s.runDue();
    assert.equal(runs, 1);
    assert.deepEqual(sender.sent.map((m) => m.text), ['one', 'two']);
    assert.equal(await jobs.get('multi'), undefined);
  });

  it('drops the rest of a job for a person who is gone, but not for others', async () => {
    await put('g');
    const handler: JobHandler = async () => ({ messages: [{ personId: 'p1', text: 'a' }, { personId: 'p1', text: 'b' }, { personId: 'p2', text: 'c' }] });
    const sender = new ScriptedSender();
    sender.answers.push('gone');
    const summary = await scheduler(sender, { followup: handler }).runDue();
    assert.deepEqual(sender.sent.map((m) => m.text), ['c']);
    assert.equal(summary.dropped, 1);
    assert.equal(await jobs.get('g'), undefined);
  });

  it('backs off a failing handler and pushes an unknown kind out of the way', async () => {
    await put('boom');
    await put('digest', 0, 'digest');
    const s = scheduler(new ScriptedSender(), { followup: async () => { throw new Error('handler bug'); } });
    await s.runDue();
    const boom = await jobs.get('boom');
    assert.equal(boom?.attempts, 1);
    assert.equal(boom?.due, at(60_000).toISOString());
    assert.equal((await jobs.get('digest'))?.due, at(3600_000).toISOString());
  });

  it("lets a change made while the job runs stand (a person's new reminder time)", async () => {
    await put('r', 0, 'reminder');
    const handler: JobHandler = async (job) => {
      await jobs.put({ id: 'r', kind: 'reminder', personId: job.personId, due: at(7200_000).toISOString(), payload: { time: '18:00' } }, T0);
      return { messages: [], next: at(86_400_000).toISOString() };
    };
    await scheduler(new ScriptedSender(), { reminder: handler }).runDue();
    const job = await jobs.get('r');
    assert.equal(job?.due, at(7200_000).toISOString());
    assert.deepEqual(job?.payload, { time: '18:00' });
  });

  it('polls on a timer from start() until stop()', async () => {
    await put('timed');
    const sender = new ScriptedSender();
    const s = scheduler(sender, undefined, { pollMs: 20 });
    s.start();
    for (let i = 0; i < 100 && sender.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await s.stop();
    assert.equal(sender.sent.length, 1);
    await put('after-stop');
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(sender.sent.length, 1, 'nothing runs after stop');
  });
});
