// Channels redeliver an activity when the answer was slow or lost: the same activity id must be taken once —
// on one instance, and on two instances sharing the store (issue 15, item 4).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import type { Activity } from 'botbuilder';
import type { Store } from '../../services/storage/cosmos';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
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

  it('on one instance: the repeat gets no second answer and does not answer the next question', async () => {
    const c = new Conversation(a.url);
    await toFirstQuestion(c);
    const answer = c.activity({ text: 'We walked to the clinic together', id: randomUUID() });
    const first = await deliver(a.url, answer);
    assert.match(visibleText(first), /\(2\/\d\)/);
    const repeat = await deliver(a.url, answer);
    assert.deepEqual(repeat, [], 'nothing said twice');
    // Still at question 2: the repeat was not taken as its answer.
    assert.match(visibleText(await c.say('help')), /\(2\/\d\)/);
  });

  it('across two instances, one after the other', async () => {
    const c = new Conversation(a.url);
    await toFirstQuestion(c);
    const answer = c.activity({ text: 'We talked about housing', id: randomUUID() });
    assert.match(visibleText(await deliver(a.url, answer)), /\(2\/\d\)/);
    assert.deepEqual(await deliver(b.url, answer), []);
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
    assert.deepEqual([ra, rb].find((r) => r !== answered[0]), []);
    sinon.restore();
    assert.match(visibleText(await c.say('help')), /\(2\/\d\)/, 'the answer was taken once');
  });

  it('a different activity with new id is still taken (ids, not texts, are compared)', async () => {
    const c = new Conversation(a.url);
    await toFirstQuestion(c);
    assert.match(visibleText(await deliver(a.url, c.activity({ text: 'skip', id: randomUUID() }))), /\(2\/\d\)/);
    assert.match(visibleText(await deliver(a.url, c.activity({ text: 'skip', id: randomUUID() }))), /\(3\/\d\)/);
  });
});
