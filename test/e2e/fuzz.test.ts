// Thousands of generated activities and card payloads posted over loopback to the real bot (a bounded count; how
// long they take is a figure in the title, not a bar — speed is bench/load.ts's): never a 5xx, the server keeps
// answering, and memory settles (heap compared after GC).
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { Conversation, startBot, type RunningBot } from '../helpers/bot';
import { startFakeChannel, type FakeChannel } from '../helpers/channel';
import { closeStores } from '../helpers/store';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TOTAL = 3000;
const CONCURRENCY = 16;

/** Present about once in `n` samples, otherwise absent. */
function rarely<T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

// Texts people (and attackers) might send: commands, answers, junk, long and odd unicode.
const text = fc.oneof(
  fc.constantFrom('reflect', 'reflect C-1', 'help', 'cancel', 'skip', 'save', 'history c-1', 'progressing', 'building trust', '4', 'yes', 'my data', '', ' '),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ maxLength: 3000 }),
);
// Card submissions: plausible keys with wrong types, forged ids, extra fields, deep nesting.
const cardValue = fc.oneof(
  fc.record({ command: fc.oneof(fc.string(), fc.constantFrom('help', 'cancel', 'reflect')) }, { requiredKeys: [] }),
  fc.record({ step: fc.string(), choice: fc.oneof(fc.string(), fc.integer()), dialogId: fc.string(), psw: fc.string() }, { requiredKeys: [] }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
  fc.jsonValue({ maxDepth: 4 }),
);
const activityArb = fc.record({
  type: fc.oneof(fc.constantFrom('message', 'message', 'message', 'conversationUpdate', 'invoke', 'typing', 'event', 'messageReaction', 'installationUpdate'), fc.string({ maxLength: 20 })),
  text: fc.option(text, { nil: undefined }),
  value: fc.option(cardValue, { nil: undefined }),
  name: fc.option(fc.constantFrom('adaptiveCard/action', 'task/fetch', 'signin/verifyState', 'x'), { nil: undefined }),
  user: fc.integer({ min: 0, max: 40 }),
  // Teams posts without expectReplies (replies go to the serviceUrl, an invoke's answer in the response).
  expectReplies: fc.boolean(),
  extra: rarely(fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), 4),
  channelData: rarely(fc.jsonValue({ maxDepth: 2 }), 10),
  membersAdded: rarely(fc.array(fc.oneof(fc.record({ id: fc.string({ minLength: 1 }) }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 }), 6),
  // About one in ten is not an activity at all (junk or any JSON).
  raw: rarely(fc.oneof(fc.string({ maxLength: 100 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v))), 10),
});

describe('fuzz: generated activities and card payloads over HTTP', function () {
  this.timeout(90_000);
  let bot: RunningBot;
  let channel: FakeChannel;
  before(async () => { bot = await startBot(); channel = await startFakeChannel(); });
  after(async () => { await bot.stop(); await channel.close(); await closeStores(); });

  it(`answers ${TOTAL} generated requests with no 5xx, keeps serving, and memory settles`, async function () {
    const conversations = Array.from({ length: 41 }, (_, i) => new Conversation(bot.url, `fuzz-user-${i}`));
    const samples = fc.sample(activityArb, { numRuns: TOTAL, seed: 8 });
    const statuses = new Map<number, number>();
    const fives: string[] = [];
    const send = async (s: (typeof samples)[number]) => {
      const c = conversations[s.user]!;
      const body = s.raw ?? JSON.stringify({ ...s.extra, ...c.activity({ type: s.type, text: s.text, value: s.value, name: s.name, channelData: s.channelData as object, membersAdded: s.membersAdded as never, ...(s.expectReplies ? {} : { deliveryMode: undefined, serviceUrl: channel.serviceUrl }) }) });
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) fives.push(`${res.status} ${body.slice(0, 200)}`);
    };
    const runBatch = async (items: typeof samples) => {
      let next = 0;
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < items.length) await send(items[next++]!);
      }));
    };
    const started = Date.now();
    await runBatch(samples.slice(0, 500)); // warm-up: caches, JIT, connection pools
    gc();
    const before = process.memoryUsage();
    await runBatch(samples.slice(500));
    gc();
    const after = process.memoryUsage();
    const seconds = (Date.now() - started) / 1000;
    const heapGrowthMb = (after.heapUsed - before.heapUsed) / 2 ** 20;
    const rssGrowthMb = (after.rss - before.rss) / 2 ** 20;
    // The figures go in the test's title, which the reporter prints once the test passes.
    this.test!.title += ` (${TOTAL} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap ${heapGrowthMb.toFixed(1)} MB, rss ${rssGrowthMb.toFixed(1)} MB after GC)`;
    assert.deepEqual(fives, []);
    assert.ok(heapGrowthMb < 40, `heap grew ${heapGrowthMb} MB`);
    // Still serving normally.
    assert.equal((await new Conversation(bot.url).say('help')).length, 1);
  });
});
