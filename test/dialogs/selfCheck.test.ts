// The self-check over HTTP against the real bot: five score buttons (each carries its score and sends the words
// typed above it), a group label, a trace of the tap, typed numbers still read, and a card without a score refused.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { ACTIONS_LABEL_ID } from '../../cards/card';
import { actionCount, MAX_ACTIONS } from '../../cards/limits';
import { t } from '../../services/catalogue';
import { content } from '../../services/content';
import { Conversation, useBot, visibleText } from '../helpers/bot';

type Card = { body: Record<string, unknown>[]; actions?: { type: string; title: string; data: Record<string, unknown> }[] };
const lastCard = (replies: Partial<Activity>[]): Card => replies.flatMap((a) => a.attachments ?? []).at(-1)!.content as Card;

describe('the self-check: five score buttons', () => {
  const bot = useBot();

  async function toSelfCheck(c: Conversation, code: string): Promise<Activity[]> {
    await c.say(`reflect ${code}`);
    await c.say('skip');
    await c.say('building trust');
    for (let i = 0; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    const asked = await c.say('steady');
    assert.match(visibleText(asked), /How are you doing after this one, from 1 \(rough\) to 5 \(good\)\? Add a few words first/);
    return asked;
  }

  async function saved(c: Conversation, code: string) {
    const { items } = await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId));
    return items.find((r) => r.clientCode === code)!;
  }

  it('the card: the words first, then a labelled group of five buttons that each send the score, within Teams’ six actions', async () => {
    const c = new Conversation(bot().url);
    const card = lastCard(await toSelfCheck(c, 'S-1'));
    assert.deepEqual(card.body.map((e) => e.type), ['Input.Text', 'TextBlock']);
    assert.equal(card.body[0]!.id, 'note');
    assert.deepEqual(card.body[1], { type: 'TextBlock', text: 'How you’re doing (1 = rough, 5 = good)', wrap: true, id: ACTIONS_LABEL_ID });
    assert.ok(!JSON.stringify(card).includes('Input.ChoiceSet'), 'no radios');
    assert.deepEqual(card.actions!.map((a) => [a.type, a.title, a.data.score]), [
      ['Action.Submit', '1 of 5, rough', '1'], ['Action.Submit', '2 of 5', '2'], ['Action.Submit', '3 of 5', '3'],
      ['Action.Submit', '4 of 5', '4'], ['Action.Submit', '5 of 5, good', '5'],
    ]);
    assert.ok(actionCount(card) <= MAX_ACTIONS);

    // Tapping "2 of 5" with words in the box (Action.Submit adds the card's inputs to the button's data).
    const tap = { ...card.actions![1]!.data, note: 'long day' };
    const after = visibleText(await c.say(tap));
    assert.match(after, /You chose: 2 of 5/);
    assert.match(after, /anyone's safety/);
    assert.match(visibleText(await c.say('no')), /2\/5 — "long day"/);
    await c.say('save');
    assert.deepEqual((await saved(c, 'S-1')).selfCheck, { score: 2, note: 'long day' });
  });

  it('a typed number still answers it, with or without words', async () => {
    const c = new Conversation(bot().url);
    await toSelfCheck(c, 'S-2');
    assert.match(visibleText(await c.say('4 tired but okay')), /anyone's safety/);
    await c.say('no');
    await c.say('save');
    assert.deepEqual((await saved(c, 'S-2')).selfCheck, { score: 4, note: 'tired but okay' });
  });

  it('a card that comes without a score (a host that sent only the words) is refused and the question asked again', async () => {
    const c = new Conversation(bot().url);
    const card = lastCard(await toSelfCheck(c, 'S-3'));
    const { score: _score, ...noScore } = card.actions![0]!.data;
    const again = await c.say({ ...noScore, note: 'fine' });
    assert.ok(visibleText(again).includes(t('prompts.invalidCard')));
    assert.equal(lastCard(again).actions!.length, 5, 'the same five buttons');
    assert.match(visibleText(await c.say({ ...lastCard(again).actions![4]!.data, note: 'fine' })), /anyone's safety/);
  });
});
