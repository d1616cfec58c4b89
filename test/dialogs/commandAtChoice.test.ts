// QA: outside a debrief, a command typed at a list's question (a supervisor's `flags`, then `what helps`) got
// "I didn't catch that" again and again until `cancel`. It runs now; the list's own answers still win, and the
// safety protocol is never left that way.
import assert from 'node:assert/strict';
import { Conversation, useBot, visibleText } from '../helpers/bot';
import { putRelationship } from '../services/supervision/fixtures';

describe('a command typed at a list outside a debrief', () => {
  const bot = useBot();

  before(async () => {
    const { app } = bot();
    await app.supervision.roster.add({ channelId: 'qa-cc-sup', role: 'supervisor', alias: 'Sup CC', team: 'North' });
    await app.supervision.roster.add({ channelId: 'qa-cc-psw', role: 'psw', alias: 'PSW CC', supervisor: 'Sup CC', team: 'North' });
    const since = new Date(Date.now() - 15 * 86_400_000).toISOString();
    await putRelationship(app, app.personIdFor('qa-cc-psw'), {
      clientCode: 'A-1',
      stage: 'trust',
      stall: { stage: 'trust', since, source: 'reported', strategiesTried: [], flaggedForSupervision: true },
    });
  });

  it('`what helps` at the flags list runs; so does `summary PSW CC`', async () => {
    const c = new Conversation(bot().url, 'qa-cc-sup');
    assert.match(visibleText(await c.say('flags')), /PSW CC · A-1/);
    const helps = visibleText(await c.say('what helps'));
    assert.doesNotMatch(helps, /didn't catch/);
    await c.say('flags');
    assert.match(visibleText(await c.say('summary PSW CC')), /PSW CC/);
  });

  it('an answer of the list is still its answer', async () => {
    const c = new Conversation(bot().url, 'qa-cc-sup');
    await c.say('flags');
    assert.doesNotMatch(visibleText(await c.say('not now')), /didn't catch/);
  });

  it('the safety question after `worried` is not left by a command', async () => {
    const c = new Conversation(bot().url, 'qa-cc-psw');
    const asked = visibleText(await c.say('worried'));
    assert.match(visibleText(await c.say('history A-1')), /didn't catch/, asked.slice(0, 120));
  });
});
