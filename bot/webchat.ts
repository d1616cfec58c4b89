// The local web chat channel (local mode only): serves the real Bot Framework Web Chat at / with a small
// Direct Line stand-in (web/client.js) that posts to /api/messages with expectReplies. For proactive sends the
// channel's serviceUrl is this server's /webchat/ prefix, where the Bot Connector calls the bot makes land and
// are pushed to the page over server-sent events — so continueConversationAsync works unchanged.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Next, Request, Response, Server } from 'restify';
import type { Activity } from 'botbuilder';
import type { Config } from '../services/config';
import { ensureLocalPerson, localIdentities, localRoster } from '../services/localIdentities';
import { errorFields, log } from '../services/log';
import { readJsonBody, requireJson } from './httpGuards';
import type { BotServer, RouteInstaller } from './server';
import { packagePath } from '../services/paths';
import { t } from '../services/catalogue';
import { pageLocale, renderPage, roleDescription } from './webchatPage';

export const WEBCHAT_CHANNEL_ID = 'webchat';
export const WEBCHAT_BOT = { id: 'peerreflect-bot', name: 'PeerReflect' };
/** The path prefix of the channel's serviceUrl: Bot Connector calls arrive under it. */
export const WEBCHAT_PREFIX = '/webchat';

const WEB_DIR = packagePath('web');
// The UMD bundle (React, Adaptive Cards and all) that puts window.WebChat; the package's exports map hides
// dist/, so it is found beside the package's main file.
const WEBCHAT_BUNDLE = path.resolve(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
const CONVERSATION_ID = /^webchat-[A-Za-z0-9-]{8,64}$/;
/** Proactive activities kept for a page that is not connected (a reload, a closed laptop); oldest dropped first. */
const MAX_PENDING = 50;
/** Conversations remembered in memory; the least recently used is forgotten first. */
const MAX_CONVERSATIONS = 500;
const KEEPALIVE_MS = 15_000;

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: path.join(WEB_DIR, 'index.html'), type: 'text/html; charset=utf-8' },
  [`${WEBCHAT_PREFIX}/assets/client.js`]: { file: path.join(WEB_DIR, 'client.js'), type: 'text/javascript; charset=utf-8' },
  [`${WEBCHAT_PREFIX}/assets/style.css`]: { file: path.join(WEB_DIR, 'style.css'), type: 'text/css; charset=utf-8' },
  [`${WEBCHAT_PREFIX}/assets/webchat.js`]: { file: WEBCHAT_BUNDLE, type: 'text/javascript; charset=utf-8' },
};

// Everything the page loads comes from this server; Web Chat styles itself with inline <style> tags.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";

/** The routes of the local channel, or none when Bot Framework authentication is configured. */
export function localChannelRoutes(config: Config): RouteInstaller[] {
  return config.localMode ? [installWebChat] : [];
}

interface ConversationStream {
  clients: Set<ServerResponse>;
  pending: Partial<Activity>[];
}

/** Per-conversation fan-out of proactive activities to the pages listening on server-sent events. */
export class ConversationStreams {
  private readonly conversations = new Map<string, ConversationStream>();

  private stream(conversationId: string): ConversationStream {
    let s = this.conversations.get(conversationId);
    if (s) {
      this.conversations.delete(conversationId); // re-insert: Map order is our recency order
    } else {
      s = { clients: new Set(), pending: [] };
      if (this.conversations.size >= MAX_CONVERSATIONS) this.forgetOldestIdle();
    }
    this.conversations.set(conversationId, s);
    return s;
  }

  private forgetOldestIdle(): void {
    for (const [id, s] of this.conversations) {
      if (s.clients.size === 0) {
        this.conversations.delete(id);
        return;
      }
    }
  }

  /** Sends to every connected page of the conversation, or keeps it until one connects. */
  push(conversationId: string, activity: Partial<Activity>): void {
    const s = this.stream(conversationId);
    if (s.clients.size === 0) {
      s.pending.push(activity);
      if (s.pending.length > MAX_PENDING) s.pending.shift();
      return;
    }
    for (const res of s.clients) writeEvent(res, 'activity', activity);
  }

  attach(conversationId: string, res: ServerResponse): void {
    const s = this.stream(conversationId);
    s.clients.add(res);
    for (const activity of s.pending.splice(0)) writeEvent(res, 'activity', activity);
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    res.on('close', () => {
      clearInterval(keepalive);
      s.clients.delete(res);
    });
  }

  /**
   * Tells the conversation's connected pages that the server has the activity `id` (its turn starts now, or after the
   * conversation's earlier turns): the page marks the message sent and shows the bot typing until the answer comes.
   * Never kept for a page not connected — a receipt is news only to the page that is waiting on that post.
   */
  receipt(conversationId: string, id: string): void {
    for (const res of this.conversations.get(conversationId)?.clients ?? []) writeEvent(res, 'received', { id });
  }

  listeners(conversationId: string): number {
    return this.conversations.get(conversationId)?.clients.size ?? 0;
  }
}

/** One server-sent event: an activity for the page, or the receipt of its post. */
function writeEvent(res: ServerResponse, event: 'activity' | 'received', data: object): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Installs the local web chat. Refuses to run with Bot Framework authentication configured. */
export const installWebChat: RouteInstaller = (server: Server, bot: BotServer) => {
  const { config } = bot.app;
  if (!config.localMode) throw new Error('The local web chat must not be installed when MicrosoftAppId is set');
  // Read once at start: a bad roster file stops the start with a line naming it, as a bad variable does.
  const roster = localRoster(config);
  const identities = localIdentities(roster);
  const streams = new ConversationStreams();
  const json = readJsonBody(config.maxBodyBytes);
  // The receipt of a page's post: as the server takes it (after /api/messages has read and checked it, before the bot
  // runs — so before the post waits behind the conversation's earlier turns, bot/turnGate.ts, and before a repeat waits
  // for the first run), its page hears that the server has it (docs/WEBCHAT.md). The bot queues the turn in the same
  // pass, with no I/O between, so a post the page sends once it has this receipt runs after this one.
  bot.adapter.use(async (context, next) => {
    const { activity } = context;
    const conversationId = activity.conversation?.id ?? '';
    if (activity.channelId === WEBCHAT_CHANNEL_ID && activity.deliveryMode === 'expectReplies' && activity.id && CONVERSATION_ID.test(conversationId)) {
      streams.receipt(conversationId, activity.id);
    }
    await next();
  });

  for (const [route, asset] of Object.entries(STATIC)) {
    server.get(route, (req: Request, res: Response, next: Next) => {
      res.writeHead(200, {
        'content-type': asset.type,
        'cache-control': route === '/' ? 'no-cache' : 'max-age=3600',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        ...(route === '/' ? { vary: 'accept-language' } : {}),
      });
      // The page is filled with the words of the browser's language (bot/webchatPage.ts); the assets are files.
      if (route === '/') {
        res.end(renderPage(asset.file, pageLocale(req.header('accept-language'))));
        return next(false);
      }
      fs.createReadStream(asset.file)
        .on('error', (err) => {
          log.error('webchat.asset_failed', errorFields(err));
          res.end();
        })
        .pipe(res);
      next(false);
    });
  }

  server.get(`${WEBCHAT_PREFIX}/identities`, (req: Request, res: Response, next: Next) => {
    const locale = pageLocale(req.header('accept-language'));
    res.send(200, { identities: identities.map((i) => ({ ...i, description: roleDescription(i.role, locale) })) });
    next();
  });

  // Starts (or resumes, after a reload) a session: the person for the chosen identity exists with its role,
  // and the page learns the conversation id and the serviceUrl to stamp on its activities.
  server.post(`${WEBCHAT_PREFIX}/sessions`, requireJson, json, async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { identityId?: unknown; conversationId?: unknown };
    const identity = identities.find((i) => i.id === body.identityId);
    if (!identity) {
      res.send(400, { error: 'unknown_identity', message: t('web.unknownIdentity', {}, pageLocale(req.header('accept-language'))) });
      return;
    }
    try {
      const { person, created, problems } = await ensureLocalPerson(bot.app, roster, identity.id);
      if (problems.length) log.warn('webchat.roster_problems', { count: problems.length });
      const resumed = typeof body.conversationId === 'string' && CONVERSATION_ID.test(body.conversationId);
      const conversationId = resumed ? (body.conversationId as string) : `webchat-${randomUUID()}`;
      log.info('webchat.session', { person: person.id.slice(0, 8), kind: resumed ? 'resumed' : 'new', status: created ? 'created' : 'existing' });
      res.send(200, {
        conversationId,
        resumed,
        serviceUrl: serviceUrlOf(server, config),
        channelId: WEBCHAT_CHANNEL_ID,
        user: { id: identity.id, name: identity.name, role: identity.role },
        bot: WEBCHAT_BOT,
      });
    } catch (err) {
      log.error('webchat.session_failed', errorFields(err));
      res.send(503, { error: 'unavailable', message: t('web.startFailed', {}, pageLocale(req.header('accept-language'))) });
    }
  });

  server.get(`${WEBCHAT_PREFIX}/conversations/:conversationId/events`, (req: Request, res: Response, next: Next) => {
    const conversationId = String(req.params.conversationId);
    if (!CONVERSATION_ID.test(conversationId)) {
      res.send(404, { error: 'not_found' });
      return next(false);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 2000\n\n');
    streams.attach(conversationId, res);
    return next(false);
  });

  // The Bot Connector calls a proactive (or normal-delivery) send makes against our serviceUrl.
  const connectorSend = async (req: Request, res: Response) => {
    const conversationId = String(req.params.conversationId);
    const activity = (req.body ?? {}) as Partial<Activity>;
    if (!CONVERSATION_ID.test(conversationId) || typeof activity.type !== 'string') {
      res.send(400, { error: { code: 'BadArgument', message: 'Unknown conversation or activity.' } });
      return;
    }
    const id = typeof req.params.activityId === 'string' && req.method === 'PUT' ? req.params.activityId : `srv-${randomUUID()}`;
    streams.push(conversationId, { ...activity, id });
    log.debug('webchat.delivered', { activityType: activity.type, count: streams.listeners(conversationId) });
    res.send(200, { id });
  };
  const v3 = `${WEBCHAT_PREFIX}/v3/conversations/:conversationId/activities`;
  server.post(v3, requireJson, json, connectorSend);
  server.post(`${v3}/:activityId`, requireJson, json, connectorSend);
  server.put(`${v3}/:activityId`, requireJson, json, connectorSend);
};

/** The serviceUrl the bot calls back on: this very server, over loopback when it listens on every interface. */
function serviceUrlOf(server: Server, config: Config): string {
  const { port } = server.address();
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}${WEBCHAT_PREFIX}/`;
}
