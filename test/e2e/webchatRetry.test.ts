// A slow turn must never look like a failed send, and a Retry must never run a turn twice. The page shows a message
// as sent as soon as the server says it has it (the "received" event, bot/webchat.ts), with the bot typing until the
// answer; only a post the server never got shows "Send failed", after at most 10 s (RECEIPT_MS, web/client.js), and
// its Retry carries the same send id, which the bot (bot/redelivery.ts) takes once. In a real browser: a turn held
// past Web Chat's 20 s send timeout; a post that never reaches the server, then Retry; an answer lost on the way back
// from a post the server had, which the page asks for again by itself; and a refused connection, then Retry.
import assert from 'node:assert/strict';
import type { Route } from 'playwright-core';
import sinon from 'sinon';
import { t } from '../../services/catalogue';
import { useWebChat } from './webchatPage';

const RETRY = '.webchat__activity-status button, .webchat__activity-status a';
const TYPING = '#webchat .webchat__typing-indicator';
const ACTIVITY = '#webchat .webchat__basic-transcript__activity';
/** How long the page waits for the server's receipt before it shows "Send failed" (RECEIPT_MS in web/client.js). */
const RECEIPT_MS = 10_000;
/** Web Chat's default send timeout, after which it used to say "Send failed" of a slow turn. */
const WEBCHAT_SEND_TIMEOUT_MS = 20_000;

describe('Sending in the local web chat: slow turns, failed posts and Retry (chromium)', function () {
  this.timeout(120_000);
  const { bot, browser, chat } = useWebChat();
  afterEach(() => sinon.restore());

  /** The posts of the page whose text is `text`. */
  const postsOf = (text: string) => chat().posted.filter((a) => a.text === text);
  const retries = () => browser().page.locator(RETRY).filter({ hasText: /Retry/ });
  /** The status line under the person's message whose text is `text` ("Sending", "Send failed. Retry", or its time). */
  const statusOf = async (text: string) => (await browser().page.locator(ACTIVITY).filter({ hasText: text }).last().locator('.webchat__activity-status').allInnerTexts()).join(' ');

  before(async () => {
    await chat().open(bot().url);
    await chat().choose('local-psw-1');
    await chat().waitFor(/PeerReflect/);
    await chat().ask('reflect', /Which client is this about/);
    await chat().ask('C-21', /names you.d like me to always hide/i);
    await chat().tap('Skip', /Where does your relationship with C-21 stand/);
    await chat().tap('Building trust', /\(1\/\d\)/);
  });

  it('a turn held past Web Chat\'s 20 s send timeout: the message shows sent at once, the bot typing until the answer, never "Send failed"', async () => {
    // The boundary: the turn's state write is held until the test lets it go.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const state = bot().server.conversationState;
    const save = state.saveChanges.bind(state);
    const stub = sinon.stub(state, 'saveChanges').callsFake(async (ctx, force) => {
      if (stub.callCount === 1) await held;
      return save(ctx, force);
    });
    const page = browser().page;
    const text = 'We walked to the pharmacy and she chose what to pick up.';
    const since = await chat().count();
    const start = Date.now();
    try {
      await chat().say(text);
      await page.locator(ACTIVITY).filter({ hasText: text }).waitFor({ state: 'visible', timeout: 5000 });
      await page.locator(TYPING).waitFor({ state: 'visible', timeout: 5000 });
      // Until past Web Chat's 20 s (and a margin): the message is sent, not "Sending" and never "Send failed", and the
      // bot is typing; sampled every half second.
      const statuses = new Set<string>();
      let typingSeen = 0;
      let samples = 0;
      while (Date.now() - start < WEBCHAT_SEND_TIMEOUT_MS + 3000) {
        statuses.add((await statusOf(text)).trim());
        samples++;
        if (await page.locator(TYPING).isVisible()) typingSeen++;
        assert.equal(await retries().count(), 0, `no "Send failed. Retry" at ${((Date.now() - start) / 1000).toFixed(1)} s`);
        await page.waitForTimeout(500);
      }
      assert.ok(![...statuses].some((s) => /Sending|fail/i.test(s)), `the message showed as sent throughout: ${[...statuses].join(' | ')}`);
      assert.equal(typingSeen, samples, 'the bot was typing all the while');
      assert.equal(stub.callCount, 1, 'the turn was still held');
    } finally {
      release();
    }
    await chat().waitFor(/\(2\/\d\)/, since);
    await page.locator(TYPING).waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal(postsOf(text).length, 1, 'posted once');
    const after = (await chat().transcript()).slice(since);
    assert.equal(after.filter((x) => x.includes(text)).length, 1, 'the message shows once');
    assert.equal(after.filter((x) => /\(2\/\d\)/.test(x)).length, 1, 'the answer shows once');
    assert.equal(await retries().count(), 0);
    assert.equal(await page.locator('#problem').isVisible(), false, 'the page said nothing was wrong');
    await chat().ask('help', /\(2\/\d\)/); // the debrief moved one question on, not two
    assert.deepEqual(browser().errors, []);
  });

  it(`a post the server never gets: "Send failed" within ${RECEIPT_MS / 1000} s, and its Retry gives one answer`, async () => {
    const text = 'She asked about the food bank hours.';
    const page = browser().page;
    // The first post of this message never reaches the server, which never answers it (a connection that hangs).
    let hung: Route | undefined;
    await page.route('**/api/messages', async (route) => {
      if (!hung && route.request().postDataJSON()?.text === text) {
        hung = route;
        return;
      }
      return route.continue();
    });
    const turns = sinon.spy(bot().server.bot, 'run');
    const since = await chat().count();
    const start = Date.now();
    await chat().say(text);
    await retries().last().waitFor({ state: 'visible', timeout: RECEIPT_MS + 5000 });
    const failedAfter = Date.now() - start;
    assert.ok(failedAfter >= RECEIPT_MS - 1000 && failedAfter <= RECEIPT_MS + 4000, `"Send failed" after ${failedAfter} ms, within the page's ${RECEIPT_MS} ms`);
    assert.equal(turns.callCount, 0, 'the server never got it');
    await page.locator('#problem').filter({ hasText: t('web.sendFailed') }).waitFor({ state: 'visible', timeout: 2000 });
    assert.equal(await page.locator(TYPING).isVisible(), false, 'no typing for a post the server does not have');
    await retries().last().click();
    await chat().waitFor(/\(3\/\d\)/, since);
    await page.unroute('**/api/messages');
    await hung?.abort().catch(() => undefined);
    const posts = postsOf(text);
    assert.equal(posts.length, 2, 'the first post, and the Retry');
    const sendIds = posts.map((p) => (p.channelData as Record<string, unknown>).clientSendId);
    assert.ok(sendIds[0], 'a send id');
    assert.equal(sendIds[1], sendIds[0], 'the Retry carries the same send id');
    assert.equal(turns.callCount, 1, 'one turn ran');
    const after = (await chat().transcript()).slice(since);
    assert.equal(after.filter((x) => /\(3\/\d\)/.test(x)).length, 1, 'the answer shows once');
    assert.equal(after.filter((x) => x.includes(text)).length, 1, 'the retried message took the failed one\'s place');
    assert.equal(await retries().count(), 0, 'no "Send failed" left');
    await page.locator('#problem').waitFor({ state: 'hidden', timeout: 2000 });
    await chat().ask('help', /\(3\/\d\)/); // one question on, not two
    // What Web Chat says of the failed post is expected; nothing else.
    assert.deepEqual(browser().errors.filter((e) => !/Failed to post activity/.test(e)), []);
  });

  it('an answer lost on the way back from a post the server had: no "Send failed"; the page asks again by itself and the bot answers from the first run', async () => {
    const text = 'She wants to go again next week.';
    const page = browser().page;
    // The first post reaches the bot, which runs the turn; the browser never gets its answer (a dropped connection).
    let dropped = 0;
    await page.route('**/api/messages', async (route) => {
      if (dropped === 0 && route.request().postDataJSON()?.text === text) {
        dropped++;
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    const turns = sinon.spy(bot().server.bot, 'run');
    const errorsBefore = browser().errors.length;
    const since = await chat().count();
    await chat().say(text);
    await chat().waitFor(/\(4\/\d\)/, since);
    await page.unroute('**/api/messages');
    const posts = postsOf(text);
    assert.equal(posts.length, 2, 'the page asked again');
    assert.equal(posts[1]!.id, posts[0]!.id, 'the same activity');
    assert.equal((posts[1]!.channelData as Record<string, unknown>).clientSendId, (posts[0]!.channelData as Record<string, unknown>).clientSendId);
    assert.equal(turns.callCount, 2, 'both posts reached the bot (the second is answered from the first run: one question on, below)');
    const after = (await chat().transcript()).slice(since);
    assert.equal(after.filter((x) => /\(4\/\d\)/.test(x)).length, 1, 'the answer shows once');
    assert.equal(after.filter((x) => x.includes(text)).length, 1, 'the message shows once');
    assert.equal(await retries().count(), 0, 'never "Send failed"');
    assert.equal(await page.locator('#problem').isVisible(), false);
    await chat().ask('help', /\(4\/\d\)/); // one question on, not two
    // The dropped connection may be reported; Web Chat reports no failed post.
    assert.deepEqual(browser().errors.slice(errorsBefore).filter((e) => !/Failed to load resource|ERR_CONNECTION_RESET/.test(e)), []);
  });

  it('a post refused (connection refused, as when the bot is stopped): "Send failed" at once, and its Retry gives one answer', async () => {
    const text = 'She said the bus was late again.';
    const page = browser().page;
    let refused = 0;
    await page.route('**/api/messages', async (route) => {
      if (refused === 0 && route.request().postDataJSON()?.text === text) {
        refused++;
        return route.abort('connectionrefused');
      }
      return route.continue();
    });
    const turns = sinon.spy(bot().server.bot, 'run');
    const since = await chat().count();
    const start = Date.now();
    await chat().say(text);
    await retries().last().waitFor({ state: 'visible', timeout: 5000 });
    assert.ok(Date.now() - start < 5000, 'at once, not after a timeout');
    assert.equal(turns.callCount, 0);
    await retries().last().click();
    await chat().waitFor(/\(5\/\d\)/, since);
    await page.unroute('**/api/messages');
    assert.equal(turns.callCount, 1, 'one turn ran');
    const after = (await chat().transcript()).slice(since);
    assert.equal(after.filter((x) => /\(5\/\d\)/.test(x)).length, 1, 'the answer shows once');
    assert.equal(after.filter((x) => x.includes(text)).length, 1, 'the message shows once');
    assert.equal(await retries().count(), 0, 'no "Send failed" left');
  });
});
