// What a tired PSW types on a phone, through the real dialog over HTTP: a small typo picks its choice, but a word one
// slip further from every choice is no match — it is asked again, never taken as the nearest choice ("more" on the
// last page of strategies is not "None for now"); stall words spelt as phones spell them are still read.
import assert from 'node:assert/strict';
import { PROMPTS_PER_DEBRIEF } from '../../dialogs/reflection';
import { content } from '../../services/content';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('phone typing over HTTP', () => {
  const bot = useBot();

  it('"more" on the last page of strategies is asked again, not taken as "None for now"; a typo still picks', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect Q-1');
    await c.say('skip'); // names to hide
    await c.say('trust');
    for (let i = 0; i < Math.min(content().stageById.trust.prompts.length, PROMPTS_PER_DEBRIEF); i++) await c.say('skip');
    await c.say('stallin'); // a typo within the budget still picks "Stalling"
    await c.say('more'); // the second page: the rest of the strategies and "None for now"
    const again = visibleText(await c.say('more'));
    assert.match(again, /I didn't catch that/);
    assert.doesNotMatch(again, /flag this relationship/, 'nothing was chosen');
    assert.match(again, /More things peer workers try/, 'the same list, asked again');
    const picked = content().stalls.trust.strategies[3]!.title;
    assert.match(visibleText(await c.say(picked.toLowerCase().replace(/e/, ''))), new RegExp(`planning to try "${picked}"[\\s\\S]*flag this relationship`));
  });

  it('stall words typed as phones type them ("fell thru") point a fostering debrief to bridging', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect Q-2');
    await c.say('skip');
    await c.say('fostering');
    await c.say('the detox referral fell thru again');
    for (let i = 1; i < Math.min(content().stageById.fostering.prompts.length, PROMPTS_PER_DEBRIEF); i++) await c.say('skip');
    assert.match(visibleText(await c.say('steady')), /sounds like bridging to services, not fostering the relationship\. Is that where Q-2's relationship is now\?/);
  });
});
