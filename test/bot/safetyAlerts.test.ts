// Safety alerts on their own delivery path (issue 20), through the real bot's scheduler and Sender to a recording
// fake Bot Connector on loopback, with a fake clock: the PSW hears when it is actually delivered; a 403 or a
// lasting 503 at the supervisor's conversation tells the PSW plainly, with the protocol's contacts, and alerts
// the next in line (another supervisor of the team, then an admin); nobody left is said, not dropped; two
// instances on one store deliver it once; one alert per debrief names every kind.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import type { Activity } from 'botbuilder';
import { createScheduler } from '../../bot/proactive';
import { DEFAULT_LOCALES_DIR, loadCatalogues, useCatalogues } from '../../services/catalogue';
import { log, setLogLevel } from '../../services/log';
import type { Role } from '../../services/people';
import { safetyAlertId, type SafetyAlertPayload } from '../../services/safety/alerts';
import { ALERT_RETRY_MS, ALERT_WINDOW_MS } from '../../services/safety/delivery';
import type { RiskCategory } from '../../services/content';
import { Conversation, startBot, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

const T0 = Date.parse('2026-11-24T15:00:00Z');

describe('safety alert delivery (fake connector, fake clock)', () => {
  let channel: FakeChannel;
  let bot: RunningBot;
  let clock: sinon.SinonFakeTimers;
  const sleeps: number[] = [];

  before(async () => {
    setLogLevel('silent');
    channel = await startFakeChannel();
  });
  beforeEach(async () => {
    clock = sinon.useFakeTimers({ now: T0, toFake: ['Date'] });
    bot = await startBot();
  });
  afterEach(async () => {
    clock.restore();
    sinon.restore();
    channel.failConversation.clear();
    channel.failNext.length = 0;
    sleeps.length = 0;
    await bot.stop();
  });
  after(async () => {
    await channel.close();
    await closeStores();
  });

  const schedulerOf = (b: RunningBot, owner: string) =>
    createScheduler(b.app, b.server.adapter, {
      sender: { sleep: async (ms) => void sleeps.push(ms), backoff: { baseMs: 1000, maxMs: 20_000, random: () => 1 } },
      scheduler: { owner },
    });
  /** Someone on the roster who has talked to the bot from the fake channel (so the bot can reach them). */
  const member = async (alias: string, role: Role, extra: { team?: string; supervisorId?: string } = {}) => {
    const convo = new Conversation(bot.url, `aad-${randomUUID().slice(0, 8)}`, undefined, 'msteams');
    await convo.post({ text: 'help', serviceUrl: channel.serviceUrl });
    const id = bot.app.personIdFor(convo.userId);
    await bot.app.people.update(id, (p) => ({ ...p, role, alias, ...extra }));
    return { convo, id, alias };
  };
  const inbox = (m: { convo: Conversation }): string[] =>
    channel.received.filter((r) => r.path.startsWith(`/v3/conversations/${encodeURIComponent(m.convo.conversationId)}/`)).map((r) => (r.activity as Activity).text ?? '');
  const alerts = (m: { convo: Conversation }) => inbox(m).filter((t) => /Safety alert|could use some support/.test(t));
  const team = async (name = `team-${randomUUID().slice(0, 6)}`) => {
    const sup = await member('Sup A', 'supervisor', { team: name });
    const psw = await member('PSW 7', 'psw', { team: name, supervisorId: sup.id });
    return { sup, psw, name };
  };
  const ask = (psw: { id: string }, categories: RiskCategory[], debriefId = 'd1') =>
    bot.app.safetyAlerts.request({ psw: psw.id, debriefId, clientCode: 'K-9', categories, region: 'CA' }, bot.app.now());
  const payload = async (debriefId = 'd1') => (await bot.app.jobs.get(safetyAlertId(debriefId)))?.payload as unknown as SafetyAlertPayload;
  const at = (ms: number) => clock.setSystemTime(T0 + ms);

  it('tells the PSW only once the alert has actually reached their supervisor', async () => {
    const { sup, psw } = await team();
    assert.equal(await ask(psw, ['suicide']), 'sending');
    assert.deepEqual(alerts(sup), [], 'nothing is claimed before it is delivered');
    assert.deepEqual(inbox(psw), []);

    const before = channel.received.length;
    assert.equal((await schedulerOf(bot, 'a').runDue()).claimed, 1);
    const [alert] = alerts(sup);
    assert.match(alert!, /Safety alert from PSW 7: a possible concern \(suicidal thoughts\) came up in a reflection about client K-9\./);
    assert.doesNotMatch(alert!, /couldn’t be reached/);
    assert.deepEqual(inbox(psw), ['Your safety alert has reached Sup A (your supervisor). They\'ll check in with you.']);
    // Delivered first, confirmed after.
    const order = channel.received.slice(before).map((r) => r.path.includes(encodeURIComponent(sup.convo.conversationId)) ? 'sup' : 'psw');
    assert.deepEqual(order, ['sup', 'psw']);
    assert.equal((await payload()).state, 'delivered');

    at(60_000);
    await schedulerOf(bot, 'a').runDue();
    assert.equal(alerts(sup).length, 1, 'sent once');
    assert.equal(inbox(psw).length, 1);
  });

  it('403 at the supervisor: the PSW is told at once with the contacts, and another supervisor of the team gets it', async () => {
    const { sup, psw, name } = await team();
    const backup = await member('Sup B', 'supervisor', { team: name });
    const elsewhere = await member('Sup C', 'supervisor', { team: 'another-team' });
    channel.failConversation.set(sup.convo.conversationId, 403);
    await ask(psw, ['suicide', 'overdose']);

    await schedulerOf(bot, 'a').runDue();
    assert.deepEqual(alerts(sup), []);
    assert.equal(await bot.app.references.get(sup.id), undefined, 'the 403 conversation is dropped');
    const [told, delivered] = inbox(psw);
    assert.match(told!, /^I couldn't get your safety alert through to Sup A \(your supervisor\)\. Please reach them yourself now/);
    assert.match(told!, /I'm sending it to Sup B \(another supervisor on your team\) instead/);
    // The protocol's contacts for these kinds, Canadian (the PSW's time zone is America/Toronto).
    assert.match(told!, /Emergency\*\*: Call 911/);
    assert.match(told!, /9-8-8 Suicide Crisis Helpline/);
    assert.match(told!, /1-888-688-6677/);
    assert.doesNotMatch(told!, /\(US\)/);
    const [alert] = alerts(backup);
    assert.match(alert!, /\(overdose and suicidal thoughts\).*client K-9\. Their supervisor couldn’t be reached, so it has come to you\./);
    assert.equal(delivered, 'Your safety alert has reached Sup B (another supervisor on your team). They\'ll check in with you.');
    assert.deepEqual(alerts(elsewhere), [], 'another team’s supervisor is not in line');
    assert.deepEqual(channel.refused.filter((r) => r.path.includes(encodeURIComponent(sup.convo.conversationId))).map((r) => r.status), [403], 'no retry storm');
  });

  it('a lasting 503: retried every 15 s, then within two minutes the PSW is told and an admin is alerted; never hours', async () => {
    const { sup, psw } = await team();
    const admin = await member('Admin Z', 'admin');
    channel.failConversation.set(sup.convo.conversationId, 503);
    await ask(psw, ['abuse']);
    const s = schedulerOf(bot, 'a');

    const dues: number[] = [];
    for (let i = 0; i < 20 && (await payload()).chain[(await payload()).at] === sup.id; i++) {
      await s.runDue();
      const job = await bot.app.jobs.get(safetyAlertId('d1'));
      dues.push(Date.parse(job!.due) - T0);
      at(Date.parse(job!.due) - T0);
    }
    assert.ok(dues.length >= 2 && dues.length <= 8, `tries: ${dues.length}`);
    for (let i = 1; i < dues.length - 1; i++) assert.ok(dues[i]! - dues[i - 1]! <= ALERT_RETRY_MS, 'every 15 s at most');
    assert.deepEqual(alerts(sup), []);
    const told = inbox(psw).find((t) => /couldn't get your safety alert through/.test(t));
    assert.ok(told, 'the PSW is told plainly');
    assert.match(told!, /Sup A \(your supervisor\).*I'm sending it to Admin Z \(an admin\) instead/s);
    assert.match(told!, /1-800-668-6868/, 'Kids Help Phone for abuse, in Canada');
    assert.match(alerts(admin)[0]!, /\(abuse or neglect\).*couldn’t be reached/);
    assert.match(inbox(psw).at(-1)!, /reached Admin Z \(an admin\)/);
    const p = await payload();
    assert.equal(p.state, 'delivered');
    assert.ok(Date.parse(p.since) - T0 <= ALERT_WINDOW_MS + ALERT_RETRY_MS, 'escalated within two minutes');

    // The supervisor's channel recovering later brings no second alert.
    channel.failConversation.clear();
    at(10 * 60_000);
    await s.runDue();
    assert.deepEqual(alerts(sup), []);
    assert.equal(alerts(admin).length, 1);
  });

  it('429 with Retry-After: tried again no sooner than asked; asked past the window, the next in line at once', async () => {
    const { sup, psw, name } = await team();
    const backup = await member('Sup B', 'supervisor', { team: name });
    channel.failConversation.set(sup.convo.conversationId, 429);
    channel.failHeaders['retry-after'] = '40';
    try {
      await ask(psw, ['overdose']);
      const s = schedulerOf(bot, 'a');
      await s.runDue();
      assert.equal(Date.parse((await bot.app.jobs.get(safetyAlertId('d1')))!.due) - T0, 40_000, 'not at 15 s: the channel asked for 40');
      assert.deepEqual(alerts(backup), []);
      channel.failHeaders['retry-after'] = '600';
      at(40_000);
      await s.runDue();
      assert.deepEqual(alerts(sup), []);
      assert.match(inbox(psw)[0]!, /couldn't get your safety alert through to Sup A.*sending it to Sup B/s);
      assert.equal(alerts(backup).length, 1, 'ten minutes is too long to wait: the next in line now');
      assert.ok(sleeps.every((ms) => ms < 15_000), `no long sleep inside the Sender: ${sleeps.join(', ')}`);
    } finally {
      delete channel.failHeaders['retry-after'];
    }
  });

  it('nobody can be reached: the PSW is told to call directly, with the contacts, and it is logged as an error', async () => {
    const { sup, psw } = await team();
    channel.failConversation.set(sup.convo.conversationId, 404);
    const errors = sinon.spy(log, 'error');
    await ask(psw, ['harm_to_others']);
    await schedulerOf(bot, 'a').runDue();
    const [told] = inbox(psw);
    assert.match(told!, /couldn't get your safety alert through to Sup A \(your supervisor\)\. Please reach them yourself now, by phone if you can\. There's no one else I can reach from here/);
    assert.match(told!, /Call 911/);
    assert.equal((await payload()).state, 'undelivered');
    assert.ok(errors.getCalls().some((c) => c.args[0] === 'safety.alert_undelivered'));
    // Asked again in the same debrief once someone is reachable: it starts again rather than staying lost.
    channel.failConversation.clear();
    await bot.app.references.remember(sup.id, (await bot.app.references.get(psw.id))!.address, bot.app.now(), true);
    assert.equal(await ask(psw, ['harm_to_others']), 'sending');
  });

  it('one alert per debrief: kinds found before it goes out join it; after, the supervisor is not alerted again', async () => {
    const { sup, psw } = await team();
    assert.equal(await ask(psw, ['overdose']), 'sending');
    assert.equal(await ask(psw, ['suicide', 'overdose']), 'added');
    assert.deepEqual((await payload()).categories, ['overdose', 'suicide']);
    await schedulerOf(bot, 'a').runDue();
    assert.deepEqual(alerts(sup).map((t) => /\(overdose and suicidal thoughts\)/.test(t)), [true]);
    assert.equal(await ask(psw, ['abuse']), 'already');
    at(60_000);
    await schedulerOf(bot, 'a').runDue();
    assert.equal(alerts(sup).length, 1);
    // Another debrief is another alert.
    assert.equal(await ask(psw, ['abuse'], 'd2'), 'sending');
  });

  it('two instances on one store deliver it once, and escalate once', async () => {
    const { sup, psw, name } = await team();
    const backup = await member('Sup B', 'supervisor', { team: name });
    const other = await startBot({ store: bot.store });
    try {
      await ask(psw, ['self_harm']);
      await Promise.all([schedulerOf(bot, 'one').runDue(), schedulerOf(other, 'two').runDue()]);
      assert.equal(alerts(sup).length, 1);
      assert.equal(inbox(psw).length, 1);

      channel.failConversation.set(sup.convo.conversationId, 503);
      await ask(psw, ['psw_distress'], 'd2');
      for (let t = 0; t <= ALERT_WINDOW_MS + ALERT_RETRY_MS; t += 5_000) {
        at(t);
        await Promise.all([schedulerOf(bot, 'one').runDue(), schedulerOf(other, 'two').runDue()]);
      }
      assert.equal(inbox(psw).filter((m) => /couldn't get your safety alert through/.test(m)).length, 1, 'told once');
      assert.deepEqual(alerts(backup), ['PSW 7 asked me to let you know they could use some support right now. Their supervisor couldn’t be reached, so it has come to you. I haven’t included anything they wrote. Please check in with them soon.']);
      assert.equal(alerts(sup).length, 1, 'only the first debrief’s');
    } finally {
      await other.stop();
    }
  });

  it('each reader has it in the locale their chat last sent: a fr-CA supervisor in French (a fr-CA catalogue, no code), the PSW in English', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-locales-'));
    fs.copyFileSync(path.join(DEFAULT_LOCALES_DIR, 'en.json'), path.join(dir, 'en.json'));
    fs.writeFileSync(path.join(dir, 'fr-CA.json'), JSON.stringify({
      safety: { alert: {
        concernAbout: 'Alerte de sécurité de {who} : une inquiétude possible ({kinds}) est ressortie d’une réflexion sur le client {clientCode}.',
        noneOfTheirWords: 'Je n’ai rien inclus de ce que la personne a écrit.',
      } },
    }));
    const restore = useCatalogues(loadCatalogues(dir));
    try {
      const { sup, psw } = await team();
      await sup.convo.post({ text: 'help', serviceUrl: channel.serviceUrl, locale: 'fr-CA' });
      await ask(psw, ['suicide', 'overdose']);
      await schedulerOf(bot, 'a').runDue();
      // The kinds are joined in French; their labels are the protocol's (content/safety-protocol.json, English); a
      // message fr-CA.json leaves out is English.
      assert.deepEqual(inbox(sup), [
        'Alerte de sécurité de PSW 7 : une inquiétude possible (overdose et suicidal thoughts) est ressortie d’une réflexion sur le client K-9. Je n’ai rien inclus de ce que la personne a écrit. Please check in with them soon, then type `flags` to mark it acknowledged.',
      ]);
      assert.deepEqual(inbox(psw), ['Your safety alert has reached Sup A (your supervisor). They\'ll check in with you.'], 'en-CA: English');
    } finally {
      restore();
    }
  });
});
