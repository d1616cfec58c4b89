// Two messages in one conversation at once, over HTTP: handled one after the other, one reflection saved.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { content } from '../../services/content';
import { log } from '../../services/log';
import type { Store } from '../../services/storage/cosmos';
import { Conversation, type RunningBot, startBot, useBot, visibleText } from '../helpers/bot';
import { closeStores, freshStore } from '../helpers/store';

describe('concurrent messages in one conversation', () => {
  const bot = useBot();

  it('a double "save" makes one reflection, and both posts are answered', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect Q-1');
    await c.say('skip');
    await c.say('building trust');
    await c.say('We sat outside');
    for (let i = 1; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4');
    await c.say('no'); // the safety question that ends every debrief
    const replies = await Promise.all([c.say('save'), c.say('save'), c.say('save')]);
    assert.match(replies.map(visibleText).join('\n'), /Saved/);
    const docs = (await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId))).items;
    assert.equal(docs.length, 1);
  });

  it('two answers sent at once are both taken, in order (neither overwrites the other)', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect Q-2');
    await c.say('skip');
    await c.say('building trust');
    await Promise.all([c.say('First answer here'), c.say('Second answer here')]);
    for (let i = 2; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4');
    await c.say('no'); // the safety question that ends every debrief
    await c.say('save');
    const [doc] = (await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId))).items;
    const texts = doc!.answers.map((a) => a.text);
    assert.ok(texts.includes('First answer here') && texts.includes('Second answer here'), JSON.stringify(texts));
  });
});

// Two instances behind a load balancer: each has its own in-process queue, so only the etag on the bot state
// document (bot/stateStorage.ts) keeps one from saving over the other. A barrier makes the race certain: both
// turns run on the same stored step before either saves.
describe('concurrent messages in one conversation on two instances (same store)', () => {
  let a: RunningBot;
  let b: RunningBot;
  let store: Store;
  before(async () => {
    store = await freshStore();
    a = await startBot({ store });
    b = await startBot({ store });
  });
  after(async () => { await a.stop(); await b.stop(); await closeStores(); });
  afterEach(() => sinon.restore());

  /** Holds the first save of each instance until both have run their turn on the state they read. */
  function raceBoth(): { conflicts: () => number } {
    let waiting: (() => void) | undefined;
    let arrived = 0;
    for (const bot of [a, b]) {
      const original = bot.server.conversationState.saveChanges.bind(bot.server.conversationState);
      let first = true;
      sinon.stub(bot.server.conversationState, 'saveChanges').callsFake(async (ctx, force) => {
        if (first) {
          first = false;
          if (++arrived === 2) waiting?.();
          else await new Promise<void>((r) => (waiting = r));
        }
        return original(ctx, force);
      });
    }
    const info = sinon.spy(log, 'info');
    return { conflicts: () => info.getCalls().filter((c) => c.args[0] === 'turn.state_conflict').length };
  }

  it('two answers at once, one to each instance: both kept, in the order stored, neither overwritten', async () => {
    const onA = new Conversation(a.url);
    const onB = new Conversation(b.url, onA.userId, onA.conversationId);
    await onA.say('reflect Q-3');
    await onB.say('skip');
    await onA.say('building trust');
    const race = raceBoth();
    const replies = await Promise.all([onA.say('The answer sent to A'), onB.say('The answer sent to B')]);
    assert.equal(race.conflicts(), 1, 'the loser re-ran its turn');
    // Each post got the question that follows its own answer: one (2/n), the other (3/n).
    assert.deepEqual(replies.map((r) => /\((\d)\//.exec(visibleText(r))?.[1]).sort(), ['2', '3']);
    sinon.restore();
    for (let i = 2; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await onA.say('skip');
    await onB.say('progressing');
    await onA.say('4');
    await onB.say('no'); // the safety question that ends every debrief
    assert.match(visibleText(await onB.say('save')), /Saved/);
    const docs = (await a.app.reflections.listByPsw(a.app.personIdFor(onA.userId))).items;
    assert.equal(docs.length, 1);
    const texts = docs[0]!.answers.map((x) => x.text);
    assert.ok(texts.includes('The answer sent to A') && texts.includes('The answer sent to B'), JSON.stringify(texts));
  });

  it('"save" sent to both instances at once: one reflection, and the dialog is over on both', async () => {
    const onA = new Conversation(a.url);
    const onB = new Conversation(b.url, onA.userId, onA.conversationId);
    await onA.say('reflect Q-4');
    await onB.say('skip');
    await onA.say('building trust');
    await onB.say('We sat outside');
    for (let i = 1; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await onA.say('skip');
    await onB.say('progressing');
    await onA.say('4');
    await onB.say('no'); // the safety question that ends every debrief
    const race = raceBoth();
    const replies = await Promise.all([onA.say('save'), onB.say('save')]);
    assert.equal(race.conflicts(), 1);
    assert.match(replies.map(visibleText).join('\n'), /Saved/);
    const docs = (await a.app.reflections.listByPsw(a.app.personIdFor(onA.userId))).items;
    assert.equal(docs.length, 1);
    assert.equal(docs[0]!.answers[0]!.text, 'We sat outside');
  });
});
