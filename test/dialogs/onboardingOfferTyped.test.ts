// QA: a new hire who typed the offer's button ("Start onboarding") got the same offer back, round and round; only
// `onboarding` worked. The button's title (and a plain "yes") starts it now, and resumes it later.
import assert from 'node:assert/strict';
import { t } from '../../services/catalogue';
import { Conversation, asRole, useBot, visibleText } from '../helpers/bot';

describe('the onboarding offer, typed', () => {
  const bot = useBot();

  it('"Start onboarding" typed starts it; "Pick up where I left off" typed resumes it', async () => {
    const c = new Conversation(bot().url, 'qa-offer-1');
    await asRole(bot(), c.userId, 'newhire');
    assert.ok(visibleText(await c.say('hi')).includes(t('onboarding.startButton')));
    const started = visibleText(await c.say('start onboarding'));
    assert.ok(!started.includes(t('onboarding.welcome')), 'not the offer again');
    assert.ok(started.includes(t('onboarding.ready')) || /trust/i.test(started), started.slice(0, 300));
    await c.say('cancel');
    const offer = visibleText(await c.say('hello?'));
    assert.ok(offer.includes(t('onboarding.resumeButton')));
    const resumed = visibleText(await c.say(t('onboarding.resumeButton')));
    assert.ok(!resumed.includes(t('onboarding.resumeButton')) && resumed.includes(t('onboarding.ready')), 'onboarding again, not the offer');
  });

  it('"yes" at the first offer starts it; other words still get the offer', async () => {
    const c = new Conversation(bot().url, 'qa-offer-2');
    await asRole(bot(), c.userId, 'newhire');
    assert.ok(visibleText(await c.say('what is this')).includes(t('onboarding.welcome')));
    assert.ok(!visibleText(await c.say('yes')).includes(t('onboarding.welcome')));
  });
});
