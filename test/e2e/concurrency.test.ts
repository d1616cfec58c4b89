// Two messages in one conversation at once, over HTTP: handled one after the other, one reflection saved.
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';

describe('concurrent messages in one conversation', () => {
  let bot: RunningBot;
  before(async () => { bot = await startBot(); });
  after(async () => { await bot.stop(); await closeStores(); });

  it('a double "save" makes one reflection, and both posts are answered', async () => {
    const c = new Conversation(bot.url);
    await c.say('reflect Q-1');
    await c.say('skip');
    await c.say('building trust');
    await c.say('We sat outside');
    for (let i = 1; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4');
    const replies = await Promise.all([c.say('save'), c.say('save'), c.say('save')]);
    assert.match(replies.map(visibleText).join('\n'), /Saved/);
    const docs = (await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId))).items;
    assert.equal(docs.length, 1);
  });

  it('two answers sent at once are both taken, in order (neither overwrites the other)', async () => {
    const c = new Conversation(bot.url);
    await c.say('reflect Q-2');
    await c.say('skip');
    await c.say('building trust');
    await Promise.all([c.say('First answer here'), c.say('Second answer here')]);
    for (let i = 2; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4');
    await c.say('save');
    const [doc] = (await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId))).items;
    const texts = doc!.answers.map((a) => a.text);
    assert.ok(texts.includes('First answer here') && texts.includes('Second answer here'), JSON.stringify(texts));
  });
});
