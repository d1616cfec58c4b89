// The HTTP face of the bot: POST /api/messages, GET /healthz, and whatever extra routes a channel adds
// (the local web chat). Tracks in-flight turns so shutdown can let them finish.
import restify, { type Server } from 'restify';
import { ConversationState, type Activity } from 'botbuilder';
import type { AppServices } from '../services/app';
import { errorFields, log } from '../services/log';
import { BOT_STATE_CONTAINER } from '../services/storage/containers';
import { createAdapter } from './adapter';
import { PeerReflectBot } from './peerReflectBot';
import { buildDialogs, type BuiltDialogs } from '../dialogs';
import { cosmosStateStorage, EtagCheckedStorage } from './stateStorage';
import { authFailure, readJsonBody, requireActivityShape, requireBearer, requireJson, withDates } from './httpGuards';
import { requireLoopbackHost, requireLoopbackServiceUrl } from './loopback';
import { withSpan } from '../services/telemetry';

/** How long an idle keep-alive connection stays open: past Azure App Service's 230 s front-end idle timeout. */
export const KEEP_ALIVE_MS = 240_000;

export interface BotServer {
  /** The services this server runs on (route installers read config and stores from here). */
  app: AppServices;
  server: Server;
  bot: PeerReflectBot;
  adapter: ReturnType<typeof createAdapter>;
  conversationState: ConversationState;
  /** Starts listening; resolves with the bound port (0 in config picks a free one). */
  listen(): Promise<number>;
  /** Stops accepting, waits for in-flight turns (up to graceMs), then resolves. Storage is closed by the caller. */
  close(graceMs?: number): Promise<void>;
}

export type RouteInstaller = (server: Server, bot: BotServer) => void;

export function createBotServer(app: AppServices, opts: { extraRoutes?: RouteInstaller[]; dialogs?: BuiltDialogs } = {}): BotServer {
  const { config, store } = app;
  const adapter = createAdapter(config);
  // Writes carry the etag each turn read, so two instances cannot overwrite each other's step (bot/stateStorage.ts).
  const stateStorage = new EtagCheckedStorage(cosmosStateStorage(store), store.database.container(BOT_STATE_CONTAINER));
  const conversationState = new ConversationState(stateStorage);
  const bot = new PeerReflectBot(app, conversationState, opts.dialogs ?? buildDialogs(app), stateStorage);

  const server = restify.createServer({ name: 'peerreflect', handleUncaughtExceptions: false });
  // Keep idle connections longer than the client or proxy in front (Azure's load balancers idle out at 4 min, undici
  // at 4 s): with Node's default 5 s, a busy server can close a socket just as a request reuses it (ECONNRESET, 502).
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  // Local mode: every route (the web chat too) answers only requests addressed to a loopback name (DNS rebinding).
  server.pre(requireLoopbackHost(config.localMode));
  server.use(restify.plugins.queryParser());
  let inFlight = 0;
  let idle: (() => void) | undefined;

  server.post(
    '/api/messages',
    requireJson,
    requireBearer(config.localMode),
    readJsonBody(config.maxBodyBytes),
    requireActivityShape,
    requireLoopbackServiceUrl(config.localMode),
    async (req, res) => {
      inFlight++;
      const started = Date.now();
      try {
        // processActivity rather than adapter.process: the latter answers 500 (with the error's message) to a
        // token whose signature fails to verify; here every token failure is a 401 (see httpGuards.authFailure).
        const activity = withDates(req.body as Activity);
        const invokeResponse = await adapter.runActivity(req.header('authorization') ?? '', activity, (context) =>
          withSpan('turn', { activityType: context.activity.type, channelId: context.activity.channelId }, () => bot.run(context)),
        );
        // An invoke whose turn failed has no answer, and botbuilder then says 501. The failure is ours (logged by
        // onTurnError, the person got the apology), so the sender gets 200 as for any message; 503 is the only 5xx.
        const status = invokeResponse?.status ?? 200;
        if (status >= 500 && status !== 503) log.error('http.invoke_unanswered', { status });
        res.send(status >= 500 && status !== 503 ? 200 : status, invokeResponse?.body);
      } catch (err) {
        const refusal = authFailure(err);
        if (refusal) {
          log.warn('http.unauthorized', { status: refusal.status, ...errorFields(err) });
          if (!res.headersSent) res.send(refusal.status, refusal.body);
        } else {
          log.error('http.process_failed', errorFields(err));
          if (!res.headersSent) res.send(500, { error: 'internal', message: 'The bot could not handle this activity.' });
        }
      } finally {
        inFlight--;
        log.debug('http.turn', { durationMs: Date.now() - started, status: res.statusCode });
        if (inFlight === 0) idle?.();
      }
    },
  );

  server.get('/healthz', async (_req, res) => {
    const storage = await store.ping();
    res.send(storage ? 200 : 503, { status: storage ? 'ok' : 'degraded', storage: storage ? 'ok' : 'unreachable', inFlight });
  });

  const botServer: BotServer = {
    app,
    server,
    bot,
    adapter,
    conversationState,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          app.outbox.start(); // delivers reflections a previous run kept while storage was down
          resolve(server.address().port);
        });
      }),
    async close(graceMs = 10_000) {
      server.server.close();
      app.outbox.stop();
      if (inFlight > 0) {
        log.info('shutdown.waiting', { pending: inFlight });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          idle = () => { clearTimeout(timer); resolve(); };
        });
      }
      server.server.closeIdleConnections?.();
      server.server.closeAllConnections?.();
    },
  };
  for (const install of opts.extraRoutes ?? []) install(server, botServer);
  return botServer;
}
