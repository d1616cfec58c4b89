// A server for the turn benchmark, run as its own process so the load generator doesn't share its CPU:
//   tsx bench/server.ts echo   — the baseline: a bare botbuilder echo bot on the same restify + CloudAdapter + Cosmos state stack
//   tsx bench/server.ts bot    — PeerReflect itself
// Both use the in-process Cosmos-compatible server (memory only). Prints `READY <port>` when listening.
// Bench-only route (never in the real bot): GET /bench/stats[?gc=1] → stored reflection and bot-state counts,
// RSS and heap (after a full GC when asked; start node with --expose-gc).
import { ActivityHandler, ConversationState } from 'botbuilder';
import restify, { type Server } from 'restify';
import { createAdapter } from '../bot/adapter';
import { createBotServer } from '../bot/server';
import { cosmosStateStorage } from '../bot/stateStorage';
import { createServices } from '../services/app';
import { loadConfig } from '../services/config';
import { setLogLevel } from '../services/log';
import { BOT_STATE_CONTAINER } from '../services/storage/containers';
import { openStore, type Store } from '../services/storage/cosmos';

function statsRoute(server: Server, store: Store): void {
  server.get('/bench/stats', async (req, res) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc && /gc=1/.test(req.url ?? '')) for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setImmediate(r)); }
    const count = async (id: string) => (await store.database.container(id).items.query<number>('SELECT VALUE COUNT(1) FROM c').fetchAll()).resources[0] ?? 0;
    const m = process.memoryUsage();
    res.send(200, { reflections: await count('reflections'), botState: await count(BOT_STATE_CONTAINER), rss: m.rss, heapUsed: m.heapUsed, gc: Boolean(gc) });
  });
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  setLogLevel('silent');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ID_SECRET: 'bench-secret-bench-secret-bench-secret-00' });
  const store = await openStore({ ...config, dataDir: undefined });
  let port: number;
  if (kind === 'echo') {
    const adapter = createAdapter(config);
    // The same Cosmos state storage and client options as the bot (retries included): only the bot differs.
    const state = new ConversationState(cosmosStateStorage(store));
    const turns = state.createProperty<number>('turns');
    const bot = new ActivityHandler();
    bot.onMessage(async (context, next) => {
      const n = (await turns.get(context, 0)) + 1;
      await turns.set(context, n);
      await context.sendActivity(`echo ${n}: ${context.activity.text ?? ''}`);
      await next();
    });
    const server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    statsRoute(server, store);
    server.post('/api/messages', async (req, res) => {
      await adapter.process(req, res, async (context) => {
        await bot.run(context);
        await state.saveChanges(context);
      });
    });
    port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
  } else if (kind === 'bot') {
    const app = createServices(config, store);
    port = await createBotServer(app, { extraRoutes: [(server) => statsRoute(server, store)] }).listen();
  } else {
    throw new Error(`unknown server kind ${kind}`);
  }
  process.on('SIGTERM', () => process.exit(0)); // a clean exit writes --cpu-prof profiles
  process.stdout.write(`READY ${port}\n`);
}

void main();
