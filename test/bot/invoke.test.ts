// Invoke activities want their answer in the HTTP response. botbuilder answers what a bot does not implement
// with 501; a sender must not be able to cause any 5xx but 503 (issue 15, item 11).
import assert from 'node:assert/strict';
import { Conversation, startBot, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

describe('invoke activities over HTTP (normal delivery, as Teams sends them)', () => {
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

  async function invoke(name: string | undefined, value?: unknown): Promise<{ status: number; body: unknown }> {
    const c = new Conversation(bot.url, undefined, undefined, 'msteams');
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...c.activity({ type: 'invoke', name, value, text: undefined }), deliveryMode: undefined, serviceUrl: channel.serviceUrl }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  it('an Action.Execute (adaptiveCard/action) gets 200 and a message body', async () => {
    const r = await invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'summary', data: {} } });
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body as object).sort(), ['statusCode', 'type', 'value']);
    assert.equal((r.body as { statusCode: number }).statusCode, 200);
    assert.equal((r.body as { type: string }).type, 'application/vnd.microsoft.activity.message');
    assert.match((r.body as { value: string }).value, /help/);
  });

  it('a health check is answered as healthy', async () => {
    const r = await invoke('healthCheck');
    assert.equal(r.status, 200);
    assert.equal((r.body as { healthResults: { success: boolean } }).healthResults.success, true);
  });

  it('a task module fetch gets a message task', async () => {
    const r = await invoke('task/fetch', { data: {} });
    assert.equal(r.status, 200);
    assert.equal((r.body as { task: { type: string } }).task.type, 'message');
  });

  it('a token exchange is declined with 412 (no sign-in here), never a 5xx', async () => {
    const r = await invoke('signin/tokenExchange', { id: 'x1', connectionName: 'c', token: 't' });
    assert.equal(r.status, 412);
    assert.equal((r.body as { id: string }).id, 'x1');
  });

  it('an unknown, a nameless or a malformed invoke is acknowledged with 200', async () => {
    for (const [name, value] of [['x', undefined], [undefined, undefined], ['adaptiveCard/action', 'not an object'], ['composeExtension/query', 42], ['config/fetch', null], ['signin/verifyState', {}]] as const) {
      const r = await invoke(name, value);
      assert.ok(r.status < 500, `${name}: ${r.status}`);
      assert.equal(r.status, 200, String(name));
    }
  });
});

describe('an invoke whose turn fails', () => {
  let bot: RunningBot;
  before(async () => { bot = await startBot(); });
  after(async () => { await bot.stop(); await closeStores(); });

  it('is answered 200 (the failure is logged as ours), not botbuilder\'s 501', async () => {
    const run = bot.server.bot.run.bind(bot.server.bot);
    bot.server.bot.run = async () => { throw new Error('boom'); };
    try {
      const c = new Conversation(bot.url);
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c.activity({ type: 'invoke', name: 'healthCheck', text: undefined, deliveryMode: undefined })) });
      assert.equal(res.status, 200);
    } finally {
      bot.server.bot.run = run;
    }
  });
});
