// A roster applied after someone spoke first (issue 14, item 9): the person created by default takes the roster's
// role; a person an admin has changed since keeps the admin's change. Over HTTP, real embedded store.
import assert from 'node:assert/strict';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('a roster applied later', () => {
  const bot = useBot();

  it('updates a person created by default, never one an admin changed', async () => {
    const sup = new Conversation(bot().url, 'rl-sup');
    await sup.say('hello'); // spoke first: created by default as a PSW
    assert.match(visibleText(await sup.say('summary')), /isn't available for your role/);

    const { roster } = bot().app.supervision;
    assert.ok((await roster.add({ channelId: 'rl-psw', role: 'psw', alias: 'PSW 8' })).ok);
    assert.ok((await roster.setRole('PSW 8', 'newhire', 'admin-test')).ok); // an admin's change since

    const out = await roster.seedMissing([
      { channelId: 'rl-sup', role: 'supervisor', alias: 'Supervisor 8' },
      { channelId: 'rl-psw', role: 'psw', alias: 'PSW 8' },
    ]);
    assert.equal(out.applied, 1);
    assert.equal((await bot().app.people.get(bot().app.personIdFor('rl-sup')))?.role, 'supervisor');
    assert.equal((await bot().app.people.get(bot().app.personIdFor('rl-psw')))?.role, 'newhire');
    // The write goes through the people service, so the next turn already knows the new role.
    assert.doesNotMatch(visibleText(await sup.say('summary')), /isn't available for your role/);
  });
});
