// Local mode (no Bot Framework tokens) is private only because nothing but this machine can reach it or be
// reached by it: requests must name a loopback host (DNS rebinding), and replies and proactive messages go only to
// loopback serviceUrls.
import assert from 'node:assert/strict';
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import { noticeRenderer } from '../../bot/notices';
import { ProactiveSender } from '../../bot/proactive';
import { hostnameOf, isLoopbackHostname, isLoopbackUrl } from '../../bot/loopback';
import { installWebChat } from '../../bot/webchat';
import { Conversation, startBot, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

/** A request with a Host header of our choosing (fetch will not send a forged Host). */
function request(url: string, host: string, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { host, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** This machine's first address that is not loopback: a serviceUrl there reaches the fake channel but is not local. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

describe('local mode: loopback only', () => {
  let bot: RunningBot;
  let channel: FakeChannel;
  before(async () => {
    bot = await startBot({ extraRoutes: [installWebChat] });
    channel = await startFakeChannel('0.0.0.0');
  });
  after(async () => {
    await bot.stop();
    await channel.close();
    await closeStores();
  });

  it('knows loopback names and urls', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'localhost.']) assert.ok(isLoopbackHostname(h), h);
    for (const h of ['evil.example', 'localhost.evil.example', '10.0.0.1', '0.0.0.0', '[::]', '127.0.0.1.nip.io', '']) assert.ok(!isLoopbackHostname(h), h);
    assert.equal(hostnameOf('127.0.0.1:3978'), '127.0.0.1');
    assert.equal(hostnameOf('[::1]:3978'), '[::1]');
    assert.equal(hostnameOf('localhost'), 'localhost');
    assert.ok(isLoopbackUrl('http://127.0.0.1:9/'));
    assert.ok(!isLoopbackUrl('https://smba.trafficmanager.net/amer/'));
    assert.ok(!isLoopbackUrl('http://127.0.0.1@evil.example/'));
    assert.ok(!isLoopbackUrl('not a url'));
  });

  it('refuses a request whose Host is not a loopback name (DNS rebinding), on every route', async () => {
    const port = new URL(bot.url).port;
    const activity = JSON.stringify(new Conversation(bot.url).activity({ text: 'help' }));
    for (const host of [`evil.example:${port}`, 'evil.example', `192.0.2.1:${port}`]) {
      const posted = await request(`${bot.url}/api/messages`, host, 'POST', activity);
      assert.equal(posted.status, 403, host);
      assert.match(posted.body, /localhost/);
      assert.equal((await request(`${bot.url}/`, host)).status, 403, `web chat page, ${host}`);
      assert.equal((await request(`${bot.url}/webchat/identities`, host)).status, 403, `identities, ${host}`);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      // A new activity id each time: the same id again would be a redelivery, answered with nothing.
      const fresh = JSON.stringify(new Conversation(bot.url).activity({ text: 'help' }));
      const posted = await request(`${bot.url}/api/messages`, host, 'POST', fresh);
      assert.equal(posted.status, 200, host);
      assert.match(posted.body, /Here's what I can do/);
    }
  });

  it('refuses an activity whose serviceUrl is not loopback, and sends nothing there', async function () {
    const outside = outsideAddress();
    if (!outside) this.skip(); // a machine with loopback only cannot be reached from "outside" anyway
    const port = new URL(channel.serviceUrl).port;
    const convo = new Conversation(bot.url);
    const before = channel.received.length;
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...convo.activity({ text: 'help' }), deliveryMode: undefined, serviceUrl: `http://${outside}:${port}/` }),
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /serviceUrl.*loopback/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(channel.received.length, before, 'nothing was sent to the outside address');
    // The same activity addressed to loopback is answered there.
    const ok = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...convo.activity({ text: 'help' }), deliveryMode: undefined, serviceUrl: channel.serviceUrl }),
    });
    assert.equal(ok.status, 200);
    await channel.waitFor(before + 1);
  });

  it('sends no proactive message to a stored address that is not loopback (the address is dropped)', async function () {
    const outside = outsideAddress();
    if (!outside) this.skip();
    const port = new URL(channel.serviceUrl).port;
    const personId = bot.app.personIdFor('someone-outside');
    await bot.app.references.remember(personId, {
      channelId: 'msteams',
      serviceUrl: `http://${outside}:${port}/`,
      conversation: { id: 'a:outside', conversationType: 'personal' },
      bot: { id: 'peerreflect-bot' },
    }, bot.app.now());
    const before = channel.received.length;
    const sender = new ProactiveSender(bot.server.adapter, bot.app.references, { appId: '', render: noticeRenderer(bot.app), sleep: async () => undefined });
    assert.equal(await sender.send({ personId, text: 'Time to reflect?' }), 'gone');
    assert.equal(channel.received.length, before);
    assert.equal(await bot.app.references.get(personId), undefined);
  });
});
