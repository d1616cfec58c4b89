import assert from 'node:assert/strict';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import sinon from 'sinon';
import { ConversationStreams, installWebChat, localChannelRoutes, WEBCHAT_BOT, WEBCHAT_CHANNEL_ID } from '../../bot/webchat';
import { loadConfig } from '../../services/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';

interface Session {
  conversationId: string;
  resumed: boolean;
  serviceUrl: string;
  channelId: string;
  user: { id: string; name: string; role: string };
}

async function startSession(url: string, body: Record<string, unknown>): Promise<{ status: number; session: Session }> {
  const res = await fetch(`${url}/webchat/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, session: (await res.json()) as Session };
}

/** One server-sent event: its name and its data, parsed. */
interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Opens an event stream and collects its events as they come, until close(). */
async function openEvents(url: string): Promise<{ events: StreamEvent[]; until(done: (events: StreamEvent[]) => boolean, timeoutMs?: number): Promise<void>; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
      }
      for (const wake of waiters) wake();
    }
  })();
  return {
    events,
    until(done, timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!done(events)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`event stream: not there in ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

/** Reads server-sent events from a stream until `count` activities have arrived. */
async function readEvents(url: string, count: number, timeoutMs = 5000): Promise<Record<string, unknown>[]> {
  const stream = await openEvents(url);
  const activities = () => stream.events.filter((e) => e.event === 'activity').map((e) => e.data);
  try {
    await stream.until(() => activities().length >= count, timeoutMs);
  } finally {
    stream.close();
  }
  return activities();
}

/** Holds the conversation's state writes whose call number (from 1) `hold` picks until release(); `onWrite` sees each write go on. */
function holdStateWrites(bot: RunningBot, hold: (call: number) => boolean, onWrite: (ctx: TurnContext) => void = () => undefined): { release(): void; stub: sinon.SinonStub } {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const state = bot.server.conversationState;
  const save = state.saveChanges.bind(state);
  const stub = sinon.stub(state, 'saveChanges').callsFake(async (ctx: TurnContext, force?: boolean) => {
    if (hold(stub.callCount)) await held;
    onWrite(ctx);
    return save(ctx, force);
  });
  return { release, stub };
}

/** POSTs an activity to /api/messages (as the page does, expectReplies); `onAnswered` runs as the response comes. */
async function postActivity(url: string, activity: Partial<Activity>, onAnswered: () => void): Promise<{ status: number; body: { activities: Activity[] } }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  onAnswered();
  return { status: res.status, body: (await res.json()) as { activities: Activity[] } };
}

function referenceFor(session: Session): Partial<ConversationReference> {
  return {
    channelId: session.channelId,
    serviceUrl: session.serviceUrl,
    conversation: { id: session.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: session.user.id, name: session.user.name },
    bot: WEBCHAT_BOT,
  };
}

describe('local web chat channel', () => {
  after(closeStores);

  describe('in local mode', () => {
    let bot: RunningBot;
    before(async () => {
      bot = await startBot({ extraRoutes: [installWebChat] });
    });
    after(() => bot.stop());

    it('serves the page, our client and the Web Chat bundle from this server', async () => {
      const page = await fetch(`${bot.url}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      const html = await page.text();
      assert.match(html, /<script src="\/webchat\/assets\/webchat.js"><\/script>/);
      assert.doesNotMatch(html, /https?:\/\//, 'nothing is loaded from another host');

      const bundle = await fetch(`${bot.url}/webchat/assets/webchat.js`);
      assert.equal(bundle.status, 200);
      assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
      const js = await bundle.text();
      assert.ok(js.length > 1_000_000, 'the full UMD bundle');
      assert.match(js, /renderWebChat/);

      const client = await fetch(`${bot.url}/webchat/assets/client.js`);
      assert.match(await client.text(), /expectReplies/);
    });

    it('lists the people of the sample roster, PSWs first, with nothing but id, name, role and description', async () => {
      const res = await fetch(`${bot.url}/webchat/identities`);
      const { identities } = (await res.json()) as { identities: Record<string, unknown>[] };
      assert.deepEqual(identities.map((i) => i.id), ['local-psw-1', 'local-psw-2', 'local-newhire', 'local-supervisor', 'local-admin']);
      assert.deepEqual(identities.map((i) => i.role), ['psw', 'psw', 'newhire', 'supervisor', 'admin']);
      for (const i of identities) assert.deepEqual(Object.keys(i).sort(), ['description', 'id', 'name', 'role']);
    });

    it('starts a session that stores the roster (role, supervisor link) the first time, and resumes it', async () => {
      const newhire = { id: 'local-newhire' };
      const { status, session } = await startSession(bot.url, { identityId: newhire.id });
      assert.equal(status, 200);
      assert.match(session.conversationId, /^webchat-/);
      assert.equal(session.resumed, false);
      assert.equal(session.channelId, WEBCHAT_CHANNEL_ID);
      assert.equal(session.serviceUrl, `${bot.url}/webchat/`);
      const person = await bot.app.people.get(bot.app.personIdFor(newhire.id));
      assert.equal(person?.role, 'newhire');
      assert.equal(person?.alias, 'New Hire 1');
      assert.equal(person?.supervisorId, bot.app.personIdFor('local-supervisor'));
      const supervisor = await bot.app.people.get(bot.app.personIdFor('local-supervisor'));
      assert.equal(supervisor?.role, 'supervisor', 'the whole roster went in, supervisors first');

      const again = await startSession(bot.url, { identityId: newhire.id, conversationId: session.conversationId });
      assert.equal(again.session.conversationId, session.conversationId);
      assert.equal(again.session.resumed, true);
    });

    it('keeps a role changed since (by an admin) when the identity is chosen again', async () => {
      const psw = { id: 'local-psw-2' };
      await startSession(bot.url, { identityId: psw.id });
      const person = (await bot.app.people.get(bot.app.personIdFor(psw.id)))!;
      await bot.app.people.put({ ...person, role: 'supervisor' });
      await startSession(bot.url, { identityId: psw.id });
      assert.equal((await bot.app.people.get(person.id))?.role, 'supervisor');
    });

    it('refuses an unknown identity, and replaces a malformed conversation id', async () => {
      const bad = await startSession(bot.url, { identityId: 'someone-else' });
      assert.equal(bad.status, 400);
      const notJson = await fetch(`${bot.url}/webchat/sessions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'local-psw-1' });
      assert.equal(notJson.status, 415);
      const polluting = await fetch(`${bot.url}/webchat/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"__proto__":{"x":1}}' });
      assert.equal(polluting.status, 400);
      const forged = await startSession(bot.url, { identityId: 'local-psw-1', conversationId: '../../etc' });
      assert.equal(forged.status, 200);
      assert.notEqual(forged.session.conversationId, '../../etc');
      assert.equal(forged.session.resumed, false);
    });

    it('answers the page as a channel: expectReplies to /api/messages, as the chosen person', async () => {
      const { session } = await startSession(bot.url, { identityId: 'local-supervisor' });
      const convo = new Conversation(bot.url, session.user.id, session.conversationId, WEBCHAT_CHANNEL_ID);
      const replies = await convo.post({ text: 'help', serviceUrl: session.serviceUrl });
      assert.equal(replies.status, 200);
      assert.match(visibleText(replies.activities), /Here's what I can do/);
    });

    it('delivers a proactive message sent with continueConversationAsync to the page over server-sent events', async () => {
      const { session } = await startSession(bot.url, { identityId: 'local-psw-1' });
      const events = readEvents(`${bot.url}/webchat/conversations/${session.conversationId}/events`, 1);
      await new Promise((r) => setTimeout(r, 100)); // let the stream attach
      await bot.server.adapter.continueConversationAsync('', referenceFor(session), async (context) => {
        await context.sendActivity('Time for a short reflection?');
      });
      const [activity] = await events;
      assert.equal(activity.type, 'message');
      assert.equal(activity.text, 'Time for a short reflection?');
      assert.match(String(activity.id), /^srv-/);
    });

    it('keeps proactive messages for a page that is not connected and hands them over when it connects', async () => {
      const { session } = await startSession(bot.url, { identityId: 'local-psw-1' });
      for (const text of ['first', 'second']) {
        await bot.server.adapter.continueConversationAsync('', referenceFor(session), async (context) => {
          await context.sendActivity(text);
        });
      }
      const got = await readEvents(`${bot.url}/webchat/conversations/${session.conversationId}/events`, 2);
      assert.deepEqual(got.map((a) => a.text), ['first', 'second']);
    });

    it('tells the page the server has its post as the turn starts (event "received"), while the answer still comes in the response', async () => {
      const { session } = await startSession(bot.url, { identityId: 'local-supervisor' });
      const convo = new Conversation(bot.url, session.user.id, session.conversationId, WEBCHAT_CHANNEL_ID);
      const stream = await openEvents(`${bot.url}/webchat/conversations/${session.conversationId}/events`);
      // The turn is held at its state write until the receipt has been seen.
      const { release, stub } = holdStateWrites(bot, () => true);
      try {
        const activity = convo.activity({ text: 'help', serviceUrl: session.serviceUrl });
        let answered = false;
        const reply = postActivity(bot.url, activity, () => (answered = true));
        await stream.until((events) => events.some((e) => e.event === 'received'));
        assert.deepEqual(stream.events, [{ event: 'received', data: { id: activity.id } }], 'the receipt names the activity, nothing else');
        assert.equal(answered, false, 'the receipt came while the turn was still running');
        release();
        const { status, body } = await reply;
        assert.equal(status, 200);
        assert.match(visibleText(body.activities), /Here's what I can do/, 'the answer, in the response as before');
        assert.ok(stub.called);
      } finally {
        release();
        sinon.restore();
        stream.close();
      }
    });

    it('tells the page at once that it has a post that waits behind a slow turn, and runs it after that turn, in order', async () => {
      const { session } = await startSession(bot.url, { identityId: 'local-supervisor' });
      const convo = new Conversation(bot.url, session.user.id, session.conversationId, WEBCHAT_CHANNEL_ID);
      const stream = await openEvents(`${bot.url}/webchat/conversations/${session.conversationId}/events`);
      // The first turn is held at its state write; the second post comes while it is held (as the page sends a
      // message typed meanwhile: once it has the first one's receipt).
      const order: string[] = [];
      const { release, stub } = holdStateWrites(bot, (call) => call === 1, (ctx) => order.push(String(ctx.activity.text)));
      const answered: string[] = [];
      const postOf = (activity: Partial<Activity>) => postActivity(bot.url, activity, () => answered.push(String(activity.text)));
      try {
        const first = convo.activity({ text: 'help', serviceUrl: session.serviceUrl });
        const firstReply = postOf(first);
        await stream.until((events) => events.some((e) => e.data.id === first.id));
        const second = convo.activity({ text: 'cancel', serviceUrl: session.serviceUrl });
        const secondReply = postOf(second);
        await stream.until((events) => events.some((e) => e.data.id === second.id));
        assert.deepEqual(stream.events, [{ event: 'received', data: { id: first.id } }, { event: 'received', data: { id: second.id } }], 'a receipt for each, in order');
        assert.deepEqual(answered, [], 'both receipts came while the first turn was held');
        // The first turn reaches its (held) state write; the second is not let in meanwhile.
        while (stub.callCount === 0) await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(stub.callCount, 1, 'the second turn waits for the first: it has not reached its state write');
        release();
        const [a, b] = await Promise.all([firstReply, secondReply]);
        assert.deepEqual([a.status, b.status], [200, 200]);
        assert.deepEqual(order, ['help', 'cancel'], 'the turns ran one after the other, in the order posted');
        assert.deepEqual(answered, ['help', 'cancel']);
        assert.match(visibleText(a.body.activities), /Here's what I can do/);
      } finally {
        release();
        sinon.restore();
        stream.close();
      }
    });

    it('sends no receipt for a page not connected (none is kept), nor for a post that is not expectReplies', async () => {
      const { session } = await startSession(bot.url, { identityId: 'local-supervisor' });
      const convo = new Conversation(bot.url, session.user.id, session.conversationId, WEBCHAT_CHANNEL_ID);
      assert.equal((await convo.post({ text: 'help', serviceUrl: session.serviceUrl })).status, 200);
      const stream = await openEvents(`${bot.url}/webchat/conversations/${session.conversationId}/events`);
      try {
        // Normal delivery: the replies go to the Bot Connector routes (the stream's activities), and no receipt.
        assert.equal((await convo.post({ text: 'help', serviceUrl: session.serviceUrl, deliveryMode: 'normal' })).status, 200);
        await stream.until((events) => events.some((e) => e.event === 'activity'));
        assert.deepEqual(stream.events.filter((e) => e.event !== 'activity'), [], 'no receipt now, and none kept from before');
      } finally {
        stream.close();
      }
    });

    it('answers Bot Connector calls for a conversation id that is not ours with 400, and an event stream with 404', async () => {
      const res = await fetch(`${bot.url}/webchat/v3/conversations/not-ours/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'x' }),
      });
      assert.equal(res.status, 400);
      assert.equal((await fetch(`${bot.url}/webchat/conversations/not-ours/events`)).status, 404);
    });
  });

  describe('with ROSTER_FILE set', () => {
    it('offers the people of that roster instead of the sample', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'roster.json');
      fs.writeFileSync(file, JSON.stringify({ people: [{ channelId: 'aad-0001', role: 'supervisor', alias: 'Sup S' }, { channelId: 'aad-0002', role: 'psw', alias: 'PSW A', supervisor: 'Sup S' }] }));
      const bot = await startBot({ config: { rosterFile: file }, extraRoutes: [installWebChat] });
      try {
        const { identities } = (await (await fetch(`${bot.url}/webchat/identities`)).json()) as { identities: { id: string; name: string }[] };
        assert.deepEqual(identities.map((i) => [i.id, i.name]), [['aad-0002', 'PSW A'], ['aad-0001', 'Sup S']]);
        assert.equal((await startSession(bot.url, { identityId: 'local-psw-1' })).status, 400);
        assert.equal((await startSession(bot.url, { identityId: 'aad-0002' })).status, 200);
        const psw = await bot.app.people.get(bot.app.personIdFor('aad-0002'));
        assert.equal(psw?.supervisorId, bot.app.personIdFor('aad-0001'));
      } finally {
        await bot.stop();
      }
    });

    it('refuses to start with a roster file that is not valid', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'roster.json');
      fs.writeFileSync(file, JSON.stringify({ people: [{ channelId: 'x', role: 'wizard', alias: 'W' }] }));
      await assert.rejects(startBot({ config: { rosterFile: file }, extraRoutes: [installWebChat] }), /Roster file/);
    });
  });

  describe('with Bot Framework authentication configured (MicrosoftAppId set)', () => {
    const authConfig = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      ID_SECRET: 'test-secret-test-secret-test-secret-0000',
      MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
      MicrosoftAppPassword: 'not-a-real-password',
    });
    let bot: RunningBot;
    before(async () => {
      assert.equal(authConfig.localMode, false);
      bot = await startBot({ config: authConfig, extraRoutes: localChannelRoutes(authConfig) });
    });
    after(() => bot.stop());

    it('installs no local channel routes: every one of them is 404', async () => {
      assert.deepEqual(localChannelRoutes(authConfig), []);
      const paths = [
        ['GET', '/'],
        ['GET', '/webchat/assets/webchat.js'],
        ['GET', '/webchat/assets/client.js'],
        ['GET', '/webchat/identities'],
        ['POST', '/webchat/sessions'],
        ['GET', '/webchat/conversations/webchat-0000000000/events'],
        ['POST', '/webchat/v3/conversations/webchat-0000000000/activities'],
      ];
      for (const [method, path] of paths) {
        const res = await fetch(`${bot.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'POST' ? JSON.stringify({ identityId: 'local-psw-1', type: 'message' }) : undefined,
        });
        assert.equal(res.status, 404, `${method} ${path}`);
      }
    });

    it('needs a token on /api/messages: 401 without one', async () => {
      const convo = new Conversation(bot.url, 'local-psw-1', undefined, WEBCHAT_CHANNEL_ID);
      const res = await convo.post({ text: 'help' });
      assert.equal(res.status, 401);
      assert.equal(res.activities.length, 0);
    });

    it('refuses to install the local channel even if asked to', async () => {
      await assert.rejects(startBot({ config: authConfig, extraRoutes: [installWebChat] }), /must not be installed/);
    });
  });
});

describe('ConversationStreams: an event stream through a two-minute wait (sinon clock)', () => {
  afterEach(() => sinon.restore());

  /** A stand-in for the page's response: what was written to it, and its close. */
  function fakeResponse(): { res: ServerResponse; written: string[]; close(): void } {
    const emitter = new EventEmitter();
    const written: string[] = [];
    const res = Object.assign(emitter, { write: (chunk: string) => written.push(chunk) > 0 }) as unknown as ServerResponse;
    return { res, written, close: () => emitter.emit('close') };
  }

  it('keeps the stream alive every 15 s while a page waits up to 2 minutes for an answer, and stops when it closes', () => {
    const clock = sinon.useFakeTimers();
    const streams = new ConversationStreams();
    const page = fakeResponse();
    streams.attach('webchat-aaaaaaaa', page.res);
    streams.receipt('webchat-aaaaaaaa', 'act-1');
    assert.deepEqual(page.written, ['event: received\ndata: {"id":"act-1"}\n\n']);
    // The page gives up on an answer after 2 minutes (ANSWER_MS in web/client.js): the stream is kept alive all that
    // while, so a proxy or the browser does not drop it as idle and the receipts of later posts still come.
    clock.tick(120_000);
    assert.equal(page.written.filter((w) => w === ': keepalive\n\n').length, 8);
    streams.receipt('webchat-aaaaaaaa', 'act-2');
    assert.equal(page.written.at(-1), 'event: received\ndata: {"id":"act-2"}\n\n', 'a receipt still comes after two minutes');
    page.close();
    const count = page.written.length;
    clock.tick(60_000);
    assert.equal(page.written.length, count, 'nothing written once the page has gone');
    assert.equal(streams.listeners('webchat-aaaaaaaa'), 0);
    assert.equal(clock.countTimers(), 0, 'no timer left behind');
  });
});
