// QA: risk words typed outside any dialog ("my client just told me hes going to kill himself tonight") used to get
// "I didn't catch that" (and a new hire the onboarding offer). They reach the protocol now, as `worried` does.
import assert from 'node:assert/strict';
import { t } from '../../services/catalogue';
import { Conversation, asRole, useBot, visibleText } from '../helpers/bot';

describe('risk words outside a dialog', () => {
  const bot = useBot();

  it('a PSW who writes them, no debrief open, gets the protocol and a way on', async () => {
    const c = new Conversation(bot().url, 'qa-outside-1');
    await asRole(bot(), c.userId, 'psw');
    const shown = visibleText(await c.say('my client just told me hes going to kill himself tonight'));
    assert.ok(!shown.includes(t('router.notUnderstood')));
    assert.match(shown, /9-8-8/);
    assert.ok(!shown.includes('pause the debrief'), 'no debrief to pause');
    const after = visibleText(await c.say('not now'));
    assert.ok(after.includes(t('safety.outsideDone')) || after.includes(t('prompts.carryOn')));
  });

  it('their own risk too; a new hire is not offered onboarding instead', async () => {
    const c = new Conversation(bot().url, 'qa-outside-2');
    await asRole(bot(), c.userId, 'newhire');
    const shown = visibleText(await c.say('i cant do this anymore i want to die'));
    assert.ok(!shown.includes(t('onboarding.welcome')));
    assert.match(shown, /9-8-8/);
  });

  it('everyday words outside a dialog are not a safety concern', async () => {
    const c = new Conversation(bot().url, 'qa-outside-3');
    await asRole(bot(), c.userId, 'psw');
    assert.ok(visibleText(await c.say('rough day')).includes(t('router.notUnderstood')));
    assert.doesNotMatch(visibleText(await c.say('thanks')), /9-8-8/);
  });
});
