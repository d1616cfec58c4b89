// QA: a command typed mid-debrief with a name or a phone after it (`history Jordan`, `reflect 780-555-0142`) was kept
// raw in the switch question's dialog state and echoed on its button. What follows the command is left out now when
// it holds an identifier; a client code still goes through.
import assert from 'node:assert/strict';
import { BOT_STATE_CONTAINER } from '../../services/storage/containers';
import { Conversation, asRole, cardData, useBot, visibleText } from '../helpers/bot';

describe('a command typed mid-debrief keeps no identifier', () => {
  const bot = useBot();

  async function stored(): Promise<string> {
    const { resources } = await bot().store.database.container(BOT_STATE_CONTAINER).items.query('SELECT * FROM c').fetchAll();
    return JSON.stringify(resources);
  }

  it('`history Jordan` and `reflect 780-555-0142` ask to switch to the bare command; nothing of them is stored', async () => {
    const c = new Conversation(bot().url, 'qa-switch-1');
    await asRole(bot(), c.userId, 'psw');
    await c.say('reflect C-41');
    await c.say('skip');
    await c.say('building trust');
    await c.say('we walked');
    const asked = visibleText(await c.say('history Jordan'));
    assert.match(asked, /Switch to `history`/);
    assert.doesNotMatch(asked, /Jordan/);
    assert.doesNotMatch(await stored(), /Jordan/);
    const again = await c.say('reflect 780-555-0142');
    assert.match(visibleText(again), /Switch to `reflect`/);
    assert.doesNotMatch(await stored(), /555/);
    assert.match(visibleText(await c.say(cardData(again, 'Switch to `reflect`'))), /Which client/);
  });

  it('a client code after the command is kept: `history C-41` switches to it', async () => {
    const c = new Conversation(bot().url, 'qa-switch-2');
    await asRole(bot(), c.userId, 'psw');
    await c.say('reflect C-42');
    await c.say('skip');
    assert.match(visibleText(await c.say('history C-41')), /Switch to `history C-41`/);
  });

  it('outside a dialog, a misspelt command with a name is offered without it', async () => {
    const c = new Conversation(bot().url, 'qa-switch-3');
    await asRole(bot(), c.userId, 'psw');
    const shown = visibleText(await c.say('histroy Jordan'));
    assert.match(shown, /`history`/);
    assert.doesNotMatch(shown, /Jordan/);
  });
});
