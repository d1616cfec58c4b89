// Planned is not tried (issue 14, item 7): a strategy picked at a stall is a plan, and `history` counts exactly the
// plans it lists for the open stall; one is tried only when a later debrief says how it went. Over HTTP, real store.
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('strategies planned at a stall', () => {
  const bot = useBot();

  async function stalledDebrief(c: Conversation, pick: string, lastTime?: string): Promise<void> {
    const opening = visibleText(await c.say('reflect G-7'));
    // A plan from last time is asked about first (and the names question gives way to it).
    if (lastTime) assert.match(opening, /How did it go\?/);
    await c.say(lastTime ?? 'skip');
    await c.say('building trust');
    for (let i = 0; i < 5; i++) await c.say('skip');
    await c.say('stalling');
    await c.say(pick);
    await c.say('no'); // not flagged
    await c.say('4');
    let review = visibleText(await c.say('no'));
    for (let i = 0; i < 3 && /a person\? If so/.test(review); i++) review = visibleText(await c.say('keep'));
    assert.match(review, /you'll try/);
    assert.match(visibleText(await c.say('save')), /Saved/);
  }

  it('two plans at one stall: history lists both as planned and counts 2; none tried until one is reported', async () => {
    const c = new Conversation(bot().url);
    await stalledDebrief(c, '1');
    await stalledDebrief(c, '2', "didn't get to it");
    const [a, b] = content().stalls.trust.strategies;
    const history = visibleText(await c.say('history G-7'));
    assert.match(history, /Strategies: 2 strategies planned, 0 tried\./);
    assert.doesNotMatch(history, /\d+ tried —/);
    assert.ok(history.includes(`planned "${a!.title}"`) && history.includes(`planned "${b!.title}"`), history);
    assert.match(history, new RegExp(`2 strategies planned for it: "${a!.title}", "${b!.title}"`));
    assert.match(history, new RegExp(`"${a!.title}" not tried yet`));
  });
});
