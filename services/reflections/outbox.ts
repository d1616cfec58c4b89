// A durable outbox for finished reflections that could not be saved because storage was down. The
// de-identified document (nothing else) is written to a spool file under DATA_DIR — atomically, so a crash
// leaves either the whole file or none — and delivered with backoff until Cosmos answers. Delivery is
// idempotent (the reflection's fixed id makes a repeat a 409), so a file delivered twice, or delivered by
// the dialog and the outbox both, still makes one reflection.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { errorFields, log } from '../log';
import { backoffDelay, type BackoffOptions } from '../backoff';
import { isStorageUnavailable } from '../storage/retry';
import type { CommitExtras } from './commit';
import type { ReflectionDoc } from './model';

/** `extras`: what the saving turn knows (commit.ts); only the document is kept in the spool. */
export type Deliver = (doc: ReflectionDoc, extras?: CommitExtras) => Promise<void>;

/** Flush retry timing (defaults: 1 s, capped at 60 s). */
export type OutboxOptions = Partial<BackoffOptions>;

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export class ReflectionOutbox {
  private timer?: NodeJS.Timeout;
  private attempt = 0;
  private flushing?: Promise<number>;
  private stopped = false;

  constructor(private readonly dir: string, private readonly deliver: Deliver, private readonly opts: OutboxOptions = {}) {}

  /** Delivers now; when storage is unavailable keeps the document in the spool and says so ('kept'). */
  async submit(doc: ReflectionDoc, extras?: CommitExtras): Promise<'saved' | 'kept'> {
    try {
      await this.deliver(doc, extras);
      return 'saved';
    } catch (err) {
      if (!isStorageUnavailable(err)) throw err;
      this.keep(doc);
      log.warn('outbox.kept', { count: this.pending(), ...errorFields(err) });
      this.schedule();
      return 'kept';
    }
  }

  /** Writes the document to the spool: temp file, fsync, rename (atomic on one file system). */
  keep(doc: ReflectionDoc): void {
    if (!SAFE_ID.test(doc.id)) throw new Error('reflection id is not a safe file name');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const final = path.join(this.dir, `${doc.id}.json`);
    const tmp = `${final}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(doc));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, final);
  }

  /** Ids waiting in the spool. */
  waiting(): string[] {
    try {
      return readdirSync(this.dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    } catch {
      return [];
    }
  }

  pending(): number {
    return this.waiting().length;
  }

  /** Removes a person's reflections from the spool (delete my data), so none is saved after deletion. */
  discard(psw: string): number {
    let count = 0;
    for (const id of this.waiting()) {
      const file = path.join(this.dir, `${id}.json`);
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as ReflectionDoc).psw !== psw) continue;
        unlinkSync(file);
        count++;
      } catch (err) {
        log.warn('outbox.discard_failed', errorFields(err));
      }
    }
    return count;
  }

  /** Tries to deliver everything waiting; resolves with how many remain. One flush at a time. */
  flush(): Promise<number> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Starts delivering what a previous run left in the spool; later flushes follow failures with backoff. */
  start(): void {
    this.stopped = false;
    if (this.pending() > 0) this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async flushOnce(): Promise<number> {
    for (const id of this.waiting()) {
      const file = path.join(this.dir, `${id}.json`);
      let doc: ReflectionDoc;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8')) as ReflectionDoc;
      } catch (err) {
        log.error('outbox.unreadable', errorFields(err)); // left in place for a person to look at; never deleted unread
        continue;
      }
      try {
        await this.deliver(doc);
        unlinkSync(file);
        log.info('outbox.delivered', { count: 1 });
      } catch (err) {
        log.warn('outbox.deliver_failed', errorFields(err));
        if (isStorageUnavailable(err)) break; // still down: keep the rest for the next attempt
      }
    }
    return this.pending();
  }

  private schedule(delay?: number): void {
    if (this.timer || this.stopped) return;
    this.attempt++;
    const ms = delay ?? backoffDelay(this.attempt, { baseMs: 1000, maxMs: 60_000, ...this.opts });
    this.timer = setTimeout(async () => {
      this.timer = undefined;
      const remaining = await this.flush();
      if (remaining > 0) this.schedule();
      else this.attempt = 0;
    }, ms);
    this.timer.unref();
  }
}
