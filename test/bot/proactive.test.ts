import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sinon from 'sinon';
import type { Activity } from 'botbuilder';
import { createScheduler } from '../../bot/proactive';
import { installWebChat, WEBCHAT_CHANNEL_ID } from '../../bot/webchat';
import { setLogLevel } from '../../services/log';
import { DEFAULT_LOCALES_DIR, loadCatalogues, t, useCatalogues } from '../../services/catalogue';
import { jobHandlers } from '../../services/scheduler/handlers';
import type { OutgoingMessage } from '../../services/scheduler/job';
import { Scheduler, type Delivery } from '../../services/scheduler/scheduler';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

describe('proactive messages through the scheduler (fake channel, fake clock)', () => {
  let bot: RunningBot;
  let channel: FakeChannel;
  let clock: sinon.SinonFakeTimers | undefined;
  let sleeps: number[] = [];

  before(async () => {
    setLogLevel('silent');
    bot = await startBot();
    channel = await startFakeChannel();
  });
  afterEach(async () => {
    // Each test starts with no jobs: a reminder left by one would fall due in the next.
    const schedules = bot.app.store.containers.schedules;
    const { resources } = await schedules.items.query<{ id: string }>('SELECT c.id FROM c').fetchAll();
    for (const { id } of resources) await schedules.item(id, id).delete();
    clock?.restore();
    clock = undefined;
    channel.failNext.length = 0;
    sleeps = [];
  });
  after(async () => {
    await bot.stop();
    await channel.close();
    await closeStores();
  });

  const fakeNow = (iso: string) => (clock = sinon.useFakeTimers({ now: new Date(iso), toFake: ['Date'] }));
  const scheduler = (owner: string) =>
    createScheduler(bot.app, bot.server.adapter, {
      sender: { sleep: async (ms) => void sleeps.push(ms), backoff: { baseMs: 1000, maxMs: 20_000, random: () => 1 } },
      scheduler: { owner },
    });
  /** A person talking to the bot from the fake channel, so their stored reference points at it. */
  const person = (channelId = 'msteams') => {
    const convo = new Conversation(bot.url, undefined, undefined, channelId);
    const say = async (text: string) => (await convo.post({ text, serviceUrl: channel.serviceUrl })).activities;
    return { convo, say, id: bot.app.personIdFor(convo.userId) };
  };
  const arrivals = (convo: Conversation) => channel.received.filter((r) => r.path.startsWith(`/v3/conversations/${encodeURIComponent(convo.conversationId)}/`)).map((r) => r.activity);
  const followUp = (personId: string, clientCode = 'C-14') =>
    bot.app.jobs.put({ id: `followup|${personId}|${clientCode}`, kind: 'followup', personId, due: bot.app.now().toISOString(), payload: { clientCode } }, bot.app.now());
  const cardData = (a: Activity) => ((a.attachments?.[0]?.content as { actions?: { data?: unknown }[] } | undefined)?.actions ?? []).map((x) => x.data);

  it('delivers a reminder set for 16:30 America/Toronto once, at 16:30 Toronto time', async () => {
    fakeNow('2026-11-24T14:00:00Z'); // Tuesday 09:00 in Toronto
    const p = person();
    const reply = visibleText(await p.say('remind me at 16:30 on weekdays'));
    assert.match(reply, /4:30 pm on weekdays \(America\/Toronto time\)/);
    assert.match(reply, /today at 4:30 pm/);
    assert.equal((await bot.app.references.get(p.id))?.address.serviceUrl, channel.serviceUrl);

    const s = scheduler('a');
    clock!.setSystemTime(new Date('2026-11-24T21:29:00Z'));
    await s.runDue();
    assert.equal(arrivals(p.convo).length, 0, 'not before 16:30');

    clock!.setSystemTime(new Date('2026-11-24T21:30:05Z'));
    assert.equal((await s.runDue()).sent, 1);
    await s.runDue();
    const got = arrivals(p.convo);
    assert.equal(got.length, 1, 'once');
    assert.match(visibleText(got), new RegExp(t('notices.reminder').slice(0, 30)));
    assert.match(visibleText(got), new RegExp(t('notices.reminderButton')));
    assert.deepEqual(cardData(got[0]), [{ command: 'reflect' }]);
    assert.equal((await bot.app.jobs.get(`reminder|${p.id}|16:30`))?.due, '2026-11-25T21:30:00.000Z', 'next: Wednesday 16:30 Toronto');
    assert.match(visibleText(await p.say('reminders')), /4:30 pm on weekdays — next one tomorrow at 4:30 pm/);

    assert.match(visibleText(await p.say('stop reminders')), /no more reminders/);
    assert.equal(await bot.app.jobs.get(`reminder|${p.id}|16:30`), undefined);
    assert.match(visibleText(await p.say('stop reminders')), /nothing to stop/);
  });

  it('keeps 16:30 local through the DST week (Toronto falls back on Sunday 1 November)', async () => {
    fakeNow('2026-10-29T13:00:00Z'); // Thursday
    const p = person();
    await p.say('remind me at 4:30pm on weekdays');
    const s = scheduler('dst');
    const dues: string[] = [];
    for (let i = 0; i < 4; i++) {
      const due = (await bot.app.jobs.get(`reminder|${p.id}|16:30`))!.due;
      dues.push(due);
      clock!.setSystemTime(new Date(due));
      await s.runDue();
    }
    assert.deepEqual(dues, ['2026-10-29T20:30:00.000Z', '2026-10-30T20:30:00.000Z', '2026-11-02T21:30:00.000Z', '2026-11-03T21:30:00.000Z']);
    assert.equal(arrivals(p.convo).length, 4, 'one each weekday, none at the weekend');
  });

  it('moves the reminder when the person sets their time zone', async () => {
    fakeNow('2026-11-24T14:00:00Z');
    const p = person();
    await p.say('remind me at 16:30 on weekdays');
    assert.match(visibleText(await p.say('timezone Mars/Olympus')), /don't know that time zone/);
    assert.match(visibleText(await p.say('timezone america/vancouver')), /now America\/Vancouver.*moves with you: 4:30 pm on weekdays/s);
    assert.equal((await bot.app.people.get(p.id))?.timeZone, 'America/Vancouver');
    assert.equal((await bot.app.jobs.get(`reminder|${p.id}|16:30`))?.due, '2026-11-25T00:30:00.000Z', '16:30 in Vancouver');
    assert.match(visibleText(await p.say('remind me at noon blah')), /couldn't read all of that/);
    assert.match(visibleText(await p.say('remind me')), /Tell me when/);
  });

  it('two scheduler instances on the same store send each follow-up once', async () => {
    const people = [person(), person(), person()];
    for (const p of people) {
      await p.say('help');
      await followUp(p.id);
    }
    await Promise.all([scheduler('one').runDue(), scheduler('two').runDue()]);
    for (const p of people) {
      const got = arrivals(p.convo).filter((a) => /How are things going with C-14\?/.test(visibleText([a])));
      assert.equal(got.length, 1);
      assert.match(visibleText(got), new RegExp(t('notices.followUpButton')));
      assert.deepEqual(cardData(got[0]), [{ command: 'reflect', clientCode: 'C-14' }]);
    }
  });

  it('a follow-up is written in the locale the person’s chat last sent (a fr-CA catalogue, no code)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-locales-'));
    fs.copyFileSync(path.join(DEFAULT_LOCALES_DIR, 'en.json'), path.join(dir, 'en.json'));
    fs.writeFileSync(path.join(dir, 'fr-CA.json'), JSON.stringify({ notices: { followUp: 'Comment ça va avec {clientCode}? Si vous voulez, on peut y réfléchir ensemble.' } }));
    const restore = useCatalogues(loadCatalogues(dir));
    try {
      const p = person();
      await p.convo.post({ text: 'help', serviceUrl: channel.serviceUrl, locale: 'fr-CA' });
      await followUp(p.id);
      await scheduler('fr').runDue();
      const shown = visibleText(arrivals(p.convo));
      assert.match(shown, /Comment ça va avec C-14\?/);
      assert.match(shown, new RegExp(t('notices.followUpButton', {}, 'en')), 'not translated: English');
    } finally {
      restore();
    }
  });

  it('a restarted instance picks up a job whose instance died mid-run, once the lease expires', async () => {
    fakeNow('2026-11-24T15:00:00Z');
    const p = person();
    await p.say('help');
    await followUp(p.id);
    // An instance that claims the job and then never finishes (it died while sending).
    const dying = new Scheduler({
      container: bot.app.store.containers.schedules, handlers: jobHandlers(bot.app), now: () => bot.app.now(), owner: 'dying', leaseMs: 300_000,
      sender: { send: (_m: OutgoingMessage) => new Promise<Delivery>(() => {}) },
    });
    void dying.runDue();
    const id = `followup|${p.id}|C-14`;
    for (let i = 0; i < 100 && (await bot.app.jobs.get(id))?.leaseOwner !== 'dying'; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal((await bot.app.jobs.get(id))?.leaseOwner, 'dying');

    const restarted = scheduler('restarted');
    clock!.setSystemTime(new Date('2026-11-24T15:04:00Z'));
    assert.equal((await restarted.runDue()).claimed, 0, 'the lease still holds');
    clock!.setSystemTime(new Date('2026-11-24T15:05:00Z'));
    assert.equal((await restarted.runDue()).sent, 1);
    assert.equal(arrivals(p.convo).length, 1);
    assert.equal(await bot.app.jobs.get(id), undefined);
  });

  it('403 from the channel drops the reference and the messages for that person', async () => {
    const p = person();
    await p.say('help');
    await followUp(p.id);
    channel.failNext.push(403);
    const summary = await scheduler('x').runDue();
    assert.equal(summary.dropped, 1);
    assert.equal(await bot.app.references.get(p.id), undefined);
    assert.equal(await bot.app.jobs.get(`followup|${p.id}|C-14`), undefined);
    assert.equal(arrivals(p.convo).length, 0);
    await followUp(p.id, 'C-15');
    assert.equal((await scheduler('x').runDue()).dropped, 1, 'no reference: nothing is sent');
    assert.equal(arrivals(p.convo).length, 0);
  });

  it('429 then 503 are retried with exponential backoff, then the message arrives once', async () => {
    const p = person();
    await p.say('help');
    await followUp(p.id);
    channel.failNext.push(429, 503);
    const summary = await scheduler('y').runDue();
    assert.equal(summary.sent, 1);
    assert.deepEqual(sleeps, [1000, 2000]);
    assert.equal(arrivals(p.convo).length, 1);
  });

  it('keeps the job for later when the channel keeps failing', async () => {
    fakeNow('2026-11-24T15:00:00Z');
    const p = person();
    await p.say('help');
    await followUp(p.id);
    channel.failNext.push(503, 503, 503, 503);
    assert.equal((await scheduler('z').runDue()).failed, 1);
    assert.equal(sleeps.length, 3, 'four tries, three waits');
    const job = await bot.app.jobs.get(`followup|${p.id}|C-14`);
    assert.equal(job?.attempts, 1);
    assert.ok(job && job.due > '2026-11-24T15:00:00.000Z');
    clock!.setSystemTime(new Date(job!.due));
    assert.equal((await scheduler('z').runDue()).sent, 1);
    assert.equal(arrivals(p.convo).length, 1);
  });
});

describe('conversation references from Teams events', () => {
  let bot: RunningBot;
  before(async () => {
    setLogLevel('silent');
    bot = await startBot();
  });
  after(async () => {
    await bot.stop();
    await closeStores();
  });

  const teams = () => {
    const convo = new Conversation(bot.url, `29:${Math.random().toString(36).slice(2, 10)}`, undefined, 'msteams');
    return { convo, id: bot.app.personIdFor(convo.userId) };
  };
  const bot_ = { id: 'peerreflect-bot', name: 'PeerReflect' };

  it('stores the reference on a message, writes only on a change, and ignores team channels', async () => {
    const { convo, id } = teams();
    await convo.say('help');
    const first = await bot.app.references.get(id);
    assert.equal(first?.address.conversation.id, convo.conversationId);
    assert.equal(first?.address.channelId, 'msteams');
    await new Promise((r) => setTimeout(r, 5));
    await convo.say('help');
    assert.equal((await bot.app.references.get(id))?.updatedAt, first?.updatedAt, 'unchanged: not rewritten');

    await convo.post({ text: 'help', conversation: { id: 'team-channel-1', conversationType: 'channel', isGroup: true, name: '' } });
    assert.equal((await bot.app.references.get(id))?.address.conversation.id, convo.conversationId, 'a team channel is not their address');
  });

  it('removes it on uninstall, but not when the bot leaves a team', async () => {
    const { convo, id } = teams();
    await convo.say('help');
    await convo.post({ type: 'conversationUpdate', text: undefined, membersRemoved: [bot_], conversation: { id: 'team-channel-2', conversationType: 'channel', isGroup: true, name: '' } });
    assert.ok(await bot.app.references.get(id), 'removing the bot from a team keeps the personal chat');
    const { status } = await convo.post({ type: 'installationUpdate', action: 'remove', text: undefined });
    assert.equal(status, 200);
    assert.equal(await bot.app.references.get(id), undefined);

    await convo.say('help');
    assert.ok(await bot.app.references.get(id), 'stored again on the next message');
    await convo.post({ type: 'conversationUpdate', text: undefined, membersRemoved: [bot_] });
    assert.equal(await bot.app.references.get(id), undefined, 'bot removed from the personal chat');
  });

  it('stores it on install and welcomes once, with the new-hire welcome for a new hire', async () => {
    const { convo, id } = teams();
    const install = await convo.post({ type: 'installationUpdate', action: 'add', text: undefined });
    assert.equal(install.activities.length, 1);
    assert.match(visibleText(install.activities), /remind me at 16:30/);
    assert.ok(await bot.app.references.get(id));
    const added = await convo.post({ type: 'conversationUpdate', text: undefined, membersAdded: [bot_] });
    assert.equal(added.activities.length, 0, 'the welcome is said once');

    const newHire = teams();
    const { person } = await bot.app.people.getOrCreate(newHire.id);
    await bot.app.people.put({ ...person, role: 'newhire' });
    const welcomed = await newHire.convo.post({ type: 'conversationUpdate', text: undefined, membersAdded: [bot_, { id: newHire.convo.userId, name: 'New' }] });
    assert.equal(welcomed.activities.length, 1);
    assert.doesNotMatch(visibleText(welcomed.activities), /remind me/);
    assert.ok(await bot.app.references.get(newHire.id));
  });
});

describe('proactive messages to the local web chat', () => {
  let bot: RunningBot;
  let clock: sinon.SinonFakeTimers | undefined;
  before(async () => {
    setLogLevel('silent');
    bot = await startBot({ extraRoutes: [installWebChat] });
  });
  after(async () => {
    clock?.restore();
    await bot.stop();
    await closeStores();
  });

  /** The first activity the page's server-sent event stream hands over (pending ones are kept for it). */
  async function firstEvent(url: string): Promise<Activity> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 5000);
    try {
      const reader = (await fetch(url, { signal: controller.signal })).body!.getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += new TextDecoder().decode(value);
        const block = buffer.split('\n\n').find((b) => b.includes('event: activity'));
        const data = block?.split('\n').find((l) => l.startsWith('data: '));
        if (data) return JSON.parse(data.slice(6)) as Activity;
      }
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  it('a reminder set from the web chat arrives on the page at its time (the channel serviceUrl is our own route)', async () => {
    clock = sinon.useFakeTimers({ now: new Date('2026-11-24T14:00:00Z'), toFake: ['Date'] });
    const res = await fetch(`${bot.url}/webchat/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identityId: 'local-psw-1' }) });
    const session = (await res.json()) as { conversationId: string; serviceUrl: string; user: { id: string } };
    const convo = new Conversation(bot.url, session.user.id, session.conversationId, WEBCHAT_CHANNEL_ID);
    assert.match(visibleText((await convo.post({ text: 'remind me at 16:30 on weekdays', serviceUrl: session.serviceUrl })).activities), /4:30 pm on weekdays/);
    clock.setSystemTime(new Date('2026-11-24T21:30:00Z'));
    const s = createScheduler(bot.app, bot.server.adapter);
    assert.equal((await s.runDue()).sent, 1);
    const activity = await firstEvent(`${bot.url}/webchat/conversations/${session.conversationId}/events`);
    assert.match(visibleText([activity]), /your reflection reminder/);
  });
});
