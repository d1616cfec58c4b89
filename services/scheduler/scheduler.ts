// The one scheduler: polls `schedules` for due jobs of every kind, claims each with an etag-guarded lease, runs
// its handler, delivers the messages through a Sender, then reschedules or deletes the job — every write
// If-Match, so any number of instances can run it. A claim moves `due` to the end of the lease, so a job whose
// instance died simply becomes due again when the lease expires: nothing is lost on restart.
//
// Sent once, as far as a channel allows: every message the channel accepts is recorded in the job (with the
// activity id the channel gave it) in the very next store write, before anything else happens and while the lease
// holds, and a run that takes over after a crash sends only what is not recorded. The one gap is an instance that
// dies between the channel's answer and that write (one store round trip): the takeover sends that message again.
// No send, nor a wait before a retry, is started past the lease's margin, so a lease never runs out mid-send.
import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { errorFields, log } from '../log';
import { stripSystem } from '../storage/documents';
import { retryDelayMs, type BackoffOptions } from '../backoff';
import type { Job, JobHandler, JobKind, JobOutcome, OutgoingMessage } from './job';
import { withSpan } from '../telemetry';

/**
 * sent: delivered. no_reference: we have no address for the person. gone: the channel said the bot was removed or
 * the conversation no longer exists (the Sender has dropped the reference). failed: still failing after retries.
 */
export type Delivery = 'sent' | 'no_reference' | 'gone' | 'failed';

/** What a send may take, and what the Sender tells back besides the Delivery. */
export interface SendControl {
  /** Epoch ms past which nothing is sent or waited for; the Sender answers 'failed' instead (and sets notBefore). */
  deadline?: number;
  /** Set by the Sender on 'sent': the id the channel gave the activity. */
  activityId?: string;
  /** Set by the Sender on 'failed': the earliest epoch ms the channel will take another try (its Retry-After). */
  notBefore?: number;
}

export interface Sender {
  send(message: OutgoingMessage, control?: SendControl): Promise<Delivery>;
}

export type JobHandlers = Partial<Record<JobKind, JobHandler>>;

/** A job as stored while part of its outcome is still to be delivered. */
interface StoredJob extends Job {
  /** What a run decided but could not yet deliver; the next run delivers it without running the handler again. */
  outbox?: JobOutcome;
  /** outbox.messages already done, by index: the channel's activity id for a sent one, or why it was dropped. */
  done?: Record<string, string>;
  _etag?: string;
}

export interface SchedulerOptions {
  container: Container;
  handlers: JobHandlers;
  sender: Sender;
  now: () => Date;
  /** This instance's name in leaseOwner. */
  owner?: string;
  leaseMs?: number;
  pollMs?: number;
  /** Due jobs read per poll (TOP n). */
  batch?: number;
  /** Jobs run at once by this instance. */
  concurrency?: number;
  /** Delay before a job whose handler or delivery failed runs again. */
  retry?: BackoffOptions;
  /** Failed runs after which undeliverable messages are given up (the job itself keeps its schedule). */
  maxAttempts?: number;
}

export interface RunSummary {
  due: number;
  claimed: number;
  sent: number;
  dropped: number;
  failed: number;
}

type Result = 'lost' | 'done' | 'retry';

export class Scheduler {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly concurrency: number;
  private readonly retry: BackoffOptions;
  private readonly maxAttempts: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(private readonly opts: SchedulerOptions) {
    this.owner = opts.owner ?? `sched-${randomUUID().slice(0, 8)}`;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.pollMs = opts.pollMs ?? 15_000;
    this.batch = opts.batch ?? 25;
    this.concurrency = opts.concurrency ?? 4;
    this.retry = opts.retry ?? { baseMs: 60_000, maxMs: 6 * 3600_000 };
    this.maxAttempts = opts.maxAttempts ?? 8;
  }

  /** Polls every pollMs until stop(). The first poll runs at once. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      this.running = this.runDue().catch((err) => log.error('scheduler.poll_failed', errorFields(err)));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(() => void loop(), this.pollMs);
    };
    void loop();
    log.info('scheduler.started', { mode: this.owner, delayMs: this.pollMs });
  }

  /** Stops polling and waits for the jobs in hand; a job cut off mid-way is picked up when its lease expires. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One poll: reads up to `batch` due jobs and runs them. Public so tests drive it with a fake clock. */
  async runDue(): Promise<RunSummary> {
    const now = this.opts.now();
    const { resources } = await this.opts.container.items
      .query<StoredJob>({
        query: 'SELECT TOP @n * FROM c WHERE c.due <= @now ORDER BY c.due',
        parameters: [{ name: '@n', value: this.batch }, { name: '@now', value: now.toISOString() }],
      })
      .fetchAll();
    const summary: RunSummary = { due: resources.length, claimed: 0, sent: 0, dropped: 0, failed: 0 };
    const queue = [...resources];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        try {
          await withSpan('job', { jobId: job.id, kind: job.kind }, () => this.runJob(job, summary));
        } catch (err) {
          log.error('job.run_failed', { jobId: job.id, kind: job.kind, ...errorFields(err) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    if (summary.due > 0) log.info('scheduler.ran', { count: summary.claimed, status: `${summary.sent}/${summary.dropped}/${summary.failed}` });
    return summary;
  }

  private async runJob(found: StoredJob, summary: RunSummary): Promise<Result> {
    const now = this.opts.now();
    const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
    const job: StoredJob = { ...stripSystem(found), leaseOwner: this.owner, leaseUntil, due: leaseUntil };
    const claimed = await this.write(found.id, found._etag, job);
    if (!claimed) return 'lost'; // another instance claimed it first
    summary.claimed++;

    let outcome: JobOutcome;
    let etag = claimed;
    if (found.outbox) {
      outcome = found.outbox;
    } else {
      const handler = this.opts.handlers[found.kind];
      if (!handler) {
        log.warn('job.no_handler', { jobId: found.id, kind: found.kind });
        await this.release(job, etag, { due: new Date(now.getTime() + 3600_000).toISOString() });
        return 'retry';
      }
      try {
        // The handler sees the job as it was found (its real due time), not the lease.
        outcome = await handler(stripSystem(found), now);
      } catch (err) {
        const attempts = found.attempts + 1;
        log.error('job.handler_failed', { jobId: found.id, kind: found.kind, attempt: attempts, ...errorFields(err) });
        await this.release(job, etag, { attempts, due: this.retryAt(attempts) });
        return 'retry';
      }
    }

    // Deliver what is not done yet. A person the channel says is gone gets nothing more from this job.
    const done: Record<string, string> = { ...(found.outbox ? found.done : {}) };
    const gone = new Set<string>();
    const messages = outcome.messages;
    // Nothing is started past this point, so the record of a send is written while the lease still holds.
    const deadline = Date.parse(leaseUntil) - this.leaseMs / 5;
    let notBefore: number | undefined;
    let stopped = false;
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i];
      if (done[i] !== undefined) continue; // recorded by an earlier run: never sent twice
      if (gone.has(m.personId)) {
        done[i] = 'gone';
        continue;
      }
      if (this.opts.now().getTime() > deadline) {
        stopped = true; // lease nearly over: hand the rest to the next run rather than risk a double send
        break;
      }
      const control: SendControl = { deadline };
      const delivery = await this.opts.sender.send(m, control);
      if (delivery === 'failed') {
        notBefore = control.notBefore;
        stopped = true;
        break;
      }
      done[i] = delivery === 'sent' ? control.activityId || 'sent' : delivery;
      if (delivery === 'sent') {
        summary.sent++;
        // The record first: a run that takes over after a crash reads it and does not send this again.
        const recorded = await this.write(found.id, etag, { ...job, outbox: outcome, done });
        if (recorded === undefined) {
          log.warn('job.changed_while_running', { jobId: found.id, kind: found.kind });
          return 'lost';
        }
        etag = recorded;
      } else {
        gone.add(m.personId);
        summary.dropped++;
        log.info('job.recipient_dropped', { jobId: found.id, kind: found.kind, status: delivery });
      }
    }
    const remaining = stopped ? messages.filter((m, i) => done[i] === undefined && !gone.has(m.personId)).length : 0;

    if (remaining > 0) {
      const attempts = found.attempts + 1;
      if (attempts < this.maxAttempts) {
        summary.failed++;
        log.warn('job.delivery_deferred', { jobId: found.id, kind: found.kind, attempt: attempts, count: remaining });
        // Never sooner than the channel asked (Retry-After), however short our own backoff.
        const retryAt = this.retryAt(attempts);
        const due = notBefore !== undefined && notBefore > Date.parse(retryAt) ? new Date(notBefore).toISOString() : retryAt;
        await this.release(job, etag, { attempts, due, outbox: outcome, done });
        return 'retry';
      }
      summary.failed++;
      log.error('job.delivery_given_up', { jobId: found.id, kind: found.kind, attempt: attempts, count: remaining });
    }

    // Reschedule or finish. If the job changed meanwhile (a person set a new reminder time), their version stands.
    const base = withoutRun(job);
    if (outcome.next) {
      const next: StoredJob = { ...base, due: outcome.next, payload: outcome.payload ?? found.payload, attempts: 0 };
      if (!(await this.write(found.id, etag, next))) log.info('job.changed_while_running', { jobId: found.id, kind: found.kind });
    } else {
      try {
        await this.opts.container.item(found.id, found.id).delete({ accessCondition: { type: 'IfMatch', condition: etag } });
      } catch (err) {
        const code = (err as { code?: number }).code;
        if (code !== 412 && code !== 404) throw err;
        log.info('job.changed_while_running', { jobId: found.id, kind: found.kind });
      }
    }
    return 'done';
  }

  /** Gives the job back unleased with the given changes. */
  private async release(job: StoredJob, etag: string, changes: Partial<StoredJob>): Promise<void> {
    const next: StoredJob = { ...withoutRun(job), ...changes };
    if (!changes.outbox && job.outbox) [next.outbox, next.done] = [job.outbox, job.done];
    if (!(await this.write(job.id, etag, next))) log.info('job.changed_while_running', { jobId: job.id, kind: job.kind });
  }

  private retryAt(attempts: number): string {
    return new Date(this.opts.now().getTime() + retryDelayMs(attempts, this.retry)).toISOString();
  }

  /** Replaces the job If-Match etag; resolves the new etag, or undefined when someone else changed or removed it. */
  private async write(id: string, etag: string | undefined, doc: StoredJob): Promise<string | undefined> {
    const body = { ...doc };
    delete body._etag;
    try {
      const { etag: next } = await this.opts.container
        .item(id, id)
        .replace(body, etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined);
      return next ?? '';
    } catch (err) {
      const code = (err as { code?: number }).code;
      if (code === 412 || code === 404) return undefined;
      throw err;
    }
  }
}

function withoutRun(job: StoredJob): StoredJob {
  const { leaseOwner: _o, leaseUntil: _u, outbox: _b, done: _d, ...rest } = job;
  return rest;
}
