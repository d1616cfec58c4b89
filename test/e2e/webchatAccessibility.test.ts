// Accessibility of the local web chat in a real browser (WCAG 2.2 AA): axe-core over the picker, a debrief with
// a card, the review and a supervisor's summary at desktop and phone width (no serious or critical violation),
// and a whole debrief done with the keyboard alone, up to Save.
import assert from 'node:assert/strict';
import { installWebChat } from '../../bot/webchat';
import { content } from '../../services/content';
import { startBot, type RunningBot } from '../helpers/bot';
import { launchBrowser, type Browser } from '../helpers/browser';
import { closeStores } from '../helpers/store';
import { seriousViolationsAtWidths } from './axe';
import { WebChatPage } from './webchatPage';

describe('local web chat accessibility (axe-core in chromium, keyboard only)', function () {
  this.timeout(90_000);
  let bot: RunningBot;
  let browser: Browser;
  let chat: WebChatPage;

  before(async () => {
    bot = await startBot({ extraRoutes: [installWebChat] });
    browser = await launchBrowser();
    chat = new WebChatPage(browser.page);
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    await closeStores();
  });

  async function assertAccessible(where: string): Promise<void> {
    const found = await seriousViolationsAtWidths(browser.page);
    if (process.env.AXE_PRINT) console.log(where, JSON.stringify(found, null, 1));
    assert.deepEqual(found, { 1280: [], 390: [] }, `serious or critical axe violations on ${where}`);
  }

  it('the picker', async () => {
    await chat.open(bot.url);
    await assertAccessible('the picker');
  });

  it('a debrief with a card, the self-check and the review', async () => {
    const prompts = Math.min(content().stageById.trust.prompts.length, 5);
    await chat.choose('local-psw-1');
    await chat.waitFor(/PeerReflect/);
    await chat.ask('reflect', /Which client is this about/);
    await chat.ask('C-21', /names you.d like me to always hide/i);
    await chat.tap('Skip', /Where does your relationship with C-21 stand/);
    await assertAccessible('the stage card');
    await chat.tap('Building trust', new RegExp(`\\(1/${prompts}\\)`));
    await chat.ask('We talked about her garden.', new RegExp(`\\(2/${prompts}\\)`));
    for (let i = 2; i <= prompts; i++) {
      await chat.tap('Skip', i < prompts ? new RegExp(`\\(${i + 1}/${prompts}\\)`) : /how is the relationship moving/i);
    }
    await chat.tap('Progressing', /How are you doing after this one/);
    await assertAccessible('the self-check card');
    await chat.chooseInCard('4');
    await chat.tap('Next', /anyone.s safety/);
    await chat.tap('No, all good', /exactly what I.ll save/);
    await assertAccessible('the review');
    await chat.tap('Save', /Saved/);
  });

  it("a supervisor's team summary", async () => {
    await browser.page.click('#change');
    await browser.page.waitForSelector('button[data-identity]');
    await chat.choose('local-supervisor');
    await chat.waitFor(/PeerReflect/);
    await chat.ask('summary', /summary/i);
    await assertAccessible('the team summary');
  });
});
