// A small HTTP server standing in as a channel's serviceUrl: it records every activity the bot sends.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { Conversation, visibleText, type RunningBot } from './bot';

export interface ReceivedActivity {
  method: string;
  path: string;
  activity: Activity;
}

export interface FakeChannel {
  serviceUrl: string;
  received: ReceivedActivity[];
  /** Status to answer with for the next calls (a queue; empty means 200). */
  failNext: number[];
  /** Headers sent with every failure answer while set, e.g. { 'retry-after': '60' }. */
  failHeaders: Record<string, string>;
  /** Status to answer every call to a conversation with, until removed (conversation id → status). Checked after failNext. */
  failConversation: Map<string, number>;
  /** Every call that was answered with a failure, in order. */
  refused: { path: string; status: number }[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedActivity[]>;
  close(): Promise<void>;
}

/** `host` '0.0.0.0' also listens on the machine's other addresses (serviceUrl stays loopback). */
export async function startFakeChannel(host = '127.0.0.1'): Promise<FakeChannel> {
  const received: ReceivedActivity[] = [];
  const failHeaders: Record<string, string> = {};
  const failNext: number[] = [];
  const failConversation = new Map<string, number>();
  const refused: { path: string; status: number }[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const conversation = decodeURIComponent(/^\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      const status = failNext.shift() ?? failConversation.get(conversation) ?? 200;
      if (status !== 200) refused.push({ path: req.url ?? '', status });
      if (status === 200) {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ method: req.method ?? '', path: req.url ?? '', activity: body ? (JSON.parse(body) as Activity) : ({} as Activity) });
        for (const w of waiters.splice(0)) w();
      }
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 200 ? {} : failHeaders) });
      res.end(JSON.stringify(status === 200 ? { id: `sent-${received.length}` } : { error: { code: 'Fake', message: 'fake failure' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    failNext,
    failHeaders,
    failConversation,
    refused,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} activities at the fake channel, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * A supervisor and a PSW of theirs, both talking to `bot` from Teams and reachable at the fake channel (the PSW hears
 * of an alert's delivery there, the supervisor receives it). `inbox` is what the channel received in a conversation.
 */
export async function supervisedPair(bot: RunningBot, channel: FakeChannel, alias: string) {
  const sup = new Conversation(bot.url, undefined, undefined, 'msteams');
  await sup.post({ text: 'hi', serviceUrl: channel.serviceUrl });
  const supId = bot.app.personIdFor(sup.userId);
  await bot.app.people.update(supId, (p) => ({ ...p, role: 'supervisor', alias: `Sup of ${alias}` }));
  const c = new Conversation(bot.url, undefined, undefined, 'msteams');
  await c.post({ text: 'hi', serviceUrl: channel.serviceUrl });
  const pswId = bot.app.personIdFor(c.userId);
  await bot.app.people.update(pswId, (p) => ({ ...p, supervisorId: supId, alias }));
  const say = async (text: string) => visibleText((await c.post({ text, serviceUrl: channel.serviceUrl })).activities);
  const inbox = (convo: Conversation) => channel.received.filter((r) => r.activity.conversation?.id === convo.conversationId).map((r) => r.activity.text ?? '');
  return { sup, supId, c, pswId, say, inbox };
}
