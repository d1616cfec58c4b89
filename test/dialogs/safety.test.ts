// The safety pause over HTTP: every category pauses the debrief and shows the protocol (client wording, or the
// PSW's own), false alarms don't, each category pauses once per debrief, the supervisor alert reaches a fake
// channel with the client code and nothing written, the debrief resumes and saves with its flags, and the
// supervisor's summary shows them. SAFETY_PROTOCOL_FILE replaces the wording.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScheduler } from '../../bot/proactive';
import { words } from '../../dialogs/safety';
import { content } from '../../services/content';
import { setLogLevel } from '../../services/log';
import type { ReflectionDoc } from '../../services/reflections/model';
import { safetyAlertId } from '../../services/safety/alerts';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

const protocol = content().safetyProtocol;

async function toFirstPrompt(c: Conversation, code = 'C-14'): Promise<void> {
  await c.say(`reflect ${code}`);
  await c.say('skip'); // names to hide
  assert.match(visibleText(await c.say('1')), /\(1\/5\)/);
}

async function finish(c: Conversation, from: number, self = '3'): Promise<string> {
  for (let i = from; i < 5; i++) await c.say('skip');
  await c.say('steady');
  const review = visibleText(await c.say(self));
  assert.match(review, /exactly what I'll save/);
  assert.match(visibleText(await c.say('save')), /Saved/);
  return review;
}

async function reflectionsOf(bot: RunningBot, userId: string): Promise<ReflectionDoc[]> {
  return (await bot.app.reflections.listByPsw(bot.app.personIdFor(userId))).items;
}

describe('safety pause (issue 8)', () => {
  let bot: RunningBot;
  let channel: FakeChannel;
  before(async () => {
    setLogLevel('silent');
    bot = await startBot();
    channel = await startFakeChannel();
  });
  after(async () => {
    await bot.stop();
    await channel.close();
    await closeStores();
  });

  const hits: [string, string, 'client' | 'psw'][] = [
    ['overdose', 'She overdosed last night at the shelter', 'client'],
    ['suicide', 'He talked about killing himself after the call', 'client'],
    ['self_harm', "She's cutting herself again, she showed me", 'client'],
    ['harm_to_others', "He said he'd kill his ex if he saw him", 'client'],
    ['abuse', 'He hits the kids when he drinks', 'client'],
    ['psw_distress', "Honestly I can't do this anymore", 'psw'],
  ];
  for (const [category, text, audience] of hits) {
    it(`pauses for ${category}, shows the ${audience} protocol, then asks the next question`, async () => {
      const c = new Conversation(bot.url);
      await toFirstPrompt(c);
      const shown = visibleText(await c.say(text));
      assert.match(shown, new RegExp(escape(protocol.pause)));
      assert.ok(shown.includes(audience === 'client' ? protocol.client.text : protocol.psw.text));
      assert.ok(!shown.includes(audience === 'client' ? protocol.psw.text : protocol.client.text));
      if (audience === 'psw') assert.match(shown, /9-8-8/);
      assert.match(shown, /not a crisis service/);
      assert.ok(shown.includes(words.noSupervisor), 'no supervisor: said kindly, no offer');
      assert.ok(shown.includes(words.whenReady), 'a real pause: it waits for the PSW');
      assert.doesNotMatch(shown, /\(2\/5\)/);
      const resumed = visibleText(await c.say(words.carryOn));
      assert.ok(resumed.includes(protocol.resume));
      assert.match(resumed, /\(2\/5\)/, 'the debrief carries on where it paused');
      await finish(c, 1);
      const [doc] = await reflectionsOf(bot, c.userId);
      assert.deepEqual(doc!.riskFlags, [category]);
    });
  }

  it('does not pause for false alarms', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c);
    for (const [i, text] of ['She killed it at the interview today', 'I overdid it at the gym before the shift', 'Told him to cut yourself some slack'].entries()) {
      const shown = visibleText(await c.say(text));
      assert.doesNotMatch(shown, /pause/i);
      assert.match(shown, new RegExp(`\\(${i + 2}/5\\)`));
    }
    await finish(c, 3);
    const [doc] = await reflectionsOf(bot, c.userId);
    assert.deepEqual(doc!.riskFlags, []);
  });

  it('pauses once per category per debrief; a new category pauses again, the self-check too', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c);
    assert.match(visibleText(await c.say('She overdosed on Friday')), /pause/i);
    await c.say('ok'); // carry on
    const again = visibleText(await c.say('Another overdose in the building'));
    assert.doesNotMatch(again, /pause/i);
    assert.match(again, /\(3\/5\)/);
    assert.match(visibleText(await c.say('and he said he wanted to kill himself')), /pause/i);
    assert.match(visibleText(await c.say('ready')), /\(4\/5\)/);
    await c.say('skip');
    await c.say('skip');
    await c.say('steady');
    const selfCheck = visibleText(await c.say("2 I'm so burnt out"));
    assert.ok(selfCheck.includes(protocol.psw.text));
    assert.doesNotMatch(selfCheck, /exactly what I'll save/);
    const review = visibleText(await c.say(words.carryOn));
    assert.match(review, /exactly what I'll save/, 'the review follows the pause');
    assert.match(review, /Safety notes: overdose, suicidal thoughts, your own wellbeing/);
    assert.match(visibleText(await c.say('save')), /Saved/);
    const [doc] = await reflectionsOf(bot, c.userId);
    assert.deepEqual(doc!.riskFlags.sort(), ['overdose', 'psw_distress', 'suicide']);
    assert.equal(doc!.selfCheck.note, "I'm so burnt out");
  });

  it('alerts the supervisor through the scheduler with the client code and no text; the supervisor sees the flag', async () => {
    // The supervisor talks to the bot from the fake channel, so their reference points there.
    const sup = new Conversation(bot.url, undefined, undefined, 'msteams');
    await sup.post({ text: 'hi', serviceUrl: channel.serviceUrl });
    const supId = bot.app.personIdFor(sup.userId);
    await bot.app.people.update(supId, (p) => ({ ...p, role: 'supervisor', alias: 'Sup 1' }));
    const c = new Conversation(bot.url);
    await c.say('hi');
    const pswId = bot.app.personIdFor(c.userId);
    await bot.app.people.update(pswId, (p) => ({ ...p, supervisorId: supId, alias: 'PSW 7' }));

    await toFirstPrompt(c, 'K-9');
    const offer = visibleText(await c.say('He talked about killing himself, call his sister at 613-555-0199'));
    assert.ok(offer.includes(protocol.supervisorAlert.offer));
    assert.doesNotMatch(offer, /\(2\/5\)/, 'waits for the answer');
    const sent = visibleText(await c.say('yes'));
    assert.ok(sent.includes(protocol.supervisorAlert.sent));
    assert.match(sent, /\(2\/5\)/);

    const { resources: jobs } = await bot.app.store.containers.schedules.items.query<{ id: string; kind: string; personId: string; payload: Record<string, unknown> }>("SELECT * FROM c WHERE c.kind = 'safety_alert'").fetchAll();
    assert.equal(jobs.length, 1);
    assert.equal(jobs[0]!.personId, supId);
    assert.match(jobs[0]!.id, /^safety_alert\|.+\|suicide$/);
    assert.deepEqual(Object.keys(jobs[0]!.payload).sort(), ['category', 'clientCode', 'psw']);

    const before = channel.received.length;
    const scheduler = createScheduler(bot.app, bot.server.adapter);
    const run = await scheduler.runDue();
    assert.equal(run.sent, 1);
    const alert = channel.received.slice(before).map((r) => r.activity).find((a) => a.conversation?.id === sup.conversationId);
    assert.ok(alert, 'the alert reached the supervisor’s conversation');
    assert.match(alert!.text ?? '', /PSW 7/);
    assert.match(alert!.text ?? '', /K-9/);
    assert.match(alert!.text ?? '', /suicidal thoughts/);
    // What the supervisor is shown (ids such as replyToId are random and may hold any digits).
    assert.doesNotMatch(JSON.stringify({ text: alert!.text, attachments: alert!.attachments }), /killing|sister|555|613/);
    assert.equal((await scheduler.runDue()).sent, 0, 'sent once');

    await finish(c, 1);
    const [doc] = await reflectionsOf(bot, c.userId);
    assert.deepEqual(doc!.riskFlags, ['suicide']);
    assert.equal(jobs[0]!.id, safetyAlertId(doc!.id, 'suicide'), 'one alert per debrief and category');

    const replies = (await sup.post({ text: 'summary', serviceUrl: channel.serviceUrl })).activities;
    assert.match(visibleText(replies), /something to look at/);
    const card = JSON.stringify(replies.map((a) => a.attachments));
    assert.match(card, /"title":"Safety","value":"⚠ suicidal thoughts 1/);
    assert.doesNotMatch(card, /killing|sister|555/);
  });

  it("says so kindly when the supervisor can't be reached by the bot yet", async () => {
    const sup = new Conversation(bot.url);
    await sup.say('hi');
    const supId = bot.app.personIdFor(sup.userId);
    await bot.app.people.update(supId, (p) => ({ ...p, role: 'supervisor', alias: 'Sup 2' }));
    await bot.app.references.remove(supId);
    const c = new Conversation(bot.url);
    await c.say('hi');
    await bot.app.people.update(bot.app.personIdFor(c.userId), (p) => ({ ...p, supervisorId: supId }));
    await toFirstPrompt(c);
    const shown = visibleText(await c.say('found him unresponsive in the washroom'));
    assert.ok(shown.includes(words.unreachable));
    assert.doesNotMatch(shown, /\(2\/5\)/, 'the protocol gets a moment of its own');
    assert.match(visibleText(await c.say('carry on')), /\(2\/5\)/);
  });

  it('uses the organisation protocol from SAFETY_PROTOCOL_FILE, and refuses to start with a bad one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'protocol-'));
    const file = path.join(dir, 'protocol.json');
    writeFileSync(file, JSON.stringify({ ...protocol, id: 'agency', pause: 'Agency protocol: stop here for a moment.' }));
    const own = await startBot({ config: { safetyProtocolFile: file } });
    try {
      const c = new Conversation(own.url);
      await toFirstPrompt(c);
      assert.match(visibleText(await c.say('she overdosed again')), /Agency protocol: stop here/);
      assert.match(visibleText(await c.say(words.carryOn)), /\(2\/5\)/);
    } finally {
      await own.stop();
    }
    writeFileSync(file, JSON.stringify({ ...protocol, pause: '' }));
    await assert.rejects(startBot({ config: { safetyProtocolFile: file } }), /Content error/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
