// End to end in a real browser: the bot on a free port with the local web chat, Debian's chromium opening the
// page, a person choosing who they are, typing, tapping Adaptive Card buttons, and receiving a proactive message.
import assert from 'node:assert/strict';
import type { ConversationReference } from 'botbuilder';
import { installWebChat, WEBCHAT_BOT, WEBCHAT_CHANNEL_ID } from '../../bot/webchat';
import { startBot, type RunningBot } from '../helpers/bot';
import { launchBrowser, type Browser } from '../helpers/browser';
import { closeStores } from '../helpers/store';
import { WebChatPage } from './webchatPage';

describe('local web chat in a real browser (chromium)', function () {
  this.timeout(60_000);
  let bot: RunningBot;
  let browser: Browser;
  let chat: WebChatPage;

  before(async () => {
    bot = await startBot({ extraRoutes: [installWebChat] });
    browser = await launchBrowser();
    chat = new WebChatPage(browser.page);
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    await closeStores();
  });

  it('offers the sample identities, and greets the person chosen', async () => {
    await chat.open(bot.url);
    assert.deepEqual(await chat.identities(), ['local-psw-1', 'local-psw-2', 'local-newhire', 'local-supervisor', 'local-admin']);
    await chat.choose('local-psw-1');
    await chat.waitFor(/PeerReflect/);
    assert.match(await browser.page.locator('#who-name').innerText(), /PSW 1/);
    const greeting = chat.posted.find((a) => a.type === 'conversationUpdate');
    assert.ok(greeting, 'the page tells the bot a person joined');
  });

  it('sends typed text with expectReplies, as the chosen person, and shows the reply', async () => {
    const reply = await chat.ask('help', /Here.s what I can do/);
    assert.match(reply, /cancel/);
    const sent = chat.posted.find((a) => a.text === 'help')!;
    assert.equal(sent.deliveryMode, 'expectReplies');
    assert.equal(sent.channelId, WEBCHAT_CHANNEL_ID);
    assert.deepEqual(sent.from, { id: 'local-psw-1', name: 'PSW 1', role: 'user' });
    assert.equal((sent.from as { aadObjectId?: string }).aadObjectId, undefined);
    assert.equal(sent.serviceUrl, `${bot.url}/webchat/`);
    await chat.ask('cancel', /nothing to cancel/i);
  });

  it('shows a proactive message the bot sends with continueConversationAsync (server-sent events)', async () => {
    const conversationId = await chat.conversationId();
    const reference: Partial<ConversationReference> = {
      channelId: WEBCHAT_CHANNEL_ID,
      serviceUrl: `${bot.url}/webchat/`,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: 'local-psw-1', name: 'PSW 1' },
      bot: WEBCHAT_BOT,
    };
    const since = await chat.count();
    await bot.server.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('It is 4:30. Time for a short reflection? Type `reflect` when you are ready.');
    });
    // Promptly: Web Chat holds an activity whose replyToId it has not seen for 5 s; the page must not let it.
    await chat.waitFor(/Time for a short reflection/, since, 3000);
  });

  it('renders Adaptive Cards, and a tapped Action.Submit posts its value to the bot', async () => {
    // Onboarding's cards stand in until the debrief lands (then the debrief test below covers cards too).
    const since = await chat.count();
    await chat.say('onboarding');
    await browser.page.locator('.ac-adaptiveCard').nth(0).waitFor({ state: 'visible' });
    await chat.waitFor(/./, since);
    const before = chat.posted.length;
    const cardButton = browser.page.locator('.ac-pushButton').last();
    const title = await cardButton.innerText();
    const countBefore = await chat.count();
    await cardButton.click();
    await chat.waitFor(/./, countBefore + 1);
    const submitted = chat.posted.slice(before).find((a) => a.value !== undefined);
    assert.ok(submitted, `tapping "${title}" posts the card's data as value`);
    assert.equal(typeof submitted.value, 'object');
    assert.equal(submitted.text, undefined);
    await chat.ask('cancel', /stopped/i);
  });

  it('keeps the person and conversation across a reload, and lets them change who they are', async () => {
    const conversationId = await chat.conversationId();
    await browser.page.reload();
    await browser.page.waitForSelector('[data-id="webchat-sendbox-input"]');
    assert.equal(await chat.conversationId(), conversationId);
    assert.match(await browser.page.locator('#who-name').innerText(), /PSW 1/);
    await chat.ask('help', /Here.s what I can do/);

    await browser.page.click('#change');
    await browser.page.waitForSelector('button[data-identity]');
    await chat.choose('local-supervisor');
    assert.notEqual(await chat.conversationId(), conversationId);
    const person = await bot.app.people.get(bot.app.personIdFor('local-supervisor'));
    assert.equal(person?.role, 'supervisor');
  });

  it('ran without page errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});
