// Words typed at a safety pause (the protocol's check-in after a risk was noticed), over HTTP against the real bot:
// they are de-identified as they arrive, kept with the debrief as the answer to that step (the review shows them, the
// save stores them), screened, and a kind they raise gets its response, joins the debrief's risk flags and the
// debrief's one alert — offered again while it is not yet sent, "already has an alert" once it arrived. Nothing raw
// reaches the bot state, the stored reflection, the alert or the logs.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createScheduler } from '../../bot/proactive';
import { t } from '../../services/catalogue';
import { content } from '../../services/content';
import { setLogSink } from '../../services/log';
import type { ReflectionDoc } from '../../services/reflections/model';
import { SAFETY_PAUSE_STEP } from '../../services/reflections/pauseNotes';
import { BOT_STATE_CONTAINER } from '../../services/storage/containers';
import { asRole, Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel, supervisedPair, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

const protocol = content().safetyProtocol;
const kinds = protocol.kinds;
/** Identifiers typed at the pause: none may be kept anywhere. */
const RAW = /Maria|Lopez|(?<![\dA-Za-z])(?:416|555|0199)(?![\dA-Za-z])|4165550199/;

describe('words typed at a safety pause are kept, screened and joined to the alert', () => {
  let bot: RunningBot;
  let channel: FakeChannel;
  const logLines: string[] = [];
  let previousSink: ReturnType<typeof setLogSink> | undefined;
  before(async () => {
    previousSink = setLogSink(pino({ level: 'debug', base: undefined }, new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } })));
    bot = await startBot();
    channel = await startFakeChannel();
  });
  after(async () => {
    if (previousSink) setLogSink(previousSink);
    await bot.stop();
    await channel.close();
    await closeStores();
  });

  async function stateOf(c: Conversation): Promise<string> {
    const key = `${c.channelId}/conversations/${c.conversationId}/`;
    const { resources } = await bot.app.store.database.container(BOT_STATE_CONTAINER).items.query({ query: 'SELECT * FROM c WHERE c.realId = @k', parameters: [{ name: '@k', value: key }] }).fetchAll();
    assert.ok(resources.length, 'the conversation has state');
    return JSON.stringify(resources);
  }

  async function reflectionsOf(userId: string): Promise<ReflectionDoc[]> {
    return (await bot.app.reflections.listByPsw(bot.app.personIdFor(userId))).items;
  }

  /** The rest of the prompts skipped, movement, the self-check, "No" at the safety question: the review. */
  async function toReview(say: (text: string) => Promise<string>, from: number): Promise<string> {
    for (let i = from; i < 5; i++) await say('skip');
    await say('steady');
    assert.ok((await say('3')).includes(protocol.check.question));
    const review = await say(t('safety.checkNo'));
    assert.match(review, /exactly what I'll save/);
    return review;
  }

  it('no supervisor (a lone Carry on): words are kept de-identified, a new kind gets its response, the review and the save keep both', async () => {
    const c = new Conversation(bot.url, 'pause-words-1');
    await asRole(bot, c.userId, 'psw');
    const say = async (text: string) => visibleText(await c.say(text));
    await say('reflect C-41');
    await say('skip');
    await say('1');
    assert.ok((await say('she said she wants to kill herself tonight')).includes(t('prompts.carryOn')));

    // The same kind again, with a name and a phone number: kept, hidden, still paused; no response shown twice.
    const same = await say('he also said his sister Maria Lopez at 416-555-0199 knows about the plan');
    assert.ok(same.includes(t('safety.pauseKept')));
    assert.ok(!same.includes(kinds.suicide.text), 'suicide was answered already');
    assert.ok(same.includes(t('prompts.carryOn')), 'still paused');
    assert.doesNotMatch(same, /\(2\/5\)/);
    assert.doesNotMatch(await stateOf(c), RAW, 'only de-identified words in the dialog state');

    // A new kind: its own response, then the pause again.
    const more = await say('and her boyfriend hits the kids when he drinks');
    assert.ok(more.includes(t('safety.pauseKept')));
    assert.ok(more.includes(kinds.abuse.text), 'the abuse response');
    assert.doesNotMatch(more, /\(2\/5\)/, 'still paused');
    assert.match(await say('ok'), /\(2\/5\)/, 'then the debrief goes on where it paused');

    const review = await toReview(say, 1);
    assert.ok(review.includes(t('safety.pauseNote')), 'the review names the step the words were typed at');
    assert.match(review, /his sister \[NAME\] at \[PHONE\] knows about the plan/);
    assert.match(review, /hits the kids/);
    assert.doesNotMatch(review, RAW);
    assert.match(await say('save'), /Saved/);

    const [doc] = await reflectionsOf(c.userId);
    assert.deepEqual(doc!.riskFlags, ['suicide', 'abuse']);
    assert.deepEqual(doc!.answers.map((a) => a.promptId).slice(0, 3), [doc!.answers[0]!.promptId, SAFETY_PAUSE_STEP, SAFETY_PAUSE_STEP], 'right after the answer that paused');
    const kept = doc!.answers.filter((a) => a.promptId === SAFETY_PAUSE_STEP);
    assert.deepEqual(kept.map((a) => a.text), ['he also said his sister [NAME] at [PHONE] knows about the plan', 'and her boyfriend hits the kids when he drinks']);
    assert.deepEqual(kept[0]!.redactions, { NAME: 1, PHONE: 1 });
    assert.doesNotMatch(JSON.stringify(doc), RAW);
    assert.doesNotMatch(logLines.join(''), RAW, 'nothing raw in the logs');
    assert.doesNotMatch(logLines.join(''), /hits the kids|knows about the plan/, 'no words at all in the logs');
    assert.ok(logLines.some((l) => /safety\.pause_words/.test(l)), 'the pause logs ids and counts');
  });

  /** A supervisor and a PSW of theirs; `alerts` are the safety alerts the supervisor received. */
  async function supervised(alias: string) {
    const pair = await supervisedPair(bot, channel, alias);
    return { ...pair, alerts: () => pair.inbox(pair.sup).filter((x) => /Safety alert/.test(x)) };
  }

  it('at the alert offer: a new kind typed there is answered and named in the one alert; after it arrived, "already has an alert"', async () => {
    const { c, pswId, say, alerts } = await supervised('PSW 41');
    await say('reflect K-41');
    await say('skip');
    await say('1');
    assert.ok((await say('he talked about killing himself after the call')).includes(protocol.supervisorAlert.offer));

    // Typed instead of a tap: never "I didn't catch that"; the new kind's response, then the offer again.
    const typed = await say('she also told me her partner strangled her last week, call Maria at 416-555-0199');
    assert.ok(typed.includes(t('safety.pauseKept')));
    assert.ok(typed.includes(kinds.abuse.text));
    assert.ok(typed.includes(protocol.supervisorAlert.offer), 'offered again, now for both');
    // A short reply that opens with a choice is that choice, not words to keep.
    const sent = await say('yes please alert them');
    assert.ok(sent.includes(protocol.supervisorAlert.sending));
    assert.ok(!sent.includes(t('safety.pauseKept')));
    assert.match(sent, /\(2\/5\)/);

    const { resources: jobs } = await bot.app.store.containers.schedules.items.query<{ payload: { psw: string; categories: string[] } }>("SELECT * FROM c WHERE c.kind = 'safety_alert'").fetchAll();
    const mine = jobs.filter((j) => j.payload.psw === pswId);
    assert.equal(mine.length, 1);
    assert.deepEqual(mine[0]!.payload.categories, ['suicide', 'abuse']);
    assert.doesNotMatch(JSON.stringify(mine[0]), RAW);
    assert.doesNotMatch(JSON.stringify(mine[0]), /strangled|partner/, 'kinds and the code only, never the words');

    const scheduler = createScheduler(bot.app, bot.server.adapter);
    await scheduler.runDue();
    assert.equal(alerts().length, 1);
    assert.match(alerts()[0]!, /\(suicidal thoughts and abuse or neglect\) came up in a reflection about client K-41/);
    assert.doesNotMatch(alerts()[0]!, /strangled|Maria|416/);

    // After it arrived: a kind raised by words at the next pause gets its response and "already has an alert".
    assert.ok((await say('She overdosed on Friday')).includes(protocol.supervisorAlert.alreadyDelivered));
    const later = await say('he said he will stab his brother with the knife');
    assert.ok(later.includes(kinds.harm_to_others.text));
    assert.ok(later.includes(protocol.supervisorAlert.alreadyDelivered));
    assert.ok(!later.includes(protocol.supervisorAlert.offer), 'no second offer');
    assert.match(await say(t('prompts.carryOn')), /\(3\/5\)/);
    await scheduler.runDue();
    assert.equal(alerts().length, 1, 'no second alert');

    await toReview(say, 2);
    assert.match(await say('save'), /Saved/);
    const [doc] = await reflectionsOf(c.userId);
    assert.deepEqual(doc!.riskFlags, ['suicide', 'abuse', 'overdose', 'harm_to_others']);
    assert.deepEqual(doc!.answers.filter((a) => a.promptId === SAFETY_PAUSE_STEP).map((a) => a.text), [
      'she also told me her partner strangled her last week, call [NAME] at [PHONE]',
      'he said he will stab his brother with the knife',
    ]);
  });

  it('a short reply that opens with a choice but raises a new kind ("yes he has gun") is read as words first', async () => {
    const { c, pswId, say, alerts } = await supervised('PSW 43');
    await say('reflect K-43');
    await say('skip');
    await say('1');
    assert.ok((await say('he talked about killing himself after the call')).includes(protocol.supervisorAlert.offer));
    const gun = await say('yes he has gun');
    assert.ok(gun.includes(kinds.harm_to_others.text), 'the new kind gets its response');
    assert.ok(gun.includes(t('safety.pauseKept')), 'the words are kept');
    assert.ok(gun.includes(protocol.supervisorAlert.offer), 'the offer again, now for both');
    assert.ok(!gun.includes(protocol.supervisorAlert.sending), 'not sent before the PSW has seen the new response');
    assert.ok((await say(t('safety.alertYes'))).includes(protocol.supervisorAlert.sending));
    const { resources: jobs } = await bot.app.store.containers.schedules.items.query<{ payload: { psw: string; categories: string[] } }>("SELECT * FROM c WHERE c.kind = 'safety_alert'").fetchAll();
    assert.deepEqual(jobs.filter((j) => j.payload.psw === pswId).map((j) => j.payload.categories), [['suicide', 'harm_to_others']]);
    await createScheduler(bot.app, bot.server.adapter).runDue();
    assert.equal(alerts().length, 1);
    await toReview(say, 1);
    assert.match(await say('save'), /Saved/);
    const [doc] = await reflectionsOf(c.userId);
    assert.deepEqual(doc!.riskFlags, ['suicide', 'harm_to_others']);
    assert.deepEqual(doc!.answers.filter((a) => a.promptId === SAFETY_PAUSE_STEP).map((a) => a.text), ['yes he has gun']);
  });

  it('at the closing question’s pause and at `worried` mid-debrief: the words are kept and their kinds flagged', async () => {
    const c = new Conversation(bot.url, 'pause-words-3');
    await asRole(bot, c.userId, 'psw');
    const say = async (text: string) => visibleText(await c.say(text));
    await say('reflect C-43');
    await say('skip');
    await say('1');
    // `worried` mid-debrief: its pause, words typed there.
    assert.ok((await say('worried')).includes(protocol.check.which));
    await say(kinds.suicide.choice);
    assert.ok((await say('he has been saving up his pills in a sock')).includes(kinds.overdose.text));
    assert.match(await say(t('prompts.carryOn')), /\(1\/5\)/, 'the question it interrupted, again');
    // The closing question: yes, a kind, then words at its pause.
    for (let i = 0; i < 5; i++) await say('skip');
    await say('steady');
    await say('3');
    await say(t('prompts.yes'));
    await say(kinds.abuse.choice);
    assert.ok((await say('her mum leaves the toddler alone all weekend')).includes(t('safety.pauseKept')));
    const review = await say(t('prompts.carryOn'));
    assert.match(review, /exactly what I'll save/);
    assert.match(review, /saving up his pills in a sock/);
    assert.match(review, /leaves the toddler alone all weekend/);
    assert.match(await say('save'), /Saved/);
    const [doc] = await reflectionsOf(c.userId);
    assert.deepEqual([...doc!.riskFlags].sort(), ['abuse', 'overdose', 'suicide']);
    assert.deepEqual(doc!.answers.filter((a) => a.promptId === SAFETY_PAUSE_STEP).map((a) => a.text), ['he has been saving up his pills in a sock', 'her mum leaves the toddler alone all weekend']);
  });

  it('in `reflect me`: the words are kept with that reflection, and its review names them', async () => {
    const you = content().you;
    const c = new Conversation(bot.url, 'pause-words-5');
    await asRole(bot, c.userId, 'psw');
    const say = async (text: string) => visibleText(await c.say(text));
    await say('reflect me');
    await say('My own recovery');
    assert.ok((await say("honestly i used again last night and i don't want to be here")).includes(t('prompts.carryOn')));
    assert.ok((await say('i have been keeping the number of my old dealer Maria Lopez 416-555-0199')).includes(t('safety.pauseKept')));
    assert.match(await say('ok'), /\(2\/3\)/);
    await say('skip');
    await say('skip');
    let review = await say(you.supervision.none);
    for (let i = 0; i < 3 && /a person\? If so/.test(review); i++) review = await say('keep');
    assert.ok(review.includes(t('safety.pauseNote')));
    assert.match(review, /my old dealer \[NAME\] \[PHONE\]|my old dealer \[NAME\] \[NAME\] \[PHONE\]/);
    assert.ok((await say('save')).includes(you.texts.saved.text));
    const { resources } = await bot.store.containers.reflections.items
      .query<{ answers: { promptId: string; text: string }[] }>({ query: "SELECT * FROM c WHERE c.psw = @p AND c.kind = 'self'", parameters: [{ name: '@p', value: bot.app.personIdFor(c.userId) }] })
      .fetchAll();
    assert.equal(resources.length, 1);
    assert.deepEqual(resources[0]!.answers.map((a) => a.promptId).filter((id) => id === SAFETY_PAUSE_STEP).length, 1);
    assert.doesNotMatch(JSON.stringify(resources[0]), RAW);
  });

  it('outside a debrief (`worried` on its own): the words are screened and answered, and nothing is kept', async () => {
    const c = new Conversation(bot.url, 'pause-words-4');
    await asRole(bot, c.userId, 'psw');
    const say = async (text: string) => visibleText(await c.say(text));
    await say('worried');
    await say(kinds.suicide.choice);
    const heard = await say('he also said his sister Maria Lopez at 416-555-0199 knows');
    assert.ok(heard.includes(t('safety.pauseHeard')));
    assert.ok(!heard.includes(t('safety.pauseKept')), 'no debrief to keep it with');
    assert.ok((await say('and her boyfriend hits the kids when he drinks')).includes(kinds.abuse.text));
    assert.doesNotMatch(await stateOf(c), RAW);
    assert.ok((await say(t('prompts.carryOn'))).includes(t('safety.outsideDone')));
    assert.equal((await reflectionsOf(c.userId)).length, 0);
  });
});
