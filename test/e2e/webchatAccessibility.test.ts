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

  it('a whole debrief with the keyboard alone, up to Save', async () => {
    const page = browser.page;
    const prompts = Math.min(content().stageById.trust.prompts.length, 5);
    // What has focus, as a person hears it: the element's role-ish tag and its text or label.
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} ${(el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 40)}` : '';
    });
    /** From where focus is, Tab (or Shift+Tab) to the newest card's button titled `title` and press Enter. */
    async function press(title: string, pattern: RegExp, direction: 'Tab' | 'Shift+Tab' = 'Shift+Tab'): Promise<string> {
      const since = await chat.count();
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        const onIt = await page.evaluate((t) => {
          const cards = document.querySelectorAll('#webchat .ac-adaptiveCard');
          const el = document.activeElement;
          return !!el && cards[cards.length - 1]?.contains(el) === true && el.classList.contains('ac-pushButton') && (el as HTMLElement).innerText.trim() === t;
        }, title);
        if (onIt) {
          await page.keyboard.press('Enter');
          if (process.env.KEYS_PRINT) console.log(title, seen.join(' → '));
          return chat.waitFor(pattern, since);
        }
        // Web Chat's transcript is one stop: Enter goes into the newest message, whose controls Tab then reaches.
        if (await page.evaluate(() => document.activeElement?.classList.contains('webchat__basic-transcript') === true)) {
          await page.keyboard.press('Enter');
          direction = 'Tab';
        } else {
          await page.keyboard.press(direction);
        }
        seen.push(await focused());
      }
      throw new Error(`No way to "${title}" by keyboard; focus went: ${seen.join(' → ')}`);
    }
    async function type(text: string, pattern: RegExp): Promise<string> {
      const since = await chat.count();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      return chat.waitFor(pattern, since);
    }

    // The chat was opened with the mouse above; from here on, keys only. Focus starts in the text box.
    await page.focus('[data-id="webchat-sendbox-input"]');
    await type('reflect', /Which client is this about/);
    await type('C-22', /names you.d like me to always hide/i);
    await press('Skip', /Where does your relationship with C-22 stand/);
    await press('Building trust', new RegExp(`\\(1/${prompts}\\)`), 'Tab');
    await page.focus('[data-id="webchat-sendbox-input"]');
    await type('We talked about her garden.', new RegExp(`\\(2/${prompts}\\)`));
    for (let i = 2; i <= prompts; i++) {
      await press('Skip', i < prompts ? new RegExp(`\\(${i + 1}/${prompts}\\)`) : /how is the relationship moving/i, i === 2 ? 'Shift+Tab' : 'Tab');
    }
    await press('Progressing', /How are you doing after this one/, 'Tab');
    // The self-check: focus is on its first radio; an arrow key picks a score, Tab reaches the note and Next.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await press('Next', /anyone.s safety/, 'Tab');
    await press('No, all good', /exactly what I.ll save/, 'Tab');
    await press('Save', /Saved/, 'Tab');
    const { items } = await bot.app.reflections.listByPsw(bot.app.personIdFor('local-psw-1'));
    const doc = items.find((r) => r.clientCode === 'C-22');
    assert.ok(doc, 'the keyboard-only debrief was saved');
    assert.equal(doc.selfCheck.score, 3);
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
