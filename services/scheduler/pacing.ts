// A token bucket per conversation, so proactive sends stay within Teams' limits (about 7 messages a second
// per conversation, with short bursts). Pure: the caller passes the time and sleeps for what it is told.

export interface PacingOptions {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: the burst allowed after a quiet spell. */
  burst: number;
  /** Buckets kept; the oldest idle ones are forgotten first. */
  maxKeys?: number;
}

export class Pacer {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly opts: PacingOptions) {}

  /** Takes a token for `key` at time `nowMs` and returns how long to wait (ms) before sending; 0 means now. */
  take(key: string, nowMs: number): number {
    const { ratePerSecond, burst } = this.opts;
    let b = this.buckets.get(key);
    if (b) this.buckets.delete(key);
    else b = { tokens: burst, at: nowMs };
    b.tokens = Math.min(burst, b.tokens + ((nowMs - b.at) / 1000) * ratePerSecond);
    b.at = nowMs;
    b.tokens -= 1;
    this.buckets.set(key, b); // re-inserted: Map order is least recently used first
    if (this.buckets.size > (this.opts.maxKeys ?? 10_000)) this.buckets.delete(this.buckets.keys().next().value as string);
    return b.tokens >= 0 ? 0 : Math.ceil((-b.tokens / ratePerSecond) * 1000);
  }
}
