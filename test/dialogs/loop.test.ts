// Issue 14's loop through the real dialog over HTTP: a debrief for a client already seen opens with the plan of last
// time and offers last time's stage first; the answer is stored as the outcome of that plan; `history` counts planned
// vs tried and keeps the stall open until progress; `reflect quick`; and the turns each form of debrief takes.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { content } from '../../services/content';
import type { ReflectionDoc } from '../../services/reflections/model';
import { cardData, Conversation, useBot, visibleText } from '../helpers/bot';

/** A conversation that counts what the PSW sends: one turn per message or tap. */
class Counted extends Conversation {
  turns = 0;
  override async say(textOrValue: string | Record<string, unknown>): Promise<Activity[]> {
    this.turns++;
    return super.say(textOrValue);
  }
}

describe('the reflection loop (issue 14)', () => {
  const bot = useBot();

  async function reflections(code: string): Promise<ReflectionDoc[]> {
    const { resources } = await bot().store.containers.reflections.items
      .query<ReflectionDoc>({ query: 'SELECT * FROM c WHERE c.kind = "reflection" AND c.clientCode = @c ORDER BY c.createdAt ASC', parameters: [{ name: '@c', value: code }] })
      .fetchAll();
    return resources;
  }

  /** The review, after any "is this a person?" questions (answered keep). */
  async function toSave(c: Conversation, replies: Activity[]): Promise<string> {
    let review = visibleText(replies);
    for (let i = 0; i < 3 && /(?:a person|part of a name)\? If so/.test(review); i++) review = visibleText(await c.say('keep'));
    assert.match(review, /exactly what I'll save/);
    assert.match(visibleText(await c.say('save')), /Saved/);
    return review;
  }

  /** A debrief for `code` at Building trust, every question skipped, stalling: the first strategy planned, not flagged; saved. */
  async function stalledDebrief(c: Conversation, code: string): Promise<void> {
    await c.say(`reflect ${code}`);
    await c.say('skip'); // names
    await c.say('building trust');
    for (let i = 0; i < 5; i++) await c.say('skip');
    await c.say('stalling');
    await c.say('1'); // the first strategy, planned
    await c.say('no'); // not flagged
    await c.say('4');
    await toSave(c, await c.say('no'));
  }

  it('a normal debrief with its code asked and a stall (its longest ordinary form) takes 15 turns', async () => {
    const c = new Counted(bot().url);
    await c.say('reflect');
    await c.say('L-1');
    await c.say('skip'); // names
    await c.say('building trust');
    for (let i = 0; i < 5; i++) await c.say(i === 0 ? 'we sat in the park and talked about music' : 'skip');
    await c.say('stalling');
    await c.say('1'); // a strategy to plan
    await c.say('no'); // not flagged
    await c.say('4');
    await toSave(c, await c.say('no')); // the closing safety question → the review
    assert.ok(c.turns <= 15, `${c.turns} turns`);
    assert.equal(c.turns, 15);
  });

  it('the next debrief opens with the plan of last time; the answer is its outcome; the stage of last time is offered first', async () => {
    const c = new Counted(bot().url);
    const [strategy] = content().stalls.trust.strategies;
    await stalledDebrief(c, 'L-2');
    const [first] = await reflections('L-2');
    assert.equal(first!.stall?.strategyId, strategy!.id);
    assert.equal(first!.strategyOutcome, undefined);

    c.turns = 0;
    const opening = visibleText(await c.say('reflect L-2'));
    assert.match(opening, new RegExp(`Last time \\(\\d{1,2} \\w{3}, Building trust\\) you planned \\*${strategy!.title}\\*\\. How did it go\\?`));
    for (const t of ['It helped', 'Partly', "It didn't help", "Didn't get to it"]) assert.ok(opening.includes(t), t);
    const stage = visibleText(await c.say('partly'));
    assert.match(stage, /Noted/);
    // Last time's stage first, as the one-tap default; the names question gave way to the plan.
    assert.match(stage, /Last time it was Building trust/);
    assert.match(stage, /Tap one, or type it\.\nStill building trust\nFostering/);
    assert.doesNotMatch(stage, /names/);
    await c.say('1');
    for (let i = 0; i < 5; i++) await c.say('skip');
    await c.say('stalling');
    await c.say('2'); // a second plan at the same stall
    await c.say('no');
    await c.say('4');
    const review = await toSave(c, await c.say('no'));
    assert.match(review, new RegExp(`Last time's plan, "${strategy!.title}": partly helped`));
    assert.ok(c.turns <= 15, `a returning debrief with a plan and a stall: ${c.turns} turns`);

    const [, second] = await reflections('L-2');
    assert.equal(second!.stage, 'trust');
    assert.deepEqual(second!.strategyOutcome, { strategyId: strategy!.id, stage: 'trust', plannedIn: first!.id, outcome: 'partly' });

    const history = visibleText(await c.say('history L-2'));
    assert.match(history, /Strategies: 2 strategies planned, 1 tried — it partly helped\./);
    assert.match(history, new RegExp(`"${strategy!.title}" partly helped`));
    assert.match(history, /Open stall at Building trust since .*; so far: .*partly helped.*It stays open until you report progress or a new stage\./);
    assert.match(history, /Planned for next time: /);
    // `my summary` counts the same way for the period: both debriefs were this week.
    const summary = JSON.stringify((await c.say('my summary')).map((r) => r.attachments));
    assert.match(summary, /"title":"Strategies","value":"2 strategies planned, 1 tried — it partly helped"/);
  });

  it("didn't get to it counts as planned, not tried; the stall closes when progress is reported", async () => {
    const c = new Conversation(bot().url);
    await stalledDebrief(c, 'L-3');

    await c.say('reflect L-3');
    await c.say("didn't get to it");
    await c.say('still');
    for (let i = 0; i < 5; i++) await c.say('skip');
    await c.say('steady'); // not progress: the stall stays open
    await c.say('4');
    await toSave(c, await c.say('no'));
    let history = visibleText(await c.say('history L-3'));
    assert.match(history, /Strategies: 1 strategy planned, 0 tried\./);
    assert.match(history, /Open stall at Building trust/);
    assert.doesNotMatch(history, /Planned for next time/, 'reported (not tried): nothing left to ask about');

    // No plan is waiting now: the next debrief asks the names question, and progress closes the stall.
    await c.say('reflect L-3');
    assert.match(visibleText(await c.say('skip')), /Still building trust/);
    await c.say('fostering');
    for (let i = 0; i < 5; i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4');
    await toSave(c, await c.say('no'));
    history = visibleText(await c.say('history L-3'));
    assert.doesNotMatch(history, /Open stall/);
    assert.match(history, /Fostering the relationship, progressing · stall closed/);
  });

  it('acknowledges an answer that carries feeling before the next question, never the same line twice in a row', async () => {
    const c = new Conversation(bot().url);
    const lines = new Set(content().acknowledgements.acknowledgements.map((a) => a.text));
    await c.say('reflect L-6');
    await c.say('skip');
    await c.say('building trust');
    const said: string[] = [];
    for (const answer of ['it was a really hard visit', 'honestly so frustrated with the wait', 'I felt drained after, on the bus']) {
      const replies = (await c.say(answer)).map((r) => r.text ?? '');
      const at = replies.findIndex((t) => lines.has(t));
      assert.ok(at >= 0, `acknowledged: ${answer}`);
      assert.ok(replies.slice(at + 1).some((t) => /^\(\d\/\d\)/.test(t)), 'then the next question');
      said.push(replies[at]!);
    }
    for (let i = 1; i < said.length; i++) assert.notEqual(said[i], said[i - 1]);
    const plain = (await c.say('we filled in the housing form together')).map((r) => r.text ?? '');
    assert.ok(!plain.some((t) => lines.has(t)), 'no feeling, no acknowledgement');
    assert.ok(!(await c.say('skip')).some((r) => lines.has(r.text ?? '')), 'a skip is not acknowledged');
  });

  it('reflect quick: stage, two questions, movement, self-check, review — 8 turns with the code asked; a stall is recorded', async () => {
    const c = new Counted(bot().url);
    assert.match(visibleText(await c.say('reflect quick')), /A quick one/);
    await c.say('L-4');
    assert.match(visibleText(await c.say('bridging')), /Two questions/);
    await c.say('we called the clinic together');
    await c.say('skip');
    assert.match(visibleText(await c.say('stalling')), /note it as stuck/);
    const review = visibleText(await c.say('3 long day'));
    assert.match(review, /exactly what I'll save/);
    assert.match(review, /I’m worried about someone/);
    assert.match(visibleText(await c.say('save')), /Saved/);
    assert.equal(c.turns, 8);
    const [doc] = await reflections('L-4');
    assert.equal(doc!.answers.length, 2);
    assert.equal(doc!.stage, 'bridging');
    assert.deepEqual(doc!.stall, { stage: 'bridging', source: 'reported', flaggedForSupervision: false });
  });

  it('reflect quick for a client with a plan: 7 turns (the stage comes with how it went); the review’s worried button is its safety question', async () => {
    const c = new Counted(bot().url);
    await stalledDebrief(c, 'L-5');

    c.turns = 0;
    assert.match(visibleText(await c.say('reflect quick L-5')), /How did it go\?/);
    await c.say('it helped'); // last time's stage stays (test/dialogs/quickTurns.test.ts: every path, the stage changed)
    await c.say('skip');
    await c.say('skip');
    await c.say('progressing');
    const review = await c.say('4');
    // Tapping the button asks which kind and comes back to the review; nothing is saved before Save.
    const which = visibleText(await c.say(cardData(review, 'I’m worried about someone')));
    assert.doesNotMatch(which, /exactly what I'll save/);
    assert.equal((await reflections('L-5')).length, 1, 'not saved before Save');
    await toSave(c, await c.say('none of these'));
    assert.equal(c.turns - 2, 7, 'the quick debrief, without the two turns of the safety question the PSW chose to open');
    const [, doc] = await reflections('L-5');
    assert.equal(doc!.strategyOutcome?.outcome, 'helped');
    assert.equal(doc!.answers.length, 2);
    assert.equal(doc!.stall, undefined);
  });
});
