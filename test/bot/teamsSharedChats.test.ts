// Teams channels and group chats show everything the bot says to everyone in them: nothing personal may run
// there. Teams-shaped activities (conversation types, tenant and team channelData, mention entities), normal
// delivery to a fake Teams service (replies and new conversations arrive there, as in Teams).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { stripOwnMention } from '../../bot/sharedChats';
import { startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores, everyDocument } from '../helpers/store';

const BOT = { id: '28:peerreflect-app-id', name: 'PeerReflect' };
const TENANT = 'tenant-7c1e';
type Kind = 'personal' | 'channel' | 'groupChat';

describe('Teams: channels and group chats run nothing personal', () => {
  let bot: RunningBot;
  let teams: FakeChannel;
  before(async () => {
    bot = await startBot();
    teams = await startFakeChannel();
  });
  after(async () => {
    await bot.stop();
    await teams.close();
    await closeStores();
  });

  /** One Teams user: their AAD object id names them; 29: is their Teams id. */
  const user = (name = randomUUID().slice(0, 6)) => ({ id: `29:1${name}`, aadObjectId: `aad-${name}`, name: '' });
  type User = ReturnType<typeof user>;

  function activity(kind: Kind, from: User, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
    const conversation =
      kind === 'personal'
        ? { id: `a:1personal-${from.aadObjectId.slice(4)}`, conversationType: 'personal', tenantId: TENANT }
        : kind === 'channel'
          ? { id: '19:harbour-general@thread.tacv2;messageid=1764000000000', conversationType: 'channel', isGroup: true, tenantId: TENANT }
          : { id: '19:group-chat-3f@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
    const mentioned = kind !== 'personal';
    return {
      type: 'message',
      id: `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      from,
      recipient: BOT,
      conversation,
      timestamp: new Date(),
      locale: 'en-CA',
      text: mentioned ? `<at>PeerReflect</at> ${text}` : text,
      textFormat: 'plain',
      entities: [
        ...(mentioned ? [{ type: 'mention', text: '<at>PeerReflect</at>', mentioned: BOT }] : []),
        { type: 'clientInfo', locale: 'en-CA', country: 'CA', platform: 'Web', timezone: 'America/Toronto' },
      ],
      channelData:
        kind === 'channel'
          ? { tenant: { id: TENANT }, team: { id: '19:harbour-team@thread.tacv2', name: 'Harbour' }, channel: { id: '19:harbour-general@thread.tacv2', name: 'General' } }
          : { tenant: { id: TENANT } },
      ...extra,
    } as Partial<Activity>;
  }

  /** Posts like Teams (no expectReplies) and returns what arrived at the fake service: in the conversation, and elsewhere. */
  async function post(a: Partial<Activity>): Promise<{ here: Activity[]; elsewhere: { path: string; activity: Activity }[] }> {
    const before = teams.received.length;
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
    assert.equal(res.status, 200);
    await res.arrayBuffer();
    const got = teams.received.slice(before);
    const prefix = `/v3/conversations/${encodeURIComponent(a.conversation!.id)}/`;
    return { here: got.filter((r) => r.path.startsWith(prefix)).map((r) => r.activity), elsewhere: got.filter((r) => !r.path.startsWith(prefix)) };
  }

  const openButton = (replies: Activity[]) =>
    replies.flatMap((r) => r.attachments ?? []).flatMap((x) => (x.content as { actions?: { type: string; url?: string; title: string }[] }).actions ?? []).find((b) => b.type === 'Action.OpenUrl');

  it('strips only its own mention', () => {
    const a = { text: '<at>PeerReflect</at> summary <at>Jo</at>', recipient: BOT, entities: [{ type: 'mention', text: '<at>PeerReflect</at>', mentioned: BOT }, { type: 'mention', text: '<at>Jo</at>', mentioned: { id: '29:jo' } }] } as Partial<Activity>;
    stripOwnMention(a);
    assert.equal(a.text, 'summary <at>Jo</at>');
    const untouched = { text: 'line one\n\nline  two', recipient: BOT, entities: [{ type: 'clientInfo' }] } as Partial<Activity>;
    stripOwnMention(untouched);
    assert.equal(untouched.text, 'line one\n\nline  two', 'a message without the mention keeps its text exactly');
  });

  it('"<at>PeerReflect</at> help" is understood in a channel, and points to the one-to-one chat', async () => {
    const { here } = await post(activity('channel', user(), 'help'));
    const text = visibleText(here);
    assert.match(text, /Here's what I can do/);
    assert.doesNotMatch(text, /didn't catch that/);
    assert.match(openButton(here)?.url ?? '', /^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=28:peerreflect-app-id$/);
  });

  it('a PSW\'s `reflect` in a channel runs no debrief there: one line, a button, and the personal chat started', async () => {
    const psw = user();
    const { here, elsewhere } = await post(activity('channel', psw, 'reflect'));
    assert.equal(here.length, 1, 'one reply in the channel');
    const text = visibleText(here);
    assert.match(text, /one-to-one chat/);
    assert.doesNotMatch(text, /client|code|C-14|stand/i, 'no debrief question in the channel');
    assert.ok(openButton(here), 'a button that opens the personal chat');
    // The personal chat was created for this person and the bot spoke first there.
    const created = elsewhere.find((r) => r.path === '/v3/conversations');
    assert.ok(created, 'a conversation was created');
    const params = created!.activity as unknown as { isGroup: boolean; members: { id: string }[]; tenantId: string; bot: { id: string } };
    assert.equal(params.isGroup, false);
    assert.deepEqual(params.members.map((m) => m.id), [psw.id]);
    assert.equal(params.tenantId, TENANT);
    const opener = elsewhere.find((r) => /^\/v3\/conversations\/sent-\d+\/activities$/.test(r.path));
    assert.match(opener?.activity.text ?? '', /only you can see/);
    assert.match(opener?.activity.text ?? '', /`reflect`/);
    // That chat is now the person's address for reminders; no debrief state was started anywhere.
    const personId = bot.app.personIdFor(psw.aadObjectId);
    const ref = await bot.app.references.get(personId);
    assert.ok(ref && ref.address.conversation.id !== activity('channel', psw, '').conversation!.id);
    assert.equal(ref!.address.conversation.conversationType, 'personal');
    // Anything typed next in the channel is not taken as an answer to a debrief.
    const again = await post(activity('channel', psw, 'Sarah from 416-555-0199'));
    assert.match(visibleText(again.here), /one-to-one chat/);
  });

  it('when Teams will not start the personal chat (app not installed for them), the line says so and the button still opens it', async () => {
    teams.failNext.push(403);
    const { here, elsewhere } = await post(activity('channel', user(), 'history C-14'));
    assert.equal(here.length, 1);
    assert.match(visibleText(here), /Message me there/);
    assert.ok(openButton(here));
    assert.equal(elsewhere.length, 0, 'nothing was sent anywhere else');
  });

  it('in a personal chat a mention of the bot is taken out too', async () => {
    const psw = user();
    const a = activity('personal', psw, 'help');
    const { here } = await post({ ...a, text: '<at>PeerReflect</at> help', entities: [{ type: 'mention', text: '<at>PeerReflect</at>', mentioned: BOT }] });
    assert.match(visibleText(here), /Here's what I can do/);
    assert.doesNotMatch(visibleText(here), /one-to-one chat, where only you/);
  });

  it("a supervisor's `summary` in a channel posts no figures and reads nothing (no audit record)", async () => {
    const sup = user();
    const supId = bot.app.personIdFor(sup.aadObjectId);
    await bot.app.people.getOrCreate(supId, bot.app.now());
    await bot.app.people.put({ ...(await bot.app.people.get(supId))!, role: 'supervisor', alias: 'Sup 9' });
    const auditBefore = (await bot.app.store.containers.audit.items.readAll().fetchAll()).resources.length;
    for (const command of ['summary', 'summary PSW 1', 'export', 'my data', 'history C-14', 'my summary']) {
      const { here } = await post(activity('channel', sup, command));
      assert.equal(here.length, 1, command);
      assert.match(visibleText(here), /one-to-one chat/, command);
      assert.equal(here[0]!.attachments?.filter((x) => x.contentType !== 'application/vnd.microsoft.card.adaptive').length ?? 0, 0, `${command}: no file`);
    }
    const auditAfter = (await bot.app.store.containers.audit.items.readAll().fetchAll()).resources.length;
    assert.equal(auditAfter, auditBefore, 'nothing was read');
  });

  it('a card button pressed in a group chat (a drill-down, a page) runs nothing', async () => {
    const sup = user();
    const { here } = await post(activity('groupChat', sup, '', { text: '', value: { command: 'summary', page: 'x' } }));
    assert.equal(here.length, 1);
    assert.match(visibleText(here), /one-to-one chat/);
  });

  it('a new hire in a group chat is not taken into onboarding there', async () => {
    const hire = user();
    const id = bot.app.personIdFor(hire.aadObjectId);
    await bot.app.people.getOrCreate(id, bot.app.now());
    await bot.app.people.put({ ...(await bot.app.people.get(id))!, role: 'newhire' });
    const { here } = await post(activity('groupChat', hire, 'hello'));
    assert.equal(here.length, 1);
    assert.doesNotMatch(visibleText(here), /onboarding|module/i);
    assert.match(visibleText(here), /one-to-one chat/);
  });

  it('in the personal chat everything works as before (a debrief starts), and no raw channel id is stored', async () => {
    const psw = user();
    const { here } = await post(activity('personal', psw, 'reflect'));
    assert.match(visibleText(here), /client code|Which client/i);
    const stored = (await everyDocument(bot.app.store)).join('\n');
    assert.ok(!stored.includes(psw.id), 'the Teams user id is not stored');
    assert.ok(!stored.includes(psw.aadObjectId), 'the AAD object id is not stored');
  });
});
