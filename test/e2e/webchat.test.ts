// End to end in a real browser: the bot on a free port with the local web chat, Debian's chromium opening the
// page, a person choosing who they are, typing, tapping Adaptive Card buttons, and receiving a proactive message.
import assert from 'node:assert/strict';
import { noticeRenderer } from '../../bot/notices';
import { ProactiveSender } from '../../bot/proactive';
import { WEBCHAT_CHANNEL_ID } from '../../bot/webchat';
import { content } from '../../services/content';
import { useWebChat } from './webchatPage';

describe('local web chat in a real browser (chromium)', function () {
  this.timeout(60_000);
  const { bot, browser, chat } = useWebChat();

  it('offers the sample identities, and greets the person chosen', async () => {
    await chat().open(bot().url);
    assert.deepEqual(await chat().identities(), ['local-psw-1', 'local-psw-2', 'local-newhire', 'local-supervisor', 'local-admin']);
    await chat().choose('local-psw-1');
    await chat().waitFor(/PeerReflect/);
    assert.match((await browser().page.locator('#who-name').textContent()) ?? '', /PSW 1/);
    const greeting = chat().posted.find((a) => a.type === 'conversationUpdate');
    assert.ok(greeting, 'the page tells the bot a person joined');
  });

  it('sends typed text with expectReplies, as the chosen person, and shows the reply', async () => {
    const reply = await chat().ask('help', /Here.s what I can do/);
    assert.match(reply, /cancel/);
    const sent = chat().posted.find((a) => a.text === 'help')!;
    assert.equal(sent.deliveryMode, 'expectReplies');
    assert.equal(sent.channelId, WEBCHAT_CHANNEL_ID);
    assert.deepEqual(sent.from, { id: 'local-psw-1', name: 'PSW 1', role: 'user' });
    assert.equal((sent.from as { aadObjectId?: string }).aadObjectId, undefined);
    assert.equal(sent.serviceUrl, `${bot().url}/webchat/`);
    await chat().ask('cancel', /nothing to cancel/i);
  });

  it('shows a proactive message sent the way the scheduler sends them: the stored reference, continueConversationAsync, server-sent events', async () => {
    const personId = bot().app.personIdFor('local-psw-1');
    const stored = await bot().app.references.get(personId);
    assert.equal(stored?.address.serviceUrl, `${bot().url}/webchat/`, 'the page\'s messages stored its address');
    assert.equal(stored?.address.conversation.id, await chat().conversationId());
    const since = await chat().count();
    const sender = new ProactiveSender(bot().server.adapter, bot().app.references, { appId: '', render: noticeRenderer(bot().app) });
    const delivery = await sender.send({ personId, text: 'It is 4:30. Time for a short reflection? Type `reflect` when you are ready.' });
    assert.equal(delivery, 'sent');
    // Promptly: Web Chat holds an activity whose replyToId it has not seen for 5 s; the page must not let it.
    await chat().waitFor(/Time for a short reflection/, since, 3000);
  });

  it('completes a debrief by tapping card buttons, filling the self-check form and typing; the reflection is stored de-identified', async () => {
    const trust = content().stageById.trust;
    const prompts = Math.min(trust.prompts.length, 5);
    const strategy = content().stalls.trust.strategies[0]!;
    const firstPost = chat().posted.length;

    await chat().ask('reflect', /Which client is this about/);
    await chat().ask('C-14', /names you.d like me to always hide/i);
    await chat().tap('Skip', /Where does your relationship with C-14 stand/);
    await chat().tap('Building trust', new RegExp(`\\(1/${prompts}\\)`));
    await chat().ask('We met at the drop-in and talked about Maria and her dog.', new RegExp(`\\(2/${prompts}\\)`));
    for (let i = 2; i <= prompts; i++) {
      await chat().tap('Skip', i < prompts ? new RegExp(`\\(${i + 1}/${prompts}\\)`) : /how is the relationship moving/i);
    }
    const stall = await chat().tap('Stalling', /Which one would you like to try/);
    assert.ok(stall.includes(strategy.title));
    // Three strategies first, as buttons (one phone screen), with "More ideas" for the rest (dialogs/stall.ts).
    await chat().tap(strategy.title, /flag this relationship for supervision/);
    await chat().tap('Yes', /How are you doing after this one/);
    // The self-check: the words first, then one of five score buttons, which sends both.
    await chat().fillCardInput(/tired but okay/, 'a bit tired');
    await chat().tap('4 of 5', /anyone.s safety/);
    const review = await chat().tap('No, all good', /exactly what I.ll save/); // the safety question: one tap
    assert.match(review, /\[NAME\]/);
    assert.doesNotMatch(review, /Maria/);
    await chat().tap('Save', /Saved/);

    // Card buttons went as Action.Submit values (no text); typed answers as text.
    const sent = chat().posted.slice(firstPost);
    const stageTap = sent.find((a) => (a.value as { choice?: string } | undefined)?.choice === 'trust');
    assert.ok(stageTap, 'the stage card posted its value');
    assert.equal(stageTap.text, undefined);
    assert.deepEqual(Object.keys(sent.find((a) => (a.value as { score?: string } | undefined)?.score)!.value as object).sort(), ['nonce', 'note', 'score', 'step']);

    const psw = bot().app.personIdFor('local-psw-1');
    const { items } = await bot().app.reflections.listByPsw(psw);
    assert.equal(items.length, 1);
    const doc = items[0]!;
    assert.equal(doc.clientCode, 'C-14');
    assert.equal(doc.stage, 'trust');
    assert.equal(doc.movement, 'stalling');
    assert.deepEqual(doc.stall, { stage: 'trust', source: 'reported', strategyId: strategy.id, flaggedForSupervision: true });
    assert.deepEqual(doc.selfCheck, { score: 4, note: 'a bit tired' });
    assert.equal(doc.visibility, 'shared');
    assert.equal(doc.answers.length, prompts);
    assert.match(doc.answers[0]!.text, /talked about \[NAME\] and her dog/);
    assert.equal(doc.answers.filter((a) => a.skipped).length, prompts - 1);
    assert.doesNotMatch(JSON.stringify(doc), /Maria/);
  });

  it('asks at the review whether a word is a person; tapping Hide hides it in what is stored', async () => {
    const prompts = Math.min(content().stageById.trust.prompts.length, 5);
    await chat().ask('reflect', /Which client is this about/);
    await chat().ask('C-31', /names you.d like me to always hide/i);
    await chat().tap('Skip', /Where does your relationship with C-31 stand/);
    await chat().tap('Building trust', new RegExp(`\\(1/${prompts}\\)`));
    await chat().ask('We talked about Joy and the new place.', new RegExp(`\\(2/${prompts}\\)`));
    for (let i = 2; i <= prompts; i++) {
      await chat().tap('Skip', i < prompts ? new RegExp(`\\(${i + 1}/${prompts}\\)`) : /how is the relationship moving/i);
    }
    await chat().tap('Progressing', /How are you doing after this one/);
    await chat().tap('4 of 5', /anyone.s safety/);
    await chat().tap('No, all good', /Is .Joy. a person\?/); // Web Chat's markdown curls the quotes
    const review = await chat().tap('Hide', /exactly what I.ll save/);
    assert.match(review, /talked about \[NAME\] and the new place/);
    await chat().tap('Save', /Saved/);
    const { items } = await bot().app.reflections.listByPsw(bot().app.personIdFor('local-psw-1'));
    const doc = items.find((r) => r.clientCode === 'C-31')!;
    assert.match(doc.answers[0]!.text, /talked about \[NAME\] and the new place/);
    assert.doesNotMatch(JSON.stringify(doc), /Joy/);
  });

  it('keeps the person and conversation across a reload, and lets them change who they are', async () => {
    const conversationId = await chat().conversationId();
    await browser().page.reload();
    await browser().page.waitForSelector('[data-id="webchat-sendbox-input"]');
    assert.equal(await chat().conversationId(), conversationId);
    assert.match((await browser().page.locator('#who-name').textContent()) ?? '', /PSW 1/);
    await chat().ask('help', /Here.s what I can do/);

    await browser().page.click('#change');
    await browser().page.waitForSelector('button[data-identity]');
    await chat().choose('local-supervisor');
    assert.notEqual(await chat().conversationId(), conversationId);
    const person = await bot().app.people.get(bot().app.personIdFor('local-supervisor'));
    assert.equal(person?.role, 'supervisor');
  });

  it('ran without page errors', () => {
    assert.deepEqual(browser().errors, []);
  });
});
