// The web chat page helper's waits (test/e2e/webchatPage.ts), against the real page: a wait's budget counts from the
// bot's answer, so a slow turn — even one that holds this process's event loop, which the test shares with the bot —
// does not fail it, and a reply the page never shows still does, saying the bot had answered.
import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { useWebChat } from './webchatPage';

describe('the web chat page helper: waits count from the bot\'s answer (chromium)', function () {
  this.timeout(60_000);
  const { bot, chat } = useWebChat();
  afterEach(() => sinon.restore());

  before(async () => {
    await chat().open(bot().url);
    await chat().choose('local-psw-2');
    await chat().waitFor(/PeerReflect/);
  });

  /** Makes each turn take `ms` longer: half waiting, half holding the event loop (as a busy machine's CPU would). */
  function slowTurns(ms: number): void {
    const run = bot().server.bot.run.bind(bot().server.bot);
    sinon.stub(bot().server.bot, 'run').callsFake(async (context: TurnContext) => {
      await new Promise((r) => setTimeout(r, ms / 2));
      for (const until = Date.now() + ms / 2; Date.now() < until;);
      return run(context);
    });
  }

  it('a turn longer than the wait: the reply is found (the clock starts when the bot has answered)', async () => {
    slowTurns(3000);
    const since = await chat().count();
    await chat().say('help');
    // Round 21's flake in small: a 1 s wait on a 3 s turn failed with only the typed message shown.
    assert.match(await chat().waitFor(/Here.s what I can do/, since, 1000), /cancel/);
  });

  it('a reply never shown still fails the wait, soon after the answer, saying what the bot answered', async () => {
    // The turn runs and answers with no activity: the page has nothing to show.
    sinon.stub(bot().server.bot, 'run').resolves();
    const since = await chat().count();
    await chat().say('help');
    const started = Date.now();
    await assert.rejects(chat().waitFor(/Here.s what I can do/, since, 1000), /answered in [\d.]+ s: HTTP 200, 0 activities\)\. Transcript:\nYou said: help/);
    assert.ok(Date.now() - started < 5000, 'failed within the budget after the answer');
  });
});
