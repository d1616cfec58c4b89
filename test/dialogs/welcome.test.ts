// The first message, by role, through the real bot over HTTP (issue 14 item 11): a supervisor gets a supervisor's
// welcome (their team, a button to see it), an admin an admin's, a PSW the PSW one — each said once.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { Role } from '../../services/people';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('the welcome, for each role', () => {
  const bot = useBot();

  async function welcomed(role: Role, alias: string): Promise<{ convo: Conversation; replies: Activity[] }> {
    const convo = new Conversation(bot().url);
    await bot().app.supervision.roster.add({ channelId: convo.userId, role, alias, team: 'Team W' });
    const { activities } = await convo.post({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'peerreflect-bot', name: 'PeerReflect' }, { id: convo.userId, name: 'Tester' }] });
    return { convo, replies: activities };
  }

  it('a supervisor is welcomed as a supervisor, with a button to their team, once', async () => {
    const { convo, replies } = await welcomed('supervisor', 'Sup W');
    assert.equal(replies.length, 1);
    const text = visibleText(replies);
    assert.match(text, /I help the peer support workers on your team reflect/);
    assert.match(text, /Type `summary` to see your team this week/);
    assert.doesNotMatch(text, /After time with a client, I can walk you through/, 'not the PSW welcome');
    const button = replies.flatMap((a) => a.attachments ?? []).flatMap((x) => (x.content as { actions?: { title: string; data: Record<string, unknown> }[] }).actions ?? [])[0]!;
    assert.equal(button.title, 'See my team');
    assert.match(visibleText(await convo.say(button.data)), /Here's your team for the/);
    const again = await convo.post({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: convo.userId, name: 'Tester' }] });
    assert.equal(again.activities.length, 0, 'said once');
  });

  it('an admin gets the admin welcome; a PSW the PSW one', async () => {
    assert.match(visibleText((await welcomed('admin', 'Admin W')).replies), /As an admin you keep the roster/);
    const psw = visibleText((await welcomed('psw', 'PSW W')).replies);
    assert.match(psw, /After time with a client, I can walk you through a short reflection/);
    assert.doesNotMatch(psw, /your team|roster/);
  });
});
