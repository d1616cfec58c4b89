// QA: `help` or a command typed at a safety question inside a debrief, `reflect me` or onboarding, then "Carry on",
// used to end in "Sorry, something went wrong" (ComponentDialog.repromptDialog looks in a context without a parent,
// where the safety dialogs registered only at the root were not found). Each host now holds its own.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { t } from '../../services/catalogue';
import { content } from '../../services/content';
import { Conversation, asRole, useBot, visibleText } from '../helpers/bot';

const protocol = content().safetyProtocol;
const apology = /something went wrong/i;

function said(replies: Partial<Activity>[]): string {
  const text = visibleText(replies);
  assert.doesNotMatch(text, apology);
  return text;
}

describe('safety questions survive help and carry on', () => {
  const bot = useBot();

  async function psw(name: string): Promise<Conversation> {
    const c = new Conversation(bot().url, name);
    await asRole(bot(), c.userId, 'psw');
    return c;
  }

  async function toClosingQuestion(c: Conversation): Promise<void> {
    await c.say('reflect C-31');
    await c.say('skip'); // names to hide
    await c.say('building trust');
    await c.say('we had coffee');
    for (let i = 1; i < 5; i++) await c.say('skip');
    await c.say('steady');
    assert.ok(visibleText(await c.say('3')).includes(protocol.check.question));
  }

  it('the closing safety question: help shows the list and asks again; a command, then Carry on, asks again', async () => {
    const c = await psw('qa-safety-1');
    await toClosingQuestion(c);
    const helped = said(await c.say('help'));
    assert.ok(helped.includes(protocol.check.question), 'help then the question again');
    said(await c.say('history C-31'));
    assert.ok(said(await c.say(t('prompts.carryOn'))).includes(protocol.check.question));
    assert.match(said(await c.say(t('safety.checkNo'))), /exactly what I'll save/);
    assert.match(said(await c.say('save')), /Saved/);
  });

  it('the pause after a risk answer in a debrief: help, a command and Carry on keep the debrief', async () => {
    const c = await psw('qa-safety-2');
    await c.say('reflect C-32');
    await c.say('skip');
    await c.say('building trust');
    assert.ok(visibleText(await c.say('she said she wants to kill herself tonight')).includes(t('prompts.carryOn')));
    said(await c.say('help'));
    said(await c.say('history C-32'));
    said(await c.say(t('prompts.carryOn'))); // back at the pause
    assert.match(said(await c.say(t('prompts.carryOn'))), /\(2\/5\)/, 'the debrief goes on at its next question');
  });

  it('the pause in `reflect me`: help and Carry on keep the reflection', async () => {
    const c = await psw('qa-safety-3');
    await c.say('reflect me');
    await c.say('1');
    assert.ok(visibleText(await c.say('i keep thinking i want to die')).includes(t('prompts.carryOn')));
    said(await c.say('help'));
    said(await c.say('history C-33'));
    said(await c.say(t('prompts.carryOn')));
    assert.match(said(await c.say(t('prompts.carryOn'))), /\(2\/3\)/);
  });
});

// QA: the pause's lone "Carry on" let anything typed pass it: a second concern written there went unanswered.
describe('words typed at the pause’s Carry on', () => {
  const bot = useBot();

  it('a new kind of concern gets its own response; plain words carry on', async () => {
    const c = new Conversation(bot().url, 'qa-pause-more');
    await asRole(bot(), c.userId, 'psw'); // no supervisor: the pause ends in a lone Carry on
    await c.say('reflect C-34');
    await c.say('skip');
    await c.say('building trust');
    assert.ok(visibleText(await c.say('she said she wants to kill herself tonight')).includes(t('prompts.carryOn')));
    const more = said(await c.say('her boyfriend hits the kids and they are scared to go home'));
    assert.ok(more.includes(protocol.kinds.abuse.text), 'the abuse response');
    assert.doesNotMatch(more, /\(2\/5\)/, 'still paused');
    assert.match(said(await c.say('ok')), /\(2\/5\)/);
  });
});
