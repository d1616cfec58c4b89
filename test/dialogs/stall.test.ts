// The stall step over HTTP (issue 14, items 10 and 11): a phone screen of help — two questions, three strategies at a
// time with "More ideas" (never more than six buttons); "Take it to supervision" is the flag, not asked again; a setback
// is not a stall; words pointing to another stage ask whether the relationship is there now and offer that stage's help.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { content } from '../../services/content';
import type { StageId } from '../../services/reflections/model';
import { Conversation, useBot, visibleText } from '../helpers/bot';

const titles = (stage: StageId) => content().stalls[stage].strategies.map((s) => s.title);
const FLAG_QUESTION = /flag this relationship for supervision/;

/** The buttons of the last card in the replies (titles), and whether it holds a choice set. */
function lastCard(replies: Partial<Activity>[]): { buttons: string[]; choiceSet: boolean } {
  const cards = replies.flatMap((a) => a.attachments ?? []).map((x) => x.content as { actions?: { title: string }[]; body?: { type: string }[] });
  const card = cards[cards.length - 1]!;
  return { buttons: (card.actions ?? []).map((a) => a.title), choiceSet: JSON.stringify(card.body ?? []).includes('Input.ChoiceSet') };
}

describe('the stall step over HTTP', () => {
  const bot = useBot();

  /** A debrief up to the movement question: the first prompt answered (or skipped), the rest skipped. */
  async function toMovement(c: Conversation, code: string, stage: StageId, firstAnswer = 'skip'): Promise<void> {
    await c.say(`reflect ${code}`);
    await c.say('skip'); // names to hide
    await c.say(content().stageById[stage].title);
    await c.say(firstAnswer);
    for (let i = 1; i < Math.min(content().stageById[stage].prompts.length, 5); i++) await c.say('skip');
  }

  /** From the strategies to Saved: none chosen, not flagged, self-check 3, no safety concern. */
  async function noStrategyThenSave(c: Conversation): Promise<void> {
    await c.say('none for now');
    await c.say('no'); // not flagged
    await c.say('3');
    await c.say('no'); // no safety concern
    await c.say('save');
  }

  const saved = async (c: Conversation) => (await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId))).items;

  it('shows two questions and three strategies, with "More ideas" for the rest, in five buttons', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'S-1', 'trust');
    const trust = content().stalls.trust;
    const first = await c.say('stalling');
    const text = visibleText(first);
    assert.ok(text.includes(trust.questions[0]!.text) && text.includes(trust.questions[1]!.text));
    assert.ok(!text.includes(trust.questions[2]!.text), 'two questions, not the whole list');
    assert.deepEqual(lastCard(first), { buttons: [...titles('trust').slice(0, 3), 'More ideas', 'None for now'], choiceSet: false });
    for (const t of titles('trust').slice(3)) assert.ok(!text.includes(t), `${t} waits for "More ideas"`);
    assert.ok(text.includes(trust.strategies[0]!.text), 'each shown strategy is explained');

    // The rest on request: seven and "None for now" are past six buttons, so a choice set (cards/card.ts).
    const rest = await c.say('more');
    const restText = visibleText(rest);
    for (const s of trust.strategies.slice(3)) assert.ok(restText.includes(s.title) && restText.includes(s.text), s.title);
    assert.deepEqual(lastCard(rest), { buttons: ['Choose'], choiceSet: true });
    // A number picks from the list shown.
    assert.match(visibleText(await c.say('7')), new RegExp(`planning to try "${titles('trust')[9]}"[\\s\\S]*${FLAG_QUESTION.source}`));
    await c.say('no');
    await c.say('4');
    await c.say('no'); // the safety question
    await c.say('save');
    assert.deepEqual((await saved(c))[0]!.stall, { stage: 'trust', source: 'reported', strategyId: trust.strategies[9]!.id, flaggedForSupervision: false });

    // Six strategies: "More ideas" shows three more, as buttons.
    const f = new Conversation(bot().url);
    await toMovement(f, 'S-6', 'fostering');
    await f.say('stalling');
    assert.deepEqual(lastCard(await f.say('More ideas')), { buttons: [...titles('fostering').slice(3), 'Back to the first ideas', 'None for now'], choiceSet: false });
    // The second page leads back to the first three, and one of those can still be picked.
    assert.deepEqual(lastCard(await f.say('back')), { buttons: [...titles('fostering').slice(0, 3), 'More ideas', 'None for now'], choiceSet: false });
    assert.match(visibleText(await f.say('1')), new RegExp(`planning to try "${titles('fostering')[0]}"`));
  });

  it('"Take it to supervision" is the flag: it is not asked again', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'S-2', 'trust');
    await c.say('stalling');
    await c.say('more');
    const picked = visibleText(await c.say('Take it to supervision'));
    assert.match(picked, /I've flagged S-2 for supervision/);
    assert.doesNotMatch(picked, FLAG_QUESTION);
    assert.match(picked, /How are you doing after this one/);
    await c.say('3');
    await c.say('no');
    assert.match(visibleText(await c.say('save')), /Saved/);
    assert.deepEqual((await saved(c))[0]!.stall, { stage: 'trust', source: 'reported', strategyId: 'trust-s-supervision', flaggedForSupervision: true });
  });

  it('a setback is not a stall: said so, no strategies, nothing labelled, even when history would suggest one', async () => {
    const c = new Conversation(bot().url);
    for (let i = 0; i < 3; i++) {
      await toMovement(c, 'S-3', 'bridging');
      const after = visibleText(await c.say('setback'));
      assert.match(after, /Setbacks happen, and they don't undo what you've built\. I won't mark it as stuck/);
      assert.doesNotMatch(after, /Does S-3 feel stuck|Which one would you like to try/);
      assert.ok(!titles('bridging').some((t) => after.includes(t)));
      assert.match(after, /How are you doing after this one/);
      await c.say('3');
      await c.say('no');
      await c.say('save');
    }
    const docs = await saved(c);
    assert.equal(docs.length, 3);
    for (const d of docs) {
      assert.equal(d.movement, 'setback');
      assert.equal(d.stall, undefined);
    }
    assert.equal((await bot().app.relationships.get(bot().app.personIdFor(c.userId), 'S-3'))?.stall, undefined);
  });

  it('words that point to bridging in a fostering debrief ask whether it is at bridging now, and give bridging help', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'F-1', 'fostering', 'The housing referral fell through again and she was gutted.');
    const asked = visibleText(await c.say('steady'));
    assert.match(asked, /sounds like bridging to services, not fostering the relationship\. Is that where F-1's relationship is now\?/);
    assert.ok(!titles('fostering').some((t) => asked.includes(t)), 'no help before the answer');
    assert.deepEqual(lastCard(await c.say('help')).buttons.slice(0, 3), ['Yes, and stuck there', 'Yes, and moving', 'No, still fostering']);
    const help = await c.say('Yes, and stuck there');
    const text = visibleText(help);
    assert.ok(text.includes(content().stalls.bridging.intro));
    assert.deepEqual(lastCard(help).buttons, [...titles('bridging').slice(0, 3), 'More ideas', 'None for now']);
    await c.say(titles('bridging')[0]!);
    await c.say('no'); // no flag
    await c.say('3');
    const review = visibleText(await c.say('no'));
    assert.match(review, /Bridging to services, steady/);
    assert.ok(review.includes(content().stageById.fostering.prompts[0]!.text), 'the fostering question it answered is still shown');
    await c.say('save');
    const [doc] = await saved(c);
    assert.equal(doc!.stage, 'bridging');
    assert.deepEqual(doc!.stall, { stage: 'bridging', source: 'inferred_language', strategyId: content().stalls.bridging.strategies[0]!.id, flaggedForSupervision: false });
    const rel = await bot().app.relationships.get(bot().app.personIdFor(c.userId), 'F-1');
    assert.equal(rel?.stage, 'bridging');
    assert.equal(rel?.stall?.stage, 'bridging');
  });

  it('a reported stall whose words point to bridging asks where it is: yes gives bridging help, no this stage\'s', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'F-4', 'fostering', 'The detox bed fell through.');
    const asked = await c.say('stalling');
    assert.match(visibleText(asked), /sounds like bridging to services, not fostering the relationship\. Is that where F-4's relationship is now\?/);
    assert.deepEqual(lastCard(asked).buttons, ['Yes, bridging now', 'No, still fostering'], 'stuck already: only where is asked');
    const help = await c.say('yes');
    assert.ok(visibleText(help).includes(content().stalls.bridging.intro));
    assert.deepEqual(lastCard(help).buttons.slice(0, 3), titles('bridging').slice(0, 3));
    await noStrategyThenSave(c);
    const [doc] = await saved(c);
    assert.equal(doc!.stage, 'bridging');
    assert.deepEqual(doc!.stall, { stage: 'bridging', source: 'reported', flaggedForSupervision: false });

    const d = new Conversation(bot().url);
    await toMovement(d, 'F-5', 'fostering', 'The detox bed fell through.');
    await d.say('stalling');
    const still = await d.say('No, still fostering');
    assert.ok(visibleText(still).includes(content().stalls.fostering.intro));
    assert.deepEqual(lastCard(still).buttons.slice(0, 3), titles('fostering').slice(0, 3));
    // Words that point nowhere else ask nothing more.
    const e = new Conversation(bot().url);
    await toMovement(e, 'F-6', 'fostering', 'We only do small talk.');
    assert.ok(visibleText(await e.say('stalling')).includes(content().stalls.fostering.intro));
  });

  it('"No, still fostering" asks the usual question at this stage; "Yes, and moving" moves the stage and labels nothing', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'F-2', 'fostering', 'The referral fell through.');
    await c.say('steady');
    const still = visibleText(await c.say('no'));
    assert.match(still, /Does F-2 feel stuck to you right now\?/);
    const help = visibleText(await c.say('yes'));
    assert.ok(help.includes(content().stalls.fostering.intro));
    assert.ok(help.includes(titles('fostering')[0]!));
    await noStrategyThenSave(c);
    const [kept] = await saved(c);
    assert.equal(kept!.stage, 'fostering');
    assert.deepEqual(kept!.stall, { stage: 'fostering', source: 'inferred_language', flaggedForSupervision: false });

    const d = new Conversation(bot().url);
    await toMovement(d, 'F-3', 'fostering', 'The referral fell through.');
    await d.say('steady');
    const moving = visibleText(await d.say('Yes, and moving'));
    assert.match(moving, /I'll note that F-3 is at bridging to services now/);
    assert.match(moving, /How are you doing after this one/);
    await d.say('4');
    await d.say('no');
    await d.say('save');
    const [moved] = await saved(d);
    assert.equal(moved!.stage, 'bridging');
    assert.equal(moved!.stall, undefined);
  });
});
