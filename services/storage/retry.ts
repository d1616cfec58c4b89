// Retries at the Cosmos client boundary. The SDK already retries 429 (configured by RETRY_OPTIONS below)
// but not 503, timeouts or dropped connections on writes; the request plugin here retries those with
// jittered exponential backoff (services/backoff.ts) inside a time budget, so a turn waits a few seconds at
// most before the caller hears "storage unavailable" and can say so (isStorageUnavailable).
import type { PluginConfig, RequestContext, RetryOptions } from '@azure/cosmos';
import { backoffDelay, type BackoffOptions } from '../backoff';
import { log } from '../log';

/** 429s: the SDK waits the server's retry-after, up to this many times and seconds in all. */
export const RETRY_OPTIONS: RetryOptions = { maxRetryAttemptCount: 8, maxWaitTimeInSeconds: 8 };

export interface RequestRetryOptions extends BackoffOptions {
  /** No new attempt starts once this much time has passed since the first. */
  budgetMs: number;
}

export const REQUEST_BACKOFF: RequestRetryOptions = { baseMs: 100, maxMs: 2000, budgetMs: 8000 };

const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'REQUEST_SEND_ERROR', 'TimeoutError']);

/** A fault that may clear by itself: throttling, service unavailable, timeouts, connections refused or dropped. */
export function isTransient(err: unknown): boolean {
  const e = err as { code?: unknown; statusCode?: unknown; name?: unknown; cause?: unknown } | undefined;
  if (!e) return false;
  const code = e.code ?? e.statusCode;
  if (code === 429 || code === 503 || code === 408 || code === 449) return true;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (e.name === 'TimeoutError') return true;
  return e.cause !== undefined && e.cause !== err && isTransient(e.cause);
}

/** After the retries above: storage is down or overloaded (not a conflict, not a bad request, not a bug). */
export const isStorageUnavailable = isTransient;

/**
 * Repeating a request is safe unless it is a PATCH (an increment would apply twice) or a batch. Creates are
 * repeated too: a create whose first attempt landed answers 409, which the fixed-id callers treat as done.
 */
function safeToRepeat(ctx: RequestContext): boolean {
  return ctx.method !== 'PATCH' && ctx.operationType !== 'batch';
}

/** The request plugin: retries transient faults other than 429 (the SDK's throttle policy, outside, does those). */
export function retryPlugin(opts: RequestRetryOptions = REQUEST_BACKOFF, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): PluginConfig {
  return {
    on: 'request',
    plugin: async (ctx, _diag, next) => {
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        try {
          return await next(ctx);
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          const delay = backoffDelay(attempt, opts);
          if (code === 429 || !isTransient(err) || !safeToRepeat(ctx) || Date.now() - started + delay > opts.budgetMs) throw err;
          log.warn('storage.retry', { attempt, delayMs: delay, errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined, operation: ctx.operationType });
          await sleep(delay);
        }
      }
    },
  };
}
