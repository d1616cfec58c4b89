// `reflect quick` is at most 8 turns in every path (QA: 9 when the code was typed separately and there was a plan to
// ask about). With a plan, how it went and where the relationship stands now are one card: last time's stage is
// picked already, to change if it has moved; typed, "partly, now fostering" says both. Nothing asked is lost: the
// plan's outcome, the stage (changeable, "not sure" still opens the stage finder), two questions, movement (a stall
// is recorded), the self-check and the review with its safety button.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { t } from '../../services/catalogue';
import type { ReflectionDoc } from '../../services/reflections/model';
import { outcomeAndStage } from '../../dialogs/reflectionLoop';
import { cardData, Conversation, useBot, visibleText } from '../helpers/bot';

/** Counts what the PSW sends: one turn per message or tap. */
class Counted extends Conversation {
  turns = 0;
  override async say(textOrValue: string | Record<string, unknown>): Promise<Activity[]> {
    this.turns++;
    return super.say(textOrValue);
  }
}

describe('reflect quick: at most 8 turns in every path', () => {
  const bot = useBot();

  async function saved(c: Conversation, code: string): Promise<ReflectionDoc[]> {
    const { items } = await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId));
    return items.filter((r) => r.clientCode === code).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** A full debrief for `code` at Building trust, stalling, the first strategy planned: the next one has a plan to ask about. */
  async function withPlan(c: Conversation, code: string): Promise<void> {
    await c.say(`reflect ${code}`);
    await c.say('skip'); // names
    await c.say('building trust');
    for (let i = 0; i < 5; i++) await c.say('skip');
    await c.say('stalling');
    await c.say('1'); // the first strategy, planned
    await c.say('no'); // not flagged
    await c.say('4');
    assert.match(visibleText(await c.say('no')), /exactly what I'll save/);
    assert.match(visibleText(await c.say('save')), /Saved/);
  }

  /** Two questions, movement, self-check, Save: the last five turns of every quick debrief. */
  async function rest(c: Counted, movement = 'steady'): Promise<string> {
    await c.say('we called the clinic together');
    await c.say('skip');
    await c.say(movement);
    const review = visibleText(await c.say('3 long day'));
    assert.match(review, /exactly what I'll save/);
    assert.match(review, /I’m worried about someone/, 'the review keeps its safety button');
    assert.match(visibleText(await c.say('save')), /Saved/);
    return review;
  }

  it('code given, no plan: 7 turns', async () => {
    const c = new Counted(bot().url);
    await c.say('reflect quick Q-1');
    await c.say('bridging');
    await rest(c);
    assert.equal(c.turns, 7);
  });

  it('code typed separately, no plan, a stall reported: 8 turns', async () => {
    const c = new Counted(bot().url);
    await c.say('reflect quick');
    await c.say('Q-2');
    await c.say('bridging');
    await rest(c, 'stalling');
    assert.equal(c.turns, 8);
    const [doc] = await saved(c, 'Q-2');
    assert.deepEqual(doc!.stall, { stage: 'bridging', source: 'reported', flaggedForSupervision: false });
  });

  it('code typed separately and a plan (the QA case): 8 turns; typed "partly, now fostering" gives the outcome and the new stage', async () => {
    const c = new Counted(bot().url);
    await withPlan(c, 'Q-3');
    c.turns = 0;
    await c.say('reflect quick');
    const asked = await c.say('Q-3');
    const shown = visibleText(asked);
    assert.match(shown, /you planned \*[^*]+\*\. How did it go\?/);
    assert.match(shown, /Where Q-3 stands now/);
    assert.match(shown, /partly, now fostering/);
    assert.match(visibleText(await c.say('partly, now fostering')), /Partly is still something[\s\S]*Fostering/);
    await rest(c);
    assert.equal(c.turns, 8);
    const [, doc] = await saved(c, 'Q-3');
    assert.equal(doc!.stage, 'fostering');
    assert.equal(doc!.strategyOutcome?.outcome, 'partly');
    assert.equal(doc!.answers.length, 2);
  });

  it('code given and a plan: 7 turns; a tap keeps last time\'s stage, or the stage picked on the card', async () => {
    const c = new Counted(bot().url);
    await withPlan(c, 'Q-4');
    c.turns = 0;
    const asked = await c.say('reflect quick Q-4');
    const card = asked.flatMap((a) => a.attachments ?? []).map((x) => x.content as { body: { id?: string; value?: string; choices?: { value: string }[] }[] }).at(-1)!;
    const stage = card.body.find((e) => e.id === 'stage')!;
    assert.equal(stage.value, 'trust', "last time's stage, picked already");
    assert.ok(stage.choices!.some((ch) => ch.value === 'unsure'), '"Not sure" is still there');
    // The host sends the stage box with the tapped button.
    await c.say({ ...cardData(asked, t('loop.outcome.helped')), stage: 'trust' });
    await rest(c);
    assert.equal(c.turns, 7);
    const [, kept] = await saved(c, 'Q-4');
    assert.equal(kept!.stage, 'trust');
    assert.equal(kept!.strategyOutcome?.outcome, 'helped');
  });

  it('the stage changed on the card is the debrief\'s stage; "not sure" opens the stage finder; an unreadable reply asks again', async () => {
    const c = new Counted(bot().url);
    await withPlan(c, 'Q-5');
    const asked = await c.say('reflect quick Q-5');
    assert.match(visibleText(await c.say('bridging')), /Change the stage if it's moved/, 'a stage alone is not how it went: asked again');
    assert.match(visibleText(await c.say({ ...cardData(asked, t('loop.outcome.didntHelp')), stage: 'bridging' })), /Bridging/);
    await rest(c);
    const [, doc] = await saved(c, 'Q-5');
    assert.equal(doc!.stage, 'bridging');
    assert.equal(doc!.strategyOutcome?.outcome, 'didnt_help');

    await withPlan(c, 'Q-6');
    const again = await c.say('reflect quick Q-6');
    const finder = await c.say({ ...cardData(again, t('loop.outcome.notTried')), stage: 'unsure' });
    // The stage finder's first indicator question, with its Yes / No / Not sure buttons; not the stage's questions yet.
    assert.ok(cardData(finder, t('stageFinder.notSure')).step!.toString().startsWith('finder-'));
    assert.doesNotMatch(visibleText(finder), /Two questions/);
  });
});

describe('reading a typed "how did it go, and where does it stand"', () => {
  it('reads the outcome, and a stage when one is named', () => {
    assert.deepEqual(outcomeAndStage('it helped'), { outcome: 'helped' });
    assert.deepEqual(outcomeAndStage('Partly, now fostering'), { outcome: 'partly', stage: 'fostering' });
    assert.deepEqual(outcomeAndStage("didn't help, still building trust"), { outcome: 'didnt_help', stage: 'trust' });
    assert.deepEqual(outcomeAndStage('not yet'), { outcome: 'not_tried' });
    assert.deepEqual(outcomeAndStage('2'), { outcome: 'partly' });
  });

  it('without an outcome it reads nothing (the question is asked again), never a guess', () => {
    assert.equal(outcomeAndStage('bridging'), undefined);
    assert.equal(outcomeAndStage("it helped, she's starting to trust me"), undefined);
    assert.equal(outcomeAndStage(''), undefined);
  });
});
