// Configuration: read once from the environment (and .env when present), validated by an ajv schema.
// A bad value stops the start with one line that names the variable.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { IANAZone } from 'luxon';

export interface Config {
  port: number;
  host: string;
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  microsoftAppTenantId: string;
  cosmosEndpoint: string;
  cosmosKey: string;
  cosmosDatabase: string;
  dataDir: string;
  idSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  defaultTimeZone: string;
  reflectionTtlDays: number;
  stallWeeks: number;
  stallReflections: number;
  followUpDays: number;
  digestWeekday: number;
  digestHour: number;
  /** The day reporting weeks start on, in each person's zone (1 = Monday … 7 = Sunday): summary, export, digest. */
  weekStart: number;
  maxTextLength: number;
  maxBodyBytes: number;
  safetyProtocolFile: string;
  /** A JSON roster (services/roster.ts) applied at start; empty for none. */
  rosterFile: string;
  /** The public https base of this bot, for download links (exports); empty: files are sent inline. */
  publicBaseUrl: string;
  /** True when no Bot Framework credentials are set: the local web chat is served and no tokens are checked. */
  localMode: boolean;
  /** True when no COSMOS_ENDPOINT is set: an in-process Cosmos-compatible server is started. */
  embeddedCosmos: boolean;
  /** NODE_ENV=production: a service, not a pilot — COSMOS_ENDPOINT is required (the embedded store is refused). */
  production: boolean;
  /** How the bot signs in to an Azure Cosmos DB account: its key, or Microsoft Entra ID (managed identity) when no key is set. */
  cosmosAuth: 'key' | 'entra' | 'embedded';
  /** The client id of a user-assigned managed identity for Cosmos DB (Entra auth); empty: the system-assigned one. */
  azureClientId: string;
  /** Application Insights connection string; set: traces and metrics are exported (services/telemetry.ts). */
  telemetryConnectionString: string;
  /** CPU-seconds of synthetic notes the de-identifier reads at boot, before the first real note (bot/warmUp.ts); 0: none. */
  deidWarmUpSeconds: number;
}

/** Each variable: its config key, its schema, and its default (as the string it would be in the environment). */
const VARIABLES = {
  PORT: { key: 'port', schema: { type: 'integer', minimum: 0, maximum: 65535 }, default: '3978' },
  HOST: { key: 'host', schema: { type: 'string' }, default: '' },
  MicrosoftAppId: { key: 'microsoftAppId', schema: { type: 'string', pattern: '^$|^[0-9a-fA-F-]{36}$' }, default: '' },
  MicrosoftAppPassword: { key: 'microsoftAppPassword', schema: { type: 'string' }, default: '' },
  MicrosoftAppType: { key: 'microsoftAppType', schema: { enum: ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] }, default: 'MultiTenant' },
  MicrosoftAppTenantId: { key: 'microsoftAppTenantId', schema: { type: 'string' }, default: '' },
  COSMOS_ENDPOINT: { key: 'cosmosEndpoint', schema: { type: 'string', pattern: '^$|^https?://' }, default: '' },
  COSMOS_KEY: { key: 'cosmosKey', schema: { type: 'string' }, default: '' },
  COSMOS_DATABASE: { key: 'cosmosDatabase', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,255}$' }, default: 'peerreflect' },
  DATA_DIR: { key: 'dataDir', schema: { type: 'string', minLength: 1 }, default: 'data' },
  ID_SECRET: { key: 'idSecret', schema: { type: 'string', pattern: '^$|^.{32,}$' }, default: '' },
  LOG_LEVEL: { key: 'logLevel', schema: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] }, default: 'info' },
  DEFAULT_TIMEZONE: { key: 'defaultTimeZone', schema: { type: 'string', format: 'iana-zone' }, default: 'America/Toronto' },
  REFLECTION_TTL_DAYS: { key: 'reflectionTtlDays', schema: { type: 'integer', minimum: 1, maximum: 3650 }, default: '730' },
  STALL_WEEKS: { key: 'stallWeeks', schema: { type: 'integer', minimum: 1, maximum: 52 }, default: '6' },
  STALL_REFLECTIONS: { key: 'stallReflections', schema: { type: 'integer', minimum: 2, maximum: 20 }, default: '3' },
  FOLLOW_UP_DAYS: { key: 'followUpDays', schema: { type: 'integer', minimum: 1, maximum: 60 }, default: '7' },
  DIGEST_WEEKDAY: { key: 'digestWeekday', schema: { type: 'integer', minimum: 1, maximum: 7 }, default: '1' },
  DIGEST_HOUR: { key: 'digestHour', schema: { type: 'integer', minimum: 0, maximum: 23 }, default: '9' },
  WEEK_START: { key: 'weekStart', schema: { type: 'integer', minimum: 1, maximum: 7 }, default: '1' },
  MAX_TEXT_LENGTH: { key: 'maxTextLength', schema: { type: 'integer', minimum: 100, maximum: 20000 }, default: '2000' },
  MAX_BODY_BYTES: { key: 'maxBodyBytes', schema: { type: 'integer', minimum: 1024, maximum: 10485760 }, default: '262144' },
  SAFETY_PROTOCOL_FILE: { key: 'safetyProtocolFile', schema: { type: 'string' }, default: '' },
  ROSTER_FILE: { key: 'rosterFile', schema: { type: 'string' }, default: '' },
  NODE_ENV: { key: 'nodeEnv', schema: { type: 'string' }, default: '' },
  AZURE_CLIENT_ID: { key: 'azureClientId', schema: { type: 'string', pattern: '^$|^[0-9a-fA-F-]{36}$' }, default: '' },
  APPLICATIONINSIGHTS_CONNECTION_STRING: { key: 'telemetryConnectionString', schema: { type: 'string', pattern: '^$|InstrumentationKey=' }, default: '' },
  DEID_WARM_UP_SECONDS: { key: 'deidWarmUpSeconds', schema: { type: 'number', minimum: 0, maximum: 60 }, default: '1' },
  PUBLIC_BASE_URL: { key: 'publicBaseUrl', schema: { type: 'string', pattern: '^$|^https?://[^\\s]+[^/]$' }, default: '' },
} as const;

export type EnvName = keyof typeof VARIABLES;
export const ENV_NAMES = Object.keys(VARIABLES) as EnvName[];

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

const ajv = new Ajv({ allErrors: false, coerceTypes: true });
addFormats(ajv);
ajv.addFormat('iana-zone', { type: 'string', validate: (z: string) => IANAZone.isValidZone(z) });
const properties: Record<string, object> = {};
for (const [name, v] of Object.entries(VARIABLES)) properties[name] = v.schema;
const validate = ajv.compile({ type: 'object', properties });

function describe(e: ErrorObject): string {
  if (e.keyword === 'enum') return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'pattern' && e.instancePath.includes('ID_SECRET')) return 'must be at least 32 characters';
  if (e.keyword === 'pattern' && e.instancePath.includes('MicrosoftAppId')) return 'must be a GUID (or empty for local mode)';
  if (e.keyword === 'pattern' && e.instancePath.includes('COSMOS_ENDPOINT')) return 'must be an https:// URL (or empty for the embedded store)';
  if (e.keyword === 'pattern' && e.instancePath.includes('AZURE_CLIENT_ID')) return 'must be a GUID (the managed identity\'s client id) or empty';
  if (e.keyword === 'pattern' && e.instancePath.includes('APPLICATIONINSIGHTS')) return 'must be an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)';
  if (e.keyword === 'format') return 'must be an IANA time zone such as America/Toronto';
  return e.message ?? 'is invalid';
}

/** Builds the configuration from an environment map; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(VARIABLES)) {
    const value = env[name];
    raw[name] = value === undefined || value === '' ? v.default : value.trim();
  }
  if (!validate(raw)) {
    const e = validate.errors![0];
    const variable = e.instancePath.replace(/^\//, '') || 'configuration';
    throw new ConfigError(variable, `${describe(e)} (got "${redactValue(variable, env[variable])}")`);
  }
  const c: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(VARIABLES)) c[v.key] = raw[name];
  const config = c as unknown as Config;
  config.localMode = config.microsoftAppId === '';
  config.embeddedCosmos = config.cosmosEndpoint === '';
  config.production = (config as unknown as { nodeEnv: string }).nodeEnv === 'production';
  delete (config as unknown as { nodeEnv?: string }).nodeEnv;
  config.cosmosAuth = config.embeddedCosmos ? 'embedded' : config.cosmosKey ? 'key' : 'entra';
  if (config.production && config.embeddedCosmos) {
    throw new ConfigError(
      'COSMOS_ENDPOINT',
      'is required when NODE_ENV=production: your Azure Cosmos DB account, e.g. https://<account>.documents.azure.com:443/, ' +
        'with ID_SECRET, and COSMOS_KEY or none (then Microsoft Entra ID through the managed identity). See docs/DEPLOY.md. ' +
        'For a pilot on the embedded store, leave NODE_ENV unset',
    );
  }
  if (!config.host) config.host = config.localMode ? '127.0.0.1' : '0.0.0.0';
  if (!config.localMode && config.microsoftAppType !== 'UserAssignedMSI' && !config.microsoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
  }
  if (!config.localMode && config.microsoftAppType !== 'MultiTenant' && !config.microsoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${config.microsoftAppType}`);
  }
  if (!config.embeddedCosmos && !config.idSecret) throw new ConfigError('ID_SECRET', 'is required when COSMOS_ENDPOINT is set (at least 32 characters)');
  return config;
}

// Secrets never appear in the error line, even when malformed.
function redactValue(variable: string, value: string | undefined): string {
  if (/PASSWORD|KEY|SECRET|CONNECTION_STRING/i.test(variable)) return '***';
  return (value ?? '').slice(0, 60);
}
