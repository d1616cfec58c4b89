// Proactive delivery as promised, measured against a fake Bot Connector on loopback that records every request,
// with two bot instances on one store where it matters: a digest waiting to retry keeps its week, a crash after the
// channel took a message does not send it again, Retry-After is never cut short, and a dropped address comes back.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Container } from '@azure/cosmos';
import { createScheduler } from '../../bot/proactive';
import { setLogLevel } from '../../services/log';
import { digestJobId } from '../../services/supervision/digest';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores, freshStore } from '../helpers/store';

describe('proactive delivery as promised (fake connector, two instances)', () => {
  let a: RunningBot;
  let b: RunningBot;
  let channel: FakeChannel;
  let clock: sinon.SinonFakeTimers | undefined;
  let sleeps: number[] = [];

  before(async () => {
    setLogLevel('silent');
    const store = await freshStore();
    a = await startBot({ store });
    b = await startBot({ store });
    channel = await startFakeChannel();
  });
  afterEach(async () => {
    const schedules = a.app.store.containers.schedules;
    const { resources } = await schedules.items.query<{ id: string }>('SELECT c.id FROM c').fetchAll();
    for (const { id } of resources) await schedules.item(id, id).delete();
    clock?.restore();
    clock = undefined;
    channel.failNext.length = 0;
    for (const k of Object.keys(channel.failHeaders)) delete channel.failHeaders[k];
    sleeps = [];
  });
  after(async () => {
    await a.stop();
    await b.stop();
    await channel.close();
    await closeStores();
  });

  const fakeNow = (iso: string) => (clock = sinon.useFakeTimers({ now: new Date(iso), toFake: ['Date'] }));
  const scheduler = (bot: RunningBot, owner: string, container?: Container) =>
    createScheduler(bot.app, bot.server.adapter, {
      sender: { sleep: async (ms) => void sleeps.push(ms), backoff: { baseMs: 1000, maxMs: 20_000, random: () => 1 } },
      scheduler: { owner, ...(container ? { container } : {}) },
    });
  const followUp = (personId: string, clientCode = 'C-14') =>
    a.app.jobs.put({ id: `followup|${personId}|${clientCode}`, kind: 'followup', personId, due: a.app.now().toISOString(), payload: { clientCode } }, a.app.now());
  /** Someone talking to the bot from the fake channel (through instance `via`), so their address points at it. */
  const person = (via: RunningBot = a) => {
    const convo = new Conversation(via.url, undefined, undefined, 'msteams');
    const say = async (text: string, through: RunningBot = via) =>
      (await new Conversation(through.url, convo.userId, convo.conversationId, 'msteams').post({ text, serviceUrl: channel.serviceUrl })).activities;
    return { convo, say, id: a.app.personIdFor(convo.userId) };
  };
  const arrivals = (convo: Conversation) => channel.received.filter((r) => r.path.startsWith(`/v3/conversations/${encodeURIComponent(convo.conversationId)}/`)).map((r) => r.activity);
  const leads = ['Supervisor 1', 'Supervisor 2', 'Supervisor 3', 'Supervisor 4', 'Supervisor 5', 'Supervisor 6'];
  const supervisor = async () => {
    const p = person();
    const added = await a.app.supervision.roster.add({ channelId: p.convo.userId, role: 'supervisor', alias: leads.shift()! });
    assert.ok(added.ok, added.ok ? '' : added.problem);
    await p.say('help');
    return p;
  };

  it('a digest waiting to retry (503) keeps this week through a `timezone` command and an instance restart', async () => {
    fakeNow('2026-11-23T12:00:00Z'); // Monday 07:00 in Toronto
    const sup = await supervisor();
    const id = digestJobId(sup.id);
    const due = (await a.app.jobs.get(id))!.due;
    assert.equal(due, '2026-11-23T14:00:00.000Z', 'Monday 09:00 Toronto');
    clock!.setSystemTime(new Date(Date.parse(due) + 1000));
    channel.failNext.push(503, 503, 503, 503);
    assert.equal((await scheduler(a, 'a').runDue()).failed, 1, 'built, not delivered: waiting to retry');
    const waiting = (await a.app.jobs.get(id))!;
    assert.ok(waiting.due < '2026-11-23T16:00:00.000Z', `retry soon, not next week (${waiting.due})`);

    assert.match(visibleText(await sup.say('timezone America/Vancouver')), /America\/Vancouver/);
    assert.equal((await a.app.jobs.get(id))!.due, waiting.due, 'the retry stands after a time-zone change');
    await b.app.supervision.startup(); // what an instance does when it restarts
    assert.equal((await a.app.jobs.get(id))!.due, waiting.due, 'and after a restart');

    clock!.setSystemTime(new Date(waiting.due));
    assert.equal((await scheduler(b, 'b').runDue()).sent, 1);
    const got = arrivals(sup.convo);
    assert.equal(got.length, 1);
    assert.match(visibleText(got), /Your weekly digest/);
    // What follows moves with the zone: it is still before 09:00 on Monday in Vancouver, so the job looks again then
    // and finds this week's digest sent (one a week, by the supervisor's local date).
    assert.equal((await a.app.jobs.get(id))!.due, '2026-11-23T17:00:00.000Z');
    clock!.setSystemTime(new Date('2026-11-23T17:00:00Z'));
    assert.equal((await scheduler(a, 'a').runDue()).sent, 0);
    assert.equal(arrivals(sup.convo).length, 1, 'one digest this week');
    assert.equal((await a.app.jobs.get(id))!.due, '2026-11-30T17:00:00.000Z', 'next: Monday 09:00 Vancouver');
  });

  it('exactly once after a crash: the instance dies after the channel took the digest; the takeover does not send it again', async () => {
    fakeNow('2026-11-23T12:00:00Z');
    const sup = await supervisor();
    const id = digestJobId(sup.id);
    clock!.setSystemTime(new Date(Date.parse((await a.app.jobs.get(id))!.due) + 1000));
    // Instance A dies once the message is out: every write that would finish the job (no lease in it) never returns.
    const schedules = a.app.store.containers.schedules;
    const dying = new Proxy(schedules, {
      get(target, prop, receiver) {
        if (prop !== 'item') return Reflect.get(target, prop, receiver);
        return (itemId: string, pk: string) => {
          const item = target.item(itemId, pk);
          return new Proxy(item, {
            get(i, p, r) {
              if (p === 'replace') return (body: { leaseOwner?: string }, o?: object) => (body.leaseOwner ? i.replace(body, o) : new Promise(() => {}));
              if (p === 'delete') return () => new Promise(() => {});
              return Reflect.get(i, p, r);
            },
          });
        };
      },
    }) as Container;
    void scheduler(a, 'dying', dying).runDue();
    await channel.waitFor(channel.received.length + 1);
    const sentTo = () => arrivals(sup.convo).filter((x) => /Your weekly digest/.test(visibleText([x])));
    assert.equal(sentTo().length, 1);
    // What the channel answered is recorded in the job before anything else.
    let recorded: Record<string, string> | undefined;
    for (let i = 0; i < 500 && !recorded; i++) {
      recorded = ((await a.app.jobs.get(id)) as { done?: Record<string, string> } | undefined)?.done;
      if (!recorded) await new Promise((r) => setTimeout(r, 10));
    }
    assert.match(recorded?.[0] ?? '', /^sent-\d+$/, 'the activity id the channel gave');

    // Instance B takes over when the lease ends, and again whenever the job comes due, for an hour.
    const start = Date.now();
    for (let min = 5; min <= 60; min++) {
      clock!.setSystemTime(new Date(start + min * 60_000));
      await scheduler(b, 'b').runDue();
    }
    assert.equal(sentTo().length, 1, 'sent once');
    assert.equal((await a.app.jobs.get(id))!.due, '2026-11-30T14:00:00.000Z', 'and the job moved on to next week');
  });

  it('Retry-After is never cut short: 60 s is waited in full; longer than the lease allows is left to the scheduler', async () => {
    fakeNow('2026-11-24T15:00:00Z');
    const p = person();
    await p.say('help');
    await followUp(p.id);
    channel.failHeaders['retry-after'] = '60';
    channel.failNext.push(429);
    assert.equal((await scheduler(a, 'x').runDue()).sent, 1);
    assert.deepEqual(sleeps, [60_000], 'the 60 s the channel asked for (it used to be cut to 20 s)');

    await followUp(p.id, 'C-15');
    channel.failHeaders['retry-after'] = '600';
    channel.failNext.push(429);
    assert.equal((await scheduler(a, 'x').runDue()).failed, 1);
    assert.deepEqual(sleeps, [60_000], 'ten minutes is not slept through inside a five-minute lease');
    const job = await a.app.jobs.get(`followup|${p.id}|C-15`);
    assert.ok(job && Date.parse(job.due) >= Date.parse('2026-11-24T15:10:00Z'), `not before the channel's ten minutes (${job?.due})`);
    clock!.setSystemTime(new Date('2026-11-24T15:09:00Z'));
    assert.equal((await scheduler(b, 'b').runDue()).claimed, 0, 'not sooner');
    clock!.setSystemTime(new Date(job!.due));
    assert.equal((await scheduler(b, 'b').runDue()).sent, 1);
    assert.equal(arrivals(p.convo).filter((x) => /C-15/.test(visibleText([x]))).length, 1);
  });

  it('every proactive message (reminder, follow-up, digest) carries a short text and its card a fallbackText', async () => {
    fakeNow('2026-11-23T12:00:00Z'); // Monday 07:00 in Toronto
    const sup = await supervisor();
    await sup.say('remind me at 08:00 on weekdays');
    await followUp(sup.id, 'C-21');
    const s = scheduler(a, 'texts');
    await s.runDue(); // the follow-up
    clock!.setSystemTime(new Date('2026-11-23T13:00:01Z'));
    await s.runDue(); // the reminder
    clock!.setSystemTime(new Date('2026-11-23T14:00:01Z'));
    await s.runDue(); // the digest
    const got = arrivals(sup.convo);
    assert.equal(got.length, 3);
    for (const x of got) {
      assert.ok(x.text && x.text.length <= 200, `a short text: ${x.text}`);
      const card = x.attachments?.[0]?.content as { fallbackText?: string };
      assert.ok(card.fallbackText, `a fallbackText with "${x.text}"`);
    }
    assert.deepEqual(got.map((x) => x.text!.slice(0, 24)), ['Checking in about C-21', 'Time for a short reflect', got[2]!.text!.slice(0, 24)]);
    assert.match(got[2]!.text!, /Here's your team/);
  });
});
