// Issue 14's loop in a real browser: a second debrief for the same client opens with the plan of the first ("Last
// time (…, Building trust) you planned …. How did it go?"); the PSW taps how it went and taps last time's stage, which
// comes first; the outcome is stored. Answers that are not the loop's are typed (every choice can be typed).
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { useWebChat } from './webchatPage';

describe('the reflection loop in a real browser (chromium)', function () {
  this.timeout(90_000);
  const { bot, chat } = useWebChat();

  before(async () => {
    await chat().open(bot().url);
    await chat().choose('local-psw-2');
    await chat().waitFor(/PeerReflect/);
  });

  /** From the stage's first question to the review, typing: skip each question, then movement, self-check, safety. */
  async function answerAndReview(movement: string, stalled: boolean): Promise<void> {
    const prompts = Math.min(content().stageById.trust.prompts.length, 5);
    for (let i = 1; i <= prompts; i++) await chat().ask('skip', i < prompts ? new RegExp(`\\(${i + 1}/${prompts}\\)`) : /how is the relationship moving/i);
    if (stalled) {
      await chat().ask(movement, /try/i);
      await chat().ask('1', /flag/i);
      await chat().ask('no', /How are you doing after this one/);
    } else {
      await chat().ask(movement, /How are you doing after this one/);
    }
    await chat().ask('4 fine', /anyone.s safety/);
    await chat().ask('no', /exactly what I.ll save/);
  }

  it('a second debrief for the same client asks how last time’s plan went, by card, and stores the answer', async () => {
    const strategy = content().stalls.trust.strategies[0]!;
    await chat().ask('reflect C-50', /names you.d like me to always hide/i);
    await chat().ask('skip', /Where does your relationship with C-50 stand/);
    await chat().ask('building trust', /\(1\//);
    await answerAndReview('stalling', true);
    await chat().ask('save', /Saved/);

    const opening = await chat().ask('reflect C-50', /How did it go\?/);
    assert.match(opening, /Last time \(\d{1,2} \w{3}, Building trust\) you planned/);
    assert.ok(opening.includes(strategy.title), opening);
    const stage = await chat().tap('It helped', /Last time it was Building trust/);
    assert.match(stage, /Still building trust/);
    await chat().tap('Still building trust', /\(1\//);
    await answerAndReview('progressing', false);
    await chat().ask('save', /Saved/);

    const { items } = await bot().app.reflections.listByPsw(bot().app.personIdFor('local-psw-2'));
    const [second, first] = items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    assert.equal(second!.stage, 'trust');
    assert.deepEqual(second!.strategyOutcome, { strategyId: strategy.id, stage: 'trust', plannedIn: first!.id, outcome: 'helped' });
    const history = await chat().ask('history C-50', /Strategies:/);
    assert.match(history, /1 strategy planned, 1 tried — it helped/);
  });
});
