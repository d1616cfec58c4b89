// Entry point: `npm start`. Reads configuration, opens storage (the embedded default when COSMOS_ENDPOINT
// is empty), serves the bot, and shuts down gracefully on SIGTERM/SIGINT.
import 'dotenv/config';
import { createServices } from '../services/app';
import { ConfigError, loadConfig, type Config } from '../services/config';
import { errorFields, log, routeConsoleToLog, setLogLevel } from '../services/log';
import { localIdSecret } from '../services/secret';
import { openStore } from '../services/storage/cosmos';
import { cosmosCredential } from '../services/storage/credential';
import { scheduleRetention } from '../services/scheduler/retention';
import { startTelemetry } from '../services/telemetry';
import { isStoreRefused } from '../services/storage/refused';
import { exportRoute } from './exportRoute';
import { myDataRoute } from './myDataRoute';
import { createScheduler } from './proactive';
import { createBotServer } from './server';
import { warmUpDeidentifier } from './warmUp';
import { localChannelRoutes } from './webchat';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  setLogLevel(config.logLevel);
  routeConsoleToLog(); // the SDK's console lines (a refused token prints the signing keys) become allow-listed events
  const telemetry = startTelemetry({ connectionString: config.telemetryConnectionString });
  if (config.embeddedCosmos && !config.idSecret) config.idSecret = localIdSecret(config.dataDir);
  const credential = config.cosmosAuth === 'entra' ? cosmosCredential(config.azureClientId) : undefined;
  const store = await openStore({ ...config, credential, dataDir: config.embeddedCosmos ? config.dataDir : undefined });
  const app = createServices(config, store);
  await app.supervision.startup();
  if (config.embeddedCosmos) await scheduleRetention(app.jobs, app.now()); // Azure enforces TTL itself
  // The de-identifier's lists, models and compiled code before the first real note, not during it (bot/warmUp.ts).
  const warm = warmUpDeidentifier(config.deidWarmUpSeconds);
  if (warm.notes) log.info('deid.warm_up', { count: warm.notes, durationMs: warm.ms });
  const bot = createBotServer(app, { extraRoutes: [...localChannelRoutes(config), exportRoute(app), myDataRoute(app)] });
  const port = await bot.listen();
  log.info('server.listening', { port, mode: config.localMode ? 'local' : 'bot-framework' });
  // Proactive messages (reminders, follow-ups, digests) start once the server can also take the replies.
  const scheduler = createScheduler(app, bot.adapter);
  scheduler.start();
  const where = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  process.stdout.write(
    config.localMode
      ? `PeerReflect is running. Open ${where}/ to chat, or POST activities to ${where}/api/messages (storage: ${config.embeddedCosmos ? `embedded, kept in ${config.dataDir}/` : 'Cosmos DB'}).\n`
      : `PeerReflect is running on ${where}/api/messages (Bot Framework authentication on).\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutdown.start', { signal });
    await scheduler.stop();
    await bot.close();
    await store.close();
    await telemetry?.shutdown();
    log.info('shutdown.done', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  log.fatal('server.start_failed', errorFields(err));
  // A refusal names files, lines and pids only (never stored content), and says what to do: print it whole.
  if (isStoreRefused(err)) process.stderr.write(`PeerReflect could not start: ${err.message}\n`);
  else process.stderr.write(`PeerReflect could not start: ${(err as Error).name}. See the log line above.\n`);
  process.exit(1);
});
