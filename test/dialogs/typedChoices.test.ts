// Typed answers to a choice, as a tired PSW types them on a phone, through the real dialog over HTTP: a small typo
// picks its choice, but a word one slip further from every choice is no match — it is asked again, never taken as
// the nearest choice ("more" on the last page of strategies is not "None for now").
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';

describe('typed choices over HTTP', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot();
  });
  after(async () => {
    await bot.stop();
    await closeStores();
  });

  it('"more" on the last page of strategies is asked again, not taken as "None for now"; a typo still picks', async () => {
    const c = new Conversation(bot.url);
    await c.say('reflect Q-1');
    await c.say('skip'); // names to hide
    await c.say('trust');
    for (let i = 0; i < content().stageById.trust.prompts.length; i++) await c.say('skip');
    await c.say('stallin'); // a typo within the budget still picks "Stalling"
    await c.say('more'); // the second page: the rest of the strategies and "None for now"
    const again = visibleText(await c.say('more'));
    assert.match(again, /I didn't catch that/);
    assert.doesNotMatch(again, /flag this relationship/, 'nothing was chosen');
    assert.match(again, /More things peer workers try/, 'the same list, asked again');
    const picked = content().stalls.trust.strategies[3]!.title;
    assert.match(visibleText(await c.say(picked.toLowerCase().replace(/e/, ''))), new RegExp(`planning to try "${picked}"[\\s\\S]*flag this relationship`));
  });
});
