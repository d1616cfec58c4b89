// QA: at "Any names you'd like me to always hide?", a tired "nope", "n/a", "ok" or "no names" was taken as a name
// to hide in this and every later reflection about the client ("Got it. I'll hide those…"), so "she was ok" would
// lose its "ok". They are a no now, like "no" and "skip"; a real name is still hidden.
import assert from 'node:assert/strict';
import { Conversation, asRole, useBot, visibleText } from '../helpers/bot';

describe('"no" in its everyday forms at the names to hide', () => {
  const bot = useBot();

  for (const said of ['nope', 'n/a', 'ok', 'nah', 'no names', 'not really', 'idk']) {
    it(`"${said}" hides nothing and goes on to the stage`, async () => {
      const c = new Conversation(bot().url, `qa-names-${said}`);
      await asRole(bot(), c.userId, 'psw');
      await c.say('reflect C-71');
      const next = visibleText(await c.say(said));
      assert.doesNotMatch(next, /I'll hide those/);
      assert.match(next, /Where does your relationship with C-71 stand/);
    });
  }

  it('a name is still hidden', async () => {
    const c = new Conversation(bot().url, 'qa-names-real');
    await asRole(bot(), c.userId, 'psw');
    await c.say('reflect C-72');
    assert.match(visibleText(await c.say('Okafor')), /I'll hide those/);
  });
});
