// Channels redeliver an activity when the answer was slow or lost: the same activity id must be taken once —
// on one instance, and on two instances sharing the store (issue 15, item 4). A person's Retry in Web Chat is the
// same message with a new activity id; the page's send id (channelData.clientSendId) makes it the same too.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import type { Activity } from 'botbuilder';
import { ANSWER_TTL_MS, ANSWERS_KEPT, deliveryKeyOf, RecentAnswers, SEND_ID_FIELD } from '../../bot/redelivery';
import { t } from '../../services/catalogue';
import type { Store } from '../../services/storage/cosmos';
import { asRole, Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel } from '../helpers/channel';
import { closeStores, freshStore } from '../helpers/store';

/** Posts one exact activity (same id every time) to a bot. */
async function deliver(url: string, activity: Partial<Activity>): Promise<Activity[]> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  assert.equal(res.status, 200);
  const text = await res.text();
  return text ? ((JSON.parse(text) as { activities?: Activity[] }).activities ?? []) : [];
}

/** Up to the first question of a debrief. */
async function toFirstQuestion(c: Conversation): Promise<void> {
  await c.say('reflect R-1');
  await c.say('skip');
  assert.match(visibleText(await c.say('building trust')), /\(1\/\d\)/);
}

const ALREADY = t('bot.alreadyReceived');

describe('the redelivery guard\'s keys and remembered answers', () => {
  it('a message is known by its client send id when it has one, else by its activity id; as a 16-character hash', () => {
    const send = (id: string, sendId?: unknown): Partial<Activity> => ({ type: 'message', id, channelData: sendId === undefined ? {} : { [SEND_ID_FIELD]: sendId } });
    const first = deliveryKeyOf(send('a-1', 'send-1234abcd'));
    assert.match(first ?? '', /^[\w-]{16}$/);
    assert.equal(deliveryKeyOf(send('a-2', 'send-1234abcd')), first, 'a retry: new activity id, same send id');
    assert.notEqual(deliveryKeyOf(send('a-1', 'send-other-99')), first);
    assert.equal(deliveryKeyOf(send('a-1')), deliveryKeyOf({ type: 'message', id: 'a-1' }));
    assert.notEqual(deliveryKeyOf(send('a-1')), deliveryKeyOf(send('a-2')));
    // A send id that is not a short plain token is ignored: the activity id counts.
    for (const bad of [42, '', 'short', 'x'.repeat(129), 'has space 12345', { id: 'send-1234abcd' }]) {
      assert.equal(deliveryKeyOf(send('a-1', bad)), deliveryKeyOf(send('a-1')), String(bad));
    }
    assert.equal(deliveryKeyOf({ type: 'conversationUpdate', id: 'a-1' }), undefined, 'only messages are tracked');
    assert.equal(deliveryKeyOf({ type: 'message' }), undefined, 'no id, no send id: cannot be told apart');
  });

  it('answers are remembered as copies, for ANSWER_TTL_MS, the last ANSWERS_KEPT of them', () => {
    let now = 1_000_000;
    const answers = new RecentAnswers(() => now);
    const replies: Partial<Activity>[] = [{ type: 'message', text: 'one' }];
    answers.remember('k', replies);
    replies[0]!.text = 'changed';
    const recalled = answers.recall('k')!;
    assert.deepEqual(recalled, [{ type: 'message', text: 'one' }]);
    recalled[0]!.text = 'changed too';
    assert.equal(answers.recall('k')![0]!.text, 'one');
    now += ANSWER_TTL_MS + 1;
    assert.equal(answers.recall('k'), undefined, 'too old');
    for (let i = 0; i <= ANSWERS_KEPT; i++) answers.remember(`k${i}`, [{ type: 'message', text: String(i) }]);
    assert.equal(answers.size, ANSWERS_KEPT);
    assert.equal(answers.recall('k0'), undefined, 'the oldest went first');
    assert.equal(answers.recall(`k${ANSWERS_KEPT}`)![0]!.text, String(ANSWERS_KEPT));
  });
});

describe('a redelivered activity is taken once', () => {
  let store: Store;
  let a: RunningBot;
  let b: RunningBot;
  before(async () => {
    store = await freshStore();
    a = await startBot({ store });
    b = await startBot({ store });
  });
  after(async () => { await a.stop(); await b.stop(); await closeStores(); });
  afterEach(() => sinon.restore());

  it('on one instance: the repeat (its answer lost on the way, expectReplies) gets the same answer again and does not answer the next question', async () => {
    const c = new Conversation(a.url);
    await toFirstQuestion(c);
    const answer = c.activity({ text: 'We walked to the clinic together', id: randomUUID() });
    const first = await deliver(a.url, answer);
    assert.match(visibleText(first), /\(2\/\d\)/);
    const repeat = await deliver(a.url, answer);
    assert.equal(visibleText(repeat), visibleText(first), 'the same answer, from memory');
    // Still at question 2: the repeat was not taken as its answer.
    assert.match(visibleText(await c.say('help')), /\(2\/\d\)/);
  });

  it('across two instances, one after the other: the other instance has not the answer, and says kindly it was taken once', async () => {
    const c = new Conversation(a.url);
    await toFirstQuestion(c);
    const answer = c.activity({ text: 'We talked about housing', id: randomUUID() });
    assert.match(visibleText(await deliver(a.url, answer)), /\(2\/\d\)/);
    assert.equal(visibleText(await deliver(b.url, answer)), ALREADY);
    assert.match(visibleText(await c.say('help')), /\(2\/\d\)/);
  });

  it('across two instances at the same moment: one answer, the other run finds the id and stops', async () => {
    const c = new Conversation(a.url);
    await toFirstQuestion(c);
    // Hold each instance's first save until both have run the turn on the same stored step.
    let release: (() => void) | undefined;
    let arrived = 0;
    for (const bot of [a, b]) {
      const original = bot.server.conversationState.saveChanges.bind(bot.server.conversationState);
      let first = true;
      sinon.stub(bot.server.conversationState, 'saveChanges').callsFake(async (ctx, force) => {
        if (first) {
          first = false;
          if (++arrived === 2) release?.();
          else await new Promise<void>((r) => (release = r));
        }
        return original(ctx, force);
      });
    }
    const answer = c.activity({ text: 'She asked about the food bank', id: randomUUID() });
    const [ra, rb] = await Promise.all([deliver(a.url, answer), deliver(b.url, answer)]);
    const answered = [ra, rb].filter((r) => /\(2\/\d\)/.test(visibleText(r)));
    assert.equal(answered.length, 1, 'exactly one instance answered');
    assert.equal(visibleText([ra, rb].find((r) => r !== answered[0])!), ALREADY);
    sinon.restore();
    assert.match(visibleText(await c.say('help')), /\(2\/\d\)/, 'the answer was taken once');
  });

  it('Teams (normal delivery, replies to its serviceUrl): a redelivery keeps its id and gets an empty 200, nothing sent again', async () => {
    const teams = await startFakeChannel();
    try {
      const c = new Conversation(a.url, `29:1${randomUUID().slice(0, 6)}`, `a:1personal-${randomUUID().slice(0, 6)}`, 'msteams');
      const teamsActivity = (partial: Partial<Activity>) => c.activity({ ...partial, serviceUrl: teams.serviceUrl, deliveryMode: undefined, channelData: { tenant: { id: 'tenant-1' } } });
      const help = teamsActivity({ text: 'help' });
      assert.deepEqual(await deliver(a.url, help), [], 'the answer goes to the channel, not the response');
      const sentFirst = teams.received.length;
      assert.match(visibleText(teams.received.map((r) => r.activity)), /Here.s what I can do/);
      assert.deepEqual(await deliver(a.url, help), []);
      assert.deepEqual(await deliver(b.url, help), []);
      assert.equal(teams.received.length, sentFirst, 'nothing said twice, on either instance');
    } finally {
      await teams.close();
    }
  });

  it('a different activity with new id is still taken (ids, not texts, are compared)', async () => {
    const c = new Conversation(a.url);
    await toFirstQuestion(c);
    assert.match(visibleText(await deliver(a.url, c.activity({ text: 'skip', id: randomUUID() }))), /\(2\/\d\)/);
    assert.match(visibleText(await deliver(a.url, c.activity({ text: 'skip', id: randomUUID() }))), /\(3\/\d\)/);
  });
});

describe('a Web Chat retry (new activity id, same client send id) runs the turn once', () => {
  let bot: RunningBot;
  before(async () => { bot = await startBot(); });
  after(async () => { await bot.stop(); await closeStores(); });
  afterEach(() => sinon.restore());

  /** A message as the page posts it: a new activity id every time, the message's send id in channelData. */
  const sent = (c: Conversation, partial: Partial<Activity>, sendId: string): Partial<Activity> =>
    c.activity({ ...partial, id: randomUUID(), channelData: { clientActivityID: randomUUID(), [SEND_ID_FIELD]: sendId } });

  it('a Save slow to store, retried while it runs: the retry waits for it and gets its answer; one reflection, one answer', async () => {
    const c = new Conversation(bot.url, `retry-${randomUUID().slice(0, 6)}`, `webchat-${randomUUID()}`, 'webchat');
    const psw = await asRole(bot, c.userId, 'psw');
    for (const text of ['reflect C-63', 'skip', 'building trust', 'We sorted out the bus pass together', 'skip', 'skip', 'skip', 'skip', 'steady', '3']) await c.say(text);
    assert.match(visibleText(await c.say('no')), /exactly what I.ll save/);
    // The boundary: the reflection's store write is held until the retry has arrived.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const save = bot.app.reflections.save.bind(bot.app.reflections);
    const stub = sinon.stub(bot.app.reflections, 'save').callsFake(async (doc) => { await held; return save(doc); });
    const sendId = `send-${randomUUID()}`;
    const first = deliver(bot.url, sent(c, { text: 'save' }, sendId));
    while (stub.callCount === 0) await new Promise((r) => setTimeout(r, 20));
    const retry = deliver(bot.url, sent(c, { text: 'save' }, sendId));
    await new Promise((r) => setTimeout(r, 200)); // the retry is at the server, waiting behind the first
    release();
    const [firstAnswer, retryAnswer] = await Promise.all([first, retry]);
    assert.match(visibleText(firstAnswer), /Saved/);
    assert.equal(visibleText(retryAnswer), visibleText(firstAnswer), 'the retry gets the same answer, not a second run');
    assert.equal(stub.callCount, 1, 'the save ran once');
    assert.equal((await bot.app.reflections.listByPsw(psw)).items.length, 1, 'one stored reflection');
    // And a retry long after, on this instance: still the same answer, nothing run.
    assert.equal(visibleText(await deliver(bot.url, sent(c, { text: 'save' }, sendId))), visibleText(firstAnswer));
    assert.equal(stub.callCount, 1);
  });

  it('a typed answer retried: the next question is not answered by it; a new message with the same words is', async () => {
    const c = new Conversation(bot.url, `retry-${randomUUID().slice(0, 6)}`, `webchat-${randomUUID()}`, 'webchat');
    await asRole(bot, c.userId, 'psw');
    await toFirstQuestion(c);
    const sendId = `send-${randomUUID()}`;
    const first = await deliver(bot.url, sent(c, { text: 'skip' }, sendId));
    assert.match(visibleText(first), /\(2\/\d\)/);
    assert.equal(visibleText(await deliver(bot.url, sent(c, { text: 'skip' }, sendId))), visibleText(first));
    assert.match(visibleText(await c.say('help')), /\(2\/\d\)/, 'still at question 2');
    assert.match(visibleText(await deliver(bot.url, sent(c, { text: 'skip' }, `send-${randomUUID()}`))), /\(3\/\d\)/);
  });
});
