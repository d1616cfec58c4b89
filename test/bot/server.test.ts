import assert from 'node:assert/strict';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';
import { KEEP_ALIVE_MS } from '../../bot/server';

describe('bot server over HTTP', () => {
  let bot: RunningBot;
  let channel: FakeChannel;
  before(async () => {
    bot = await startBot();
    channel = await startFakeChannel();
  });
  after(async () => {
    await bot.stop();
    await channel.close();
    await closeStores();
  });

  it('answers `help` in the response body with expectReplies', async () => {
    const replies = await new Conversation(bot.url).say('help');
    assert.equal(replies.length, 1);
    assert.match(replies[0].text ?? '', /Here's what I can do/);
    assert.match(replies[0].text ?? '', /`cancel`/);
  });

  it('delivers replies to the channel serviceUrl with normal delivery', async () => {
    const convo = new Conversation(bot.url);
    const before = channel.received.length;
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...convo.activity({ text: 'help', id: 'act-1' }), deliveryMode: undefined, serviceUrl: channel.serviceUrl }),
    });
    assert.equal(res.status, 200);
    const got = await channel.waitFor(before + 1);
    const last = got[got.length - 1];
    assert.equal(last.method, 'POST');
    assert.equal(last.path, `/v3/conversations/${encodeURIComponent(convo.conversationId)}/activities/act-1`);
    assert.match(last.activity.text ?? '', /Here's what I can do/);
  });

  it('says there is nothing to cancel outside a dialog, and does not understand gibberish', async () => {
    const convo = new Conversation(bot.url);
    assert.match(visibleText(await convo.say('cancel')), /nothing to cancel/);
    assert.match(visibleText(await convo.say('flibbertigibbet')), /didn't catch that/);
  });

  it('welcomes a person added to the conversation, and not the bot itself', async () => {
    const convo = new Conversation(bot.url);
    const { status, activities } = await convo.post({
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'peerreflect-bot', name: 'PeerReflect' }, { id: convo.userId, name: 'Tester' }],
    });
    assert.equal(status, 200);
    assert.equal(activities.length, 1);
    assert.match(activities[0].text ?? '', /PeerReflect/);
  });

  it('keeps an idle connection open longer than a proxy in front of it would (Keep-Alive: timeout=240)', async () => {
    // Node's 5 s default let a busy server close a socket as the next request reused it (ECONNRESET in the fuzz test).
    const res = await fetch(`${bot.url}/healthz`);
    await res.arrayBuffer();
    assert.equal(res.headers.get('keep-alive'), `timeout=${KEEP_ALIVE_MS / 1000}`);
    assert.ok(KEEP_ALIVE_MS > 230_000);
  });

  it('reports storage health at /healthz', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', storage: 'ok', inFlight: 0 });
  });

  it('refuses a body that is not JSON with 415 and keeps serving', async () => {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    assert.equal(res.status, 415);
    assert.match(((await res.json()) as { message: string }).message, /application\/json/);
    assert.equal((await new Conversation(bot.url).say('help')).length, 1);
  });
});
