// A message typed while a slow turn runs, and the page's two-minute give-up, in a real browser. A second message is
// posted as soon as the server has the first (its receipt, bot/webchat.ts); the server says at once that it has it
// and holds it behind the first turn (one turn at a time per conversation, bot/turnGate.ts), so the page shows it sent
// and the bot typing until its own answer, answers in order. No answer within 2 minutes of the receipt (ANSWER_MS in
// web/client.js): the typing stops and the page says the bot didn't answer; the message stays sent. The page runs on
// playwright's clock (page.clock), so two minutes pass in a moment; the server runs on real time.
import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { t } from '../../services/catalogue';
import { useWebChat } from './webchatPage';

const RETRY = '.webchat__activity-status button, .webchat__activity-status a';
const TYPING = '#webchat .webchat__typing-indicator';
const ACTIVITY = '#webchat .webchat__basic-transcript__activity';

/** A gate on the conversation's state writes: each write named by its message text waits until let go. */
interface HeldWrites {
  /** Lets the write of the turn for `text` go on (or, called before it arrives, lets it through). */
  release(text: string): void;
  /** Resolves once the turn for `text` has stored its state. */
  stored(text: string): Promise<void>;
  /** The message texts whose turns reached their state write, in order. */
  reached: string[];
  releaseAll(): void;
}

describe('A message typed while a slow turn runs, and the two-minute give-up (chromium, the page on a fake clock)', function () {
  this.timeout(120_000);
  const { bot, browser, chat } = useWebChat();
  afterEach(() => sinon.restore());

  /** Holds the state writes of the turns whose message text is one of `texts`; others pass. */
  function holdWrites(...texts: string[]): HeldWrites {
    const gates = new Map(texts.map((text) => {
      let open!: () => void;
      let done!: () => void;
      const gate = { opened: new Promise<void>((r) => (open = r)), open: () => open(), written: new Promise<void>((r) => (done = r)), done: () => done() };
      return [text, gate] as const;
    }));
    const reached: string[] = [];
    const state = bot().server.conversationState;
    const save = state.saveChanges.bind(state);
    sinon.stub(state, 'saveChanges').callsFake(async (ctx: TurnContext, force?: boolean) => {
      const gate = gates.get(String(ctx.activity.text));
      if (!gate) return save(ctx, force);
      reached.push(String(ctx.activity.text));
      await gate.opened;
      await save(ctx, force);
      gate.done();
    });
    return {
      release: (text) => gates.get(text)!.open(),
      stored: (text) => gates.get(text)!.written,
      reached,
      releaseAll: () => {
        for (const g of gates.values()) g.open();
      },
    };
  }

  const page = () => browser().page;
  /** The posts of the page whose text is `text`. */
  const postsOf = (text: string) => chat().posted.filter((a) => a.text === text);
  const retries = () => page().locator(RETRY).filter({ hasText: /Retry/ });
  const typingShown = () => page().locator(TYPING).isVisible();
  /** The status line under the person's message whose text is `text` ("Sending", "Send failed. Retry", or its time). */
  const statusOf = async (text: string) => (await page().locator(ACTIVITY).filter({ hasText: text }).last().locator('.webchat__activity-status').allInnerTexts()).join(' ').trim();
  /** Polls `check` (real time) until it holds, or fails saying `what`. */
  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
      await page().waitForTimeout(100);
    }
  }
  /** Types `text`, whose turn `held` holds: waits for the bot typing and the turn at its state write. */
  async function sayHeld(text: string, held: HeldWrites): Promise<void> {
    await chat().say(text);
    await page().locator(TYPING).waitFor({ state: 'visible', timeout: 5000 });
    await until(`the turn of "${text.slice(0, 12)}…" reached its state write`, async () => held.reached.includes(text));
  }
  /** The turns the server ran to the end or is running (the bot's run), counted from now. */
  const countTurns = () => sinon.spy(bot().server.bot, 'run');

  /** Starts a debrief about C-21, at its first question ("(1/5)"). */
  async function newDebrief(): Promise<void> {
    await chat().ask('reflect', /Which client is this about/);
    await chat().ask('C-21', /names you.d like me to always hide/i);
    await chat().tap('Skip', /Where does your relationship with C-21 stand/);
    await chat().tap('Building trust', /\(1\/\d\)/);
  }

  before(async () => {
    // The page's timers and Date run on playwright's clock from its first script; time flows as usual until a test
    // moves it on.
    await page().clock.install();
    await chat().open(bot().url);
    await chat().choose('local-psw-1');
    await chat().waitFor(/PeerReflect/);
    await newDebrief();
  });

  it('a message typed while the turn before it is held: shown sent at once, the server has it, the bot typing until its own answer, answers in order', async () => {
    const first = 'We sorted her mail together and she read the letters herself.';
    const second = 'She asked me to come on Thursday instead.';
    const held = holdWrites(first, second);
    const turns = countTurns();
    const since = await chat().count();
    try {
      await sayHeld(first, held);
      await chat().say(second);
      // The second message reaches the server while the first turn is held, and the server says so: it shows as sent.
      await until('the second message posted', async () => postsOf(second).length === 1);
      await until(`the second message shown sent (status: ${await statusOf(second)})`, async () => {
        const status = await statusOf(second);
        return status !== '' && !/Sending|fail/i.test(status);
      });
      // For a while both wait: sent, never "Sending" or "Send failed", the bot typing, the second turn not yet run.
      for (let i = 0; i < 8; i++) {
        for (const text of [first, second]) assert.doesNotMatch(await statusOf(text), /Sending|fail/i, `"${text.slice(0, 12)}…" shows sent`);
        assert.ok(await typingShown(), 'the bot is typing');
        assert.equal(await retries().count(), 0);
        await page().waitForTimeout(250);
      }
      assert.deepEqual(held.reached, [first], 'the second turn waits for the first (one turn at a time)');
      assert.equal(turns.callCount, 2, 'the server has both');

      held.release(first);
      await chat().waitFor(/\(2\/\d\)/, since);
      // The first answer is shown; the second is still on its way, and the bot is typing for it from then on (Web
      // Chat hides the indicator on each message from the bot: the page shows it again at once).
      for (let i = 0; i < 10; i++) {
        assert.ok(await typingShown(), `the bot is still typing ${i * 250} ms after the first answer: the second is on its way`);
        await page().waitForTimeout(250);
      }
      await until('the second turn reached its state write', async () => held.reached.includes(second));
      assert.equal((await chat().transcript()).slice(since).filter((x) => /\(3\/\d\)/.test(x)).length, 0, 'no second answer yet');
    } finally {
      held.releaseAll();
    }
    await chat().waitFor(/\(3\/\d\)/, since);
    await page().locator(TYPING).waitFor({ state: 'hidden', timeout: 5000 });
    const after = (await chat().transcript()).slice(since);
    const at = (pattern: RegExp) => after.findIndex((x) => pattern.test(x));
    assert.equal(after.filter((x) => x.includes(first)).length, 1, 'the first message shows once');
    assert.equal(after.filter((x) => x.includes(second)).length, 1, 'the second message shows once');
    assert.equal(after.filter((x) => /\(2\/\d\)/.test(x)).length, 1, 'the first answer shows once');
    assert.equal(after.filter((x) => /\(3\/\d\)/.test(x)).length, 1, 'the second answer shows once');
    assert.ok(at(/\(2\/\d\)/) < at(/\(3\/\d\)/), 'the answers in the order of the messages');
    assert.deepEqual([postsOf(first).length, postsOf(second).length], [1, 1], 'each posted once');
    assert.equal(await retries().count(), 0);
    assert.equal(await page().locator('#problem').isVisible(), false, 'the page said nothing was wrong');
    await chat().ask('help', /\(3\/\d\)/); // the debrief moved two questions on, one for each message
    assert.deepEqual(browser().errors, []);
  });

  it('no answer within 2 minutes of the receipt: the typing stops and the page says the bot didn\'t answer; the message stays sent, with no Retry', async () => {
    const text = 'She kept the appointment and told me about it after.';
    const held = holdWrites(text);
    const since = await chat().count();
    try {
      await sayHeld(text, held);
      // 1 min 50 s on: still waiting, and saying so (sent, typing).
      await page().clock.fastForward('01:50');
      await page().waitForTimeout(300);
      assert.equal(await page().locator('#problem').isVisible(), false, 'nothing said before 2 minutes');
      assert.ok(await typingShown(), 'the bot is typing at 1 min 50 s');
      assert.doesNotMatch(await statusOf(text), /Sending|fail/i);
      // Past 2 minutes: given up.
      await page().clock.fastForward('00:15');
      await page().locator('#problem').filter({ hasText: t('web.noAnswer') }).waitFor({ state: 'visible', timeout: 5000 });
      await page().locator(TYPING).waitFor({ state: 'hidden', timeout: 5000 });
      assert.doesNotMatch(await statusOf(text), /Sending|fail/i, 'the message stays sent: the server had it');
      assert.equal(await retries().count(), 0, 'no Retry: posting it again would not make the bot answer');
      assert.deepEqual(held.reached, [text], 'the turn is still held on the server');
    } finally {
      held.releaseAll();
    }
    await held.stored(text);
    // The turn was stored though its answer was not shown: the next message carries on from there, and the line goes.
    assert.equal((await chat().transcript()).slice(since).filter((x) => /\(4\/\d\)/.test(x)).length, 0, 'the given-up answer is not shown');
    await chat().ask('help', /\(4\/\d\)/);
    await page().locator('#problem').waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal(postsOf(text).length, 1, 'posted once');
    assert.deepEqual(browser().errors, []);
  });

  it('a message queued behind a turn that never answers: both shown sent; the first given up at 2 minutes, the second 2 minutes after that', async () => {
    const first = 'We called the pharmacy about her refill.';
    const second = 'Then she wanted to rest.';
    const held = holdWrites(first, second);
    try {
      await sayHeld(first, held);
      await chat().say(second);
      await until('the second message shown sent', async () => {
        const status = await statusOf(second);
        return postsOf(second).length === 1 && status !== '' && !/Sending|fail/i.test(status);
      });
      await page().clock.fastForward('02:05');
      await page().locator('#problem').filter({ hasText: t('web.noAnswer') }).waitFor({ state: 'visible', timeout: 5000 });
      // The first is given up; the second waits behind the same turn, its own 2 minutes counted from then.
      await page().waitForTimeout(500);
      assert.ok(await typingShown(), 'the bot is still typing for the second message');
      await page().clock.fastForward('01:50');
      await page().waitForTimeout(300);
      assert.ok(await typingShown(), 'and still at 1 min 50 s after the first was given up');
      await page().clock.fastForward('00:15');
      await page().locator(TYPING).waitFor({ state: 'hidden', timeout: 5000 });
      await page().locator('#problem').filter({ hasText: t('web.noAnswer') }).waitFor({ state: 'visible', timeout: 5000 });
      for (const text of [first, second]) assert.doesNotMatch(await statusOf(text), /Sending|fail/i, 'both stay sent');
      assert.equal(await retries().count(), 0);
      assert.deepEqual([postsOf(first).length, postsOf(second).length], [1, 1], 'each posted once');
    } finally {
      held.releaseAll();
    }
    await held.stored(second);
    assert.deepEqual(browser().errors, []);
  });

  it('a message typed while a turn runs whose post is refused: "Send failed" for it alone, at once; the turn before answers, and its Retry runs once', async () => {
    const first = 'She made tea for both of us.';
    const second = 'We talked about her sister.';
    // The debrief has 5 questions: start another.
    await chat().ask('cancel', /Stop a reflection on C-21|Nothing from that was saved/);
    if (/Stop a reflection/.test((await chat().transcript()).at(-1) ?? '')) await chat().ask('cancel', /Nothing from that was saved/);
    await newDebrief();
    const held = holdWrites(first);
    let refused = 0;
    await page().route('**/api/messages', async (route) => {
      if (refused === 0 && route.request().postDataJSON()?.text === second) {
        refused++;
        return route.abort('connectionrefused');
      }
      return route.continue();
    });
    const turns = countTurns();
    const since = await chat().count();
    try {
      await sayHeld(first, held);
      await chat().say(second);
      await retries().last().waitFor({ state: 'visible', timeout: 5000 });
      await page().locator('#problem').filter({ hasText: t('web.sendFailed') }).waitFor({ state: 'visible', timeout: 2000 });
      assert.doesNotMatch(await statusOf(first), /Sending|fail/i, 'the first message stays sent');
      assert.ok(await typingShown(), 'the bot is still typing for the first');
      assert.equal(turns.callCount, 1, 'the server never got the second');
    } finally {
      held.releaseAll();
    }
    await chat().waitFor(/\(2\/\d\)/, since);
    await page().locator(TYPING).waitFor({ state: 'hidden', timeout: 5000 });
    await retries().last().click();
    await chat().waitFor(/\(3\/\d\)/, since);
    await page().unroute('**/api/messages');
    assert.equal(turns.callCount, 2, 'one turn each');
    const after = (await chat().transcript()).slice(since);
    assert.equal(after.filter((x) => x.includes(second)).length, 1, 'the retried message took the failed one\'s place');
    assert.equal(await retries().count(), 0, 'no "Send failed" left');
    await page().locator('#problem').waitFor({ state: 'hidden', timeout: 2000 });
    assert.deepEqual(browser().errors.filter((e) => !/Failed to post activity|Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
  });

  it('five messages typed while a turn is held: four posts open at once (the browser\'s connections), the fifth waits in the page, "Sending", never "Send failed"; all five answered', async () => {
    await chat().ask('cancel', /Stop a reflection on C-21|Nothing from that was saved/);
    if (/Stop a reflection/.test((await chat().transcript()).at(-1) ?? '')) await chat().ask('cancel', /Nothing from that was saved/);
    // Every one of them is "help", held at its state write until let go.
    const held = holdWrites('help');
    const before = postsOf('help').length;
    const since = await chat().count();
    try {
      await chat().say('help');
      await until('the first turn reached its state write', async () => held.reached.length === 1);
      for (let i = 0; i < 4; i++) await chat().say('help');
      await until('four posts open', async () => postsOf('help').length - before >= 4);
      for (let i = 0; i < 6; i++) {
        assert.equal(postsOf('help').length - before, 4, 'no fifth post while four are open');
        assert.equal(await retries().count(), 0, 'never "Send failed"');
        await page().waitForTimeout(250);
      }
      // The status line under each of the five (Web Chat's bubble holds the text; the status is beside it).
      const statuses = await page().locator(ACTIVITY).evaluateAll((els) =>
        els
          .filter((el) => el.querySelector('.webchat__bubble__content')?.textContent?.trim() === 'help')
          .slice(-5)
          .map((el) => el.querySelector('.webchat__activity-status')?.textContent?.trim() ?? ''));
      assert.equal(statuses.length, 5);
      assert.equal(statuses.filter((x) => /Sending/.test(x)).length, 1, `one message waits in the page: ${statuses.join(' | ')}`);
      assert.ok(await typingShown(), 'the bot is typing');
    } finally {
      held.releaseAll();
    }
    await until('five answers', async () => (await chat().transcript()).slice(since).filter((x) => /Here.s what I can do/.test(x)).length === 5, 30_000);
    await page().locator(TYPING).waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal(postsOf('help').length - before, 5, 'each posted once');
    assert.equal(await retries().count(), 0);
    assert.equal(await page().locator('#problem').isVisible(), false);
    assert.deepEqual(browser().errors.filter((e) => !/Failed to post activity|Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
  });
});
