// Aliases with two or more spaces (issue 14, item 3): a normalised key is stored with every alias, so a supervisor's
// `summary New Hire 1` finds the person whatever the query engine's REPLACE does. Over HTTP, real embedded store.
import assert from 'node:assert/strict';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('aliases with several spaces', () => {
  const bot = useBot();
  before(async () => {
    const { roster } = bot().app.supervision;
    assert.ok((await roster.add({ channelId: 'ak-sup', role: 'supervisor', alias: 'Sup K', team: 'North' })).ok);
    const added = await roster.add({ channelId: 'ak-new', role: 'newhire', alias: 'New Hire 1', supervisor: 'Sup K', team: 'North' });
    assert.ok(added.ok, JSON.stringify(added));
  });

  it('stores the key and finds the person by any spacing or case', async () => {
    const person = await bot().app.people.get(bot().app.personIdFor('ak-new'));
    assert.equal(person?.aliasKey, 'newhire1');
    for (const typed of ['New Hire 1', 'new  hire 1', 'NewHire1']) assert.equal((await bot().app.supervision.roster.byAlias(typed))?.id, person!.id, typed);
    const sup = new Conversation(bot().url, 'ak-sup');
    const seen = visibleText(await sup.say('summary New Hire 1'));
    assert.doesNotMatch(seen, /couldn't find/, seen);
    assert.match(seen, /New Hire 1/);
  });
});
