// `summary last week` shows last week's figures (issue 14, item 6): a stall opened today is not in it, and
// neither are stages of relationships that began today. Over HTTP, real store; a real debrief makes the data.
import assert from 'node:assert/strict';
import { relationshipAsOf } from '../../services/supervision/asOf';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('summary of a past period', () => {
  const bot = useBot();
  before(async () => {
    const { roster } = bot().app.supervision;
    await roster.add({ channelId: 'pp-sup', role: 'supervisor', alias: 'Sup P', team: 'East' });
    await roster.add({ channelId: 'pp-psw', role: 'psw', alias: 'PSW 5', supervisor: 'Sup P', team: 'East' });
  });

  it('a stall opened today is in this week, and not in last week', async () => {
    const psw = new Conversation(bot().url, 'pp-psw');
    await psw.say('reflect S-1');
    await psw.say('skip');
    await psw.say('building trust');
    for (let i = 0; i < 5; i++) await psw.say('skip');
    await psw.say('stalling');
    await psw.say('1'); // a strategy
    await psw.say('yes'); // flag for supervision
    await psw.say('4');
    let review = visibleText(await psw.say('no'));
    for (let i = 0; i < 3 && /a person\? If so/.test(review); i++) review = visibleText(await psw.say('keep'));
    assert.match(visibleText(await psw.say('save')), /Saved/);

    const sup = new Conversation(bot().url, 'pp-sup');
    const now = JSON.stringify(await sup.say('summary')); // the card's facts too
    assert.match(now, /since today/);
    assert.match(now, /S-1/);
    const last = JSON.stringify(await sup.say('summary last week'));
    assert.doesNotMatch(last, /since today|S-1|Building trust 1/, last);
    assert.match(now, /Building trust 1/);

    // The same relationship replayed: it did not exist a week ago; today it is stalled at trust.
    const rel = (await bot().app.relationships.get(bot().app.personIdFor('pp-psw'), 'S-1'))!;
    assert.equal(relationshipAsOf(rel, new Date(Date.now() - 7 * 86_400_000).toISOString()), undefined);
    assert.equal(relationshipAsOf(rel, new Date(Date.now() + 1000).toISOString())?.stall?.stage, 'trust');
  });
});
