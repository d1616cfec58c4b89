// What helps, learned from practice (issue 14), through the real dialogs over HTTP: a supervisor's `what helps` lists,
// per stage, what the team tried at stalls and how often it helped (counts only, shared reflections only).
import assert from 'node:assert/strict';
import type { StrategyOutcome } from '../../services/reflections/model';
import { Conversation, useBot, visibleText } from '../helpers/bot';
import { putReflections, reflection } from '../services/supervision/fixtures';

const outcome = (o: StrategyOutcome['outcome'], strategyId = 'trust-s-name-reconnect'): StrategyOutcome => ({ strategyId, stage: 'trust', plannedIn: 'r0', outcome: o });

describe('what helps over HTTP', () => {
  const bot = useBot();

  before(async () => {
    const { roster } = bot().app.supervision;
    await roster.add({ channelId: 'wh-sup', role: 'supervisor', alias: 'Sup W', team: 'North' });
    await roster.add({ channelId: 'wh-psw1', role: 'psw', alias: 'PSW W1', supervisor: 'Sup W', team: 'North' });
    await roster.add({ channelId: 'wh-psw2', role: 'psw', alias: 'PSW W2', supervisor: 'Sup W', team: 'North' });
    await roster.add({ channelId: 'wh-psw3', role: 'psw', alias: 'PSW W3', supervisor: 'Sup W', team: 'North' });
    await roster.add({ channelId: 'wh-other', role: 'psw', alias: 'PSW X1' });
    const p1 = bot().app.personIdFor('wh-psw1');
    const p2 = bot().app.personIdFor('wh-psw2');
    const at = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    await putReflections(bot().app, [
      reflection(p1, at(1), { strategyOutcome: outcome('helped') }),
      reflection(p1, at(2), { strategyOutcome: outcome('helped') }),
      reflection(p2, at(3), { strategyOutcome: outcome('partly') }),
      reflection(p2, at(4), { strategyOutcome: outcome('didnt_help') }),
      reflection(p2, at(5), { strategyOutcome: outcome('not_tried') }),
      reflection(p2, at(6), { strategyOutcome: outcome('helped'), visibility: 'private', answers: [{ promptId: 'x', text: 'PRIVATE WORDS', skipped: false, redactions: {} }] }),
      reflection(p1, at(8), { strategyOutcome: outcome('helped', 'trust-s-curious') }),
      reflection(p1, at(9), { strategyOutcome: outcome('helped', 'trust-s-curious') }),
      reflection(p1, at(7), { clientCode: 'B-1', stage: 'bridging', strategyOutcome: { strategyId: 'bridging-s-warm-handoff', stage: 'bridging', plannedIn: 'r0', outcome: 'helped' } }),
    ]);
  });

  it('shows a supervisor, per stage, what was tried and how often it helped — counts only', async () => {
    const replies = await new Conversation(bot().url, 'wh-sup').say('what helps');
    const text = visibleText(replies);
    assert.match(text, /What helps on your team — the last 52 weeks/);
    assert.match(text, /Building trust\n\*\*Name it and reconnect\*\* — helped 2 of 4 tries, partly 1, didn't help 1; planned once more, not tried yet\n/);
    assert.match(text, /Bridging to services\n\*\*Go with them\*\* — helped 1 of 1 try\n/);
    assert.match(text, /Counts only, from the outcomes your team reported in shared reflections/);
    assert.doesNotMatch(text, /PRIVATE WORDS|PSW W1|PSW W2|K7|B-1/, 'no words, people or clients');
    assert.ok(text.indexOf('Building trust') < text.indexOf('Bridging'), 'stages in model order');
  });

  it('is a supervisor’s command, reached from the team summary too', async () => {
    assert.match(visibleText(await new Conversation(bot().url, 'wh-psw1').say('what helps')), /isn't available for your role/);
    const summary = await new Conversation(bot().url, 'wh-sup').say('summary');
    assert.match(JSON.stringify(summary), /"title":"What helps","data":\{"command":"what helps"\},"associatedInputs":"none"/);
  });

  /** A debrief on a new client, reported stalling at building trust: the replies that show the strategies. */
  async function stalledAtTrust(c: Conversation): Promise<string> {
    await c.say('reflect S-9');
    await c.say('skip'); // no names to hide
    await c.say('building trust');
    for (let i = 0; i < 8; i++) if (/stalling/i.test(visibleText(await c.say('skip')))) break;
    return visibleText(await c.say('stalling'));
  }

  it('tells a PSW at a stall how often a strategy helped their team, once tried often enough (counts only)', async () => {
    const shown = await stalledAtTrust(new Conversation(bot().url, 'wh-psw3'));
    assert.match(shown, /Which one would you like to try next time\?/);
    assert.match(shown, /\*\*Name it and reconnect\*\* — [^\n]+ Peer workers on your team found this helped 2 of 4 times\./);
    const curious = shown.match(/\*\*Be curious, not helpful\*\*[^\n]*/)?.[0];
    assert.ok(curious, 'the strategy is shown');
    assert.doesNotMatch(curious!, /Peer workers on your team/, 'two tries say too little');
    // Someone with no supervisor has no team to learn from yet.
    assert.doesNotMatch(await stalledAtTrust(new Conversation(bot().url, 'wh-other')), /Peer workers on your team/);
  });

  it('counts a plan made at a stall once a later debrief reports how it went (the loop end to end)', async () => {
    const c = new Conversation(bot().url, 'wh-psw2');
    const finish = async (movement: string) => {
      for (let i = 0; i < 8; i++) if (/how is the relationship moving/i.test(visibleText(await c.say('skip')))) break;
      await c.say(movement);
    };
    const save = async () => {
      await c.say('4'); // self-check
      let review = visibleText(await c.say('no')); // no safety concern
      for (let i = 0; i < 3 && /a person\? If so/.test(review); i++) review = visibleText(await c.say('keep'));
      assert.match(visibleText(await c.say('save')), /Saved/);
    };
    // First debrief: stuck at trust, plans "Name it and reconnect".
    await c.say('reflect L-1');
    await c.say('skip');
    await c.say('building trust');
    await finish('stalling');
    await c.say('1'); // the first strategy
    await c.say('no'); // not flagged
    await save();
    // Next debrief for the same client: it helped.
    assert.match(visibleText(await c.say('reflect L-1')), /How did it go\?/);
    await c.say('It helped');
    await c.say('building trust');
    await finish('progressing');
    await save();
    const text = visibleText(await new Conversation(bot().url, 'wh-sup').say('what helps'));
    assert.match(text, /\*\*Name it and reconnect\*\* — helped 3 of 5 tries, partly 1, didn't help 1; planned once more, not tried yet\n/);
  });
});
