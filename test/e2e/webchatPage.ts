// Driving the local web chat page as a person would: pick who you are, type, tap card buttons, read replies.
// Selectors are Web Chat's own (data-id, webchat__ classes) and Adaptive Cards' (ac-pushButton).
import type { Page } from 'playwright-core';
import { installWebChat } from '../../bot/webchat';
import { warmUpDeidentifier } from '../../bot/warmUp';
import { useBot, type RunningBot } from '../helpers/bot';
import { launchBrowser, type Browser } from '../helpers/browser';
import { escapeRegExp } from '../../services/escapeRegExp';

const ACTIVITY = '.webchat__basic-transcript__activity';
const SENDBOX = '[data-id="webchat-sendbox-input"]';

/** How long the bot may take to answer one message before a wait gives up on it (the render budget starts after). */
export const TURN_LIMIT_MS = 60_000;

/** One message the page posted to /api/messages: when, and when and how the bot answered it. */
interface Turn {
  sentAt: number;
  answeredAt?: number;
  status?: number;
  replies?: number;
}

export class WebChatPage {
  /** Every activity the page posted to /api/messages, parsed (to check what a card button sent). */
  readonly posted: Record<string, unknown>[] = [];
  /** Each of those posts as a turn of the bot's: the readiness signal waitFor counts from. */
  private readonly turns: Turn[] = [];

  constructor(readonly page: Page) {
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/messages') {
        this.posted.push(req.postDataJSON() as Record<string, unknown>);
        const turn: Turn = { sentAt: Date.now() };
        this.turns.push(turn);
        // The bot's replies come back in the response (expectReplies); a post that failed counts as answered too.
        req.response().then(
          async (res) => {
            turn.status = res?.status();
            turn.replies = await res?.json().then((b: { activities?: unknown[] }) => b.activities?.length ?? 0, () => undefined);
            turn.answeredAt = Date.now();
          },
          () => { turn.answeredAt = Date.now(); },
        );
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

  /** Picks who you are; the chat opens once the server has started the session (its answer is the signal). */
  async choose(identityId: string): Promise<void> {
    const session = this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/webchat/sessions', { timeout: TURN_LIMIT_MS });
    await this.page.click(`button[data-identity="${identityId}"]`);
    await session;
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

  /**
   * Waits until an activity after the first `since` shows text matching `pattern`; returns that activity's text.
   * `timeoutMs` is the page's budget for showing the bot's answer, counted from when the bot answered the last message
   * posted (its HTTP response): while a turn is still running the clock does not run, up to TURN_LIMIT_MS for the bot.
   * The bot shares this process with the test, so a slow turn on a loaded machine also stalls this loop; counting
   * from the answer keeps the check on what the page does with it (round 22: a turn near 10 s failed a 10 s wait
   * with the reply on its way, the transcript showing only the typed message).
   */
  async waitFor(pattern: RegExp, since = 0, timeoutMs = 10_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const found = (await this.transcript()).slice(since).find((t) => pattern.test(t));
      if (found) return found;
      const now = Date.now();
      const waiting = this.turns.find((t) => t.answeredAt === undefined && now - t.sentAt < TURN_LIMIT_MS);
      const answered = Math.max(start, ...this.turns.map((t) => t.answeredAt ?? 0));
      if (!waiting && now > answered + timeoutMs) {
        // One look more: the answer may have been drawn while this loop waited for its turn on a busy machine.
        const last = (await this.transcript()).slice(since);
        if (last.some((t) => pattern.test(t))) return last.find((t) => pattern.test(t))!;
        throw new Error(`No activity matching ${pattern} after #${since} (${this.lastTurn(now)}). Transcript:\n${last.join('\n---\n')}`);
      }
      await this.page.waitForTimeout(100);
    }
  }

  /** The newest turn, said for a failure: how long ago it was posted, and how (or whether) the bot answered. */
  private lastTurn(now: number): string {
    const t = this.turns.at(-1);
    if (!t) return 'nothing posted';
    const sent = `last message posted ${((now - t.sentAt) / 1000).toFixed(1)} s ago`;
    if (t.answeredAt === undefined) return `${sent}, not answered in ${TURN_LIMIT_MS / 1000} s`;
    return `${sent}, answered in ${((t.answeredAt - t.sentAt) / 1000).toFixed(1)} s: HTTP ${t.status ?? 'failed'}, ${t.replies ?? '?'} activities`;
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
    const exact = new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`);
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
    // The server a test starts skips the de-identifier's warm start (test/helpers/setup.ts); a real one reads its
    // warm-up notes before it listens (bot/index.ts). Do so here, or the first note typed pays for loading the lists
    // and models inside a wait (seconds of CPU; 25 s on a loaded machine in round 22).
    warmUpDeidentifier(0.001);
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
