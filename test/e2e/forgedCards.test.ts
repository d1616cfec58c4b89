// Forged and stale card submissions over HTTP, each refused with a plain message while the debrief stays
// exactly where it was: the next real answer continues the same step, and the saved reflection holds only
// what the person really answered, under their own pseudonymous id.
//
// The model: dialog state is kept per conversation (channel + conversation id). A Teams personal chat has
// one person, so only they reach it; in a team chat, or with a forged activity, another person's message or
// card is refused while someone else's dialog is open (bot/peerReflectBot.ts), and a reflection's owner is
// always the person resolved from the turn (never a field of a card).
import assert from 'node:assert/strict';
import { t } from '../../services/catalogue';
import { content } from '../../services/content';
import { cardData, Conversation, useBot, visibleText } from '../helpers/bot';

const STALE_CARD = t('prompts.staleCard');
const INVALID_CARD = t('prompts.invalidCard');
const NOT_YOUR_CONVERSATION = t('bot.notYourConversation');

const PROMPTS = Math.min(content().stageById.trust.prompts.length, 5);
const MOVEMENT_ASKED = /how is the relationship moving/;


/** Posts a card value as it arrives from a channel (no text), whatever its type. */
async function submitValue(c: Conversation, value: unknown): Promise<string> {
  const { status, activities } = await c.post({ value, text: '' });
  assert.equal(status, 200);
  return visibleText(activities);
}

describe('forged and stale card submissions', () => {
  const bot = useBot();

  it('each forgery is refused with a clear message, the step is intact, and the saved reflection is unchanged by them', async () => {
    const c = new Conversation(bot().url);
    const other = new Conversation(bot().url, 'someone-else', c.conversationId);
    const me = bot().app.personIdFor(c.userId);
    const otherId = bot().app.personIdFor(other.userId);

    // A card from another debrief: the movement card of one that was cancelled.
    await c.say('reflect F-0');
    await c.say('skip');
    await c.say('building trust');
    for (let i = 0; i < PROMPTS - 1; i++) await c.say('skip');
    const oldDebriefCard = cardData(await c.say('skip'), 'Steady');
    await c.say('cancel');

    await c.say('reflect F-1');
    const stageCard = cardData(await c.say('skip'), 'Building trust');
    const firstPromptAsk = await c.say(stageCard);
    const firstSkipCard = cardData(firstPromptAsk, 'Skip');
    await c.say('What we really talked about');
    // A stale card from an earlier step (the first prompt's Skip), sent at the second prompt.
    const staleSkip = visibleText(await c.say(firstSkipCard));
    assert.ok(staleSkip.startsWith(STALE_CARD));
    assert.match(staleSkip, new RegExp(`\\(2/${PROMPTS}\\)`));
    for (let i = 1; i < PROMPTS - 1; i++) await c.say('skip');
    const movementAsk = await c.say('skip');
    const good = cardData(movementAsk, 'Steady');

    const forgeries: { what: string; value: unknown; says: string }[] = [
      { what: 'stale card from an earlier step', value: stageCard, says: STALE_CARD },
      { what: 'card from another debrief (old nonce)', value: oldDebriefCard, says: STALE_CARD },
      { what: 'unknown extra field', value: { ...good, extra: 'x' }, says: INVALID_CARD },
      { what: "another person's id in the value", value: { ...good, psw: otherId }, says: INVALID_CARD },
      { what: 'a forged author and id', value: { ...good, from: { id: other.userId }, id: 'r-forged' }, says: INVALID_CARD },
      { what: 'choice of the wrong type', value: { ...good, choice: 3 }, says: INVALID_CARD },
      { what: 'choice not on the card', value: { ...good, choice: 'setback-and-more' }, says: INVALID_CARD },
      { what: 'nonce of the wrong type', value: { ...good, nonce: 12345 }, says: INVALID_CARD },
      { what: 'step of the wrong type', value: { ...good, step: ['movement'] }, says: INVALID_CARD },
      { what: 'no step', value: { nonce: good.nonce, choice: 'steady' }, says: INVALID_CARD },
      { what: 'a bare string', value: 'steady', says: INVALID_CARD },
      { what: 'an array', value: [good], says: INVALID_CARD },
      { what: 'an oversized choice (100 000 characters)', value: { ...good, choice: 'x'.repeat(100_000) }, says: INVALID_CARD },
      { what: 'an oversized nonce (5 000 characters)', value: { ...good, nonce: 'n'.repeat(5000) }, says: STALE_CARD },
    ];
    for (const f of forgeries) {
      const reply = await submitValue(c, f.value);
      assert.ok(reply.startsWith(f.says), `${f.what}: ${reply.slice(0, 80)}`);
      assert.match(reply, MOVEMENT_ASKED, `${f.what}: the same step is asked again`);
    }
    // Another person posting this conversation's current card (right nonce) or typing: refused, not acted on.
    assert.equal(visibleText(await other.say(good)), NOT_YOUR_CONVERSATION);
    assert.equal(visibleText(await other.say('setback')), NOT_YOUR_CONVERSATION);
    assert.equal(visibleText(await other.say('cancel')), NOT_YOUR_CONVERSATION);

    // The real answer continues the same step.
    const selfCheckAsk = await c.say(good);
    assert.match(visibleText(selfCheckAsk), /1 \(rough\) to 5/);
    const form = cardData(selfCheckAsk);
    const formForgeries: { what: string; value: Record<string, unknown>; says: string }[] = [
      { what: 'score not on the card', value: { ...form, score: '9', note: 'x' }, says: INVALID_CARD },
      { what: 'note of the wrong type', value: { ...form, score: '3', note: 5 }, says: INVALID_CARD },
      { what: 'extra field in the form', value: { ...form, score: '3', note: 'x', psw: otherId }, says: INVALID_CARD },
      { what: 'the movement card again', value: good, says: STALE_CARD },
    ];
    for (const f of formForgeries) {
      const reply = await submitValue(c, f.value);
      assert.ok(reply.startsWith(f.says), `${f.what}: ${reply.slice(0, 80)}`);
      assert.match(reply, /1 \(rough\) to 5/, `${f.what}: the same step is asked again`);
    }
    assert.match(visibleText(await c.say({ ...form, score: '3', note: 'okay really' })), /anyone's safety/);
    const reviewAsk = await c.say('no'); // the safety question that ends every debrief
    assert.match(visibleText(reviewAsk), /Save this\?/);
    const saveCard = cardData(reviewAsk, 'Save');
    assert.equal(visibleText(await other.say(saveCard)), NOT_YOUR_CONVERSATION);
    assert.equal((await bot().app.reflections.listByPsw(otherId)).items.length, 0);
    assert.match(visibleText(await c.say(saveCard)), /Saved/);

    const docs = (await bot().app.reflections.listByPsw(me)).items;
    assert.equal(docs.length, 1);
    const doc = docs[0]!;
    assert.equal(doc.psw, me);
    assert.notEqual(doc.id, 'r-forged');
    assert.equal(doc.clientCode, 'F-1');
    assert.equal(doc.movement, 'steady');
    assert.deepEqual(doc.selfCheck, { score: 3, note: 'okay really' });
    assert.deepEqual(doc.answers.map((a) => a.text), ['What we really talked about', ...Array(PROMPTS - 1).fill('')]);
    assert.equal((await bot().app.reflections.listByPsw(otherId)).items.length, 0);
    // Once the debrief is over, the other person can use the bot here for themselves.
    assert.doesNotMatch(visibleText(await other.say('help')), /Someone else/);
  });
});
