// The review's "Edit an answer": skipping the new answer keeps the old one (it used to become "(skipped)").
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { t } from '../../services/catalogue';
import { content } from '../../services/content';
import { Conversation, cardData, useBot, visibleText } from '../helpers/bot';

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
    assert.match(visibleText(await c.say('1')), /You wrote:\n"We walked to the library together"/);
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

// QA: Edit at the review shows what they wrote (de-identified, as stored), in a box to change, not to retype.
describe('review: editing shows the answer as it stands', () => {
  const bot = useBot();

  async function toReviewWith(c: Conversation, first: string, note: string): Promise<string> {
    await c.say('reflect E-2');
    await c.say('skip'); // names to hide
    await c.say('building trust');
    await c.say(first);
    await c.say('skip'); // question 2 skipped
    for (let i = 2; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    await c.say('progressing');
    await c.say(`4 ${note}`);
    return visibleText(await c.say('no')); // the safety question that ends every debrief; then the review
  }

  /** The edit step's card: its box and the data of its buttons. */
  function editCard(replies: Activity[]): { box: { type: string; value?: string; label?: string }; use: Record<string, unknown>; skip: Record<string, unknown> } {
    const card = replies.flatMap((a) => a.attachments ?? []).map((x) => x.content as { body: { type: string; id?: string; value?: string; label?: string }[] }).at(-1)!;
    return { box: card.body.find((e) => e.id === 'answer')!, use: cardData(replies, t('prompts.useThis')), skip: cardData(replies, t('prompts.skip')) };
  }

  it('shows the stored words, de-identified, in the message and in a box; "Use this" with the box changed replaces the answer', async () => {
    const c = new Conversation(bot().url);
    const review = await toReviewWith(c, 'I called her on 416-555-0199 and we walked to the library', 'steady today');
    assert.match(review, /\[PHONE\] and we walked to the library/);
    await c.say('edit an answer');
    const replies = await c.say('1');
    const shown = visibleText(replies);
    assert.match(shown, /You wrote:\n"I called her on \[PHONE\] and we walked to the library"/);
    assert.doesNotMatch(shown, /416-555-0199/, 'the number typed is never shown again: the stored, de-identified words are');
    const { box, use } = editCard(replies);
    assert.equal(box.type, 'Input.Text');
    assert.equal(box.value, 'I called her on [PHONE] and we walked to the library');
    assert.equal(box.label, t('prompts.changeLabel'));

    // Changed in the box: the placeholder kept there still counts as hidden; a new identifier is hidden too.
    const after = visibleText(await c.say({ ...use, answer: 'I called her on [PHONE] and we walked to the park, then rang 613-555-0142' }));
    assert.match(after, /"I called her on \[PHONE\] and we walked to the park, then rang \[PHONE\]"/);
    assert.match(after, /2 phone numbers/);
    assert.match(visibleText(await c.say('save')), /Saved/);
    const { items: [doc] } = await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId), { includePractice: true });
    assert.equal(doc!.answers[0]!.text, 'I called her on [PHONE] and we walked to the park, then rang [PHONE]');
    assert.deepEqual(doc!.answers[0]!.redactions, { PHONE: 2 });
  });

  it('Skip on the box leaves the answer as it was, even from a host that sends the box with it', async () => {
    const c = new Conversation(bot().url);
    await toReviewWith(c, 'We had coffee and talked about her sister', 'ok');
    await c.say('edit an answer');
    const { skip } = editCard(await c.say('1'));
    const review = visibleText(await c.say({ ...skip, answer: 'something half typed' }));
    assert.match(review, /"We had coffee and talked about her sister"/);
    assert.doesNotMatch(review, /half typed/);
  });

  it('a typed answer still replaces it; an emptied box asks again and loses nothing', async () => {
    const c = new Conversation(bot().url);
    await toReviewWith(c, 'We had coffee', 'ok');
    await c.say('edit an answer');
    const { use } = editCard(await c.say('1'));
    assert.match(visibleText(await c.say({ step: use.step, nonce: use.nonce })), /Type a few words, or `skip`/);
    assert.match(visibleText(await c.say({ ...use, answer: '   ' })), /Type a few words, or `skip`/);
    assert.match(visibleText(await c.say('We had coffee at the drop-in')), /"We had coffee at the drop-in"/);
  });

  it('a skipped answer says so, and the note shows as written', async () => {
    const c = new Conversation(bot().url);
    await toReviewWith(c, 'We had coffee', 'tired but okay');
    await c.say('edit an answer');
    const second = await c.say('2');
    assert.match(visibleText(second), /Nothing here yet/);
    assert.equal(editCard(second).box.value, '');
    await c.say('skip');

    await c.say('edit an answer');
    const choices = content().stageById.trust.prompts.slice(0, 5).length + 1;
    const note = await c.say(String(choices));
    assert.match(visibleText(note), /How are you doing[^\n]*\n\nYou wrote:\n"tired but okay"/);
    assert.equal(editCard(note).box.value, 'tired but okay');
  });

  it('a change made in the box is screened like any answer', async () => {
    const c = new Conversation(bot().url);
    await toReviewWith(c, 'We had coffee', 'ok');
    await c.say('edit an answer');
    const { use } = editCard(await c.say('1'));
    assert.match(visibleText(await c.say({ ...use, answer: 'We had coffee. He told me he wants to kill himself.' })), /pause the debrief/);
  });
});
