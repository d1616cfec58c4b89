// A PSW's own wellbeing (issue 14, item 5): a supervisor sees the score and any safety topic, never the self-check
// words unless the PSW chose to share them at the review; the review says exactly that. Over HTTP, real store.
import assert from 'node:assert/strict';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe("a PSW's wellbeing words in what a supervisor sees", () => {
  const bot = useBot();
  before(async () => {
    const { roster } = bot().app.supervision;
    await roster.add({ channelId: 'wb-sup', role: 'supervisor', alias: 'Sup W', team: 'West' });
    await roster.add({ channelId: 'wb-psw', role: 'psw', alias: 'PSW 9', supervisor: 'Sup W', team: 'West' });
  });

  async function toReview(c: Conversation, code: string, selfCheck: string): Promise<string> {
    await c.say(`reflect ${code}`);
    await c.say('skip');
    await c.say('building trust');
    for (let i = 0; i < 5; i++) await c.say(i === 0 ? 'We walked to the shop' : 'skip');
    await c.say('steady');
    await c.say(selfCheck);
    let review = visibleText(await c.say('no')); // the safety question
    // "Is 'glad' a person?" (the review's name check, another part): keep.
    for (let i = 0; i < 3 && /(?:a person|part of a name)\? If so/.test(review); i++) review = visibleText(await c.say('keep'));
    return review;
  }

  it('keeps the words from the supervisor by default, shows them when the PSW shares them, and says so at the review', async () => {
    const psw = new Conversation(bot().url, 'wb-psw');
    const kept = await toReview(psw, 'W-1', '3 thinking about my garden tonight');
    assert.match(kept, /Your supervisor sees this score, never these words unless you choose to share them/);
    assert.match(kept, /Share my words too/);
    assert.match(visibleText(await psw.say('save')), /Saved/);

    await toReview(psw, 'W-2', '4 glad about the bus pass');
    const shared = visibleText(await psw.say('share my words too'));
    assert.match(shared, /Your supervisor sees this score and these words \(you chose to share them\)/);
    await psw.say('save');

    const docs = (await bot().app.reflections.listByPsw(bot().app.personIdFor('wb-psw'), {})).items;
    assert.deepEqual(docs.map((d) => [d.clientCode, d.selfCheck.noteShared ?? false]).sort(), [['W-1', false], ['W-2', true]]);

    const sup = new Conversation(bot().url, 'wb-sup');
    const seen = visibleText(await sup.say('summary PSW 9'));
    assert.match(seen, /W-1/);
    assert.ok(!seen.includes('garden'), seen);
    assert.match(seen, /glad about the bus pass/);
    // The PSW still sees their own words.
    assert.match(visibleText(await psw.say('history W-1')), /W-1/);
  });
});
