// Safety in the conversation, over HTTP against the real bot: each kind pauses the debrief with its own response
// (crisis lines; the duty to report; the duty to warn; the PSW's own supports, spoken to them), false alarms
// don't, each kind pauses once per debrief; every debrief ends with the safety question (one tap for "no"; "yes"
// asks which kind and pauses the same way); `worried` reaches the protocol from anywhere; a low self-check gets a
// self-care step, never the crisis script; one alert per debrief names every kind, reaches a fake channel with
// the code and nothing written, and the PSW is told when it has arrived; a screen that fails keeps the answer
// and asks the safety question; a normal debrief stays within 15 turns. SAFETY_PROTOCOL_FILE replaces the wording.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { createScheduler } from '../../bot/proactive';
import { t } from '../../services/catalogue';
import { content, type RiskCategory } from '../../services/content';
import { setLogLevel } from '../../services/log';
import type { ReflectionDoc } from '../../services/reflections/model';
import { safetyAlertId } from '../../services/safety/alerts';
import { screening } from '../../services/safety/protocol';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel, supervisedPair, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

const protocol = content().safetyProtocol;
const kinds = protocol.kinds;

async function toFirstPrompt(c: Conversation, code = 'C-14'): Promise<void> {
  await c.say(`reflect ${code}`);
  await c.say('skip'); // names to hide
  assert.match(visibleText(await c.say('1')), /\(1\/5\)/);
}

/** Skips the rest of the prompts, answers movement and the self-check, taps "No" at the safety question, saves. */
async function finish(c: Conversation, from: number, self = '3'): Promise<string> {
  for (let i = from; i < 5; i++) await c.say('skip');
  await c.say('steady');
  assert.ok(visibleText(await c.say(self)).includes(protocol.check.question));
  const review = visibleText(await c.say(t('safety.checkNo')));
  assert.match(review, /exactly what I'll save/);
  assert.match(visibleText(await c.say('save')), /Saved/);
  return review;
}

async function reflectionsOf(bot: RunningBot, userId: string): Promise<ReflectionDoc[]> {
  return (await bot.app.reflections.listByPsw(bot.app.personIdFor(userId))).items;
}

describe('safety in the conversation (issues 8, 12, 20)', () => {
  let bot: RunningBot;
  let channel: FakeChannel;
  before(async () => {
    setLogLevel('silent');
    bot = await startBot();
    channel = await startFakeChannel();
  });
  afterEach(() => sinon.restore());
  after(async () => {
    await bot.stop();
    await channel.close();
    await closeStores();
  });

  const supervised = (alias: string) => supervisedPair(bot, channel, alias);

  // What each kind must bring, beyond its own text (the PSW's time zone is America/Toronto: Canadian lines).
  const hits: [RiskCategory, string, RegExp[]][] = [
    ['overdose', 'She overdosed last night at the shelter', [/1-888-688-6677/, /1-844-764-7669/, /naloxone/]],
    ['suicide', 'He talked about killing himself after the call', [/9-8-8/, /1-855-242-3310/, /1-800-668-6868/]],
    ['self_harm', "She's cutting herself again, she showed me", [/9-8-8/, /without judgement/]],
    ['harm_to_others', "He said he'd kill his ex if he saw him", [/\*\*Duty to warn\*\*/, /don't promise to keep a threat secret/]],
    ['abuse', 'She said her husband hits her', [/\*\*Duty to report\*\*: A child .*Report it yourself/, /Kids Help Phone/, /sheltersafe\.ca/]],
    ['psw_distress', "Honestly I can't do this anymore", [/You matter too/, /EAP/, /9-8-8/]],
  ];
  for (const [kind, text, expected] of hits) {
    it(`pauses for ${kind} with its own response, then asks the next question`, async () => {
      const c = new Conversation(bot.url);
      await toFirstPrompt(c);
      const shown = visibleText(await c.say(text));
      assert.ok(shown.includes(protocol.pause));
      assert.ok(shown.includes(kinds[kind].text));
      for (const re of expected) assert.match(shown, re);
      for (const other of Object.keys(kinds) as RiskCategory[]) if (other !== kind) assert.ok(!shown.includes(kinds[other].text), `${kind} shows ${other}`);
      assert.doesNotMatch(shown, /\*\*[^*]*\(US\)\*\*|Childhelp|Never Use Alone/, 'Canadian lines for a Toronto time zone');
      if (kind === 'psw_distress') assert.doesNotMatch(shown, /client|Overdose Response|Kids Help/i, 'spoken to the PSW, not about a client');
      assert.match(shown, /not a crisis service/);
      assert.ok(shown.includes(t('safety.noSupervisor')), 'no supervisor: said kindly, no offer');
      assert.ok(shown.includes(t('safety.whenReady')), 'a real pause: it waits for the PSW');
      assert.doesNotMatch(shown, /\(2\/5\)/);
      const resumed = visibleText(await c.say(t('prompts.carryOn')));
      assert.ok(resumed.includes(protocol.resume));
      assert.match(resumed, /\(2\/5\)/, 'the debrief carries on where it paused');
      await finish(c, 1);
      const [doc] = await reflectionsOf(bot, c.userId);
      assert.deepEqual(doc!.riskFlags, [kind]);
    });
  }

  it('does not pause for false alarms', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c);
    for (const [i, text] of ['She killed it at the interview today', 'I overdid it at the gym before the shift', 'We practised giving naloxone at the training'].entries()) {
      const shown = visibleText(await c.say(text));
      assert.doesNotMatch(shown, /pause/i);
      assert.match(shown, new RegExp(`\\(${i + 2}/5\\)`));
    }
    await finish(c, 3);
    const [doc] = await reflectionsOf(bot, c.userId);
    assert.deepEqual(doc!.riskFlags, []);
  });

  it('pauses once per kind per debrief; a new kind pauses again, the self-check note too', async () => {
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
    assert.ok(selfCheck.includes(kinds.psw_distress.text));
    assert.ok(!selfCheck.includes(protocol.selfCare.text), 'their own words already had the fuller response');
    assert.doesNotMatch(selfCheck, /exactly what I'll save/);
    assert.ok(visibleText(await c.say(t('prompts.carryOn'))).includes(protocol.check.question), 'then the safety question');
    const review = visibleText(await c.say('no'));
    assert.match(review, /exactly what I'll save/, 'the review follows');
    assert.match(review, /Safety notes: overdose, suicidal thoughts, your own wellbeing/);
    assert.match(visibleText(await c.say('save')), /Saved/);
    const [doc] = await reflectionsOf(bot, c.userId);
    assert.deepEqual(doc!.riskFlags.sort(), ['overdose', 'psw_distress', 'suicide']);
    assert.equal(doc!.selfCheck.note, "I'm so burnt out");
  });

  it('ends every debrief with the safety question: "yes" asks which kind and pauses the same way, and the kind is flagged', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c);
    for (let i = 1; i < 5; i++) await c.say('skip');
    await c.say('skip');
    await c.say('progressing');
    const asked = visibleText(await c.say('4 good day'));
    assert.ok(asked.includes(protocol.check.question));
    assert.doesNotMatch(asked, /exactly what I'll save/, 'before the review');
    const which = visibleText(await c.say(t('prompts.yes')));
    assert.ok(which.includes(protocol.check.which));
    for (const k of Object.values(kinds)) assert.ok(which.includes(k.choice), k.choice);
    const shown = visibleText(await c.say(kinds.abuse.choice));
    assert.ok(shown.includes(kinds.abuse.text));
    assert.match(shown, /Duty to report/);
    assert.ok(!shown.includes(protocol.pause), 'they named it: no "something you wrote"');
    const review = visibleText(await c.say(t('prompts.carryOn')));
    assert.match(review, /exactly what I'll save/);
    assert.match(review, /Safety notes: abuse/i);
    assert.match(visibleText(await c.say('save')), /Saved/);
    const [doc] = await reflectionsOf(bot, c.userId);
    assert.deepEqual(doc!.riskFlags, ['abuse']);
  });

  it('keeps a normal debrief within 15 turns, the safety question included (one tap for "no")', async () => {
    const c = new Conversation(bot.url);
    let turns = 0;
    const say = async (t: string | Record<string, unknown>) => {
      turns++;
      return c.say(t);
    };
    await say('reflect C-20');
    await say('skip');
    await say('1');
    for (let i = 0; i < 5; i++) await say(`Answer ${i + 1}: we talked over coffee`);
    const stall = visibleText(await say('stalling'));
    assert.match(stall, /Some things other peer workers try/);
    await say('1');
    await say('no');
    assert.ok(visibleText(await say('3 tired')).includes(protocol.check.question));
    await say(t('safety.checkNo'));
    assert.match(visibleText(await say('save')), /Saved/);
    assert.ok(turns <= 15, `${turns} turns`);
  });

  it('`worried` reaches the protocol outside a debrief, and "I\'m worried about someone" in the middle of one', async () => {
    const c = new Conversation(bot.url);
    const which = visibleText(await c.say('worried'));
    assert.ok(which.includes(protocol.check.which));
    const shown = visibleText(await c.say(kinds.harm_to_others.choice));
    assert.ok(shown.includes(kinds.harm_to_others.text));
    assert.match(shown, /Duty to warn/);
    assert.ok(visibleText(await c.say(t('prompts.carryOn'))).includes(t('safety.outsideDone')));
    assert.match(visibleText(await c.say('worried')), /Which is closest/);
    assert.ok(visibleText(await c.say(t('safety.noneOfThese'))).includes(t('safety.noneChosen')));

    const d = new Conversation(bot.url);
    await toFirstPrompt(d);
    await d.say('We went for a walk');
    assert.ok(visibleText(await d.say("I'm worried about someone")).includes(protocol.check.which), 'not taken as the answer to (2/5)');
    const mine = visibleText(await d.say(kinds.psw_distress.choice));
    assert.ok(mine.includes(kinds.psw_distress.text));
    const back = visibleText(await d.say(t('prompts.carryOn')));
    assert.ok(back.includes(protocol.resume));
    assert.match(back, /\(2\/5\)/, 'the question it interrupted is asked again');
    assert.match(visibleText(await d.say('Worried about her rent, mostly')), /\(3\/5\)/, 'a sentence that starts with it is an answer');
    await finish(d, 2);
    const [doc] = await reflectionsOf(bot, d.userId);
    assert.deepEqual(doc!.answers.map((a) => a.text).filter(Boolean), ['We went for a walk', 'Worried about her rent, mostly']);
    assert.deepEqual(doc!.riskFlags, ['psw_distress'], 'the kind named mid-debrief is flagged on it');
  });

  it('`worried` in the middle of a debrief joins that debrief’s one alert, with its client code', async () => {
    const { sup, c, say, inbox } = await supervised('PSW 8');
    await say('reflect K-5');
    await say('skip');
    await say('1');
    assert.ok((await say('worried')).includes(protocol.check.which));
    const od = await say(kinds.overdose.choice);
    assert.ok(od.includes(protocol.supervisorAlert.offer));
    const sent = await say('yes');
    assert.ok(sent.includes(protocol.supervisorAlert.sending));
    assert.match(sent, /\(1\/5\)/, 'the question it interrupted, again');
    assert.ok((await say('he said he wanted to kill himself')).includes(protocol.supervisorAlert.offer));
    assert.ok((await say('yes')).includes(protocol.supervisorAlert.added), 'the same alert');
    await createScheduler(bot.app, bot.server.adapter).runDue();
    const alerts = inbox(sup).filter((t) => /Safety alert/.test(t));
    assert.equal(alerts.length, 1);
    assert.match(alerts[0]!, /\(overdose and suicidal thoughts\) came up in a reflection about client K-5/);
    for (let i = 1; i < 5; i++) await say('skip');
    await say('steady');
    await say('3');
    await say(t('safety.checkNo'));
    assert.match(await say('save'), /Saved/);
    const [doc] = (await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId))).items;
    assert.deepEqual(doc!.riskFlags.sort(), ['overdose', 'suicide']);
  });

  it('a self-check of 1 or 2 gets a short self-care step, never the client crisis script', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c);
    for (let i = 1; i < 5; i++) await c.say('skip');
    await c.say('skip');
    await c.say('steady');
    const shown = visibleText(await c.say('2 long day'));
    assert.ok(shown.includes(protocol.selfCare.text));
    assert.match(shown, /break/);
    assert.match(shown, /peer buddy/);
    assert.match(shown, /EAP/);
    assert.match(shown, /supervisor/);
    assert.ok(!shown.includes(protocol.pause));
    assert.doesNotMatch(shown, /911|9-8-8|988|crisis/i);
    assert.ok(shown.includes(protocol.check.question), 'then the safety question, in the same turn');
    await c.say(t('safety.checkNo'));
    assert.match(visibleText(await c.say('save')), /Saved/);

    const ok = new Conversation(bot.url);
    await toFirstPrompt(ok);
    for (let i = 1; i < 5; i++) await ok.say('skip');
    await ok.say('skip');
    await ok.say('steady');
    assert.ok(!visibleText(await ok.say('3 fine')).includes(protocol.selfCare.text), '3 and up: no step');
  });

  it('one alert per debrief names every kind; the PSW hears it is sent, then that it arrived; the code, never the words', async () => {
    const { sup, supId, c, pswId, say, inbox } = await supervised('PSW 7');
    await say('reflect K-9');
    await say('skip');
    await say('1');
    const offer = await say('He talked about killing himself, call his sister at 613-555-0199');
    assert.ok(offer.includes(protocol.supervisorAlert.offer));
    assert.doesNotMatch(offer, /\(2\/5\)/, 'waits for the answer');
    const sent = await say('yes');
    assert.ok(sent.includes(protocol.supervisorAlert.sending), 'sending, not "alerted"');
    assert.doesNotMatch(sent, /has been alerted|reached/);
    assert.match(sent, /\(2\/5\)/);
    assert.ok((await say('She overdosed on Friday')).includes(protocol.supervisorAlert.offer));
    assert.ok((await say('yes')).includes(protocol.supervisorAlert.added), 'the same alert, not a second one');

    const { resources: jobs } = await bot.app.store.containers.schedules.items.query<{ id: string; personId: string; payload: Record<string, unknown> }>("SELECT * FROM c WHERE c.kind = 'safety_alert'").fetchAll();
    const mine = jobs.filter((j) => j.payload.psw === pswId);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.personId, supId);
    assert.deepEqual(mine[0]!.payload.categories, ['suicide', 'overdose']);
    // Digits as whole runs: the payload's random ids may hold 555 by chance.
    assert.doesNotMatch(JSON.stringify(mine[0]!.payload), /killing|sister|Friday|(?<![\dA-Za-z])(?:555|613)(?![\dA-Za-z])/, 'ids, kinds and the code only');

    const scheduler = createScheduler(bot.app, bot.server.adapter);
    assert.equal((await scheduler.runDue()).claimed, 1);
    const alerts = inbox(sup).filter((t) => /Safety alert/.test(t));
    assert.equal(alerts.length, 1);
    assert.match(alerts[0]!, /PSW 7: a possible concern \(overdose and suicidal thoughts\) came up in a reflection about client K-9\./);
    assert.doesNotMatch(alerts[0]!, /killing|sister|555|613|Friday/);
    assert.deepEqual(inbox(c).filter((t) => /reached/.test(t)), ['Your safety alert has reached Sup of PSW 7 (your supervisor). They\'ll check in with you.']);

    // A kind raised after it arrived: its response, no second offer and no second alert.
    const later = await say('and her husband hits her');
    assert.ok(later.includes(kinds.abuse.text));
    assert.ok(later.includes(protocol.supervisorAlert.alreadyDelivered));
    assert.ok(!later.includes(protocol.supervisorAlert.offer));
    await say(t('prompts.carryOn'));
    await scheduler.runDue();
    assert.equal(inbox(sup).filter((t) => /Safety alert/.test(t)).length, 1);

    for (let i = 3; i < 5; i++) await say('skip');
    await say('steady');
    await say('3');
    await say(t('safety.checkNo'));
    assert.match(await say('save'), /Saved/);
    const [doc] = await reflectionsOf(bot, c.userId);
    assert.deepEqual(doc!.riskFlags, ['suicide', 'overdose', 'abuse']);
    assert.equal(mine[0]!.id, safetyAlertId(doc!.id), 'one alert per debrief');

    const replies = visibleText((await sup.post({ text: 'summary', serviceUrl: channel.serviceUrl })).activities);
    assert.match(replies, /something to look at/);
    assert.doesNotMatch(replies, /killing|sister|555/);
  });

  it('offers the next in line when the supervisor can’t be reached, and says so kindly when no one can', async () => {
    const sup = new Conversation(bot.url);
    await sup.say('hi');
    const supId = bot.app.personIdFor(sup.userId);
    await bot.app.people.update(supId, (p) => ({ ...p, role: 'supervisor', alias: 'Sup 2', team: 'Team Unreachable' }));
    await bot.app.references.remove(supId);
    const c = new Conversation(bot.url);
    await c.say('hi');
    await bot.app.people.update(bot.app.personIdFor(c.userId), (p) => ({ ...p, supervisorId: supId, team: 'Team Unreachable' }));
    await toFirstPrompt(c);
    const shown = visibleText(await c.say('found him unresponsive in the washroom'));
    assert.ok(shown.includes(t('safety.unreachable')));
    assert.doesNotMatch(shown, /\(2\/5\)/, 'the protocol gets a moment of its own');
    assert.match(visibleText(await c.say('carry on')), /\(2\/5\)/);

    // Another supervisor of the team who can be reached: offered as the next in line.
    const other = new Conversation(bot.url, undefined, undefined, 'msteams');
    await other.post({ text: 'hi', serviceUrl: channel.serviceUrl });
    await bot.app.people.update(bot.app.personIdFor(other.userId), (p) => ({ ...p, role: 'supervisor', alias: 'Sup 3', team: 'Team Unreachable' }));
    assert.ok(visibleText(await c.say('he said he wanted to kill himself')).includes(protocol.supervisorAlert.offerNextInLine));
  });

  it('fail-safe: when the screen throws, the answer is kept and the PSW is asked the safety question', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c);
    const screen = sinon.stub(screening, 'answer').throws(new Error('screen down'));
    const shown = visibleText(await c.say('She overdosed again last night'));
    assert.ok(screen.called);
    assert.ok(shown.includes(t('safety.screenFailed')));
    assert.ok(shown.includes(protocol.check.question));
    assert.doesNotMatch(shown, /\(2\/5\)/, 'never passes in silence');
    const which = visibleText(await c.say('yes'));
    assert.ok(which.includes(protocol.check.which));
    const od = visibleText(await c.say(kinds.overdose.choice));
    assert.ok(od.includes(kinds.overdose.text));
    assert.match(visibleText(await c.say(t('prompts.carryOn'))), /\(2\/5\)/);
    // "No" carries straight on.
    assert.match(visibleText(await c.say('Walked her to the clinic')), /safety check/);
    assert.match(visibleText(await c.say('no')), /\(3\/5\)/);
    screen.restore();
    await finish(c, 2);
    const [doc] = await reflectionsOf(bot, c.userId);
    assert.deepEqual(doc!.answers.map((a) => a.text).filter(Boolean), ['She overdosed again last night', 'Walked her to the clinic'], 'both answers kept');
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
      assert.match(visibleText(await c.say(t('prompts.carryOn'))), /\(2\/5\)/);
    } finally {
      await own.stop();
    }
    writeFileSync(file, JSON.stringify({ ...protocol, pause: '' }));
    await assert.rejects(startBot({ config: { safetyProtocolFile: file } }), /Content error/);
  });
});
