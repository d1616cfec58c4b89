// An answer over MAX_TEXT_LENGTH through the real dialog over HTTP (issue 14 item 11): not refused outright — the
// bot offers to keep the first part (ending at a word) and carry on, or to take a shorter version. What is kept is
// de-identified; the safety screen sees all that was written, the part past the limit included.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { content } from '../../services/content';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores, everyDocument } from '../helpers/store';

const PROMPTS = Math.min(content().stageById.trust.prompts.length, 5);

function buttons(replies: Partial<Activity>[]): { title: string; data: Record<string, unknown> }[] {
  return replies.flatMap((a) => a.attachments ?? []).flatMap((x) => ((x.content as { actions?: { title: string; data: Record<string, unknown> }[] }).actions ?? []));
}

/** Plain words (nothing the de-identifier hides) to about n characters. */
function words(n: number, word = 'steady'): string {
  return `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n).trim();
}

describe('an answer over the length limit', () => {
  let bot: RunningBot;
  let max: number;
  before(async () => {
    bot = await startBot({ config: { maxTextLength: 300 } });
    max = bot.app.config.maxTextLength;
  });
  after(async () => {
    await bot.stop();
    await closeStores();
  });

  async function toFirstPrompt(c: Conversation, code: string): Promise<void> {
    await c.say(`reflect ${code}`);
    await c.say('skip');
    await c.say('building trust');
  }

  async function finish(c: Conversation): Promise<void> {
    for (let i = 1; i < PROMPTS; i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4');
    await save(c);
  }

  /**
   * "No" to the safety question, then any "is this a person?" question answered keep (round 17: the review may ask
   * about a filler word opening a long answer, "steady steady …": the openers' model reads a word said again as a name
   * would be), then save.
   */
  async function save(c: Conversation): Promise<void> {
    let review = visibleText(await c.say('no'));
    for (let i = 0; i < 3 && /(?:a person|part of a name)\? If so/.test(review); i++) review = visibleText(await c.say('keep'));
    assert.match(visibleText(await c.say('save')), /Saved/);
  }

  it('offers to keep the first part (de-identified, ending at a word); tapping Keep carries on and saves that part', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c, 'L-1');
    const long = `I met Margaret Okafor at the cafe and we ${words(max - 40, 'talked')} and then we walked to the bus together and laughed`;
    assert.ok(long.length > max);
    const offer = await c.say(long);
    const text = visibleText(offer);
    assert.match(text, new RegExp(`a bit long for me \\(${long.length} characters; I can keep up to ${max}\\)\\. I can keep the first part, up to “…`));
    assert.doesNotMatch(text, /Margaret|Okafor/, 'nothing identifying in the offer');
    assert.doesNotMatch(text, /\(2\//, 'the next question waits for the answer');
    assert.deepEqual(buttons(offer).map((b) => b.title), ['Keep the first part', 'Skip']);
    // Between the offer and the answer, nothing identifying is stored (the dialog state holds redacted text only).
    assert.ok(!(await everyDocument(bot.store)).some((d) => /Margaret|Okafor/.test(d)));

    const kept = visibleText(await c.say(buttons(offer)[0]!.data));
    assert.match(kept, /Okay, I've kept the first part\./);
    assert.match(kept, new RegExp(`\\(2/${PROMPTS}\\)`));
    await finish(c);
    const [doc] = (await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId))).items;
    const answer = doc!.answers[0]!;
    assert.ok(answer.text.length <= max, `${answer.text.length} ≤ ${max}`);
    assert.match(answer.text, /^I met \[NAME\] at the cafe and we talked talked/);
    assert.match(answer.text, /\S$/);
    assert.ok(long.replace('Margaret Okafor', '[NAME]').startsWith(answer.text), 'the first part, cut between words');
    assert.deepEqual(answer.redactions, { NAME: 1 });
  });

  it('typed: `keep` keeps the first part; a shorter version replaces it; `skip` skips', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c, 'L-2');
    await c.say(words(max + 50));
    assert.match(visibleText(await c.say('keep')), /kept the first part[\s\S]*\(2\//);
    await c.say(words(max + 10, 'walked'));
    assert.match(visibleText(await c.say('We walked to the bus.')), /\(3\//);
    await c.say(words(max + 10, 'talked'));
    assert.match(visibleText(await c.say('skip')), /\(4\//);
    for (let i = 3; i < PROMPTS; i++) await c.say('skip');
    await c.say('steady');
    await c.say('3');
    await save(c);
    const [doc] = (await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId))).items;
    assert.ok(doc!.answers[0]!.text.startsWith('steady steady') && doc!.answers[0]!.text.length <= max);
    assert.equal(doc!.answers[1]!.text, 'We walked to the bus.');
    assert.equal(doc!.answers[2]!.skipped, true);
  });

  it('the self-check note too: typed or by card, the first part is offered; the score stays as given', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c, 'L-4');
    for (let i = 0; i < PROMPTS; i++) await c.say('skip');
    await c.say('progressing');
    const note = words(max + 30, 'tired');
    const offer = visibleText(await c.say(`4 ${note}`));
    assert.match(offer, new RegExp(`a bit long for me \\(${note.length} characters; I can keep up to ${max}\\)\\. I can keep the first part`));
    assert.match(visibleText(await c.say('keep')), /kept the first part[\s\S]*anyone's safety/);
    await save(c);
    const [doc] = (await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId))).items;
    assert.equal(doc!.selfCheck.score, 4);
    assert.ok(doc!.selfCheck.note.startsWith('tired tired') && doc!.selfCheck.note.length <= max);

    // By card: the form's values with a long note, then the offer's button.
    const d = new Conversation(bot.url);
    await toFirstPrompt(d, 'L-5');
    for (let i = 0; i < PROMPTS; i++) await d.say('skip');
    const form = await d.say('progressing');
    const data = buttons(form).find((b) => (b.data as { score?: string }).score === '2')!.data;
    const cardOffer = await d.say({ ...data, note: words(max + 5, 'drained') }); // (round 9's name model reads 'weary' said a hundred times as a name: docs/history/DEIDENTIFICATION-rounds.md, Round 9 blind)
    assert.deepEqual(buttons(cardOffer).map((b) => b.title), ['Keep the first part']);
    assert.match(visibleText(await d.say(buttons(cardOffer)[0]!.data)), /kept the first part/);
    await save(d);
    const [card] = (await bot.app.reflections.listByPsw(bot.app.personIdFor(d.userId))).items;
    assert.equal(card!.selfCheck.score, 2);
    assert.ok(card!.selfCheck.note.startsWith('drained drained') && card!.selfCheck.note.length <= max);
  });

  it('the safety screen sees the part past the limit too', async () => {
    const c = new Conversation(bot.url);
    await toFirstPrompt(c, 'L-3');
    const long = `${words(max + 20, 'walked')} and at the end she told me she wants to kill herself tonight`;
    await c.say(long);
    const after = visibleText(await c.say('keep'));
    assert.match(after, /kept the first part/);
    assert.doesNotMatch(after, /\(2\//, 'the safety pause comes before the next question');
    // Through the pause, however many turns it takes, to the next question.
    let replies = after;
    for (let i = 0; i < 4 && !/\(2\//.test(replies); i++) replies = visibleText(await c.say(/alert|supervisor/i.test(replies) ? 'no' : 'ok'));
    assert.match(replies, /\(2\//);
    await finish(c);
    const [doc] = (await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId))).items;
    assert.ok(doc!.riskFlags.includes('suicide'), doc!.riskFlags.join(','));
    assert.doesNotMatch(doc!.answers[0]!.text, /kill herself/, 'the part past the limit is not kept');
  });
});
