// Guards in front of POST /api/messages: each refuses one kind of bad request with a 4xx and a short JSON
// `{ error, message }` before the Bot Framework adapter sees it, so nothing a sender can put in a request
// reaches the adapter as a shape it would crash on (a 500) or an apology turn.
import Ajv from 'ajv';
import { AuthenticationError } from 'botframework-connector';
import type { Next, Request, RequestHandler, Response } from 'restify';

export interface Refusal {
  error: string;
  message: string;
}

function refuse(res: Response, next: Next, status: number, body: Refusal): void {
  res.send(status, body);
  next(false);
}

/** 415 for anything but application/json (a form post or text body would otherwise fail confusingly later). */
export const requireJson: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) return refuse(res, next, 415, { error: 'unsupported_media_type', message: 'Send the activity as application/json.' });
  return next();
};

/**
 * With Bot Framework authentication on, a request with no bearer token is refused here with 401 before its
 * body is read. A present token is verified by the CloudAdapter (signature, issuer, audience), which also
 * answers 401 when it fails.
 */
export function requireBearer(localMode: boolean): RequestHandler {
  return (req, res, next) => {
    if (localMode || /^Bearer \S+$/.test(req.header('authorization') ?? '')) return next();
    return refuse(res, next, 401, { error: 'unauthorized', message: 'A Bot Framework token is required.' });
  };
}

/** Reads the body up to maxBytes and parses it; 413 beyond the limit, 400 for bad JSON or keys that could pollute prototypes. */
export function readJsonBody(maxBytes: number): RequestHandler {
  const tooLarge: Refusal = { error: 'payload_too_large', message: `The activity is larger than the ${maxBytes}-byte limit (MAX_BODY_BYTES).` };
  return (req, res, next) => {
    const declared = Number(req.header('content-length') ?? NaN);
    if (declared > maxBytes) {
      res.setHeader('connection', 'close');
      return refuse(res, next, 413, tooLarge);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      fn();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish(() => {
          res.setHeader('connection', 'close');
          refuse(res, next, 413, tooLarge);
        });
        return;
      }
      if (!done) chunks.push(chunk);
    });
    req.on('error', () => finish(() => next(false)));
    req.on('end', () =>
      finish(() => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'), noPrototypeKeys);
        } catch (err) {
          const polluting = err instanceof PrototypeKeyError;
          return refuse(res, next, 400, polluting
            ? { error: 'bad_activity', message: 'The activity contains a reserved key (__proto__, constructor or prototype).' }
            : { error: 'invalid_json', message: 'The body is not valid JSON.' });
        }
        req.body = body;
        return next();
      }),
    );
  };
}

class PrototypeKeyError extends Error {}
function noPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new PrototypeKeyError();
  return value;
}

const str = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max });
const account = { type: 'object', required: ['id'], properties: { id: str(512, 1), name: str(512), aadObjectId: str(128), role: str(64) } };

/**
 * The fields the bot relies on, with the types it relies on. Everything else in an activity is left alone
 * (channels add fields over time). Card submission values are checked later, by each card's own schema.
 */
export const ACTIVITY_SCHEMA = {
  type: 'object',
  required: ['type', 'channelId', 'serviceUrl', 'conversation', 'from'],
  properties: {
    type: str(64, 1),
    id: str(512),
    channelId: str(64, 1),
    serviceUrl: { ...str(2048, 1), pattern: '^https?://' },
    conversation: { type: 'object', required: ['id'], properties: { id: str(1024, 1), conversationType: str(64), tenantId: str(128), isGroup: { type: 'boolean' } } },
    from: account,
    recipient: account,
    text: { type: 'string' },
    locale: str(64),
    deliveryMode: str(64),
    replyToId: str(512),
    name: str(256),
    timestamp: str(64),
    localTimestamp: str(64),
    membersAdded: { type: 'array', maxItems: 256, items: account },
    membersRemoved: { type: 'array', maxItems: 256, items: account },
    attachments: { type: 'array', maxItems: 64, items: { type: 'object' } },
    entities: { type: 'array', maxItems: 64, items: { type: 'object' } },
    channelData: { type: 'object' },
  },
} as const;

const validateActivity = new Ajv({ allErrors: false }).compile(ACTIVITY_SCHEMA);

/** 400 naming the first field that is missing or of the wrong type; never echoes the value sent. */
export const requireActivityShape: RequestHandler = (req: Request, res, next) => {
  const body = req.body as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return refuse(res, next, 400, { error: 'bad_activity', message: 'The body must be one activity object.' });
  }
  if (validateActivity(body)) return next();
  const e = validateActivity.errors![0];
  const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : undefined;
  const field = [e.instancePath.slice(1).replace(/\//g, '.'), missing].filter(Boolean).join('.') || 'activity';
  return refuse(res, next, 400, {
    error: 'bad_activity',
    message: missing ? `The activity is missing "${field}".` : `The activity field "${field}" ${e.message ?? 'is invalid'}.`,
  });
};

/** What CloudAdapter.process would do before processing: ISO date strings become Dates (the raw string is kept). */
export function withDates<T extends object>(activity: T): T {
  const a = activity as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']]) {
    if (typeof a[field] !== 'string') continue;
    a[raw] = a[field];
    const date = new Date(a[field] as string);
    a[field] = Number.isNaN(date.getTime()) ? undefined : date;
  }
  return activity;
}

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * Maps a failure to authenticate to its answer: 401 when the token is bad (whatever the validator threw), 503
 * when the Bot Framework signing keys could not be fetched to check it (documented: the only 5xx a sender
 * can cause, and only while login.botframework.com is unreachable). Anything else is not an auth failure.
 */
export function authFailure(err: unknown): { status: 401 | 503; body: Refusal } | undefined {
  const tokenBad = TOKEN_ERRORS.has((err as Error)?.name) || (err instanceof AuthenticationError && err.statusCode === 401);
  if (tokenBad) return { status: 401, body: { error: 'unauthorized', message: 'The Bot Framework token is not valid.' } };
  // Key download failures: AuthenticationError with 500, or node-fetch's FetchError (type 'system') when offline.
  if (err instanceof AuthenticationError || (err as { type?: string })?.type === 'system') {
    return { status: 503, body: { error: 'auth_unavailable', message: 'The token could not be checked right now; try again shortly.' } };
  }
  return undefined;
}
