// How long to wait before trying again after a failure, for every retry in the project (storage requests, the
// reflection outbox, proactive sends, scheduled jobs): exponential backoff with full jitter — a uniformly random
// wait between 0 and a ceiling that doubles each attempt up to a cap ("Exponential Backoff And Jitter", AWS
// Architecture Blog, 2015). Instances that failed together spread out instead of retrying in step.

export interface BackoffOptions {
  /** The ceiling of the first retry's wait; it doubles each attempt. */
  baseMs: number;
  /** The ceiling never grows beyond this. */
  maxMs: number;
  /** A number in [0, 1); injectable so tests are exact. Math.random by default. */
  random?: () => number;
}

/** The wait before retry number `attempt` (1 for the first retry): uniform in [0, min(maxMs, baseMs · 2^(attempt−1))]. */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (opts.random ?? Math.random)());
}

/** backoffDelay, but never sooner than the other side asked with Retry-After (seconds or an HTTP date), within maxMs. */
export function retryDelayMs(attempt: number, opts: BackoffOptions, retryAfter?: string | null, now: Date = new Date()): number {
  const backoff = backoffDelay(attempt, opts);
  const asked = retryAfterMs(retryAfter, now);
  return asked === undefined ? backoff : Math.max(backoff, Math.min(asked, opts.maxMs));
}

/** A Retry-After header's value in ms: seconds, or an HTTP date; undefined when it can't be read. */
export function retryAfterMs(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
