// A tired PSW tapping "Retry" must not make the bot run a turn twice (a stored reflection twice, an answer taken for
// the next question). Web Chat says "Send failed. Retry" after its sendTimeout (20 s) even while our post is still on
// its way, and its Retry posts the message anew; the page's send id (web/client.js) and the bot's guard
// (bot/redelivery.ts) make it the same message. In a real browser: a turn held past the timeout, then Retry; and a
// post whose answer is lost on the way back, then Retry.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { t } from '../../services/catalogue';
import { useWebChat } from './webchatPage';

const RETRY = '.webchat__activity-status button, .webchat__activity-status a';

describe('Retry in the local web chat (chromium)', function () {
  this.timeout(120_000);
  const { bot, browser, chat } = useWebChat();
  afterEach(() => sinon.restore());

  /** The posts of the page whose text is `text`. */
  const postsOf = (text: string) => chat().posted.filter((a) => a.text === text);

  before(async () => {
    await chat().open(bot().url);
    await chat().choose('local-psw-1');
    await chat().waitFor(/PeerReflect/);
    await chat().ask('reflect', /Which client is this about/);
    await chat().ask('C-21', /names you.d like me to always hide/i);
    await chat().tap('Skip', /Where does your relationship with C-21 stand/);
    await chat().tap('Building trust', /\(1\/\d\)/);
  });

  it('a turn slower than the send timeout: Retry posts nothing again, says the answer is coming, and the answer shows once', async () => {
    // The boundary: the turn's state write is held until the test lets it go (after the Retry).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const state = bot().server.conversationState;
    const save = state.saveChanges.bind(state);
    const stub = sinon.stub(state, 'saveChanges').callsFake(async (ctx, force) => {
      if (stub.callCount === 1) await held;
      return save(ctx, force);
    });
    const text = 'We walked to the pharmacy and she chose what to pick up.';
    const since = await chat().count();
    await chat().say(text);
    const retry = browser().page.locator(RETRY).filter({ hasText: /Retry/ }).last();
    await retry.waitFor({ state: 'visible', timeout: 40_000 }); // Web Chat's 20 s
    await retry.click();
    await browser().page.locator('#problem').filter({ hasText: t('web.stillAnswering') }).waitFor({ state: 'visible', timeout: 5000 });
    release();
    await chat().waitFor(/\(2\/\d\)/, since);
    await browser().page.locator('#problem').waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal(postsOf(text).length, 1, 'the Retry was not posted: its first post was still on its way');
    const after = (await chat().transcript()).slice(since);
    assert.equal(after.filter((x) => x.includes(text)).length, 1, 'the message shows once');
    assert.equal(after.filter((x) => /\(2\/\d\)/.test(x)).length, 1, 'the answer shows once');
    // Web Chat marks the message sent once our post answers: no "Send failed" left.
    await browser().page.locator(RETRY).filter({ hasText: /Retry/ }).waitFor({ state: 'detached', timeout: 5000 });
    await chat().ask('help', /\(2\/\d\)/); // the debrief moved one question on, not two
    assert.deepEqual(browser().errors, []);
  });

  it('an answer lost on the way back: Retry posts the same send id, and the bot answers from the first run', async () => {
    const text = 'She asked about the food bank hours.';
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
    const run = sinon.spy(bot().server.conversationState, 'saveChanges');
    const since = await chat().count();
    await chat().say(text);
    const retry = page.locator(RETRY).filter({ hasText: /Retry/ }).last();
    await retry.waitFor({ state: 'visible', timeout: 20_000 });
    await retry.click();
    await chat().waitFor(/\(3\/\d\)/, since);
    await page.unroute('**/api/messages');
    const posts = postsOf(text);
    assert.equal(posts.length, 2, 'the Retry went out: the first post had failed');
    const sendIds = posts.map((p) => (p.channelData as Record<string, unknown>).clientSendId);
    assert.ok(sendIds[0], 'a send id');
    assert.equal(sendIds[1], sendIds[0], 'the Retry carries the same send id');
    assert.notEqual(posts[1]!.id, posts[0]!.id, 'with a new activity id');
    assert.equal(run.callCount, 2, 'two turns reached the bot');
    const after = (await chat().transcript()).slice(since);
    assert.equal(after.filter((x) => /\(3\/\d\)/.test(x)).length, 1, 'the answer shows once');
    assert.equal(after.filter((x) => x.includes(text)).length, 1, 'the retried message took the failed one\'s place');
    assert.equal(await page.locator(RETRY).filter({ hasText: /Retry/ }).count(), 0, 'no "Send failed" left');
    await chat().ask('help', /\(3\/\d\)/); // one question on, not two
    // What the dropped post and Web Chat said about it is expected; nothing else.
    assert.deepEqual(browser().errors.filter((e) => !/Failed to post activity|Failed to load resource|ERR_CONNECTION_RESET/.test(e)), []);
  });
});
