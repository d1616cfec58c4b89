// QA: at "how is the relationship moving?", a tired PSW's own word ("stuck", "same") got "I didn't catch that".
import assert from 'node:assert/strict';
import { Conversation, asRole, useBot, visibleText } from '../helpers/bot';

describe('movement in the PSW’s own words', () => {
  const bot = useBot();

  async function toMovement(name: string): Promise<Conversation> {
    const c = new Conversation(bot().url, name);
    await asRole(bot(), c.userId, 'psw');
    await c.say('reflect C-51');
    await c.say('skip');
    await c.say('building trust');
    await c.say('we talked on the porch');
    for (let i = 1; i < 5; i++) await c.say('skip');
    return c;
  }

  it('"stuck" is Stalling: the stall help follows', async () => {
    const c = await toMovement('qa-move-1');
    const shown = visibleText(await c.say('stuck'));
    assert.doesNotMatch(shown, /didn't catch/);
    assert.match(shown, /Which one would you like to try next time\?/);
  });

  it('"the same" is Steady: on to how they are', async () => {
    const c = await toMovement('qa-move-2');
    assert.match(visibleText(await c.say('the same')), /How are you doing after this one/);
  });
});
