// Structured logging with a closed vocabulary: only allow-listed keys with ids, counts, durations and
// codes may be logged. Message text and card values never pass, whatever a caller hands in (rule 2).
import pino from 'pino';
import { PACKAGE_ROOT } from './paths';

/** Keys that may carry values; anything else is dropped. */
const ALLOWED = new Set([
  'requestId', 'activityId', 'conversation', 'person', 'channelId', 'activityType', 'dialogId', 'step', 'command',
  'durationMs', 'status', 'count', 'attempt', 'delayMs', 'errorName', 'errorCode', 'errorId', 'container', 'operation',
  'port', 'url', 'mode', 'stage', 'movement', 'kind', 'charge', 'bytes', 'limit', 'signal', 'pending', 'jobId', 'due',
  'stack',
]);
// A string value must look like an id or a code: no spaces, bounded. Free text (which has spaces) cannot slip in.
const SAFE_STRING = /^[\w.:/@+=-]{0,120}$/;
// One stack frame as V8 prints it, reduced to code locations: `at fn (file:line:col)`, `at file:line:col`.
// Function names and paths come from code; a line of anything else (message text) never matches.
const FRAME = /^at (?:(?:new |async )?[\w$.<>[\]]{1,120}(?: \[as [\w$]{1,60}\])? \()?(?:[\w$./@+-]{1,240}|node:[\w/]{1,120})(?::\d+:\d+)?\)?$/;
const MAX_FRAMES = 12;

export type LogFields = Record<string, string | number | boolean | undefined | null>;
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug';

let sink = pino({ level: process.env.LOG_LEVEL || 'info', base: undefined, timestamp: pino.stdTimeFunctions.isoTime });

/** Replaces the pino destination (tests capture lines this way) and returns the one it replaced, to put back. */
export function setLogSink(logger: pino.Logger): pino.Logger {
  const previous = sink;
  sink = logger;
  return previous;
}

export function setLogLevel(level: string): void {
  sink.level = level;
}

export function safeFields(fields: LogFields = {}): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (!ALLOWED.has(k) || v === undefined || v === null) continue;
    if (k === 'stack') {
      const frames = typeof v === 'string' ? framesOnly(v) : '';
      if (frames) out.stack = frames;
    } else if (typeof v === 'string') out[k] = SAFE_STRING.test(v) ? v : '[dropped]';
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

/** Keeps the frame lines of a stack (paths relative to the package), up to MAX_FRAMES; drops every other line. */
function framesOnly(stack: string): string {
  const frames: string[] = [];
  for (const raw of stack.split('\n')) {
    const line = raw.trim().split(`${PACKAGE_ROOT}/`).join('');
    if (FRAME.test(line)) frames.push(line);
    if (frames.length === MAX_FRAMES) break;
  }
  return frames.join('\n');
}

/**
 * The only shape an error is logged in: its class name, code and stack frames — never its message (it may quote
 * data). The message is cut off the stack first, so even a message shaped like a frame cannot pass.
 */
export function errorFields(err: unknown): LogFields {
  const e = err as { name?: unknown; code?: unknown; statusCode?: unknown; stack?: unknown };
  const code = e?.code ?? e?.statusCode;
  let stack: string | undefined;
  if (err instanceof Error && typeof err.stack === 'string') {
    const header = String(err);
    stack = framesOnly(err.stack.startsWith(header) ? err.stack.slice(header.length) : err.stack.split('\n').slice(1).join('\n'));
  }
  return {
    errorName: typeof e?.name === 'string' ? e.name : typeof err,
    errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    stack: stack || undefined,
  };
}

function write(level: LogLevel, event: string, fields?: LogFields): void {
  sink[level]({ event: SAFE_STRING.test(event) ? event : '[dropped]', ...safeFields(fields) });
}

/**
 * Third-party code (the Bot Framework SDK) writes to console.error and console.warn with whatever it holds: tokens,
 * signing keys, message text. Each such line becomes one event with the error's name and frames, nothing else.
 */
export function routeConsoleToLog(): void {
  const asEvent = (event: string) => (...args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    write('warn', event, err ? errorFields(err) : { count: args.length });
  };
  console.error = asEvent('console.error');
  console.warn = asEvent('console.warn');
}

export const log = {
  fatal: (event: string, fields?: LogFields) => write('fatal', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  debug: (event: string, fields?: LogFields) => write('debug', event, fields),
};
