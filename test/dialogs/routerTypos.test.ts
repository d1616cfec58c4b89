// Outside a dialog, over HTTP against the real bot: a close misspelling of a command is offered as a button ("Did you
// mean `reflect C-7`?") using the same matching as mid-debrief (dialogs/commands.ts commandMidDialog); `hi`, `thanks`
// and `ok` get a short, warm reply instead of "I didn't catch that"; a sentence is still not taken for a command.
import assert from 'node:assert/strict';
import { cardData, Conversation, useBot, visibleText } from '../helpers/bot';

describe('the router outside a dialog: misspelled commands and small talk', () => {
  const bot = useBot();

  for (const [typed, meant] of [['reflct', 'reflect'], ['relfect C-7', 'reflect C-7'], ['histroy C-7', 'history C-7'], ['my summery', 'my summary']] as const) {
    it(`\`${typed}\` asks "Did you mean \`${meant}\`?" with a button that runs it`, async () => {
      const c = new Conversation(bot().url);
      await c.say('hi'); // past the first welcome
      const replies = await c.say(typed);
      const text = visibleText(replies);
      assert.ok(text.includes(`Did you mean \`${meant}\`?`), text);
      assert.doesNotMatch(text, /didn't catch that/);
      assert.deepEqual(cardData(replies, meant), { command: meant });
      // The button runs the command as if typed correctly.
      const ran = visibleText(await c.say(cardData(replies, meant)));
      assert.doesNotMatch(ran, /didn't catch that|Did you mean/);
    });
  }

  it('the button of `relfect C-7` starts a reflection on C-7', async () => {
    const c = new Conversation(bot().url);
    await c.say('hi');
    const offered = await c.say('relfect C-7');
    assert.match(visibleText(await c.say(cardData(offered))), /Any names you'd like me to always hide/);
  });

  it('a sentence or a word far from any command is still not understood', async () => {
    const c = new Conversation(bot().url);
    await c.say('hi');
    for (const said of ['flibbertigibbet', 'reflecting is hard for me today', 'she was upset about her rent']) {
      const text = visibleText(await c.say(said));
      assert.match(text, /I didn't catch that/, said);
      assert.doesNotMatch(text, /Did you mean/, said);
    }
  });

  it('`hi`, `hello`, `thanks`, `ok` from a returning person get a short, warm reply', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect'); // a returning person: they have been here before
    await c.say('cancel');
    const said = async (text: string) => visibleText(await c.say(text));
    for (const greeting of ['hi', 'Hello!', 'hey there', 'good morning']) assert.match(await said(greeting), /^Hi, good to see you\. Type `reflect`/, greeting);
    for (const thanks of ['thanks', 'Thank you!', 'thx']) assert.equal(await said(thanks), "You're welcome. I'm here whenever you need me.", thanks);
    for (const ok of ['ok', 'Okay.', 'got it']) assert.match(await said(ok), /^Okay\. I'm here when you need me/, ok);
  });

  it('`save` with no review open says nothing is waiting and how to check the last reflection was kept', async () => {
    const c = new Conversation(bot().url);
    await c.say('hi');
    for (const said of ['save', 'Save', 'saved?', 'did it save']) {
      const text = visibleText(await c.say(said));
      assert.match(text, /nothing waiting to be saved/, said);
      assert.match(text, /`history`/, said);
      assert.doesNotMatch(text, /didn't catch that/, said);
    }
  });

  it('a supervisor is pointed to their team, not to `reflect`', async () => {
    const c = new Conversation(bot().url);
    await bot().app.supervision.roster.add({ channelId: c.userId, role: 'supervisor', alias: 'Sup T', team: 'Team T' });
    await c.say('hi');
    assert.match(visibleText(await c.say('hello')), /good to see you\. Type `summary` to see your team/);
    // A misspelling is only offered from the commands this role may use.
    assert.match(visibleText(await c.say('sumary')), /Did you mean `summary`\?/);
  });
});
