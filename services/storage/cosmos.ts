// Opens the Cosmos database (Azure, the emulator, or the embedded default) and ensures every container exists.
// The same @azure/cosmos code path runs in all three cases.
import type { Agent } from 'node:https';
import { CosmosClient, type Container, type ContainerRequest, type CosmosClientOptions, type Database } from '@azure/cosmos';
import type { Config } from '../config';
import { log } from '../log';
import { BOT_STATE_CONTAINER, CONTAINER_NAMES, CONTAINERS, type ContainerName } from './containers';
import { statusOf } from './documents';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded';
import { REQUEST_BACKOFF, RETRY_OPTIONS, retryPlugin, type RequestRetryOptions } from './retry';
import type { TokenCredential } from '@azure/identity';
import { storageSpanPlugin } from '../telemetry';

export interface Store {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  /** Connection details, for botbuilder-azure's state storage which builds its own client. */
  endpoint: string;
  key: string;
  /** Microsoft Entra credential when there is no key (services/storage/credential.ts). */
  credential?: TokenCredential;
  agent?: Agent;
  /** Agent, timeouts and retries: every Cosmos client of the process (bot state's too) is built with these. */
  clientOptions: Omit<CosmosClientOptions, 'endpoint' | 'key'>;
  databaseId: string;
  /** Resolves true when the database answers a read within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  /**
   * After a deletion: make sure deleted documents are gone from disk too. The embedded store rewrites its
   * journal; Azure Cosmos DB has nothing to do.
   */
  compact(): Promise<void>;
  close(): Promise<void>;
}

export type StoreOptions = Pick<Config, 'cosmosEndpoint' | 'cosmosKey' | 'cosmosDatabase' | 'embeddedCosmos'> & {
  /** Where the embedded server keeps its journal; omit for a throw-away in-memory store (tests, benchmarks). */
  dataDir?: string;
  /** Per-attempt request timeout (default 5 s; retries are bounded separately, see retry.ts). */
  requestTimeoutMs?: number;
  /** Retry timing for 503s, timeouts and dropped connections (default REQUEST_BACKOFF: at most ~8 s in all). */
  backoff?: Partial<RequestRetryOptions>;
  /** Signs in with Microsoft Entra ID instead of a key (COSMOS_KEY empty; services/storage/credential.ts). */
  credential?: TokenCredential;
  /** An https.Agent for a COSMOS_ENDPOINT (the import tool: an embedded server's self-signed loopback certificate). */
  agent?: Agent;
  /** Puts something between the client and the embedded server (tests: the fault-injecting proxy). */
  interpose?: (upstream: { endpoint: string; agent: Agent }) => Promise<{ endpoint: string; agent: Agent }>;
};

export async function openStore(opts: StoreOptions): Promise<Store> {
  let embedded: EmbeddedCosmos | undefined;
  let endpoint = opts.cosmosEndpoint;
  let key = opts.cosmosKey;
  let agent: Agent | undefined = opts.agent;
  if (opts.embeddedCosmos) {
    embedded = await startEmbeddedCosmos({ dataDir: opts.dataDir });
    ({ endpoint, key, agent } = embedded);
    if (opts.interpose) ({ endpoint, agent } = await opts.interpose({ endpoint, agent: embedded.agent }));
  }
  const clientOptions = {
    agent,
    connectionPolicy: { enableEndpointDiscovery: !embedded, requestTimeout: opts.requestTimeoutMs ?? 5000, retryOptions: RETRY_OPTIONS },
    // `plugins` is a supported option the SDK's typings hide (@hidden); it wraps every network request.
    plugins: [storageSpanPlugin(), retryPlugin({ ...REQUEST_BACKOFF, ...opts.backoff })],
  } as Omit<CosmosClientOptions, 'endpoint' | 'key'>;
  const credential = embedded || key ? undefined : opts.credential;
  const client = new CosmosClient(credential ? { endpoint, aadCredentials: credential, ...clientOptions } : { endpoint, key, ...clientOptions });
  const database = await ensureDatabase(client, opts.cosmosDatabase);
  const containers = {} as Record<ContainerName, Container>;
  for (const name of CONTAINER_NAMES) {
    const def = CONTAINERS[name];
    containers[name] = await ensureContainer(database, {
      id: name,
      partitionKey: { paths: [def.partitionKey] },
      // -1: TTL on, no default; each document that should expire carries its own `ttl` (seconds).
      ...(def.ttl ? { defaultTtl: -1 } : {}),
    });
  }
  // Bot state's container too (partition /id, as botbuilder-azure makes it), so its storage never creates one.
  await ensureContainer(database, { id: BOT_STATE_CONTAINER, partitionKey: { paths: ['/id'] } });
  log.info('storage.opened', { mode: embedded ? 'embedded' : 'cosmos', count: CONTAINER_NAMES.length });
  return {
    client,
    database,
    containers,
    endpoint,
    key,
    credential,
    agent,
    clientOptions,
    databaseId: opts.cosmosDatabase,
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        });
        await Promise.race([database.read(), timeout]);
        return true;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async compact() {
      await embedded?.compact();
    },
    async close() {
      client.dispose();
      await embedded?.stop();
    },
  };
}

/**
 * Creates the database unless it exists. Two instances starting together both read "not found" and both
 * create: the loser's 409 means it exists now, which is all we wanted.
 */
export async function ensureDatabase(client: CosmosClient, id: string): Promise<Database> {
  try {
    return (await client.databases.createIfNotExists({ id })).database;
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
    return client.database(id);
  }
}

/** Creates the container unless it exists; "already exists" (409, another instance won the race) is success. */
export async function ensureContainer(database: Database, def: ContainerRequest): Promise<Container> {
  try {
    return (await database.containers.createIfNotExists(def)).container;
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
    return database.container(def.id!);
  }
}
