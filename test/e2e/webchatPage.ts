// Driving the local web chat page as a person would: pick who you are, type, tap card buttons, read replies.
// Selectors are Web Chat's own (data-id, webchat__ classes) and Adaptive Cards' (ac-pushButton).
import type { Page } from 'playwright-core';
import { installWebChat } from '../../bot/webchat';
import { useBot, type RunningBot } from '../helpers/bot';
import { launchBrowser, type Browser } from '../helpers/browser';

const ACTIVITY = '.webchat__basic-transcript__activity';
const SENDBOX = '[data-id="webchat-sendbox-input"]';

export class WebChatPage {
  /** Every activity the page posted to /api/messages, parsed (to check what a card button sent). */
  readonly posted: Record<string, unknown>[] = [];

  constructor(readonly page: Page) {
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/messages') {
        this.posted.push(req.postDataJSON() as Record<string, unknown>);
      }
    });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForSelector('button[data-identity]');
  }

  async identities(): Promise<string[]> {
    return this.page.locator('button[data-identity]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.identity ?? ''));
  }

  async choose(identityId: string): Promise<void> {
    await this.page.click(`button[data-identity="${identityId}"]`);
    await this.page.waitForSelector(SENDBOX);
  }

  /** The conversation the page is in (kept in sessionStorage so a reload resumes it). */
  async conversationId(): Promise<string> {
    const saved = await this.page.evaluate(() => sessionStorage.getItem('peerreflect.webchat.session'));
    return (JSON.parse(saved ?? '{}') as { conversationId: string }).conversationId;
  }

  /** The text of each activity in the transcript, oldest first. */
  async transcript(): Promise<string[]> {
    return this.page.locator(ACTIVITY).allInnerTexts();
  }

  async count(): Promise<number> {
    return this.page.locator(ACTIVITY).count();
  }

  /** Types a message and presses Enter. */
  async say(text: string): Promise<void> {
    const box = this.page.locator(SENDBOX);
    await box.fill(text);
    await box.press('Enter');
  }

  /** Waits until an activity after the first `since` shows text matching `pattern`; returns that activity's text. */
  async waitFor(pattern: RegExp, since = 0, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.transcript()).slice(since).find((t) => pattern.test(t));
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`No activity matching ${pattern} after #${since}. Transcript:\n${(await this.transcript()).slice(since).join('\n---\n')}`);
      }
      await this.page.waitForTimeout(100);
    }
  }

  /** Types, then waits for a reply matching `pattern` (looking only at what came after the message). */
  async ask(text: string, pattern: RegExp): Promise<string> {
    const since = await this.count();
    await this.say(text);
    return this.waitFor(pattern, since);
  }

  /** Taps the button titled `title` on the newest card (as a person would), then waits for a reply matching `pattern`. */
  async tap(title: string, pattern: RegExp): Promise<string> {
    const since = await this.count();
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const button = this.page.locator('.ac-adaptiveCard').last().locator('.ac-pushButton').filter({ hasText: exact });
    await button.waitFor({ state: 'visible' });
    await button.click();
    return this.waitFor(pattern, since);
  }

  /** Fills the text field of the newest card whose placeholder matches. */
  async fillCardInput(placeholder: RegExp, text: string): Promise<void> {
    await this.page.locator('.ac-adaptiveCard').last().getByPlaceholder(placeholder).fill(text);
  }

  /** Picks the radio button whose value is `value` in the newest card (an expanded Input.ChoiceSet). */
  async chooseInCard(value: string): Promise<void> {
    await this.page.locator('.ac-adaptiveCard').last().locator(`input[type=radio][value="${value}"]`).check();
  }
}

/**
 * The start-up every web chat browser test shares: the bot with the local web chat, chromium and the page, for the
 * enclosing `describe` (accessors, as they exist once its hooks have run). The browser's hooks come first, so it
 * closes before the bot stops.
 */
export function useWebChat(): { bot: () => RunningBot; browser: () => Browser; chat: () => WebChatPage } {
  let browser: Browser | undefined;
  let chat: WebChatPage | undefined;
  before(async () => {
    browser = await launchBrowser();
    chat = new WebChatPage(browser.page);
  });
  after(async () => {
    await browser?.close();
  });
  const bot = useBot({ extraRoutes: [installWebChat] });
  const ready = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('useWebChat(): the browser starts in a before() hook');
    return x;
  };
  return { bot, browser: () => ready(browser), chat: () => ready(chat) };
}
