// Structured logging with a closed vocabulary: only allow-listed keys with ids, counts, durations and
// codes may be logged. Message text and card values never pass, whatever a caller hands in (rule 2).
import pino from 'pino';

/** Keys that may carry values; anything else is dropped. */
const ALLOWED = new Set([
  'requestId', 'activityId', 'conversation', 'person', 'channelId', 'activityType', 'dialogId', 'step', 'command',
  'durationMs', 'status', 'count', 'attempt', 'delayMs', 'errorName', 'errorCode', 'errorId', 'container', 'operation',
  'port', 'url', 'mode', 'stage', 'movement', 'kind', 'charge', 'bytes', 'limit', 'signal', 'pending', 'jobId', 'due',
]);
// A string value must look like an id or a code: no spaces, bounded. Free text (which has spaces) cannot slip in.
const SAFE_STRING = /^[\w.:/@+=-]{0,120}$/;

export type LogFields = Record<string, string | number | boolean | undefined | null>;
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug';

let sink = pino({ level: process.env.LOG_LEVEL || 'info', base: undefined, timestamp: pino.stdTimeFunctions.isoTime });

/** Replaces the pino destination (tests capture lines this way). */
export function setLogSink(logger: pino.Logger): void {
  sink = logger;
}

export function setLogLevel(level: string): void {
  sink.level = level;
}

export function safeFields(fields: LogFields = {}): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (!ALLOWED.has(k) || v === undefined || v === null) continue;
    if (typeof v === 'string') out[k] = SAFE_STRING.test(v) ? v : '[dropped]';
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

/** The only shape an error is logged in: its class name and code, never its message (it may quote data). */
export function errorFields(err: unknown): LogFields {
  const e = err as { name?: unknown; code?: unknown; statusCode?: unknown };
  const code = e?.code ?? e?.statusCode;
  return {
    errorName: typeof e?.name === 'string' ? e.name : typeof err,
    errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined,
  };
}

function write(level: LogLevel, event: string, fields?: LogFields): void {
  sink[level]({ event: SAFE_STRING.test(event) ? event : '[dropped]', ...safeFields(fields) });
}

export const log = {
  fatal: (event: string, fields?: LogFields) => write('fatal', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  debug: (event: string, fields?: LogFields) => write('debug', event, fields),
};
