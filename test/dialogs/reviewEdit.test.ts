// The review's "Edit an answer": skipping the new answer keeps the old one (it used to become "(skipped)").
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('review: editing an answer', () => {
  const bot = useBot();

  async function toReview(c: Conversation): Promise<void> {
    await c.say('reflect E-1');
    await c.say('skip'); // names to hide
    await c.say('building trust');
    await c.say('We walked to the library together');
    for (let i = 1; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4 steady today');
    await c.say('no'); // the safety question that ends every debrief
  }

  it('skip while editing keeps the answer and the note as they were', async () => {
    const c = new Conversation(bot().url);
    await toReview(c);
    await c.say('edit an answer');
    assert.match(visibleText(await c.say('1')), /Type your new answer/);
    const review = visibleText(await c.say('skip'));
    assert.match(review, /1\. _[^\n]*_\n\s+"?We walked to the library together/, 'answer 1 is still there, not "(skipped)"');

    await c.say('edit an answer');
    const choices = content().stageById.trust.prompts.slice(0, 5).length + 1;
    await c.say(String(choices)); // the note
    assert.match(visibleText(await c.say('skip')), /steady today/);

    assert.match(visibleText(await c.say('save')), /Saved/);
    const { items: [doc] } = await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId), { includePractice: true });
    assert.equal(doc!.answers[0]!.text, 'We walked to the library together');
    assert.equal(doc!.answers[0]!.skipped, false);
    assert.equal(doc!.selfCheck.note, 'steady today');
  });

  it('a new answer while editing replaces the old one', async () => {
    const c = new Conversation(bot().url);
    await toReview(c);
    await c.say('edit an answer');
    await c.say('1');
    assert.match(visibleText(await c.say('We met at the drop-in instead')), /We met at the drop-in instead/);
  });
});
