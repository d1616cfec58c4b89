// OpenTelemetry traces and metrics, exported to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is
// set (through @azure/monitor-opentelemetry), and a no-op otherwise. A span per turn, per storage call and per
// scheduled job. Attributes pass through the log's allow-list (safeFields): ids, counts, durations and codes,
// never text. No automatic instrumentation is switched on: HTTP and Azure SDK spans would carry URLs, query
// strings and Cosmos queries, which this allow-list would not have vetted.
import { diag, DiagLogLevel, metrics, SpanKind, SpanStatusCode, trace, type Attributes, type Histogram } from '@opentelemetry/api';
import type { PluginConfig } from '@azure/cosmos';
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { errorFields, log, safeFields, type LogFields } from './log';

const SCOPE = 'peerreflect';
/** Low-cardinality keys a metric may be split by (ids would make one series per person). */
const METRIC_KEYS = new Set(['activityType', 'channelId', 'kind', 'operation', 'container', 'status', 'errorName']);

// Application Insights files SERVER and CONSUMER spans under `requests`, CLIENT spans under `dependencies`.
const KINDS: Record<string, SpanKind> = { turn: SpanKind.SERVER, job: SpanKind.CONSUMER, storage: SpanKind.CLIENT };

/** Span attributes: exactly what a log line may carry. */
export function spanAttributes(fields: LogFields): Attributes {
  return safeFields(fields);
}

function metricAttributes(attrs: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attrs).filter(([k]) => METRIC_KEYS.has(k)));
}

// One duration histogram per span name, made on first use from whichever meter provider is registered then.
const histograms = new Map<string, Histogram>();
function durationHistogram(name: string): Histogram {
  let h = histograms.get(name);
  if (!h) {
    h = metrics.getMeter(SCOPE).createHistogram(`peerreflect.${name}.duration`, { unit: 'ms', description: `Duration of each ${name}` });
    histograms.set(name, h);
  }
  return h;
}

/**
 * Runs fn inside a span named `name` (turn, storage, job) and records its duration. A failure marks the span as an
 * error with the error's name and code — never its message, and no exception event (it would carry the message).
 */
export async function withSpan<T>(name: string, fields: LogFields, fn: () => Promise<T>): Promise<T> {
  return trace.getTracer(SCOPE).startActiveSpan(name, { kind: KINDS[name] ?? SpanKind.INTERNAL, attributes: spanAttributes(fields) }, async (span) => {
    const started = performance.now();
    const attrs: Attributes = spanAttributes(fields);
    try {
      const result = await fn();
      span.setStatus({ code: SpanStatusCode.OK });
      return result;
    } catch (err) {
      const failure = spanAttributes(errorFields(err));
      delete failure.stack;
      span.setAttributes(failure);
      span.setStatus({ code: SpanStatusCode.ERROR });
      Object.assign(attrs, { errorName: failure.errorName });
      throw err;
    } finally {
      const durationMs = performance.now() - started;
      span.setAttribute('durationMs', Math.round(durationMs));
      span.end();
      durationHistogram(name).record(durationMs, metricAttributes(attrs));
    }
  });
}

/** A Cosmos client plugin: one `storage` span per operation (retries inside it), named by operation and container. */
export function storageSpanPlugin(): PluginConfig {
  return {
    on: 'operation',
    plugin: (ctx, _diag, next) => {
      // The path is /dbs/<db>/colls/<container>/docs/<id>: only the container's name is kept.
      const container = /\/colls\/([^/]+)/.exec(ctx.path ?? '')?.[1];
      return withSpan('storage', { operation: ctx.operationType, container, kind: ctx.resourceType }, () => next(ctx));
    },
  };
}

export interface TelemetryOptions {
  connectionString: string;
  /** Extra processors and readers beside Application Insights' (tests: an in-memory exporter). */
  spanProcessors?: AzureMonitorOpenTelemetryOptions['spanProcessors'];
  /** Traces sampled per second (the distro's default, 5); 0 samples every trace (tests). */
  tracesPerSecond?: number;
  metricReaders?: AzureMonitorOpenTelemetryOptions['metricReaders'];
}

export interface Telemetry {
  /** Flushes what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

/** Starts exporting when a connection string is set; returns undefined (and costs nothing) otherwise. */
export function startTelemetry(opts: TelemetryOptions): Telemetry | undefined {
  if (!opts.connectionString) return undefined;
  // Loaded only when configured: the distro pulls in the whole OpenTelemetry SDK.
  const azure = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  const off = { enabled: false };
  azure.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: opts.connectionString, disableOfflineStorage: true },
    samplingRatio: 1,
    tracesPerSecond: opts.tracesPerSecond ?? 5,
    enableLiveMetrics: false,
    enableStandardMetrics: false,
    instrumentationOptions: { azureSdk: off, http: off, mongoDb: off, mySql: off, postgreSql: off, redis: off, redis4: off, bunyan: off, winston: off },
    spanProcessors: opts.spanProcessors,
    metricReaders: opts.metricReaders,
  });
  histograms.clear(); // made again from the provider just registered
  quietSdkLogs();
  log.info('telemetry.started', { mode: 'azure-monitor' });
  return {
    async shutdown() {
      try {
        await azure.shutdownAzureMonitor(); // flushes what is buffered
      } catch (err) {
        log.warn('telemetry.flush_failed', errorFields(err));
      }
      trace.disable();
      metrics.disable();
      diag.disable();
      histograms.clear();
    },
  };
}

/**
 * The distro turns on the Azure SDKs' own logging at `warning` and prints it, and OpenTelemetry's diagnostics, to the
 * console: Cosmos warnings name document paths and quote server messages. Both are switched off here; the
 * exporter's own trouble becomes one allow-listed event.
 */
function quietSdkLogs(): void {
  const { setLogLevel } = require('@azure/logger') as typeof import('@azure/logger');
  setLogLevel(undefined);
  const noop = () => undefined;
  diag.setLogger(
    { error: () => log.warn('telemetry.diag', { status: 'error' }), warn: () => log.debug('telemetry.diag', { status: 'warn' }), info: noop, debug: noop, verbose: noop },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}
