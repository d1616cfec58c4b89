// Commands typed in onboarding's practice debrief, through the real dialog over HTTP (issue 14 item 1, for new hires
// too): a command typed at a practice question is not kept as its answer — "carry on, or switch?" as in any debrief;
// carrying on (or `help`, which failed there with "something went wrong") asks the same question again; `cancel`
// after an answer asks once; onboarding keeps its place.
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { asRole, Conversation, useBot, visibleText } from '../helpers/bot';

const onboarding = content().onboarding;

describe('commands typed in the practice debrief over HTTP', () => {
  const bot = useBot();

  it('asks "carry on, or switch?" instead of keeping `my summary` as an answer; `help` and `cancel` come back to the question; switching keeps onboarding’s place', async () => {
    const c = new Conversation(bot().url);
    const id = await asRole(bot(), c.userId, 'newhire');
    await c.say('onboarding');
    await c.say('ok');
    for (const m of onboarding.modules) {
      await c.say(m.check.choices.find((choice) => choice.id === m.check.answer)!.text);
      await c.say('skip');
    }
    await c.say('skip'); // names to hide: now at the practice case's first question
    const first = visibleText(await c.say('they wanted detox but the intake was full'));
    assert.match(first, /\(2\/\d\)/);

    const asked = visibleText(await c.say('my summary'));
    assert.match(asked, /You're in the middle of a reflection on PRACTICE — carry on, or switch\?/);
    assert.match(asked, /Switch to `my summary`/);
    // Carrying on asks the same question again; the command was not kept as its answer.
    assert.match(visibleText(await c.say('carry on')), /\(2\/\d\)/);

    // `help` lists the commands and asks the same question again.
    const help = visibleText(await c.say('help'));
    assert.match(help, /Here's what I can do/);
    assert.match(help, /\(2\/\d\)/);

    // `cancel` after an answer asks once before throwing the practice away.
    assert.match(visibleText(await c.say('cancel')), /Stop a reflection on PRACTICE\? What you've written so far won't be saved\./);
    assert.match(visibleText(await c.say('carry on')), /\(2\/\d\)/);

    // Switching runs the command; onboarding keeps its place for later.
    await c.say('history C-1');
    const switched = visibleText(await c.say('switch'));
    assert.match(switched, /no reflections for C-1/i);
    assert.equal((await bot().app.onboarding.get(id))!.step, 9, 'still at the practice debrief');
    assert.equal((await bot().app.reflections.listByPsw(id, { includePractice: true })).items.length, 0);
    assert.match(visibleText(await c.say('onboarding')), /Picking up where you left off/);
  });
});
