// Very long answers: accepted up to MAX_TEXT_LENGTH; one past it gets a message that gives both numbers and is never
// cut short silently (the offer to keep its first part: test/dialogs/longAnswer.test.ts) — here a new answer follows.
// Checked in a prompt answer, in the self-check note (typed and by card) and when editing an answer at the review;
// what is saved is exactly what was sent.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { content } from '../../services/content';
import { Conversation, useBot, visibleText } from '../helpers/bot';

const PROMPTS = Math.min(content().stageById.trust.prompts.length, 5);

/** Whole plain words (nothing the de-identifier would hide), padded with dots to exactly n characters. */
function words(n: number, word = 'steady'): string {
  const s = `${word} `.repeat(Math.floor((n - 1) / (word.length + 1)));
  return s + '.'.repeat(n - s.length);
}

function lastCard(replies: Partial<Activity>[]): Record<string, unknown> {
  const cards = replies.flatMap((a) => a.attachments ?? []).map((x) => x.content as { actions?: { data: Record<string, unknown> }[] });
  return cards[cards.length - 1]!.actions![0]!.data;
}

describe('very long text answers (MAX_TEXT_LENGTH)', () => {
  const bot = useBot();
  let max: number;
  before(async () => {
    max = bot().app.config.maxTextLength;
  });

  const TOO_LONG = (n: number) => new RegExp(`a bit long for me \\(${n} characters; I can keep up to ${max}\\)`);

  it('at the limit is kept whole; one past it is refused with a message and the step stays — in a prompt, the note and an edit', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect T-1');
    await c.say('skip');
    await c.say('building trust');
    // A prompt answer.
    const over = visibleText(await c.say(words(max + 1, 'walked')));
    assert.match(over, TOO_LONG(max + 1));
    const atLimit = words(max, 'walked');
    assert.match(visibleText(await c.say(atLimit)), new RegExp(`\\(2/${PROMPTS}\\)`));
    for (let i = 1; i < PROMPTS; i++) await c.say('skip');
    await c.say('progressing');
    // The self-check note, typed ("4 <note>") and by card.
    const noteOver = words(max + 1, 'tired');
    assert.match(visibleText(await c.say(`4 ${noteOver}`)), TOO_LONG(max + 1));
    const form = lastCard(await c.say('help')); // help re-asks the open step, card included
    assert.match(visibleText(await c.post({ value: { ...form, score: '4', note: noteOver }, text: '' }).then((r) => r.activities)), TOO_LONG(max + 1));
    const note = words(max, 'tired');
    assert.match(visibleText(await c.post({ value: { ...form, score: '4', note }, text: '' }).then((r) => r.activities)), /anyone's safety/);
    assert.match(visibleText(await c.say('no')), /Save this\?/); // the safety question that ends every debrief
    // An edit at the review.
    await c.say('edit');
    await c.say('2');
    assert.match(visibleText(await c.say(words(max + 1, 'talked'))), TOO_LONG(max + 1));
    const edited = words(max, 'talked');
    assert.match(visibleText(await c.say(edited)), /Save this\?/);
    assert.match(visibleText(await c.say('save')), /Saved/);

    const [doc] = (await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId))).items;
    assert.equal(doc!.answers[0]!.text, atLimit);
    assert.equal(doc!.answers[0]!.text.length, max);
    assert.equal(doc!.answers[1]!.text, edited);
    assert.equal(doc!.selfCheck.note, note);
    assert.equal(doc!.selfCheck.note.length, max);
  });
});
