// The Sender the scheduler delivers through: continueConversationAsync with the person's stored reference, a
// text or an Adaptive Card. The channel's answer decides what happens next:
//   403/404 — the bot was removed or the conversation is gone: the reference is dropped ('gone');
//   429/5xx/network — retried here with exponential backoff, never sooner than Retry-After;
//   anything else, or still failing — 'failed', and the scheduler tries the job again later.
// Sends are paced per conversation (Teams allows about 7 a second per conversation).
// The local web chat is just another serviceUrl (a route on this server), so it needs nothing special here.
import { performance } from 'node:perf_hooks';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { AppServices } from '../services/app';
import { inLocale } from '../services/catalogue';
import type { ReferenceStore } from '../services/references';
import { errorFields, log } from '../services/log';
import { retryAfterMs, retryDelayMs, type BackoffOptions } from '../services/backoff';
import type { OutgoingMessage } from '../services/scheduler/job';
import { Pacer, type PacingOptions } from '../services/scheduler/pacing';
import { jobHandlers } from '../services/scheduler/handlers';
import { safetyAlertHandler } from '../services/safety/delivery';
import { Scheduler, type Delivery, type SchedulerOptions, type SendControl, type Sender } from '../services/scheduler/scheduler';
import { cardAttachment } from '../cards/card';
import { proactiveMessage } from '../cards/notices';
import { noticeRenderer, type NoticeRenderer } from './notices';
import { referenceFor } from './references';

export interface ProactiveOptions {
  /** MicrosoftAppId; '' in local mode. */
  appId: string;
  /** Turns a job's notice into the card sent (bot/notices.ts). */
  render: NoticeRenderer;
  /** Tries per message, the first included. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  pacing?: PacingOptions;
  /** Injectable for tests; the delays asked for are what the tests assert. */
  sleep?: (ms: number) => Promise<void>;
  /** A monotonic clock for pacing (ms). */
  clock?: () => number;
  /** Without a deadline from the caller, the longest this Sender waits in all before answering 'failed' (default 60 s). */
  maxWaitMs?: number;
}

const GONE = new Set([403, 404]);

export class ProactiveSender implements Sender {
  private readonly pacer: Pacer;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffOptions;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: () => number;

  constructor(private readonly adapter: CloudAdapter, private readonly references: ReferenceStore, private readonly opts: ProactiveOptions) {
    this.pacer = new Pacer(opts.pacing ?? { ratePerSecond: 7, burst: 7 });
    this.maxAttempts = opts.maxAttempts ?? 4;
    this.backoff = opts.backoff ?? { baseMs: 1000, maxMs: 20_000 };
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.clock = opts.clock ?? (() => performance.now());
  }

  async send(message: OutgoingMessage, control: SendControl = {}): Promise<Delivery> {
    const deadline = control.deadline ?? Date.now() + (this.opts.maxWaitMs ?? 60_000);
    const stored = await this.references.get(message.personId);
    if (!stored) return 'no_reference';
    const conversationId = stored.address.conversation.id;
    // Rendered in the person's locale, as their chat last sent it (stored with the address).
    const notice = message.notice;
    const shown = notice ? inLocale(stored.address.locale, () => this.opts.render(notice)) : undefined;
    // Never a card alone: a short text for the notification, and the card's fallbackText (cards/notices.ts).
    const withText = shown?.card ? proactiveMessage(message.text ?? shown.text, shown.card) : undefined;
    const activity = withText
      ? { type: 'message', text: withText.text, attachments: [cardAttachment(withText.card)] }
      : { type: 'message', text: message.text ?? shown?.text ?? '' };
    const person = message.personId.slice(0, 8);

    for (let attempt = 1; ; attempt++) {
      const wait = this.pacer.take(conversationId, this.clock());
      if (wait > 0) await this.sleep(wait);
      try {
        // The failure is carried out of the turn: thrown inside, the adapter's onTurnError would send its apology
        // into this conversation (another proactive call) and swallow the status we decide on.
        let failure: unknown;
        let activityId: string | undefined;
        await this.adapter.continueConversationAsync(this.opts.appId, referenceFor(stored.address), async (context) => {
          withoutSdkRetries(context);
          try {
            activityId = (await context.sendActivity(activity))?.id;
          } catch (err) {
            failure = err ?? new Error('send failed');
          }
        });
        if (failure) throw failure;
        log.info('proactive.sent', { person, attempt, channelId: stored.address.channelId });
        control.activityId = activityId;
        return 'sent';
      } catch (err) {
        const status = statusOf(err);
        if (status !== undefined && GONE.has(status)) {
          await this.references.remove(message.personId, conversationId);
          log.warn('proactive.gone', { person, status });
          return 'gone';
        }
        const retryable = status === undefined || status === 429 || status >= 500;
        // Never sooner than the channel asked: its Retry-After is a floor, however long (no cap).
        const asked = retryAfterMs(retryAfterOf(err));
        if (asked !== undefined) control.notBefore = Date.now() + asked;
        if (!retryable || attempt >= this.maxAttempts) {
          log.error('proactive.failed', { person, attempt, status, ...errorFields(err) });
          return 'failed';
        }
        const delayMs = Math.max(retryDelayMs(attempt, this.backoff), asked ?? 0);
        if (Date.now() + delayMs > deadline) {
          // A wait past the job's lease is the scheduler's to keep (it sets the job's due time), not ours to sleep.
          control.notBefore = Date.now() + delayMs;
          log.warn('proactive.deferred', { person, attempt, status, delayMs });
          return 'failed';
        }
        log.warn('proactive.retry', { person, attempt, status, delayMs });
        await this.sleep(delayMs);
      }
    }
  }
}

// The connector client's own pipeline would retry 429/5xx out of our sight (and multiply our attempts); this
// Sender owns retrying, so the pipeline's retry phase is removed from the client made for this one send.
function withoutSdkRetries(context: TurnContext): void {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } };
  const s = e?.statusCode ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

function retryAfterOf(err: unknown): string | undefined {
  const headers = (err as { response?: { headers?: { get?(name: string): string | undefined } } })?.response?.headers;
  return headers?.get?.('retry-after') ?? undefined;
}

/** The scheduler with every job handler, delivering through this adapter. bot/index.ts starts it after listen. */
export function createScheduler(app: AppServices, adapter: CloudAdapter, opts: { sender?: Partial<ProactiveOptions>; scheduler?: Partial<SchedulerOptions> } = {}): Scheduler {
  const sender = new ProactiveSender(adapter, app.references, { appId: app.config.microsoftAppId, render: noticeRenderer(app), ...opts.sender });
  // Safety alerts deliver themselves through the same Sender, on their own path (services/safety/delivery.ts).
  const handlers = { ...jobHandlers(app), safety_alert: safetyAlertHandler({ people: app.people, sender, openAlerts: app.supervision.openAlerts }) };
  return new Scheduler({ container: app.store.containers.schedules, handlers, sender, now: () => app.now(), ...opts.scheduler });
}
