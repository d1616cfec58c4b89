// A tapped choice leaves a trace: in Teams the card is updated in place (PUT to the bot's own message, recorded by a
// fake connector on loopback); where a card cannot be updated, a short line says what was chosen.
import assert from 'node:assert/strict';
import { setLogLevel } from '../../services/log';
import { cardData, Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

describe('a tapped choice leaves a trace', () => {
  let bot: RunningBot;
  let channel: FakeChannel;
  before(async () => {
    setLogLevel('silent');
    bot = await startBot();
    channel = await startFakeChannel();
  });
  after(async () => {
    await bot.stop();
    await channel.close();
    await closeStores();
  });

  const toStage = async (c: Conversation, serviceUrl?: string) => {
    const at = serviceUrl ? { serviceUrl } : {};
    await c.post({ text: 'reflect T-1', ...at });
    return (await c.post({ text: 'skip', ...at })).activities;
  };

  it('in Teams: the card is replaced in place by the question and the choice', async () => {
    const c = new Conversation(bot.url, undefined, undefined, 'msteams');
    const asked = await toStage(c, channel.serviceUrl);
    const { activities } = await c.post({ text: '', value: cardData(asked, 'Building trust'), replyToId: 'card-42', serviceUrl: channel.serviceUrl });
    assert.match(visibleText(activities), /\(1\/\d\)/, 'the debrief goes on');
    assert.doesNotMatch(visibleText(activities), /You chose/, 'no extra line where the card itself shows it');
    const update = channel.received.find((r) => r.method === 'PUT' && r.path.endsWith('/activities/card-42'));
    assert.ok(update, 'the card was updated');
    assert.match(update.activity.text ?? '', /Where does your relationship with T-1 stand/);
    assert.match(visibleText([update.activity]), /You chose: Building trust/);
    assert.equal(JSON.stringify(update.activity.attachments).includes('Action.Submit'), false, 'no buttons left to tap again');
  });

  it('elsewhere (the web chat, a channel without updates): a short line says what was chosen', async () => {
    const c = new Conversation(bot.url);
    const asked = await toStage(c);
    const replies = await c.say(cardData(asked, 'Launching towards independence'));
    assert.equal(replies[0]?.text, 'You chose: Launching towards independence');
    assert.match(visibleText(replies), /\(1\/\d\)/);
    // Typed answers need no trace: what was typed is in the chat already.
    const typed = new Conversation(bot.url);
    await toStage(typed);
    assert.doesNotMatch(visibleText(await typed.say('bridging')), /You chose/);
  });
});
