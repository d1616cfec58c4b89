// How long to wait before trying a send (or a failed job) again: exponential with full jitter, capped, and
// never sooner than the channel asked for with Retry-After.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0..1 → a random factor; injectable so tests are exact. */
  random?: () => number;
}

/** attempt is 1 for the first retry. Retry-After (seconds or an HTTP date) wins when it asks for longer. */
export function retryDelayMs(attempt: number, opts: BackoffOptions, retryAfter?: string | null, now: Date = new Date()): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half jittered: spreads instances that failed together without ever retrying at once.
  const backoff = Math.round(ceiling / 2 + (ceiling / 2) * (opts.random ?? Math.random)());
  const asked = retryAfterMs(retryAfter, now);
  return asked === undefined ? backoff : Math.max(backoff, Math.min(asked, opts.maxMs));
}

export function retryAfterMs(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
